// Wrapped cells need explicit row heights: spreadsheet programs open rows at the default height.
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocumentJson } from "../../src/import/json.js";
import { renderProjectXlsx } from "../../src/render/index.js";

const gold = parseDocumentJson(readFileSync(join(import.meta.dirname, "../../examples/chengde-gxq-2023.gold.json"), "utf8"));

describe("xlsx row heights", () => {
  it("gives a row with long wrapped text more height than a one-line row", async () => {
    const project = gold.projects[0];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderProjectXlsx(project)) as unknown as ArrayBuffer);
    const ws = wb.worksheets.find((s) => s.state !== "hidden" && s.name !== "指标明细")!;
    const rowOf = (name: string) => {
      for (let r = 10; r <= ws.rowCount; r++) if (String(ws.getRow(r).getCell(3).value ?? "") === name) return ws.getRow(r);
      throw new Error(`row ${name} not found`);
    };
    const short = rowOf("企业满意度");
    const long = rowOf(project.indicators[4].name); // the long 经济效益 row
    expect(short.height).toBeGreaterThan(0);
    // At least three wrapped lines of about 14 pt, and clearly taller than the short row.
    expect(long.height).toBeGreaterThanOrEqual(3 * 14);
    expect(long.height).toBeGreaterThan(short.height);
  });
});
