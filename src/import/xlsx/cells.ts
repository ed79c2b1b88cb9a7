// Reading exceljs cells as text or numbers, whatever the person typed: rich text, formulas (their cached
// result), hyperlinks, dates. Merged cells read as their master's value, which carries merged 一级/二级 down.
import type ExcelJS from "exceljs";

export function cellRef(row: number, col: number): string {
  let letters = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

function isoDate(d: Date): string {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`;
}

export function valueText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "是" : "否";
  if (value instanceof Date) return isoDate(value);
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) return valueText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("error" in value) return "";
  }
  return String(value);
}

export function cellText(cell: ExcelJS.Cell): string {
  return valueText(cell.value).replace(/\r\n?/g, "\n").trim();
}

/** True when the cell holds a formula (we read its cached result and say so). */
export function isFormula(cell: ExcelJS.Cell): boolean {
  const v = cell.value;
  return typeof v === "object" && v !== null && ("formula" in v || "sharedFormula" in v);
}

/** A number from a cell: a numeric cell, or text such as `10.00`, `1,000`, `10万元`; null when none. */
export function cellNumber(cell: ExcelJS.Cell): number | null {
  const v = cell.value;
  if (typeof v === "number") return v;
  return parseAmountText(cellText(cell));
}

export function parseAmountText(text: string): number | null {
  const m = text.replace(/[,，\s]/g, "").match(/^[-+]?\d+(?:\.\d+)?/);
  if (!m) return null;
  const n = Number(m[0]);
  return Number.isFinite(n) ? n : null;
}

/** Remove spaces and a bracketed note (预算数（万元） → 预算数) for label matching. */
export function labelKey(text: string): string {
  return text.replace(/\s+/g, "").replace(/[（(][^）)]*[）)]/g, "").replace(/^其中[:：]?/, "").replace(/[:：*＊]+$/, "");
}
