// Our own files: the hidden `_jixiao` sheet holds the Document JSON in chunks (what the visible sheets cannot
// hold); overlay.ts lays the visible sheets over it.
import type ExcelJS from "exceljs";
import { META_MAGIC, META_SHEET } from "../../render/xlsx-layout.js";
import { cellText, valueText } from "./cells.js";

export interface MetaRead {
  json: string;
}

export function readMeta(wb: ExcelJS.Workbook): MetaRead | null {
  const ws = wb.getWorksheet(META_SHEET);
  if (!ws || cellText(ws.getCell("A1")) !== META_MAGIC) return null;
  let json = "";
  for (let r = 2; r <= ws.rowCount; r++) json += valueText(ws.getCell(`A${r}`).value);
  return { json };
}
