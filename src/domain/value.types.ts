// The shape of a parsed 指标值. `parseValue(text)` in value.ts produces it and never throws.

/** Comparison, normalized: ≥ 不低于 不少于 …以上 → ">="; ≤ 不超过 不高于 …以内 …以下 → "<="; ＝ = → "=". */
export type Operator = ">=" | "<=" | "=" | ">" | "<";

/**
 * What the unit measures.
 * - percent: % 百分比 百分号 (normalized: the percent number, 95% → 95); permille: ‰ (normalized to percent: 5‰ → 0.5)
 * - money: 元 万元 亿元 (normalized: 元)
 * - unitCost: 元/人, 万元/个, 元/人·月 … (normalized: 元 per `per`)
 * - count: 个 次 户 人 人次 家 项 份 场 期 篇 套 台 件 批 所 座 处 …
 * - duration: 天 日 小时 个月 月 年 周 工作日
 * - measure: physical quantities: 平方米 亩 公里 千米 米 吨 千瓦 立方米 …
 * - none: a bare number with no unit
 */
export type UnitKind = "percent" | "permille" | "money" | "unitCost" | "count" | "duration" | "measure" | "none";

export interface QuantitativeValue {
  kind: "quantitative";
  raw: string;
  operator: Operator | null;
  /** The number as written (1.1 in `1.1万户`). */
  number: number;
  /** The number in base units: 万/亿 multipliers applied (1.1万户 → 11000), money in 元, ‰ as percent. */
  normalized: number;
  /** The unit as written, multipliers removed (`户`, `万元`, `百分比`, `元/人`); "" when none. */
  unit: string;
  unitKind: UnitKind;
  /** The standard spelling of the unit when the written one is nonstandard (百分比 → %, 百分号 → %). */
  standardUnit?: string;
  /** For unitCost: what the cost is per (`人`, `人·月`). */
  per?: string;
  /** A multiplier word 万/亿/千 was applied to the number (1.1万户). */
  scaled?: boolean;
  /** Free text around the number (`完成`, `配送`), kept so rules can tell a measure from prose. */
  prefix?: string;
  suffix?: string;
}

export interface DeadlineValue {
  kind: "deadline";
  raw: string;
  /** Usually "<=" (…前, 底前, 之前); "=" for an exact date; null when no comparison word. */
  operator: Operator | null;
  year?: number;
  month?: number;
  day?: number;
  /** `底` (end of month/year) or `中旬`/`上旬`/`下旬`/`季度` words when given. */
  period?: string;
  /** ISO date (YYYY-MM-DD) when year, month and day are all known (end of month resolved). */
  iso?: string;
  /** Set when the cell held an Excel date serial (44561 → 2021-12-31). */
  excelSerial?: number;
}

export interface RangeValue {
  kind: "range";
  raw: string;
  low: number;
  high: number;
  /** Normalized like QuantitativeValue.normalized. */
  normalizedLow: number;
  normalizedHigh: number;
  unit: string;
  unitKind: UnitKind;
  standardUnit?: string;
  /** `±3%以内`: a tolerance around a target rather than a low–high span (low = -3, high = 3). */
  tolerance?: boolean;
}

export interface GradeValue {
  kind: "grade";
  raw: string;
  /** The grade from the closed scale (达到预期, 显著提升, 有效改善, 良好, 优秀 …). */
  grade: string;
  operator: Operator | null;
}

export interface PlaceholderValue {
  kind: "placeholder";
  raw: string;
  /** Which placeholder form: 文字描述, %, **, XX, 待定 … */
  form: string;
}

/** Empty cell, or 无 (`none: true`). */
export interface EmptyValue {
  kind: "empty";
  raw: string;
  none: boolean;
}

export interface TextValue {
  kind: "text";
  raw: string;
  /** A yes/no question: 是否…, 能否…, 有无…, 可否…. */
  question: boolean;
  /** The text contains a digit (or a Chinese numeral count such as 三次) somewhere. */
  hasNumber: boolean;
}

export type ParsedValue =
  | QuantitativeValue
  | DeadlineValue
  | RangeValue
  | GradeValue
  | PlaceholderValue
  | EmptyValue
  | TextValue;

export interface ParseOptions {
  /** The 二级 of the row: a bare 5-digit number in a 时效 row is read as an Excel date serial. */
  level2?: string;
}
