// The column roles of a 绩效目标表's indicator header — one vocabulary for every format (text, Excel, Word,
// PDF, web pages): which header words mean the 一级/二级/三级 label, the value, its unit, operator, nature,
// direction, weight, basis … and the labels a 一级/二级 cell may hold.
import { LABEL_ALIASES, PROFILES, isLevel1Label, isLevel2Label, squash } from "./taxonomy.js";

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
  | "operator"
  | "weight"
  | "note"
  /** Columns that describe the project itself, in forms with one row per indicator (several projects). */
  | "projectName"
  | "projectCode"
  | "projectBudget"
  | "projectFiscal"
  | "projectOther"
  | "projectPurpose"
  | "projectGoals"
  /** The budget unit (单位名称) a flat export repeats on every row: the document's department. */
  | "unitName"
  /** The number of a value whose text is in another column (目标值 beside 指标值). */
  | "target"
  /** The 中期 set of a form with 中期 and 年度 columns side by side (kept in the project's notes). */
  | "mid:level2"
  | "mid:name"
  | "mid:value"
  | "mid:description"
  | "mid:basis"
  | "ignore";

/**
 * Header cell text (whitespace and a trailing unit note removed) → column; first match wins. Sources: the
 * 预算管理一体化 exports (指标性质/指标方向/目标值/计量单位/分值), provincial 申报表 (指标内容, 度量单位, 权重,
 * 指标方向性, 绩效标准, 评（扣）分标准), 财预〔2021〕101号's 绩效指标描述/指标值确定依据.
 */
const HEADER_CELLS: [RegExp, Column][] = [
  [/^一级指标(名称)?$/, "level1"],
  [/^二级指标(名称)?$/, "level2"],
  [/^三级指标(名称|内容)?$|^指标名称$|^指标内容$|^具体指标$|^绩效指标名称$/, "name"],
  [/^(绩效)?指标(描述|说明)$|^指标解释$|^指标定义$/, "description"],
  [/^指标值(确定|设定)?依据(说明)?$|^(确定|设定|评价)?依据$|^指标来源$|^绩效标准$|^评[（(]?扣[）)]?分标准$|^评分标准$|^计分方法$/, "basis"],
  [/^指标性质$|^性质$|^指标值类型$|^指标类型$/, "nature"],
  [/^(年度)?(绩效)?指标值|^(年度|指标)?目标值|^计划(指标)?值|^(当年|本年|年度)?预期(指标|实现|达到)?值|^指标值$/, "value"],
  [/^(计量|度量)单位$|^单位$/, "unit"],
  [/^指标方向(性)?$|^方向(性)?$|^指标属性$/, "direction"],
  [/^计算符号$|^比较符号$|^运算符号?$|^符号$/, "operator"],
  [/^(分值|权重|指标分值|指标权重|权重分值)([（(](%|分)[）)])?$/, "weight"],
  [/^备注$/, "note"],
  [/^项目名称$/, "projectName"],
  [/^(项目编码|项目代码|项目编号)$/, "projectCode"],
  [/^(预算数|预算金额|项目金额|资金总额|年度预算数|预算资金|项目预算|项目总额|年度资金总额)([（(](万元|元)[）)])?$/, "projectBudget"],
  [/^(其中[:：]?)?(财政资金|财政拨款)([（(](万元|元)[）)])?$/, "projectFiscal"],
  [/^(其他资金|其它资金)([（(](万元|元)[）)])?$/, "projectOther"],
  [/^资金用途$/, "projectPurpose"],
  [/^(年度|绩效|总体|年度绩效|项目绩效)目标$/, "projectGoals"],
  [/^(单位名称|预算单位(名称)?|部门名称|填报单位)$/, "unitName"],
];

/** 目标值 names the number when the table also has a 指标值 text column (budget-system exports have both). */
const TARGET_HEADER = /^(年度|指标)?目标值/;

