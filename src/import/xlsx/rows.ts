// Indicator rows below a header row. Merged cells read as their master (so merged 一级/二级 carry down);
// blank 一级/二级 cells a person left empty also carry down within a project. A row that is not an
// indicator (a note, a signature line) is skipped with a warning, never silently.
import type ExcelJS from "exceljs";
import type { Indicator, ImportWarning } from "../../domain/schema.js";
import { normalizeOperator, operatorSign, structuredValue } from "../../render/structured.js";
import { cellNumber, cellText } from "./cells.js";
import type { Column, HeaderRow } from "./header.js";

export interface RawRow {
  row: number;
  text: Partial<Record<Column, string>>;
  numbers: Partial<Record<Column, number | null>>;
  /** One merged cell across the whole row (a note or signature line), not separate cells. */
  oneMergedCell: boolean;
}

export function readRawRows(ws: ExcelJS.Worksheet, header: HeaderRow): RawRow[] {
  const out: RawRow[] = [];
  for (let r = header.row + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const raw: RawRow = { row: r, text: {}, numbers: {}, oneMergedCell: false };
    let any = false;
    const masters = new Set<string>();
    let filled = 0;
    for (const [column, c] of Object.entries(header.columns) as [Column, number][]) {
      const cell = row.getCell(c);
      const text = column === "value" || column === "target" ? valueCellText(cell) : cellText(cell);
      raw.text[column] = text;
      if (column === "budget" || column === "fiscal" || column === "other") raw.numbers[column] = cellNumber(cell);
      // 目标值 and 分值 count as numbers only when the whole cell is one (90-95 stays text).
      if (column === "weight" || column === "target") {
        const percent = column === "target" && /^[-+]?\d+(?:\.\d+)?%$/.test(text) && /%/.test(cell.numFmt ?? "");
        raw.numbers[column] = percent
          ? Number(text.slice(0, -1))
          : typeof cell.value === "number" ? cell.value : /^[-+]?\d+(?:\.\d+)?$/.test(text) ? Number(text) : null;
      }
      if (text) {
        any = true;
        filled++;
        masters.add(cell.master.address);
      }
    }
    raw.oneMergedCell = filled > 1 && masters.size === 1;
    if (any) out.push(raw);
  }
  return out;
}

/**
 * A 指标值 cell as the person sees it: a number cell formatted as a percentage holds 0.8 for 80%, so it reads
 * as “80%” (reading 0.8 would turn a 80% target into 0.8%).
 */
function valueCellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  const result = typeof v === "object" && v !== null && "result" in v ? (v as { result?: unknown }).result : v;
  if (typeof result === "number" && /%/.test(cell.numFmt ?? "")) return `${Number((result * 100).toFixed(6))}%`;
  return cellText(cell);
}

/** True when the row has the cells of an indicator (a name or a value), not just a note in one cell. */
export function isIndicatorRow(raw: RawRow): boolean {
  const t = raw.text;
  return !raw.oneMergedCell && Boolean(t.name || t.value || t.target || t.description);
}

/**
 * One indicator from a row. The 指标值 text is kept as written; budget-system columns (指标性质, 目标值,
 * 计量单位, 指标方向, 分值) compose the value when there is no 指标值 column, and are kept as structured
 * fields where they say more than the value text itself.
 */
export function indicatorFromRow(
  raw: RawRow,
  carry: { level1: string; level2: string },
  sheet: string,
  warnings: ImportWarning[],
): Indicator {
  const t = raw.text;
  const level1 = t.level1 || carry.level1;
  const level2 = t.level2 || carry.level2;
  const natureText = (t.nature ?? "").replace(/\s+/g, "");
  const op = normalizeOperator(natureText);
  const targetText = t.target ?? "";
  const unit = t.unit ?? "";
  let value = t.value ?? "";
  if (!value && targetText) {
    // Compose 指标值 the way the printed form shows it: ≥ 80 % → ≥80%.
    const sign = op ? operatorSign(op) : "";
    value = `${sign === "＝" ? "" : sign}${targetText}${unit && !targetText.endsWith(unit) ? unit : ""}`;
  }
  const ind: Indicator = {
    level1, level2, name: t.name ?? "", description: t.description ?? "", value, basis: t.basis ?? "",
  };
  // Where the value was composed from the columns (a budget-system export: 指标性质 | 目标值 | 计量单位, no
  // 指标值 text), the columns are the source: every structured field is kept. Beside a 指标值 text (our own
  // 指标明细) they are derived from it, so only those that say more than the text are kept.
  const composed = !t.value && Boolean(targetText);
  const derived = structuredValue(ind);
  if (op && (composed || operatorSign(op) !== derived.nature)) ind.operator = op;
  if (natureText === "定性" && (composed || derived.nature !== "定性")) ind.nature = "定性";
  if (natureText === "定量" && (composed || derived.nature === "定性")) ind.nature = "定量";
  const direction = (t.direction ?? "").replace(/\s+/g, "");
  if ((direction === "正向" || direction === "反向") && (composed || direction !== derived.direction)) ind.direction = direction;
  else if (direction && direction !== "正向" && direction !== "反向") {
    warnings.push({ line: raw.row, message: `工作表“${sheet}”第${raw.row}行：指标方向“${direction}”不是“正向”或“反向”，已忽略` });
  }
  const targetNumber = raw.numbers.target;
  if (targetNumber !== null && targetNumber !== undefined && (composed || derived.target !== targetNumber)) ind.target = targetNumber;
  if (unit && (composed || unit !== derived.unit)) ind.unit = unit;
  const weight = raw.numbers.weight;
  if (weight !== null && weight !== undefined) ind.weight = weight;
  else if (t.weight) warnings.push({ line: raw.row, message: `工作表“${sheet}”第${raw.row}行：分值“${t.weight}”不是数字，已忽略` });
  return ind;
}
