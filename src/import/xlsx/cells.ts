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

/** Remove spaces and a bracketed note (预算数（万元） → 预算数) for label matching. */
export function labelKey(text: string): string {
  return text.replace(/\s+/g, "").replace(/[（(][^）)]*[）)]/g, "").replace(/^其中[:：]?/, "").replace(/[:：*＊]+$/, "");
}
