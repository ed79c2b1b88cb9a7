// Our own files: the hidden `_jixiao` sheet holds the Document JSON in chunks; its digest of the 指标明细
// sheet tells whether someone edited the visible sheets after export.
import type ExcelJS from "exceljs";
import { flatDigest, FLAT_COLUMNS, FLAT_SHEET, META_MAGIC, META_SHEET } from "../../render/xlsx-layout.js";
import { cellText, valueText } from "./cells.js";

export interface MetaRead {
  json: string;
  /** False when the visible 指标明细 sheet no longer matches what we wrote. */
  intact: boolean;
}

export function readMeta(wb: ExcelJS.Workbook): MetaRead | null {
  const ws = wb.getWorksheet(META_SHEET);
  if (!ws || cellText(ws.getCell("A1")) !== META_MAGIC) return null;
  let json = "";
  for (let r = 2; r <= ws.rowCount; r++) json += valueText(ws.getCell(`A${r}`).value);
  const digest = cellText(ws.getCell("B1"));
  const flat = wb.getWorksheet(FLAT_SHEET);
  if (!flat) return { json, intact: false };
  const rows: string[][] = [];
  for (let r = 2; r <= flat.rowCount; r++) {
    const row = flat.getRow(r);
    const cells = FLAT_COLUMNS.map((_, i) => valueText(row.getCell(i + 1).value));
    if (cells.some((c) => c !== "")) rows.push(cells);
  }
  return { json, intact: flatDigest(rows) === digest };
}
