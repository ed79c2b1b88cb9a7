// Edits made in Excel or WPS are never dropped: a value changed on a project sheet alone, or in 指标明细 alone,
// is what import and check read afterwards (the hidden copy only fills what the sheets cannot hold), and the
// import says what changed. Unchanged files read back exactly, with no warning.
import { describe, expect, it } from "vitest";
import { importXlsx } from "../../src/import/xlsx.js";
import { renderDocumentXlsx } from "../../src/render/index.js";
import { FLAT_SHEET } from "../../src/render/xlsx-layout.js";
import { loadGold, loadWorkbook, saveWorkbook } from "../render/helpers.js";

const gold = loadGold();

/** The cell of a sheet whose text is `text` (the first one). */
function cellWith(ws: import("exceljs").Worksheet, text: string): import("exceljs").Cell {
  let found: import("exceljs").Cell | undefined;
  ws.eachRow((row) => row.eachCell((cell) => {
    if (!found && String(cell.value ?? "").replace(/\s+/g, "") === text.replace(/\s+/g, "")) found = cell;
  }));
  if (!found) throw new Error(`no cell ${text} in ${ws.name}`);
  return found;
}

describe("our own Excel, edited after export", () => {
  it("an unedited export reads back as the Document it was, with no warning", async () => {
    const back = await importXlsx(await renderDocumentXlsx(gold), "原样.xlsx");
    expect(back.importWarnings).toBeUndefined();
    expect(back.projects.map((p) => p.indicators)).toEqual(gold.projects.map((p) => p.indicators));
  });

  it("a value changed on the project sheet alone is read, and named in a warning", async () => {
    const wb = await loadWorkbook(await renderDocumentXlsx(gold));
    const sheet = wb.worksheets[0];
    const first = gold.projects[0].indicators[0];
    cellWith(sheet, first.value).value = "3个";
    const back = await importXlsx(await saveWorkbook(wb), "改了项目表.xlsx");
    expect(back.projects[0].indicators[0].value).toBe("3个");
    expect(back.projects[0].summary).toBe(gold.projects[0].summary); // what the sheets cannot hold stays
    expect(back.importWarnings?.map((w) => w.message).join("\n")).toMatch(/导出后表格内容被修改：项目“高新区“亩均效益”综合评价专项”的第 1 行指标/);
  });

  it("a value changed in 指标明细 alone is read too", async () => {
    const wb = await loadWorkbook(await renderDocumentXlsx(gold));
    const flat = wb.getWorksheet(FLAT_SHEET)!;
    cellWith(flat, "企业满意度抽样调查表").value = "第三方测评";
    const back = await importXlsx(await saveWorkbook(wb), "改了明细.xlsx");
    const row = back.projects[0].indicators.find((i) => i.name === "企业满意度")!;
    expect(row.basis).toBe("第三方测评");
    expect(back.importWarnings?.[0].message).toMatch(/已按工作表“指标明细”的内容导入/);
  });

  it("a row deleted on the project sheet is gone after import", async () => {
    const wb = await loadWorkbook(await renderDocumentXlsx(gold));
    const sheet = wb.worksheets[0];
    const cell = cellWith(sheet, "企业满意度");
    sheet.spliceRows(Number(cell.row), 1);
    const back = await importXlsx(await saveWorkbook(wb), "删了一行.xlsx");
    expect(back.projects[0].indicators.map((i) => i.name)).not.toContain("企业满意度");
    expect(back.projects[0].indicators).toHaveLength(gold.projects[0].indicators.length - 1);
  });
});
