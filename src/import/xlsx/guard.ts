// Limits checked on an Excel package before exceljs reads it: exceljs builds every cell a merge covers and
// recounts columns per column, so a 6.5 KB workbook with a whole-sheet merge (F5:XFD1048576) or one cell at
// XFD1048576 would exhaust memory or hang the process. Sizes are read from the zip's directory first.
import JSZip from "jszip";
import { InputError } from "../../domain/errors.js";
import { MAX_MERGED_CELLS, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, MAX_XLSX_UNCOMPRESSED_BYTES } from "../../domain/limits.js";
import { centralDirectory, inflateLimited, megabytes } from "../readers/zip.js";

const SHEET = /^xl\/worksheets\/[^/]+\.xml$/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export async function guardWorkbook(buffer: Buffer, file: string): Promise<void> {
  const entries = centralDirectory(buffer, file, "Excel 文件");
  let total = 0;
  for (const entry of entries.values()) {
    if (entry.encrypted) throw new InputError(`${file}：Excel 文件已加密，无法读取（请取消密码保护后再导入）`);
    total += entry.uncompressedSize;
  }
  if (total > MAX_XLSX_UNCOMPRESSED_BYTES) {
    throw new InputError(`${file}：Excel 文件解压后为 ${megabytes(total)}，超过上限 ${megabytes(MAX_XLSX_UNCOMPRESSED_BYTES)}，拒绝读取（可能是压缩炸弹；过大的工作簿请拆分后再导入）`);
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch {
    throw new InputError(`${file}：Excel 文件已损坏，无法解压`);
  }
  let merged = 0;
  for (const path of Object.keys(zip.files).filter((p) => SHEET.test(p))) {
    const xml = await inflateLimited(
      zip.file(path)!,
      MAX_XLSX_UNCOMPRESSED_BYTES,
      (bytes) => new InputError(`${file}：工作表 ${path} 解压后超过 ${megabytes(bytes)}，拒绝读取（声明的大小与实际不符，文件可能被篡改）`),
      () => new InputError(`${file}：Excel 文件已损坏，无法解压 ${path}`),
    );
    for (const m of xml.matchAll(/<c\b[^>]*?\br="([A-Z]{1,3})(\d+)"/g)) checkCell(file, path, m[1], Number(m[2]));
    for (const m of xml.matchAll(/<mergeCell\b[^>]*?\bref="([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?"/g)) {
      const [c1, r1] = [columnNumber(m[1]), Number(m[2])];
      const [c2, r2] = m[3] ? [columnNumber(m[3]), Number(m[4])] : [c1, r1];
      merged += (Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1);
      if (merged > MAX_MERGED_CELLS) {
        throw new InputError(
          `${file}：合并单元格 ${m[1]}${m[2]}:${m[3] ?? m[1]}${m[4] ?? m[2]} 使合并区域共覆盖 ${merged.toLocaleString("en-US")} 个单元格，超过上限 ${MAX_MERGED_CELLS.toLocaleString("en-US")}，拒绝读取`,
        );
      }
      if (c2 > MAX_SHEET_COLUMNS || r2 > MAX_SHEET_ROWS) checkCell(file, path, m[3] ?? m[1], r2);
    }
  }
}

function checkCell(file: string, path: string, letters: string, row: number): void {
  const column = columnNumber(letters);
  if (row > MAX_SHEET_ROWS || column > MAX_SHEET_COLUMNS) {
    const sheet = path.replace(/^xl\/worksheets\//, "");
    throw new InputError(
      `${file}：工作表 ${sheet} 有单元格位于 ${letters}${row}（第 ${row.toLocaleString("en-US")} 行、第 ${column.toLocaleString("en-US")} 列），超过上限 ${MAX_SHEET_ROWS.toLocaleString("en-US")} 行、${MAX_SHEET_COLUMNS} 列，拒绝读取`,
    );
  }
}
