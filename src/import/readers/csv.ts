// A CSV file (a budget system's export, a sheet saved as CSV) as a SourceDocument: exceljs's CSV reader (fast-csv
// underneath: quotes, commas and line breaks inside cells) fills a worksheet with the cells as written — no
// number or date conversion — and the sheet goes through the same reading as an Excel sheet. The bytes are
// decoded as for text first (GB18030 from Windows Excel is common).
import { Readable } from "node:stream";
import { InputError } from "../../domain/errors.js";
import { formatBytes, MAX_CSV_BYTES, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS } from "../../domain/limits.js";
import { decodeText } from "../decode.js";
import type { SourceDocument } from "../grid.js";
import { readSheet } from "./xlsx.js";

/** The separator the first lines use most: comma, semicolon (European Excel) or tab. */
function delimiterOf(text: string): string {
  const head = text.slice(0, 4096);
  const counts = [",", ";", "\t"].map((d) => [d, head.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

export async function readCsv(bytes: Buffer, name: string): Promise<SourceDocument> {
  if (bytes.length > MAX_CSV_BYTES) {
    throw new InputError(`${name}：CSV 文件有 ${formatBytes(bytes.length)}，超过上限 ${formatBytes(MAX_CSV_BYTES)}；请按单位或项目拆分后再检查，或另存为 .xlsx`);
  }
  const text = decodeText(bytes);
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  const body = text.replace(/^\uFEFF/, "");
  let ws;
  try {
    ws = await wb.csv.read(Readable.from([body]), { sheetName: name, map: (value: unknown) => value, parserOptions: { delimiter: delimiterOf(body) } });
  } catch (e) {
    throw new InputError(`${name}：不是有效的 CSV 文件（${(e as Error).message}）`);
  }
  if (ws.rowCount > MAX_SHEET_ROWS || ws.columnCount > MAX_SHEET_COLUMNS) {
    throw new InputError(`${name}：CSV 有 ${ws.rowCount} 行、${ws.columnCount} 列，超过上限（${MAX_SHEET_ROWS} 行、${MAX_SHEET_COLUMNS} 列）`);
  }
  return readSheet(ws, name);
}
