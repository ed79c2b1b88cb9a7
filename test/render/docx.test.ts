// The Word 绩效文本: `render --to docx` of the seed reads back through the Word reader to the gold — every
// indicator field of the 126 rows, every project field, the 目录 — with merged 一级/二级 cells, A4 pages and a
// page number for each 目录 entry; clean by default, marked with --with-findings.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { runRender } from "../../src/commands/render.js";
import { importBytes, importFile } from "../../src/import/index.js";
import { emptyProject } from "../../src/domain/schema.js";
import { renderDocumentDocx } from "../../src/render/index.js";
import { validate } from "../../src/rules/engine.js";
import { buildProjectView } from "../../src/render/view.js";
import { compareDocuments } from "../import/compare.js";
import { loadGold, ROOT } from "./helpers.js";

const gold = loadGold();
const goldPath = join(ROOT, "examples/chengde-gxq-2023.gold.json");

async function documentXml(buffer: Buffer): Promise<string> {
  return (await JSZip.loadAsync(buffer)).file("word/document.xml")!.async("string");
}

describe("render --to docx", () => {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-docx-"));
  const out = join(dir, "seed.docx");
  const rendered = runRender(goldPath, { to: "docx", output: out }).then(() => readFileSync(out));

  it("reads back to the gold: every indicator field of the 126 rows and every project field", async () => {
    await rendered;
    const doc = await importFile(out);
    expect(doc.projects).toHaveLength(14);
    expect(doc.projects.flatMap((p) => p.indicators)).toHaveLength(126);
    const fields = ["code", "name", "budget", "purpose", "spendingPlan", "goals", "summary", "funding", "declaredCounts", "narrativeGoals", "narrativeIndicators", "evaluationBasis", "indicators"] as const;
    const pick = (d: typeof gold) => d.projects.map((p) => Object.fromEntries(fields.map((f) => [f, p[f] ?? null])));
    // Structured value columns are derived by the value grammar on both sides; compared as the gold has them.
    const strip = (d: typeof gold) => pick(d).map((p) => ({ ...p, indicators: (p.indicators as typeof gold.projects[0]["indicators"]).map(({ level1, level2, name, description, value, basis }) => ({ level1, level2, name, description, value, basis })) }));
    expect(compareDocuments(strip(doc), strip(gold), { squashStrings: true })).toEqual([]);
    expect(doc.department).toEqual(gold.department);
    expect(doc.year).toBe(gold.year);
    expect(doc.preparedBy).toBe(gold.preparedBy);
    expect(doc.reviewedBy).toBe(gold.reviewedBy);
    expect(doc.toc.map((t) => t.title)).toEqual(gold.toc.map((t) => t.title));
    expect(compareDocuments(doc.overall, gold.overall, { squashStrings: true })).toEqual([]);
  });

  it("has merged 一级/二级 cells, A4 pages, a repeated table header and a page reference per 目录 entry", async () => {
    const xml = await documentXml(await rendered);
    // Every 一级/二级 cell spanning several rows is one vertical merge: a restart and a continue per row covered;
    // the head table adds two per project (预算规模及资金用途, 资金支出计划 each over two rows).
    const spans = gold.projects.flatMap((p) => buildProjectView(p).rows.flatMap((r) => [r.level1?.rowspan ?? 1, r.level2?.rowspan ?? 1])).filter((n) => n > 1);
    expect(spans.length).toBeGreaterThan(gold.projects.length);
    expect((xml.match(/<w:vMerge w:val="restart"\/>/g) ?? []).length).toBe(spans.length + 2 * gold.projects.length);
    expect((xml.match(/<w:vMerge w:val="continue"\/>/g) ?? []).length).toBe(spans.reduce((sum, n) => sum + n - 1, 0) + 2 * gold.projects.length);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect((xml.match(/<w:tblHeader\/>/g) ?? []).length).toBe(gold.projects.length);
    // 3 Part-1 lines and one per project in the 目录 (the entry without a table has no page to point to).
    expect((xml.match(/PAGEREF jx_/g) ?? []).length).toBe(3 + gold.projects.length);
  });

  it("is clean by default and marked with findings", async () => {
    const clean = await documentXml(await rendered);
    for (const mark of ["修改建议", "未附绩效目标表", "目录列有此项", "w:fill=\"FDE2E2\"", "w:fill=\"FFF3CD\"", "w:fill=\"E3F0FB\"", "w:vertAlign w:val=\"superscript\""]) {
      expect(clean, mark).not.toContain(mark);
    }
    const findings = validate(gold).findings;
    const marked = await documentXml(await renderDocumentDocx(gold, { findings }));
    expect(marked).toContain("未附绩效目标表");
    expect(marked).toContain("修改建议");
    expect(marked).toMatch(/w:fill="(FDE2E2|FFF3CD)"/);
    expect(marked).toContain('w:vertAlign w:val="superscript"');
    // A marked file still reads back to the same rows.
    const dir2 = mkdtempSync(join(tmpdir(), "jixiao-docx-marked-"));
    const path = join(dir2, "marked.docx");
    await runRender(goldPath, { to: "docx", output: path, withFindings: true });
    expect((await importFile(path)).projects.flatMap((p) => p.indicators)).toHaveLength(126);
  });

  it("drops characters XML forbids (pasted control characters) so Word opens the file", async () => {
    const project = { ...emptyProject(1), name: "测试\u0001项目", code: "X1", indicators: [{ level1: "产出指标", level2: "数量指标", name: "培训\u0007次数", description: "", value: "≥4次", basis: "" }] };
    const buffer = await renderDocumentDocx({ unit: "万元", toc: [], projects: [project] });
    expect(await documentXml(buffer)).not.toMatch(/[\u0000-\u0008]/);
    const back = await importBytes({ buffer, name: "x.docx", ext: ".docx" });
    expect(back.projects[0].name).toBe("测试项目");
    expect(back.projects[0].indicators.map((i) => [i.name, i.value])).toEqual([["培训次数", "≥4次"]]);
  });
});
