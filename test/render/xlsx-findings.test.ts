// `render --to xlsx --with-findings`: marked cells with numbered notes (the HTML overlay's numbers), the
// 审核意见 sheet in report order, and a workbook that still imports back to the same Document.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { runRender } from "../../src/commands/render.js";
import { projectRef, type JixiaoDocument, type Project } from "../../src/domain/schema.js";
import { importFile } from "../../src/import/index.js";
import { importXlsx } from "../../src/import/xlsx.js";
import { renderDocumentHtml, renderDocumentXlsx, renderProjectXlsx } from "../../src/render/index.js";
import { FLAT_SHEET, META_SHEET, REVIEW_COLUMNS, REVIEW_SHEET } from "../../src/render/xlsx-layout.js";
import { validate } from "../../src/rules/engine.js";
import type { Finding, Severity } from "../../src/rules/types.js";
import { loadGold, loadWorkbook, makeIndicator, makeProject, ROOT, saveWorkbook } from "./helpers.js";

const gold = loadGold();
const findings = validate(gold).findings;
const FILL: Record<Severity, string> = { error: "FFFFC7CE", warning: "FFFFEB9C", info: "FFDDEBF7" };
const LABEL: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };
const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

const load = loadWorkbook;
const save = saveWorkbook;

function noteOf(cell: ExcelJS.Cell): string {
  const note = cell.note as unknown;
  if (!note) return "";
  if (typeof note === "string") return note;
  return (note as { texts: { text: string }[] }).texts.map((t) => t.text).join("");
}

function fillOf(cell: ExcelJS.Cell): string | null {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill?.pattern === "solid" ? (fill.fgColor?.argb ?? null) : null;
}

/** Where a finding is marked, worked out here independently of the writer. */
function cellOf(ws: ExcelJS.Worksheet, f: Finding): string {
  if (f.indicator !== null) {
    const column = { level1: "A", level2: "B", name: "C", description: "D", value: "F", basis: "G" }[f.field ?? "name"] ?? "F";
    return ws.getCell(`${column}${10 + f.indicator}`).master.address;
  }
  return { goals: "B8", budget: "C4", spendingPlan: "B7", code: "B3", name: "E3", purpose: "B5" }[f.field ?? ""] ?? "A1";
}

const decode = (html: string) =>
  html.replace(/<[^>]+>/g, "").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#x3D;/g, "=").replace(/&#x60;/g, "`")
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

