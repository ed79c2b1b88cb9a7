// Shared judgements of the value rules (what a value is: a cost row, a money amount, a rewrite of it). Each value
// problem is reported once, but not by rules asking each other: the value rules declare the value field exclusive
// and the engine keeps the first hit per row in registry order —
//   placeholder > repeats-name > question > cost-not-money > timeliness-vague > not-measurable > direction > over-100 > unit.
import { normalizeValueText, OPERATOR_PATTERN, operatorOfWord } from "../domain/value.js";
import type { Operator, ParsedValue } from "../domain/value.types.js";
import { squash } from "./structure-util.js";
import type { RowContext } from "./types.js";
import {
  COST_CONTROL_RE,
  COST_RE,
  GAIN_RE,
  GROWTH_RE,
  RATE_NAME_RE,
  SATISFACTION_RE,
  TIMELY_RE,
  measureDirection,
} from "./vocabulary/measures.js";

const PERCENT_TAG_RE = /[（(]\s*[%％‰]\s*[)）]/g;
// Whitespace, ASCII and CJK punctuation and the symbols tables use (an explicit class: \p{P} is slower).
const PUNCT_RE = /[\s!-/:-@[-`{-~\u00a0-\u00bf\u2000-\u206f\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65≥≤＞＜]/g;

/** The 三级 name without its `（%）` unit tag and surrounding blanks. */
export function measureName(name: string): string {
  // Test before replacing: most names have neither, and a test allocates nothing.
  const untagged = PERCENT_TAG_TEST_RE.test(name) ? name.replace(PERCENT_TAG_RE, "") : name;
  return squash(untagged);
}
const PERCENT_TAG_TEST_RE = new RegExp(PERCENT_TAG_RE.source);

const PUNCT_TEST_RE = new RegExp(PUNCT_RE.source);

/** What bare() removes, as a pattern (the definition; bare() reads it through a table built from it). */
export const BARE_REMOVED_RE = PUNCT_RE;

/** Text reduced for comparison: no whitespace, punctuation or symbols. */
export function bare(text: string): string {
  // Most cells hold no punctuation at all: find the first character to remove before building a new string.
  let i = 0;
  while (i < text.length && !isRemovedByBare(text.charCodeAt(i))) i++;
  if (i === text.length) return text;
  // Keep the runs between removed characters as slices.
  let out = text.slice(0, i);
  let start = -1;
  for (; i < text.length; i++) {
    if (isRemovedByBare(text.charCodeAt(i))) {
      if (start >= 0) out += text.slice(start, i);
      start = -1;
    } else if (start < 0) start = i;
  }
  return start >= 0 ? out + text.slice(start) : out;
}

/**
 * Which UTF-16 code units bare() removes (1), read from PUNCT_RE itself on first use. PUNCT_RE lists nothing
 * from kana to Hangul (U+3040–U+FEFE, CJK included): those are kept without a look-up.
 */
let punctuationUnits: Uint8Array | null = null;
function isRemovedByBare(code: number): boolean {
  if (code >= 0x3040 && code < 0xfeff) return false;
  if (punctuationUnits === null) {
    punctuationUnits = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c = c === 0x303f ? 0xfeff : c + 1) {
      if (PUNCT_TEST_RE.test(String.fromCharCode(c))) punctuationUnits[c] = 1;
    }
  }
  return punctuationUnits[code] === 1;
}

/**
 * bare(text) === bareOther, decided without building bare(text): a field that is no copy of a cell usually
 * differs from it within its first characters, so the walk stops there.
 */
export function bareEquals(text: string, bareOther: string): boolean {
  let j = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isRemovedByBare(code)) continue;
    if (j >= bareOther.length || bareOther.charCodeAt(j) !== code) return false;
    j++;
  }
  return j === bareOther.length;
}

/** Text as quoted in a message: one line, long text shortened (the structure rules' helper, one place). */
export { quoted as q } from "./structure-util.js";

const MOF_COST_LEVEL2 = new Set(["经济成本指标", "社会成本指标", "生态环境成本指标"]);

/** Any 成本 row: legacy 产出/成本指标, mof2021 成本指标 一级 and its 二级. */
export function isCostRow(row: RowContext): boolean {
  return row.level2 === "成本指标" || row.level1 === "成本指标" || (row.level2 !== null && MOF_COST_LEVEL2.has(row.level2));
}

/**
 * A 成本 row whose value must be money: legacy 成本指标 and mof2021 经济成本指标 (财预〔2021〕101号 lets
 * 社会成本 and 生态环境成本 be described in words).
 */
export function isMoneyCostRow(row: RowContext): boolean {
  if (row.level2 === "社会成本指标" || row.level2 === "生态环境成本指标") return false;
  return isCostRow(row);
}

export function isTimelinessRow(row: RowContext): boolean {
  return row.level2 === "时效指标";
}

export function isEffectRow(row: RowContext): boolean {
  return row.level1 === "效益指标";
}

/** A name that speaks of a cost (项目总成本, 年使用费), not of a saving or a gain. */
export function isCostName(name: string): boolean {
  return COST_RE.test(name) && !GAIN_RE.test(name);
}

/** A money amount: 元/万元, or `50 万` with no unit in a cost context (the 元 was forgotten). */
export function isMoney(p: ParsedValue, costContext: boolean): boolean {
  if (p.kind !== "quantitative") return false;
  if (p.unitKind === "money") return true;
  return costContext && p.unitKind === "none" && p.scaled === true;
}

/** The row is about a cost: a 成本 row, or a cost-worded name elsewhere. */
export function isCostContext(row: RowContext): boolean {
  return isCostRow(row) || isCostName(row.measureName);
}

export function isCostControlRate(name: string): boolean {
  return COST_CONTROL_RE.test(name);
}

export function isGrowthName(name: string): boolean {
  return GROWTH_RE.test(name);
}

/** Free text that is not a question (placeholders, questions and grades are parsed kinds of their own). */
function plainText(p: ParsedValue): boolean {
  return p.kind === "text" && !p.question;
}

/** A value that only restates the 三级 name or description, with no number, date or grade in it. */
export function repeatsName(row: RowContext): boolean {
  return repeatedField(row) !== null;
}

/** Which field the value restates: "name" or "description"; null when it restates neither. */
export function repeatedField(row: RowContext): "name" | "description" | null {
  const p = row.parsed;
  // Only free text without a number can be a mere restatement: most rows leave here.
  if (p.kind !== "text" || p.question || p.hasNumber) return null;
  return findRepeatedField(row);
}

function findRepeatedField(row: RowContext): "name" | "description" | null {
  const value = row.bareValue;
  if (value.length < 2) return null;
  if (restates(row.bareName, value)) return "name";
  if (restates(row.bareDescription, value)) return "description";
  return null;
}

/**
 * The value restates `other` (a name or a description): equal to it, containing it, or a fragment long enough to
 * say the same thing (运行情况 of 平台运行情况). A one- or two-character word of the name (满意 of 群众满意度, 效果 of
 * 培训效果) is no restatement: it is a value that measures nothing, left to value-not-measurable.
 */
function restates(other: string, value: string): boolean {
  if (other.length < 2) return false;
  if (other === value) return true;
  if (value.includes(other)) return other.length >= 3 || other.length * 2 >= value.length;
  return value.length >= 4 && value.length * 3 >= other.length * 2 - 2 && other.includes(value);
}

/** Grades that state a timing themselves (cleared the same day): a fair 时效 target. */
const TIMING_GRADES: ReadonlySet<string> = new Set(["日产日清", "日清日结", "当日办结", "即时办结"]);

/**
 * A 时效 value that promises punctuality in words (按时完成, 及时兑现) instead of a date, or a grade there
 * (较好, 达标: no date either).
 */
export function isVagueTimeliness(row: RowContext): boolean {
  if (!isTimelinessRow(row)) return false;
  const p = row.parsed;
  if (p.kind === "grade") return !TIMING_GRADES.has(p.grade);
  return plainText(p) && TIMELY_RE.test(row.value);
}

const CHANGE_GRADE_RE = /提升|提高|改善|增强|下降|降低|减少/;

/** Grades that stand for a number (全覆盖 = 100%, 零事故 = 0): fair on a rate. */
const NUMERIC_GRADES: ReadonlySet<string> = new Set([
  "全覆盖", "零发生", "无事故", "零事故", "零投诉", "零差错", "零失误", "零伤亡", "全部达标",
]);

/**
 * A rate or a satisfaction measure (合格率, 群众满意度) given a grade (高, 良好, 达标) instead of a percentage: the
 * grade cannot be checked against the rate. Not reported where a more specific rule already speaks.
 */
export function gradeOnRate(row: RowContext): boolean {
  const p = row.parsed;
  if (p.kind !== "grade" || NUMERIC_GRADES.has(p.grade)) return false;
  const name = row.measureName;
  if (!RATE_NAME_RE.test(name)) return false;
  // A change of a rate in words (利用率 显著提升) is a usual qualitative effect; satisfaction wants its percentage.
  if (CHANGE_GRADE_RE.test(p.grade) && !SATISFACTION_RE.test(name)) return false;
  return true;
}

/** A money-cost row whose value is not a cost (and not already reported by an earlier rule of the chain). */
export function costNotMoney(row: RowContext): boolean {
  if (!isMoneyCostRow(row)) return false;
  const p = row.parsed;
  if (p.kind === "placeholder" || p.kind === "empty") return false;
  if (isMoney(p, true) || (p.kind === "quantitative" && p.unitKind === "unitCost")) return false;
  if (p.kind === "range" && (p.unitKind === "money" || p.unitKind === "unitCost")) return false;
  // A named cost-control rate (预算执行率, 超支率) rightly holds a percentage.
  if (isCostControlRate(row.measureName) && (p.kind === "quantitative" || p.kind === "range")) return false;
  return true;
}

/** A written number (`≥96%`, `1.1万户`) with a new operator and/or the standard unit spelling; null when unsure. */
const REWRITE_RE = new RegExp(`^(${OPERATOR_PATTERN})?(\\d+(?:,\\d{3})*(?:\\.\\d+)?)(万|亿|千)?(.*?)(及以上|以上|以内|以下|及以下)?$`);
const OP_SYMBOL: Record<Operator, string> = { ">=": "≥", "<=": "≤", "=": "=", ">": ">", "<": "<" };

export interface ValueChange {
  operator?: Operator | null;
  /** Replace a nonstandard unit spelling: [written, standard] (百分比 → %). */
  respell?: [string, string];
  /** Append a missing unit (50 万 → 50万元). */
  append?: string;
}

export function rewriteValue(raw: string, change: ValueChange): string | null {
  const m = REWRITE_RE.exec(normalizeValueText(raw));
  if (!m) return null;
  const [, opWord, num, mult = "", unit, trailing] = m;
  if (/\d/.test(unit)) return null;
  // `90分` + % is no value: a unit can be appended only where none is written.
  if (change.append && unit !== "") return null;
  let op: Operator | null = opWord ? operatorOfWord(opWord) : trailing ? (trailing.includes("上") ? ">=" : "<=") : null;
  if (change.operator !== undefined) op = change.operator;
  let newUnit = change.respell ? unit.replace(change.respell[0], change.respell[1]) : unit;
  if (change.append) newUnit += change.append;
  return `${op ? OP_SYMBOL[op] : ""}${num}${mult}${newUnit}`;
}

export function opSymbol(op: Operator): string {
  return OP_SYMBOL[op];
}

export interface DirectionIssue {
  /** What kind of measure the name or row makes it. */
  measure: "higher" | "lower" | "cost";
  /** The value with the sign flipped, when that is certainly the intended value. */
  fix?: string;
}

const FLIP: Record<Operator, Operator> = { ">=": "<=", "<=": ">=", ">": "<", "<": ">", "=": "=" };

/** The comparison points the wrong way for the measure: 准确率 ≤96%, 项目总成本 ≥118万元, 差错率 ≥1%. */
export function directionIssue(row: RowContext): DirectionIssue | null {
  const p = row.parsed;
  if (p.kind !== "quantitative" || p.operator === null || p.operator === "=") return null;
  const atLeast = p.operator === ">=" || p.operator === ">";
  const name = row.measureName;
  const ratio = p.unitKind === "percent" || p.unitKind === "permille" || p.unitKind === "none";
  const moneyish = isMoney(p, isCostRow(row)) || p.unitKind === "unitCost";
  let measure: DirectionIssue["measure"] | null = null;
  if (moneyish && atLeast && (isCostRow(row) || isCostName(name))) measure = "cost";
  else if (ratio || p.unitKind === "count") {
    const dir = measureDirection(name);
    if (dir === "higher" && !atLeast && ratio) measure = "higher";
    else if (dir === "lower" && atLeast) measure = "lower";
  }
  if (measure === null) return null;
  const issue: DirectionIssue = { measure };
  // Flipping ≤100% gives ≥100%, itself a wrong form: no certain fix there.
  const flippedToFull = measure === "higher" && p.normalized >= 100;
  if (!flippedToFull) {
    const respell: [string, string] | undefined = p.standardUnit ? [p.unit, p.standardUnit] : undefined;
    const fix = rewriteValue(p.raw, { operator: FLIP[p.operator], ...(respell ? { respell } : {}) });
    if (fix) issue.fix = fix;
  }
  return issue;
}

export interface Over100Issue {
  fix?: string;
}

/** A percentage above 100 (not on a growth measure), or ≥100% that should be =100%. */
export function over100Issue(row: RowContext): Over100Issue | null {
  const p = row.parsed;
  if (p.kind === "range") {
    return isPercent(p.unitKind, p.unit) && p.normalizedHigh > 100 && !isGrowthName(row.indicator.name) ? {} : null;
  }
  if (p.kind !== "quantitative" || !isPercent(p.unitKind, p.unit) || p.normalized < 100) return null;
  if (isGrowthName(row.indicator.name)) return null;
  if (p.normalized > 100) return {};
  if (p.normalized === 100 && (p.operator === ">=" || p.operator === ">")) return { fix: "=100%" };
  return null;
}

function isPercent(kind: string, unit: string): boolean {
  return (kind === "percent" || kind === "permille") && !unit.includes("百分点");
}
