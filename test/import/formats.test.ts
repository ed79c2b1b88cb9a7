// One gold, many formats: the seed's 14 projects and 126 indicator rows read the same from its text, from a
// Word 绩效文本, from a saved web page, from a Chromium-printed PDF, from our own Excel and from the
// budget-system flat sheet alone — every indicator field, through the registry and the one form reader.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importBytes, importFile } from "../../src/import/index.js";
import { renderDocumentXlsx } from "../../src/render/index.js";
import { FLAT_SHEET } from "../../src/render/xlsx-layout.js";
import { loadGold, loadWorkbook, saveWorkbook } from "../render/helpers.js";

const gold = loadGold();
const fixture = (name: string) => new URL(`../fixtures/formats/${name}`, import.meta.url).pathname;
const squash = (s: string | undefined) => (s ?? "").replace(/\s+/g, "");
const rowsOf = (doc: { projects: { indicators: { level1: string; level2: string; name: string; description: string; value: string; basis: string }[] }[] }) =>
  doc.projects.map((p) => p.indicators.map((i) => [i.level1, i.level2, i.name, i.description, i.value, i.basis].map(squash).join(" | ")));

function expectGoldRows(doc: Parameters<typeof rowsOf>[0]) {
  const got = rowsOf(doc);
  const want = rowsOf(gold);
  const wrong = want.flatMap((rows, k) => rows.filter((r, i) => got[k]?.[i] !== r).map((r) => `#${k + 1} ${r}`));
  if (wrong.length > 0) console.log(wrong.join("\n"));
  expect(doc.projects).toHaveLength(14);
  expect(got.flat()).toHaveLength(126);
  expect(wrong).toEqual([]);
}

describe("the seed in every format", () => {
  for (const file of ["../../../examples/chengde-gxq-2023.txt", "seed.docx", "seed.html", "seed.chromium.pdf"]) {
    it(`${file.replace(/^.*\//, "")}: 14 projects, 126 rows, every indicator field`, async () => {
      expectGoldRows(await importFile(fixture(file)));
    });
  }

  it("seed.docx, seed.html and seed.chromium.pdf also give every project field of the gold (name, code, budget, purpose, plan, goals, explanation) and Part 1", async () => {
    for (const file of ["seed.docx", "seed.html", "seed.chromium.pdf"]) {
      const doc = await importFile(fixture(file));
      const fields = (d: typeof gold) =>
        d.projects.map((p) => JSON.stringify([p.code, squash(p.name), p.budget, squash(p.purpose), p.spendingPlan, p.goals.map(squash), squash(p.summary), squash(p.funding), p.declaredCounts ?? null]));
      expect(fields(doc)).toEqual(fields(gold));
      expect(doc.department).toEqual(gold.department);
      expect(JSON.stringify(doc.overall).replace(/\s+/g, "")).toBe(JSON.stringify(gold.overall).replace(/\s+/g, ""));
      expect(doc.projects.map((p) => [squash(p.explanationTitle), squash(p.tableTitle)])).toEqual(gold.projects.map((p) => [squash(p.explanationTitle), squash(p.tableTitle)]));
      // The rendered 目录 carries no page numbers; in Word its titles are the gold's.
      if (!file.endsWith(".html")) expect(doc.toc.map((t) => squash(t.title).replace(/（未附绩效目标表）$/, ""))).toEqual(gold.toc.map((t) => squash(t.title)));
    }
  });

  it("seed.libreoffice.pdf: 14 projects, the 目录, and all 126 rows exact (a row LibreOffice cut across pages, cells it drew without a border)", async () => {
    const doc = await importFile(fixture("seed.libreoffice.pdf"));
    expect(doc.toc.map((t) => squash(t.title).replace(/（未附绩效目标表）$/, ""))).toEqual(gold.toc.map((t) => squash(t.title)));
    expectGoldRows(doc);
  });

  it("seed.libreoffice.pdf also gives every project field of the gold, with the purposes whose label a page break cut (预算规模及资 | 金用途)", async () => {
    const doc = await importFile(fixture("seed.libreoffice.pdf"));
    const fields = (d: typeof gold) =>
      d.projects.map((p) => JSON.stringify([p.code, squash(p.name), p.budget, p.spendingPlan, p.goals.map(squash), squash(p.summary), squash(p.funding), p.declaredCounts ?? null]));
    expect(fields(doc)).toEqual(fields(gold));
    const purposes = doc.projects.map((p, k) => squash(p.purpose) === squash(gold.projects[k].purpose));
    expect(purposes.filter(Boolean).length).toBe(14);
  });

  it("the 指标明细 sheet saved as CSV by LibreOffice, in GB18030 as Windows Excel writes it, gives the same rows and the structured fields", async () => {
    const doc = await importFile(fixture("seed-flat.gb18030.csv"));
    expectGoldRows(doc);
    expect(doc.department?.name).toBe("承德高新技术产业开发区经济与科技发展局本级");
    expect(doc.projects[0].indicators[0]).toMatchObject({ value: "1个", operator: "=", target: 1, unit: "个", direction: "正向" });
  });

  it("our own Excel and its 指标明细 sheet alone (the budget-system flat layout) give the same rows", async () => {
    const xlsx = await renderDocumentXlsx(gold);
    expectGoldRows(await importBytes({ buffer: xlsx, name: "seed.xlsx", ext: ".xlsx" }));
    const wb = await loadWorkbook(xlsx);
    for (const ws of [...wb.worksheets]) if (ws.name !== FLAT_SHEET) wb.removeWorksheet(ws.id);
    expectGoldRows(await importBytes({ buffer: await saveWorkbook(wb), name: "flat.xlsx", ext: ".xlsx" }));
  });

  it("what the bytes are wins over the name: a Word file called .xlsx and a PDF on standard input", async () => {
    const docx = readFileSync(fixture("seed.docx"));
    expect((await importBytes({ buffer: docx, name: "改名.xlsx", ext: ".xlsx" })).projects).toHaveLength(14);
    const pdf = readFileSync(fixture("seed.chromium.pdf"));
    expect((await importBytes({ buffer: pdf, name: "标准输入", ext: "" })).projects).toHaveLength(14);
  });
});
