// Number and text formatting shared by every renderer, so Markdown, HTML and Excel show the same figures.

/** An amount in 万元 as the official table prints it: two decimals; "" when unknown. */
export function formatAmount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  return value.toFixed(2);
}

/** A cumulative spending-plan percentage: "100%"; "" when not given. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  return `${trimNumber(value)}%`;
}

/** A number without float noise or trailing zeros (0.30000000000000004 → 0.3). */
export function trimNumber(value: number): string {
  return String(Number(value.toFixed(6)));
}

export const SPENDING_MONTHS = [
  { key: "mar", label: "3月底" },
  { key: "jun", label: "6月底" },
  { key: "oct", label: "10月底" },
  { key: "dec", label: "12月底" },
] as const;

export const INDICATOR_COLUMNS = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"] as const;

/** The title of a project's table: the one the source gave, else `<seq>.<name>绩效目标表`. */
export function tableTitleOf(project: { seq: number; name: string; tableTitle?: string }): string {
  if (project.tableTitle) return project.tableTitle;
  const prefix = project.seq > 0 ? `${project.seq}.` : "";
  return `${prefix}${project.name || "未命名项目"}绩效目标表`;
}

/** Severity labels used in the findings notes. */
export { SEVERITY_LABEL } from "../domain/vocabulary.js";
