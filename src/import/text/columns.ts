// The indicator table's columns, recognized from its header cells, and the labels of 一级/二级 cells.
import type { Indicator } from "../../domain/schema.js";
import { canonicalLabel, isLevel1Label, isLevel2Label } from "../../domain/taxonomy.js";
import { squash } from "./lines.js";

export type Column =
  | "level1"
  | "level2"
  | "name"
  | "description"
  | "value"
  | "basis"
  | "unit"
  | "direction"
  | "nature"
  | "weight"
  | "ignore";

/** Header cell text (whitespace removed) → column; checked in order, first match wins. */
const HEADER_CELLS: [RegExp, Column][] = [
  [/^一级指标$/, "level1"],
  [/^二级指标$/, "level2"],
  [/^三级指标(名称)?$/, "name"],
  [/^(绩效)?指标(描述|内容|说明)$|^指标解释$/, "description"],
  [/^指标值(确定|设定)?依据$|^(确定|设定|评价)?依据$|^指标来源$/, "basis"],
  [/^(绩效)?指标值|^目标值|^年度指标值$/, "value"],
  [/^(计量|度量)单位$|^单位$/, "unit"],
  [/^指标方向$|^方向$/, "direction"],
  [/^指标性质$|^性质$/, "nature"],
  [/^(分值|权重|指标分值|指标权重)(（%）|\(%\))?$/, "weight"],
];

/** Header names in the order tables print them; used to read a header whose cells run together. */
const RUN_TOGETHER_HEADER: [string, Column][] = [
  ["一级指标", "level1"],
  ["二级指标", "level2"],
  ["三级指标", "name"],
  ["绩效指标描述", "description"],
  ["指标描述", "description"],
  ["指标内容", "description"],
  ["指标值确定依据", "basis"],
  ["指标值", "value"],
  ["目标值", "value"],
  ["计量单位", "unit"],
  ["指标方向", "direction"],
  ["指标性质", "nature"],
  ["分值", "weight"],
  ["权重", "weight"],
];

export function headerColumn(cell: string): Column | null {
  const c = squash(cell);
  if (!c) return null;
  for (const [re, col] of HEADER_CELLS) if (re.test(c)) return col;
  return null;
}

/** Columns of a header given as cells; null unless it has 一级指标, 二级指标 and a 三级 or value column. */
export function headerColumns(cells: string[]): Column[] | null {
  const cols = cells.map((c) => headerColumn(c) ?? "ignore");
  const has = (c: Column) => cols.includes(c);
  if (!has("level1") || !has("level2") || !(has("name") || has("value"))) return null;
  return cols;
}

/** Columns of a header written without separators (`一级指标二级指标三级指标指标值`). */
export function runTogetherHeader(text: string): Column[] | null {
  let rest = squash(text);
  const cols: Column[] = [];
  while (rest) {
    const hit = RUN_TOGETHER_HEADER.find(([name]) => rest.startsWith(name));
    if (!hit) return null;
    cols.push(hit[1]);
    rest = rest.slice(hit[0].length);
  }
  return cols.includes("level1") && cols.includes("level2") && cols.length >= 3 ? cols : null;
}

/** A 一级 cell: a known 一级 label or variant. Kept as written (whitespace removed). */
export function asLevel1(cell: string): string | null {
  const c = squash(cell);
  return c && isLevel1Label(c) ? c : null;
}

export function asLevel2(cell: string): string | null {
  const c = squash(cell);
  return c && isLevel2Label(c) ? c : null;
}

/** Prefixes a run-together row may start with: full labels (ending in 指标) and their variants, longest first. */
export function labelPrefixes(level: 1 | 2, aliases: Record<string, string>, labels: string[]): string[] {
  const all = new Set<string>(labels);
  for (const [alias, target] of Object.entries(aliases)) {
    const isL1 = isLevel1Label(target);
    if ((level === 1) === isL1 && alias.endsWith("指标")) all.add(alias);
  }
  return [...all].sort((a, b) => b.length - a.length);
}

export function canonical(label: string): string | null {
  return canonicalLabel(label);
}

export function emptyIndicator(): Indicator {
  return { level1: "", level2: "", name: "", description: "", value: "", basis: "" };
}

/** Structured fields given as their own columns (指标方向, 计量单位, 分值, 指标性质). */
export function setStructured(ind: Indicator, col: Column, text: string): void {
  const t = squash(text);
  if (!t) return;
  if (col === "unit") ind.unit = text;
  else if (col === "direction" && (t === "正向" || t === "反向")) ind.direction = t;
  else if (col === "nature" && (t === "定量" || t === "定性")) ind.nature = t;
  else if (col === "weight") {
    const n = Number(t.replace(/[%％分]$/, ""));
    if (Number.isFinite(n)) ind.weight = n;
  }
}
