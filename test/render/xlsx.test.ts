import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { InputError } from "../../src/domain/errors.js";
import type { JixiaoDocument } from "../../src/domain/schema.js";
import { importFile } from "../../src/import/index.js";
import { importXlsx } from "../../src/import/xlsx.js";
import { renderDocumentXlsx, renderProjectXlsx } from "../../src/render/index.js";
import { FLAT_COLUMNS, FLAT_SHEET, META_SHEET } from "../../src/render/xlsx-layout.js";
import { runRender } from "../../src/commands/render.js";
import { loadGold, loadWorkbook, makeIndicator, makeProject, ROOT, saveWorkbook } from "./helpers.js";

const gold = loadGold();

const load = loadWorkbook;
const save = saveWorkbook;

/** The fields the visible sheets carry (explanations live only in the hidden sheet). */
/** The text of an indicator as the sheets show it (the sheets also carry 指标明细's structured columns). */
const shown = (i: JixiaoDocument["projects"][number]["indicators"][number]) => ({
  level1: i.level1, level2: i.level2, name: i.name, description: i.description, value: i.value, basis: i.basis,
});

function visibleFields(doc: JixiaoDocument) {
  return doc.projects.map((p) => ({
    seq: p.seq, code: p.code, name: p.name, tableTitle: p.tableTitle, budget: p.budget, purpose: p.purpose,
    spendingPlan: p.spendingPlan, goals: p.goals, indicators: p.indicators.map(shown),
  }));
}

describe("Excel round trip", () => {
  it("gives back the gold Document exactly", async () => {
    const back = await importXlsx(await renderDocumentXlsx(gold), "gold.xlsx");
    expect(back).toEqual(gold);
  });

  it("reads the visible sheets losslessly when the hidden sheet is gone", async () => {
    const wb = await load(await renderDocumentXlsx(gold));
    wb.removeWorksheet(wb.getWorksheet(META_SHEET)!.id);
    const back = await importXlsx(await save(wb), "plain.xlsx");
    expect(visibleFields(back)).toEqual(visibleFields(gold));
    expect(back.department).toEqual(gold.department);
    expect(back.importWarnings).toBeUndefined();
  });

  it("reads 指标明细 alone losslessly (the budget-system flat layout)", async () => {
    const wb = await load(await renderDocumentXlsx(gold));
    for (const ws of [...wb.worksheets]) if (ws.name !== FLAT_SHEET) wb.removeWorksheet(ws.id);
    const back = await importXlsx(await save(wb), "flat.xlsx");
    expect(back.projects.map((p) => [p.code, p.name, p.budget.total, p.goals])).toEqual(
      gold.projects.map((p) => [p.code, p.name, p.budget.total, p.goals]),
    );
    expect(back.projects.map((p) => p.indicators.map(shown))).toEqual(gold.projects.map((p) => p.indicators.map(shown)));
  });

  it("notices edits made after export and imports what the sheets now say, with a warning", async () => {
    const wb = await load(await renderDocumentXlsx(gold));
    const flat = wb.getWorksheet(FLAT_SHEET)!;
    flat.getCell("N2").value = "2个";
    wb.worksheets[0].getCell("F10").value = "2个";
    const back = await importXlsx(await save(wb), "edited.xlsx");
    expect(back.projects[0].indicators[0].value).toBe("2个");
    expect(back.importWarnings?.[0].message).toMatch(/导出后表格内容被修改/);
  });
});