/** Header names in the order tables print them; used to read a header whose cells run together. */
const RUN_TOGETHER_HEADER: [string, Column][] = [
  ["一级指标", "level1"],
  ["二级指标", "level2"],
  ["三级指标", "name"],
  ["指标名称", "name"],
  ["绩效指标描述", "description"],
  ["指标描述", "description"],
  ["指标内容", "name"],
  ["指标值确定依据", "basis"],
  ["年度指标值", "value"],
  ["指标值", "value"],
  ["目标值", "value"],
  ["当年预期实现值", "value"],
  ["预期实现值", "value"],
  ["指标解释", "description"],
  ["计量单位", "unit"],
  ["度量单位", "unit"],
  ["指标方向", "direction"],
  ["指标性质", "nature"],
  ["绩效标准", "basis"],
  ["分值", "weight"],
  ["权重", "weight"],
  ["备注", "note"],
];

export function headerColumn(cell: string): Column | null {
  // `*指标值`, `★指标解释`: a template's mark of a required column is no part of its name.
  const c = squash(cell).replace(/^[*＊★☆※]+/, "").replace(/[：:]$/, "");
  if (!c) return null;
  // `二级指标(长期)` | `二级指标(年度)`: the period of a column set named in each header cell.
  const period = /^(.+?)[（(](长期|中期|年度|本年度?)[）)]$/.exec(c);
  if (period) {
    const col = headerColumn(period[1]);
    const other = period[2] === "长期" || period[2] === "中期";
    return other && col && MID_COLUMNS.includes(col) ? (`mid:${col}` as Column) : col;
  }
  for (const [re, col] of HEADER_CELLS) if (re.test(c)) return col;
  return null;
}

/** The words of a 指标性质 cell and of a 指标方向 cell (budget-system exports, provincial 申报表). */
export const NATURE_WORD = /^(定量|定性)$/;
export const DIRECTION_WORD = /^(正向|反向)(指标)?$/;

/** The columns a 中期/长期 set repeats beside the 年度 one. */
const MID_COLUMNS: Column[] = ["level2", "name", "value", "description", "basis"];

/**
 * Columns of a header given as cells; null unless it names 一级 and 二级 (or 二级 and 三级) and a value.
 * A second 二级/三级/value set (a form with 中期 and 年度 columns) is marked `ignore` unless the header says
 * which one is 年度 — the caller picks the set with `yearSetOffset`.
 */
export function headerColumns(cells: string[]): Column[] | null {
  const cols = cells.map((c) => headerColumn(c) ?? "ignore");
  const has = (c: Column) => cols.includes(c);
  if (!(has("level1") || has("level2")) || !(has("name") || has("value"))) return null;
  if (!has("level2") && !has("name")) return null;
  const values = cols.flatMap((c, i) => (c === "value" ? [i] : []));
  const targets = values.filter((i) => TARGET_HEADER.test(squash(cells[i])));
  if (targets.length > 0 && targets.length < values.length) targets.forEach((i) => (cols[i] = "target"));
  // `绩效指标` right of the 二级 column, where no other column names the 三级, is the 三级 (left of the 一级 it is
  // the caption of the merged cell that spans the indicator block).
  const l2 = cols.indexOf("level2");
  if (l2 >= 0 && !cols.includes("name")) {
    const k = cells.findIndex((c, i) => i > l2 && /^绩效指标(名称)?$/.test(squash(c)));
    if (k >= 0) cols[k] = "name";
  }
  // 指标内容 beside a 三级指标 column describes it.
  const names = cols.flatMap((c, i) => (c === "name" ? [i] : []));
  if (names.length > 1 && /^三级/.test(squash(cells[names[0]]))) names.slice(1).forEach((i) => !/^三级/.test(squash(cells[i])) && (cols[i] = "description"));
  return cols;
}

