// Cell looks and row sizing shared by the Excel sheets (project forms, 指标明细, 审核意见).
import type ExcelJS from "exceljs";
import type { Severity } from "../rules/types.js";

export type Cell = ExcelJS.Cell;
export type CellValue = string | number | null;

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" },
};
export const CENTER: Partial<ExcelJS.Alignment> = { vertical: "middle", horizontal: "center", wrapText: true };
export const LEFT: Partial<ExcelJS.Alignment> = { vertical: "middle", horizontal: "left", wrapText: true };
const TOP_LEFT: Partial<ExcelJS.Alignment> = { vertical: "top", horizontal: "left", wrapText: true };
const TOP_CENTER: Partial<ExcelJS.Alignment> = { vertical: "top", horizontal: "center", wrapText: true };
export const FONT = { name: "宋体", size: 10.5 };
const BOLD = { name: "宋体", size: 10.5, bold: true };
const TITLE_FONT = { name: "宋体", size: 14, bold: true };

export type Look = "center" | "left" | "bold" | "amount" | "title" | "top" | "topCenter";

/** Finding fills, as Excel's own 浅红/浅黄/浅蓝 highlight presets. */
const FILL_COLOR: Record<Severity, string> = { error: "FFFFC7CE", warning: "FFFFEB9C", info: "FFDDEBF7" };

function solid(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb }, bgColor: { argb } };
}

// One shared style object per look (and per look × severity fill): exceljs caches style ids by object
// identity, which keeps a 1,000-sheet workbook fast. Never mutate a cell's style after assigning one of
// these; assign another look instead.
export const LOOKS: Record<Look, Partial<ExcelJS.Style>> = {
  center: { font: FONT, alignment: CENTER, border: THIN },
  left: { font: FONT, alignment: LEFT, border: THIN },
  bold: { font: BOLD, alignment: CENTER, border: THIN },
  amount: { font: FONT, alignment: CENTER, border: THIN, numFmt: "0.00" },
  title: { font: TITLE_FONT, alignment: CENTER },
  top: { font: FONT, alignment: TOP_LEFT, border: THIN },
  topCenter: { font: FONT, alignment: TOP_CENTER, border: THIN },
};

const MARKED = Object.fromEntries(
  (Object.keys(LOOKS) as Look[]).map((look) => [
    look,
    Object.fromEntries(
      (Object.keys(FILL_COLOR) as Severity[]).map((sev) => [sev, { ...LOOKS[look], fill: solid(FILL_COLOR[sev]) }]),
    ),
  ]),
) as Record<Look, Record<Severity, Partial<ExcelJS.Style>>>;

/** The shared style of a look, with the fill of a finding's severity when the cell is marked. */
export function lookOf(look: Look, severity: Severity | null = null): Partial<ExcelJS.Style> {
  return severity ? MARKED[look][severity] : LOOKS[look];
}

/**
 * Assign a plain value. A string is always stored as a shared string (exceljs writes formulas only for
 * `{ formula }` objects), so `=100%` stays text.
 */
export function put(cell: Cell, value: CellValue, look: Look = "center", severity: Severity | null = null): void {
  cell.value = value;
  cell.style = lookOf(look, severity);
}

/** Display width in Excel character units: a CJK (full-width) character takes two. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return width;
}

const LINE_PT = 14;

/**
 * Set a row's height from its wrapped text. Excel, WPS and LibreOffice open rows at the default height
 * (they do not auto-fit on load), so without this a wrapped cell shows one line over the next row.
 * `cells` pairs each cell's text with the width it is shown in (merged columns added up).
 */
export function fitHeight(row: ExcelJS.Row, cells: [CellValue | undefined, number][]): void {
  let lines = 1;
  for (const [value, width] of cells) {
    if (value === null || value === undefined || value === "") continue;
    const usable = Math.max(2, width - 2);
    const count = String(value)
      .split("\n")
      .reduce((n, paragraph) => n + Math.max(1, Math.ceil(textWidth(paragraph) / usable)), 0);
    lines = Math.max(lines, count);
  }
  row.height = lines * LINE_PT + 4;
}