describe("Excel writer", () => {
  const project = makeProject({
    seq: 1, code: "P001", name: "测试项目", budget: { total: 12.5, fiscal: 10, other: 2.5 }, purpose: "用途",
    spendingPlan: { mar: 30, jun: 60, oct: 90, dec: 100 }, goals: ["目标一", "目标二"],
    indicators: [
      makeIndicator({ level1: "产出指标", level2: "数量指标", name: "数量A", value: "≥3个", basis: "合同" }),
      makeIndicator({ level1: "产出指标", level2: "数量指标", name: "数量B", value: "1.1万户" }),
      makeIndicator({ level1: "产出指标", level2: "质量指标", name: "合格率", value: "=100%" }),
      makeIndicator({ level1: "产出指标", level2: "成本指标", name: "费用", value: "≤10万元", weight: 10 }),
      makeIndicator({ level1: "效益指标", level2: "社会效益指标", name: "效果", value: "显著提升" }),
      makeIndicator({ level1: "满意度指标", level2: "服务对象满意度指标", name: "满意度", value: "=SUM(A1)" }),
    ],
  });

  it("writes values, never formulas (=100% stays text)", async () => {
    const wb = await load(await renderProjectXlsx(project));
    let cells = 0;
    for (const ws of wb.worksheets) {
      ws.eachRow((row) => row.eachCell((cell) => {
        cells++;
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        expect(typeof cell.value === "object" && cell.value !== null && "formula" in cell.value).toBe(false);
      }));
    }
    expect(cells).toBeGreaterThan(50);
    const form = wb.worksheets[0];
    expect(form.getCell("F12").value).toBe("=100%");
    expect(form.getCell("F15").value).toBe("=SUM(A1)");
  });

  it("lays the project sheet out like the official form", async () => {
    const wb = await load(await renderProjectXlsx(project, { department: { code: "105001", name: "某局" } }));
    const ws = wb.worksheets[0];
    expect(ws.name).toBe("1.测试项目");
    expect(ws.getCell("A1").value).toBe("1.测试项目绩效目标表");
    expect(ws.getCell("A2").value).toBe("105001 某局");
    expect(ws.getCell("F2").value).toBe("单位：万元");
    expect(ws.getCell("B3").value).toBe("P001");
    expect(ws.getCell("C4").value).toBe(12.5);
    expect(ws.getCell("B7").value).toBe("30%");
    expect(ws.getCell("F7").value).toBe("100%");
    expect(ws.getCell("B8").value).toBe("目标一\n目标二");
    expect(ws.getCell("A9").font?.bold).toBe(true);
    expect(ws.getCell("C10").alignment?.wrapText).toBe(true);
    expect(ws.getCell("C10").border?.left?.style).toBe("thin");
    // 三级指标 is one of the widest columns; all seven fit an A4 portrait page at ≥ 10 pt (≤ 77 characters).
    const widths = [1, 2, 3, 4, 5, 6, 7].map((c) => ws.getColumn(c).width ?? 0);
    expect(ws.getColumn(3).width).toBe(Math.max(...widths));
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(77);
    // 产出指标 over four rows, 数量指标 over two, 描述 over two columns.
    expect(ws.getCell("A13").isMergedTo(ws.getCell("A10"))).toBe(true);
    expect(ws.getCell("A14").isMerged).toBe(false);
    expect(ws.getCell("B11").isMergedTo(ws.getCell("B10"))).toBe(true);
    expect(ws.getCell("B12").isMergedTo(ws.getCell("B10"))).toBe(false);
    expect(ws.getCell("E10").isMergedTo(ws.getCell("D10"))).toBe(true);
  });

  it("writes the flat 指标明细 sheet in the budget-system columns with structured fields", async () => {
    const wb = await load(await renderProjectXlsx(project, { department: { code: "1", name: "某局" } }));
    const ws = wb.getWorksheet(FLAT_SHEET)!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...FLAT_COLUMNS]);
    const row = (n: number) => Object.fromEntries(FLAT_COLUMNS.map((h, i) => [h, ws.getRow(n).getCell(i + 1).value]));
    expect(row(2)).toMatchObject({ 单位名称: "某局", 项目编码: "P001", 预算数: 12.5, 年度目标: "目标一\n目标二", 指标性质: "≥", 指标方向: "正向", 目标值: 3, 计量单位: "个", 指标值: "≥3个" });
    expect(row(3)).toMatchObject({ 指标性质: "＝", 目标值: 11000, 计量单位: "户" });
    expect(row(5)).toMatchObject({ 指标性质: "≤", 指标方向: "反向", 目标值: 10, 计量单位: "万元", 分值: 10 });
    expect(row(6)).toMatchObject({ 指标性质: "定性", 目标值: "显著提升" });
    expect(wb.getWorksheet(META_SHEET)!.state).toBe("hidden");
  });

  it("keeps sheet names legal and unique", async () => {
    const doc: JixiaoDocument = {
      unit: "万元", toc: [],
      projects: [makeProject({ seq: 1, name: "a/b:c*?[项目]名称很长很长很长很长很长很长很长很长很长" }), makeProject({ seq: 1, name: "a/b:c*?[项目]名称很长很长很长很长很长很长很长很长很长" })],
    };
    const wb = await load(await renderDocumentXlsx(doc));
    const names = wb.worksheets.map((w) => w.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[\\/?*[\]:]/);
    }
  });
});