/** The caption a header may run on from (`绩效指标`, `年度绩效指标`, `长期绩效指标`, the merged cell left of it). */
const BLOCK_CAPTION = "(?:年度|长期|中期)?绩效指标";
const CAPTION_BEFORE = new RegExp(`${BLOCK_CAPTION}\\s*$`);
const CAPTION_AT = new RegExp(`${BLOCK_CAPTION}\\s*(?=一级指标)`, "y");

/** Where a caption that ends at `at` (just before a header's 一级指标) starts; `at` when there is none. */
export function captionStart(text: string, at: number): number {
  const caption = CAPTION_BEFORE.exec(text.slice(Math.max(0, at - 8), at));
  return caption ? at - caption[0].length : at;
}

/** Columns of a header written without separators (`绩效指标一级指标二级指标指标内容指标值`). */
export function runTogetherHeader(text: string): Column[] | null {
  const t = squash(text);
  const run = headerRunAt(t, 0);
  return run && run.end === t.length ? run.columns : null;
}

/**
 * A header written without separators (or with single spaces) starting at `at` inside a longer text, as a page
 * copied onto one line holds it: its columns and where it ends; null unless it names 一级, 二级 and one more.
 */
export function headerRunAt(text: string, at: number): { columns: Column[]; end: number } | null {
  let i = at;
  CAPTION_AT.lastIndex = i;
  if (CAPTION_AT.exec(text)) i = CAPTION_AT.lastIndex;
  const cols: Column[] = [];
  let end = i;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    const hit = RUN_TOGETHER_HEADER.find(([name]) => text.startsWith(name, i));
    if (!hit) break;
    cols.push(hit[1]);
    i += hit[0].length;
    end = i;
  }
  return cols.includes("level1") && cols.includes("level2") && cols.length >= 3 ? { columns: cols, end } : null;
}

/**
 * The caption of an indicator block for another period than the year (`长期绩效指标`, `中期绩效指标`, in the
 * merged cell left of the header or above it): its rows are the 中期/长期 set, kept in notes.
 */
export function periodCaption(cell: string): "长期" | "中期" | null {
  const m = /^(长期|中期)(?:滚动)?(?:绩效)?(?:指标|目标)$/.exec(squash(cell));
  return m ? (m[1] as "长期" | "中期") : null;
}

/** A 一级 cell: a known 一级 label or variant, kept as written (whitespace removed). */
export function asLevel1(cell: string): string | null {
  const c = squash(cell);
  return c && isLevel1Label(withoutNote(c)) ? c : null;
}

export function asLevel2(cell: string): string | null {
  const c = squash(cell);
  return c && isLevel2Label(withoutNote(c)) ? c : null;
}

/** A template's note in a label (`数量指标(或建筑规模指标)`, `质量指标（必填）`) says nothing about its level. */
function withoutNote(label: string): string {
  return label.replace(/[（(][^（()）]*[）)]/g, "") || label;
}

/** Prefixes a run-together row may start with: full labels (ending in 指标) and their variants, longest first. */
function labelPrefixes(level: 1 | 2): string[] {
  const labels =
    level === 1
      ? Object.values(PROFILES).flatMap((p) => p.level1)
      : Object.values(PROFILES).flatMap((p) => Object.values(p.level2).flat());
  const all = new Set<string>(labels);
  for (const [alias, target] of Object.entries(LABEL_ALIASES)) {
    if ((level === 1) === isLevel1Label(target) && /指标$|效益$|满意度$/.test(alias)) all.add(alias);
  }
  return [...all].sort((a, b) => b.length - a.length);
}

export const LEVEL1_PREFIXES = labelPrefixes(1);
export const LEVEL2_PREFIXES = labelPrefixes(2);
/** Whole labels (ending in 指标), where a page copied onto one line starts a new row: longest first. */
export const FULL_LABELS = [...new Set([...LEVEL1_PREFIXES, ...LEVEL2_PREFIXES])].filter((l) => /指标$/.test(l)).sort((a, b) => b.length - a.length);