describe("Excel findings overlay on the seed", async () => {
  const wb = await load(await renderDocumentXlsx(gold, { findings }));
  const sheets = wb.worksheets.filter((ws) => ws.state === "visible" && ws.name !== REVIEW_SHEET && ws.name !== FLAT_SHEET);
  const html = renderDocumentHtml(gold, { findings });

  it("has one project sheet per project, after the 审核意见 sheet", () => {
    expect(wb.worksheets[0].name).toBe(REVIEW_SHEET);
    expect(sheets.map((ws) => ws.getCell("B3").value)).toEqual(gold.projects.map((p) => p.code));
  });

  it("fills the offending cell of every finding with its worst severity and notes it", () => {
    let checked = 0;
    gold.projects.forEach((project, i) => {
      const ws = sheets[i];
      const own = findings.filter((f) => f.project === projectRef(project));
      const worst = new Map<string, Severity>();
      for (const f of own) {
        const ref = cellOf(ws, f);
        const prev = worst.get(ref);
        if (!prev || RANK[f.severity] > RANK[prev]) worst.set(ref, f.severity);
      }
      for (const f of own) {
        const cell = ws.getCell(cellOf(ws, f));
        expect(fillOf(cell), `${ws.name}!${cell.address} ${f.rule}`).toBe(FILL[worst.get(cell.address)!]);
        let entry = `[${LABEL[f.severity]}] ${f.message}\n修改建议：${f.hint}`;
        if (f.fix) entry += `\n建议改为：${f.fix}`;
        expect(noteOf(cell), `${ws.name}!${cell.address} ${f.rule}`).toContain(entry);
        checked++;
      }
    });
    expect(checked).toBe(findings.filter((f) => f.project !== null).length);
  });

  it("writes the exact note text on known cells, several findings on one cell sharing one note", () => {
    const p1 = sheets[0];
    expect(noteOf(p1.getCell("B8"))).toBe(
      "1. [错误] 绩效目标“1.目标内容 1”是模板文字，没有写出目标\n修改建议：" + findings.find((f) => f.rule === "goal-placeholder")!.hint,
    );
    expect(fillOf(p1.getCell("F11"))).toBe(FILL.error);
    expect(noteOf(p1.getCell("F11"))).toMatch(/^2\. \[错误\] 指标值“平台能否正常运行”是问句，不是目标值\n修改建议：/);
    // 环境治理与清洁能源专项, row 9: value-unit (warning, with a fix) and satisfaction-low (info) on one cell.
    const p3 = sheets[2];
    const note = noteOf(p3.getCell("F18"));
    expect(note.split("\n\n")).toHaveLength(2);
    expect(note).toMatch(/^\d+\. \[警告\] 指标值“≥60 百分比”的单位“百分比”不规范，应写“%”\n修改建议：.*\n建议改为：≥60%\n\n\d+\. \[提示\] 满意度目标“≥60 百分比”低于80%/s);
    expect(fillOf(p3.getCell("F18"))).toBe(FILL.warning);
    // The spending plan finding fills all four plan cells and is noted once.
    const p4 = sheets[3];
    expect(["B7", "C7", "D7", "F7"].map((a) => fillOf(p4.getCell(a)))).toEqual(Array(4).fill(FILL.warning));
    expect(noteOf(p4.getCell("B7"))).toMatch(/\[警告\] 资金支出计划12月底为空/);
    expect(noteOf(p4.getCell("F7"))).toBe("");
    // Explanation findings have no cell of their own: they go on the title.
    const p6 = sheets[5];
    expect(fillOf(p6.getCell("A1"))).toBe(FILL.warning);
    expect(noteOf(p6.getCell("A1"))).toMatch(/^2\. \[警告\] 说明写“共设置绩效指标4项”.*\n\n3\. \[警告\] 说明写/s);
    // Unmarked cells stay plain.
    expect(fillOf(p1.getCell("F10"))).toBeNull();
    expect(noteOf(p1.getCell("F10"))).toBe("");
    expect(fillOf(p1.getCell("A1"))).toBeNull();
  });

  it("numbers the notes exactly as the printed HTML does", () => {
    let entries = 0;
    sheets.forEach((ws, i) => {
      // includeEmpty: a note may sit on an empty cell (a blank spending-plan month).
      ws.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          for (const entry of noteOf(cell).split("\n\n").filter(Boolean)) {
            const m = entry.match(/^(\d+)\. \[(错误|警告|提示)\] ([^\n]+)/)!;
            expect(m, entry).not.toBeNull();
            const li = html.match(new RegExp(`<li id="p-${i + 1}-n${m[1]}"[^>]*>([\\s\\S]*?)</li>`));
            expect(li, `${ws.name} note ${m[1]}`).not.toBeNull();
            expect(decode(li![1])).toContain(`[${m[2]}]`);
            expect(decode(li![1])).toContain(m[3]);
            entries++;
          }
        }),
      );
    });
    expect(entries).toBe(findings.filter((f) => f.project !== null).length);
  });

  it("lists every finding on 审核意见 in report order, laid out for reading and filtering", () => {
    const ws = wb.getWorksheet(REVIEW_SHEET)!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...REVIEW_COLUMNS]);
    expect(ws.rowCount).toBe(findings.length + 1);
    const col = (name: (typeof REVIEW_COLUMNS)[number]) => REVIEW_COLUMNS.indexOf(name) + 1;
    findings.forEach((f, i) => {
      const row = ws.getRow(i + 2);
      const project = gold.projects.find((p) => projectRef(p) === f.project);
      expect(row.getCell(col("序号")).value).toBe(i + 1);
      expect(row.getCell(col("项目编码")).value ?? "").toBe(f.project ?? "");
      expect(row.getCell(col("项目名称")).value).toBe(project ? project.name : "（整个文档）");
      expect(row.getCell(col("规则")).value).toBe(f.rule);
      expect(row.getCell(col("级别")).value).toBe(LABEL[f.severity]);
      expect(fillOf(row.getCell(col("级别")))).toBe(FILL[f.severity]);
      expect(row.getCell(col("问题")).value).toBe(f.message);
      expect(String(row.getCell(col("修改建议")).value ?? "")).toBe(f.fix ? `${f.hint}\n建议改为：${f.fix}` : f.hint);
      if (f.indicator !== null && project) {
        const ind = project.indicators[f.indicator];
        expect(row.getCell(col("行")).value).toBe(f.indicator + 1);
        expect(row.getCell(col("三级指标")).value ?? "").toBe(ind.name);
        const field = (f.field ?? "name") as "value";
        expect(row.getCell(col("原填写内容")).value ?? "").toBe(ind[field] ?? "");
      }
      expect(row.height).toBeGreaterThanOrEqual(18);
    });
    const goalRow = ws.getRow(findings.findIndex((f) => f.rule === "goal-placeholder") + 2);
    expect(goalRow.getCell(col("行")).value).toBe("绩效目标");
    expect(goalRow.getCell(col("原填写内容")).value).toBe("1.目标内容 1");
    // Styles: bold bordered header, wrapped bordered cells, widths, frozen header, autofilter.
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("H1").border?.bottom?.style).toBe("thin");
    expect(ws.getCell("H2").alignment?.wrapText).toBe(true);
    expect(ws.getCell("H2").border?.left?.style).toBe("thin");
    expect(ws.getColumn(col("问题")).width).toBeGreaterThanOrEqual(30);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    // A long message wraps over several lines: its row is taller than a one-line row.
    const heights = findings.map((_, i) => ws.getRow(i + 2).height);
    expect(Math.max(...heights)).toBeGreaterThan(Math.min(...heights));
  });

  it("writes every cell as a value, never a formula", () => {
    for (const ws of wb.worksheets) {
      ws.eachRow((row) => row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      }));
    }
  });
});