describe("Excel fixtures", () => {
  const fixture = (name: string) => importFile(join(ROOT, "test/fixtures/xlsx", name));

  it("person-form.xlsx: official form typed by a person, 金额单位：元, merged cells, a note row", async () => {
    const doc = await fixture("person-form.xlsx");
    expect(doc.projects).toHaveLength(1);
    const p = doc.projects[0];
    expect(doc.department).toEqual({ code: "", name: "某某区民政局" });
    expect(p.code).toBe("13082124P000123");
    expect(p.name).toBe("社区养老服务补贴");
    expect(p.tableTitle).toBe("2024年社区养老服务补贴项目绩效目标表");
    expect(p.budget).toEqual({ total: 50, fiscal: 45, other: 5 });
    expect(p.purpose).toBe("为辖区 80 岁以上老人发放养老服务补贴");
    expect(p.spendingPlan).toEqual({ mar: 25, jun: 50, oct: 80, dec: 100 });
    expect(p.goals).toEqual(["1.按时足额发放补贴", "2.提升老年人生活质量"]);
    expect(p.indicators.map((i) => [i.level1, i.level2, i.name, i.value])).toEqual([
      ["产出指标", "数量指标", "补贴发放人数", "≥1200人"],
      ["产出指标", "数量指标", "入户走访次数", "≥4次"],
      ["产出指标", "时效指标", "补贴发放时间", "2024年12月底前"],
      ["效益指标", "社会效益指标", "老年人生活质量", "有效改善"],
      ["满意度指标", "服务对象满意度指标", "老人满意度", "≥90%"],
    ]);
    expect(p.indicators[3].description).toBe("<script>alert(1)</script>");
    expect(p.indicators[0].basis).toBe("民政台账");
    expect(doc.importWarnings).toEqual([{ line: 15, message: expect.stringMatching(/工作表“绩效目标表” 第15行：不是指标行，未导入：填报人：张三/) }]);
  });

  it("person-plain.xlsx: title row, label cells, merged 一级, blank 二级 carried down, rich text, numbers", async () => {
    const doc = await fixture("person-plain.xlsx");
    const p = doc.projects[0];
    expect(p.name).toBe("农村道路养护");
    expect(p.budget.total).toBe(86.5);
    expect(p.indicators).toHaveLength(6);
    expect(p.indicators[0]).toMatchObject({ level1: "产出指标", level2: "数量指标", name: "养护里程", value: "≥120公里", basis: "养护合同" });
    expect(p.indicators[1]).toMatchObject({ level1: "产出指标", level2: "数量指标", name: "修补坑槽面积", value: "3000" });
    expect(p.indicators[2]).toMatchObject({ level1: "产出指标", level2: "质量指标", value: "=100%" });
    expect(p.indicators[3]).toMatchObject({ level1: "产出指标", level2: "成本指标", value: "≤0.7万元/公里" });
    expect(p.indicators[5]).toMatchObject({ level1: "满意度指标", name: "沿线群众满意度", value: "≥90%" });
  });

  it("budget-export-a.xlsx: several projects in one sheet, project cells on first rows only, amounts in 元", async () => {
    const doc = await fixture("budget-export-a.xlsx");
    expect(doc.department?.name).toBe("某某县教育局");
    expect(doc.projects.map((p) => [p.seq, p.code, p.name, p.budget.total, p.goals, p.indicators.length])).toEqual([
      [1, "13102224P000101", "学生营养改善计划", 120, ["保障农村义务教育学生营养膳食"], 5],
      [2, "13102224P000102", "校舍维修改造", 80, ["完成 3 所学校校舍维修"], 4],
    ]);
    const [a, b] = doc.projects;
    expect(a.indicators[0]).toMatchObject({ level1: "产出指标", level2: "数量指标", name: "受益学生人数", value: "≥3500人", basis: "学籍系统", weight: 20 });
    expect(a.indicators[1]).toMatchObject({ value: "≤0%", weight: 15 });
    expect(a.indicators[2]).toMatchObject({ value: "5元/人·天" });
    expect(a.indicators[3]).toMatchObject({ value: "有效改善", weight: 30 });
    expect(b.indicators[1]).toMatchObject({ level2: "时效指标", value: "2024年9月前" });
    expect(b.indicators[2]).toMatchObject({ value: "≥20年" });
    expect([...a.indicators, ...b.indicators].reduce((s, i) => s + (i.weight ?? 0), 0)).toBe(180);
  });

  it("budget-export-b.xlsx: merged project cells, 指标值 with structured columns, an instruction sheet skipped", async () => {
    const doc = await fixture("budget-export-b.xlsx");
    expect(doc.projects).toHaveLength(1);
    const p = doc.projects[0];
    expect(p).toMatchObject({ name: "经济普查专项", code: "", goals: ["完成第五次全国经济普查清查登记"] });
    expect(p.budget.total).toBe(45.6);
    expect(p.indicators.map((i) => [i.level1, i.level2, i.value, i.weight])).toEqual([
      ["成本指标", "经济成本指标", "≤45.6万元", 20],
      ["产出指标", "数量指标", "≥1.1万个", 30],
      ["产出指标", "质量指标", "≤1%", 20],
      ["效益指标", "社会效益指标", "达到预期", 20],
      ["满意度指标", "服务对象满意度指标", "≥90%", 10],
    ]);
    // The budget system's own columns are kept beside the value text.
    expect(p.indicators[1]).toMatchObject({ operator: ">=", target: 1.1, direction: "正向" });
    expect(doc.importWarnings?.map((w) => w.message)).toEqual([expect.stringMatching(/填表说明.*已跳过/)]);
  });

  it("keeps structured fields that say more than the value text", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("导出");
    ws.addRow(["项目名称", "一级指标", "二级指标", "三级指标", "指标值", "指标性质", "目标值", "计量单位", "指标方向"]);
    ws.addRow(["P", "产出指标", "数量指标", "培训人次", "完成培训", "≥", 200, "人次", "正向"]);
    const doc = await importXlsx(await save(wb), "x.xlsx");
    expect(doc.projects[0].indicators[0]).toMatchObject({ value: "完成培训", operator: ">=", target: 200, unit: "人次", direction: "正向" });
  });

  it("the generated fixtures are committed next to their generator as .xlsx (zip) files", () => {
    for (const f of ["person-form.xlsx", "person-plain.xlsx", "budget-export-a.xlsx", "budget-export-b.xlsx"]) {
      expect(readFileSync(join(ROOT, "test/fixtures/xlsx", f)).subarray(0, 2).toString()).toBe("PK");
    }
  });
});

