// The size limits of jixiao, each defined once with the reason for its figure. The README's
// “限制与拒绝 / Limits” section lists them and what happens at each.

/**
 * Largest MCP message, one JSON-RPC line over stdio or one HTTP body: the MCP SDK's own stdio buffer
 * (10 MiB), so both transports carry the same messages.
 */
export const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/**
 * Largest text import_document accepts inline. A CJK character is 3 bytes in UTF-8 and a line break 2 in
 * JSON, so 2,000,000 characters (≤ 6 MB) always fit into one message; the seed document is ~60,000.
 */
export const MAX_IMPORT_TEXT_CHARS = 2_000_000;

/** Largest file import_document reads from an allowed folder, checked before reading (a 绩效文本 is < 1 MB). */
export const MAX_INPUT_FILE_BYTES = 20 * 1024 * 1024;

/** Excel's limit on the characters of one cell (Excel specifications and limits). */
export const MAX_XLSX_CELL_CHARS = 32_767;

/** A byte count for a message: “10,485,760 字节（10 MiB）”. */
export function formatBytes(bytes: number): string {
  const exact = `${bytes.toLocaleString("en-US")} 字节`;
  if (bytes < 1024 * 1024) return exact;
  const mib = bytes / (1024 * 1024);
  return `${exact}（${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB）`;
}

/**
 * Largest Excel package after decompression, declared sizes summed before anything is inflated. Our own export
 * of 1,000 projects is ~25 MB of XML; exceljs needs about 20× that in memory.
 */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;

/**
 * Largest CSV file: exceljs builds a cell object per value, about 50× the file in memory (measured: 7.7 MB of the
 * seed's 指标明细 rows, 24,000 lines, peak 385 MB). A department's budget export is well under 1 MB.
 */
export const MAX_CSV_BYTES = 20 * 1024 * 1024;

/** The farthest row and column a worksheet cell may sit in (a budget export has tens of columns, thousands of rows). */
export const MAX_SHEET_ROWS = 200_000;
export const MAX_SHEET_COLUMNS = 1_024;

/** Cells covered by merges in one workbook: exceljs builds every covered cell (a whole-sheet merge is 17 billion). */
export const MAX_MERGED_CELLS = 1_000_000;