describe("Excel findings overlay round trip", () => {
  it("imports back to the same Document, with the hidden sheet", async () => {
    expect(await importXlsx(await renderDocumentXlsx(gold, { findings }), "marked.xlsx")).toEqual(gold);
  });

  it("imports the visible sheets the same as an unmarked export when the hidden sheet is gone", async () => {
    const strip = async (buffer: Buffer) => {
      const wb = await load(buffer);
      wb.removeWorksheet(wb.getWorksheet(META_SHEET)!.id);
      return importXlsx(await save(wb), "plain.xlsx");
    };
    const marked = await strip(await renderDocumentXlsx(gold, { findings }));
    expect(marked).toEqual(await strip(await renderDocumentXlsx(gold)));
    expect(marked.importWarnings).toBeUndefined();
  });

  it("skips the findings list even when the reviewer renamed its tab", async () => {
    const wb = await load(await renderDocumentXlsx(gold, { findings }));
    wb.removeWorksheet(wb.getWorksheet(META_SHEET)!.id);
    wb.getWorksheet(REVIEW_SHEET)!.name = "给单位的意见";
    const back = await importXlsx(await save(wb), "renamed.xlsx");
    expect(back.projects.map((p) => p.indicators)).toEqual(gold.projects.map((p) => p.indicators));
    expect(back.importWarnings).toBeUndefined();
  });

  it("an export without findings has no 审核意见 sheet and no notes; with none found it says so", async () => {
    const plain = await load(await renderDocumentXlsx(gold));
    expect(plain.getWorksheet(REVIEW_SHEET)).toBeUndefined();
    plain.worksheets[0].eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (cell) => expect(noteOf(cell)).toBe("")));

    const clean: Project = makeProject({
      seq: 1, code: "P1", name: "干净项目",
      indicators: [makeIndicator({ level1: "产出指标", level2: "数量指标", name: "培训人次", value: "≥200人次" })],
    });
    const buffer = await renderProjectXlsx(clean, { findings: [] });
    const wb = await load(buffer);
    expect(wb.getWorksheet(REVIEW_SHEET)!.getCell("A2").value).toBe("未发现问题。");
    const doc: JixiaoDocument = { unit: "万元", toc: [], projects: [clean] };
    expect((await importXlsx(buffer, "clean.xlsx")).projects).toEqual((await importXlsx(await renderDocumentXlsx(doc), "c.xlsx")).projects);
  });
});

describe("jixiao render --to xlsx --with-findings", () => {
  it("writes the marked-up workbook to -o", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "jixiao-xlsx-findings-")), "marked.xlsx");
    await runRender(join(ROOT, "examples/chengde-gxq-2023.gold.json"), { to: "xlsx", output: out, withFindings: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets[0].name).toBe(REVIEW_SHEET);
    expect(wb.getWorksheet(REVIEW_SHEET)!.rowCount).toBe(findings.length + 1);
    expect(noteOf(wb.worksheets[1].getCell("F11"))).toMatch(/是问句/);
    expect(await importFile(out)).toEqual(gold);
  });
});