describe("bad Excel input", () => {
  it("reports a password-protected (OLE) file", async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    await expect(importXlsx(ole, "secret.xlsx")).rejects.toThrow(/secret\.xlsx：文件设有打开密码/);
  });

  it("reports a file that is not a zip and a truncated one", async () => {
    await expect(importXlsx(Buffer.from("hello"), "a.xlsx")).rejects.toThrow(InputError);
    const good = await renderProjectXlsx(gold.projects[0]);
    await expect(importXlsx(good.subarray(0, 2000), "cut.xlsx")).rejects.toThrow(/cut\.xlsx：Excel 文件已损坏/);
  });

  it("names the sheet when no indicator header can be found", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("杂项").addRow(["姓名", "电话"]);
    await expect(importXlsx(await save(wb), "m.xlsx")).rejects.toThrow(/m\.xlsx：工作表“杂项”中找不到指标表头/);
  });

  it("names the header row and the missing 三级 column in a warning", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表1");
    ws.addRow(["标题"]);
    ws.addRow(["一级指标", "二级指标", "指标值", "依据"]);
    const doc = await importXlsx(await save(wb), "h.xlsx");
    expect(doc.importWarnings?.map((w) => w.message).join("\n")).toMatch(/工作表“表1” 第2行：表头没有“三级指标”列/);
  });

  it("reports an empty workbook", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    await expect(importXlsx(await save(wb), "e.xlsx")).rejects.toThrow(/e\.xlsx：工作簿中没有内容/);
  });
});

describe("jixiao render", () => {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-render-"));
  const goldPath = join(ROOT, "examples/chengde-gxq-2023.gold.json");

  it("writes md, html and xlsx files", async () => {
    await runRender(goldPath, { to: "md", output: join(dir, "a.md"), project: "13081123P00004610002X" });
    const md = readFileSync(join(dir, "a.md"), "utf8");
    expect(md).toContain("### 1.高新区“亩均效益”综合评价专项绩效目标表");
    expect(md).not.toContain("经济普查");
    await runRender(goldPath, { to: "html", output: join(dir, "a.html"), project: "#5" });
    expect(readFileSync(join(dir, "a.html"), "utf8")).toContain("经济普查工作经费绩效目标表");
    await runRender(goldPath, { to: "xlsx", output: join(dir, "a.xlsx") });
    expect(await importFile(join(dir, "a.xlsx"))).toEqual(gold);
  });

  it("rejects an unknown format or project with a Chinese message", async () => {
    await expect(runRender(goldPath, { to: "pdf" })).rejects.toThrow(/--to 应为 md、html、xlsx 或 docx/);
    await expect(runRender(goldPath, { to: "md", project: "NOPE" })).rejects.toThrow(/找不到项目“NOPE”/);
  });
});

describe("flat tables without a project on the first row", () => {
  it("names the file, sheet and cell", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("导出");
    ws.addRow(["项目名称", "一级指标", "二级指标", "三级指标", "指标值"]);
    ws.addRow([null, "产出指标", "数量指标", "培训人次", "≥200人次"]);
    const doc = await importXlsx(await save(wb), "f.xlsx");
    expect(doc.importWarnings?.map((w) => w.message).join("\n")).toMatch(/工作表“导出” 第2行：指标行没有所属项目（项目名称、项目编码都是空的）/);
  });
});
