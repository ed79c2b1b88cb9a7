// Every quantity a project description states, typed: counts with any measure word (the shared unit list of
// src/domain/units.ts), areas, lengths, durations, periods, deadlines, unit standards (每株补助28.40元),
// money splits, completion shares, beneficiaries, jobs, income and output value. Numbers written in words
// (三十座, 六期) are read as digits first. The drafter places each fact in one row or says why it did not.
import { chineseNumeralValue, normalizeValueText } from "../domain/numbers.js";
import { matchUnit } from "../domain/units.js";

export type StatedType =
  | "count" | "area" | "length" | "duration" | "period" | "deadline" | "unit-standard" | "money-split" | "completion-share"
  | "beneficiaries" | "jobs" | "income" | "output-value" | "budget";

export interface StatedFact {
  type: StatedType;
  /** The number as written, in digits (`1.2`, `28.40`). */
  text: string;
  /** In base units (1.2万亩 → 12000). */
  value: number;
  /** `万` when written with a multiplier. */
  multiplier: string;
  /** The unit as a value writes it: `亩`, `万元`, `元/人·月`, `%`. */
  unit: string;
  /** The clause before the number, comparison and filler words removed. */
  before: string;
  /** The words right after the unit. */
  after: string;
  at: number;
  /** ≥ or ≤ when the text says 不少于/不低于/以上 or 不超过/以内/控制在; "" when it says neither. */
  op: "≥" | "≤" | "";
  /** Stated after 实施后/建成后/治理后: what the project achieves, not what it produces. */
  effect: boolean;
  /** Deadlines and periods: the months (and days) and the year the text gives, if any. */
  year?: number;
  relativeYear?: "明年" | "今年";
  month?: number;
  day?: number;
  toYear?: number;
  toRelativeYear?: "明年" | "今年";
  toMonth?: number;
  toDay?: number;
}

/** Words that end a clause: a fact's `before` stops there. */
const CLAUSE_BREAK = /[。；;，,、：:！？!?（）()“”"《》\n]/;
const SENTENCE_BREAK = /[。；;！？!?\n]/;
/** The subject's trailing words that say "about / at least / reaching" (约2600户, 不少于4次, 达到95%). */
const TRAILING_FILLER = /(?:约|共|计|共计|合计|累计|总计|至少|不少于|不低于|不超过|不高于|控制在|达到|达|超过|为|有|是|分别|在|了)+$/;
const AT_LEAST = /(?:不少于|不低于|至少|超过|以上)$/;
const AT_MOST = /(?:不超过|不高于|控制在|低于)$/;
/** Clauses after these words state effects (项目建成后新增粮食产能…, 治理后…). */
const EFFECT_MARK = /(?:实施后|建成后|治理后|完成后|投产后|改造后|安装完成后|运行后|通过项目实施|预计\d+年后)/;
/** 包括以下3个方面: no measure. */
const NON_MEASURES = /^(?:方面|部分|环节|层次|维度|类|种|阶段|步骤)/;
const AREA_UNITS = new Set(["亩", "平方米", "平米", "㎡", "平方公里", "平方千米", "公顷", "m2", "m²"]);
const LENGTH_UNITS = new Set(["公里", "千米", "米", "延米", "km", "m"]);
/** 课时 and 学时 count teaching, not time. */
const COUNTED_DURATIONS = new Set(["课时", "学时"]);
const PERSON_UNITS = new Set(["人", "名", "人次", "户", "位"]);
/** Objects a standard is stated per (每株, 每村, 每平方米, 每餐). */
const PER = "学生|平方米|平方公里|公里|人次|生|人|名|户|亩|株|头|只|村|盏|台|场|座|栋|间|套|吨|米|个|所|期|次|辆|餐|天|日|月|年|季度";
const PER_NORMAL: Record<string, string> = { 学生: "人", 生: "人", 名: "人", 日: "天" };
const YEAR_OR_RELATIVE = "(?:(\\d{4})年|(明年|今年))?";
const MONTH_DAY = "(\\d{1,2})月(?:(\\d{1,2})[日号])?";
const PERIOD_RE = new RegExp(`${YEAR_OR_RELATIVE}${MONTH_DAY}(?:至|到|～|~|—|-)${YEAR_OR_RELATIVE}${MONTH_DAY}`, "g");
const DEADLINE_RE = new RegExp(`${YEAR_OR_RELATIVE}(\\d{1,2})月(?:(\\d{1,2})[日号]|底|末|份)?(?:前|之前|以前)`, "g");
const EACH_RE = new RegExp(`((?:每(?:${PER}))+)([\\u4e00-\\u9fff]{0,8}?)(\\d+(?:\\.\\d+)?)(万)?元(?![/／])`, "g");
const SLASH_RE = new RegExp(`(\\d+(?:\\.\\d+)?)(万)?(元|株|人|户|个|吨|千克|公斤|立方米)[/／](${PER})(?:[·/／](天|日|月|年))?`, "g");
/** 亩均财政投入2400元, 户均年增收3000元, 人均培训补助3000元. */
const AVERAGE_RE = /(亩|人|户|村|座|台|所)均([\u4e00-\u9fff]{0,8}?)(\d+(?:\.\d+)?)(万)?元/g;
/** 单座厕所改造费用约8万元. */
const SINGLE_RE = /单(座|个|台|户|所|间|套|盏|栋)([\u4e00-\u9fff]{0,10}?)(\d+(?:\.\d+)?)(万)?元/g;
const PERCENT_RE = /(\d+(?:\.\d+)?)%/g;
const MONEY_RE = /(\d+(?:\.\d+)?)(万|亿)?元/g;
const NUMBER_RE = /(\d+(?:\.\d+)?)(万|千)?/g;
const INCOME_WORDS = /(?:增收|收入|节省|节约|减少支出|分红)/;
const OUTPUT_WORDS = /(?:产值|产能|产量|增产|节水|销售额|营业额)/;
const JOB_WORDS = /(?:务工|就业|用工)/;
const BENEFIT_WORDS = /(?:受益|惠及|保护|解决|观演|观众|参与|参加|服务人口|覆盖人口)/;

const CN_NUMERAL_RUN = /[零〇一二两三四五六七八九十百千万]+/g;

/**
 * Numbers written in words before a measure word become digits (三十座 → 30座, 六期 → 6期); words like 一体化,
 * 第一批, 一次性 or 进万村 stay as they are.
 */
export function digitsForWords(text: string): string {
  return text.replace(CN_NUMERAL_RUN, (run, at: number) => {
    if (/^[十百千万]$/.test(run) || text[at - 1] === "第") return run;
    const unit = matchUnit(text, at + run.length);
    if (!unit || !["count", "measure", "duration"].includes(unit.info.kind)) return run;
    const next = text[at + run.length + unit.unit.length] ?? "";
    if (/[性式化岁]/.test(next) || text.startsWith("月底", at + run.length + unit.unit.length - 1)) return run;
    const value = chineseNumeralValue(run);
    return value === null ? run : String(value);
  });
}

/** The description as facts are read from it: width-normalized, whitespace removed, numerals as digits. */
export function factText(raw: string): string {
  // A line break ends a clause (the name line is no subject of the first fact).
  return digitsForWords(normalizeValueText(raw.replace(/\r?\n+/g, "。")));
}

function clauseBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && end - start < 30 && !CLAUSE_BREAK.test(text[start - 1])) start--;
  return text.slice(start, end);
}

function clauseAfter(text: string, start: number): string {
  let end = start;
  while (end < text.length && end - start < 10 && !CLAUSE_BREAK.test(text[end])) end++;
  return text.slice(start, end);
}

function isEffect(text: string, at: number): boolean {
  let start = at;
  while (start > 0 && !SENTENCE_BREAK.test(text[start - 1])) start--;
  return EFFECT_MARK.test(text.slice(start, at));
}

function operatorOf(rawBefore: string, after: string): "≥" | "≤" | "" {
  if (AT_LEAST.test(rawBefore) || /^以上/.test(after)) return "≥";
  if (AT_MOST.test(rawBefore) || /^(?:以内|以下)/.test(after)) return "≤";
  return "";
}

function perUnit(phrase: string): string {
  return [...phrase.matchAll(new RegExp(`每(${PER})`, "g"))].map((m) => PER_NORMAL[m[1]] ?? m[1]).join("·");
}

type Span = [number, number];

export function extractStatedFacts(raw: string, budget?: number): StatedFact[] {
  const text = factText(raw);
  const facts: StatedFact[] = [];
  const claimed: Span[] = [];
  const free = (a: number, b: number) => !claimed.some(([x, y]) => a < y && b > x);
  const base = (at: number, end: number, num: string, multiplier: string, unit: string): Omit<StatedFact, "type"> => {
    const rawBefore = clauseBefore(text, at);
    const after = clauseAfter(text, end);
    const scale = multiplier === "万" && !unit.startsWith("万") ? 10000 : multiplier === "千" ? 1000 : multiplier === "亿" ? 1e8 : 1;
    return {
      text: num, value: Number(num) * scale, multiplier, unit, before: rawBefore.replace(TRAILING_FILLER, ""), after, at,
      op: operatorOf(rawBefore, after), effect: isEffect(text, at),
    };
  };
  const add = (fact: StatedFact, span: Span) => {
    facts.push(fact);
    claimed.push(span);
  };
  const yearOf = (y?: string) => (y ? Number(y) : undefined);
  const relative = (r?: string) => (r === "明年" || r === "今年" ? r : undefined);

  for (const m of text.matchAll(PERIOD_RE)) {
    const [whole, y1, r1, mo1, d1, y2, r2, mo2, d2] = m;
    if (Number(mo1) > 12 || Number(mo2) > 12 || Number(mo1) < 1 || Number(mo2) < 1) continue;
    add({
      ...base(m.index, m.index + whole.length, mo1, "", "月"), type: "period", value: Number(mo1),
      year: yearOf(y1), relativeYear: relative(r1), month: Number(mo1), day: d1 ? Number(d1) : undefined,
      toYear: yearOf(y2), toRelativeYear: relative(r2), toMonth: Number(mo2), toDay: d2 ? Number(d2) : undefined,
    }, [m.index, m.index + whole.length]);
  }
  for (const m of text.matchAll(DEADLINE_RE)) {
    const [whole, y, r, mo, d] = m;
    if (!free(m.index, m.index + whole.length) || Number(mo) < 1 || Number(mo) > 12) continue;
    add({
      ...base(m.index, m.index + whole.length, mo, "", "月"), type: "deadline", value: Number(mo),
      year: yearOf(y), relativeYear: relative(r), month: Number(mo), day: d ? Number(d) : undefined,
    }, [m.index, m.index + whole.length]);
  }
  for (const m of text.matchAll(EACH_RE)) {
    const [whole, per, , num, wan] = m;
    const units = perUnit(per);
    if (!units || new Set(units.split("·")).size !== units.split("·").length) continue;
    const numAt = m.index + whole.length - num.length - (wan ? 2 : 1);
    const fact = base(numAt, m.index + whole.length, num, "", `${wan ? "万" : ""}元/${units}`);
    add({ ...fact, before: `${clauseBefore(text, m.index)}${whole.slice(0, whole.length - num.length - (wan ? 2 : 1))}`, type: "unit-standard" }, [m.index, m.index + whole.length]);
  }
  for (const m of text.matchAll(SLASH_RE)) {
    const [whole, num, wan, unit, per, time] = m;
    if (!free(m.index, m.index + whole.length)) continue;
    const units = [PER_NORMAL[per] ?? per, ...(time ? [PER_NORMAL[time] ?? time] : [])].join("·");
    add({ ...base(m.index, m.index + whole.length, num, "", `${wan ? "万" : ""}${unit}/${units}`), type: "unit-standard" }, [m.index, m.index + whole.length]);
  }
  for (const m of text.matchAll(AVERAGE_RE)) {
    const [whole, per, gap, num, wan] = m;
    if (!free(m.index, m.index + whole.length)) continue;
    const numAt = m.index + whole.length - num.length - (wan ? 2 : 1);
    const fact = base(numAt, m.index + whole.length, num, "", `${wan ? "万" : ""}元`);
    const before = `${clauseBefore(text, m.index)}${per}均${gap}`;
    if (INCOME_WORDS.test(gap)) add({ ...fact, before, type: "income" }, [m.index, m.index + whole.length]);
    else add({ ...fact, before, unit: `${fact.unit}/${PER_NORMAL[per] ?? per}`, type: "unit-standard" }, [m.index, m.index + whole.length]);
  }
  for (const m of text.matchAll(SINGLE_RE)) {
    const [whole, per, , num, wan] = m;
    if (!free(m.index, m.index + whole.length)) continue;
    const numAt = m.index + whole.length - num.length - (wan ? 2 : 1);
    const fact = base(numAt, m.index + whole.length, num, "", `${wan ? "万" : ""}元/${per}`);
    add({ ...fact, before: `单${per}${whole.slice(2, whole.length - num.length - (wan ? 2 : 1))}`, type: "unit-standard" }, [m.index, m.index + whole.length]);
  }
  for (const m of text.matchAll(PERCENT_RE)) {
    if (!free(m.index, m.index + m[0].length)) continue;
    add({ ...base(m.index, m.index + m[0].length, m[1], "", "%"), type: "completion-share" }, [m.index, m.index + m[0].length]);
  }
  const money: StatedFact[] = [];
  for (const m of text.matchAll(MONEY_RE)) {
    const [whole, num, mult] = m;
    if (!free(m.index, m.index + whole.length) || /[\d.]/.test(text[m.index - 1] ?? "")) continue;
    const unit = mult === "万" ? "万元" : mult === "亿" ? "亿元" : "元";
    const fact: StatedFact = { ...base(m.index, m.index + whole.length, num, "", unit), type: "money-split" };
    if (OUTPUT_WORDS.test(fact.before)) fact.type = "output-value";
    else if (INCOME_WORDS.test(fact.before)) fact.type = "income";
    money.push(fact);
    add(fact, [m.index, m.index + whole.length]);
  }
  // The budget: the amount given, else the largest amount that is no income or output.
  const amounts = money.filter((f) => f.type === "money-split");
  const wan = (f: StatedFact) => (f.unit === "万元" ? f.value : f.unit === "亿元" ? f.value * 10000 : f.value / 10000);
  const total = budget ?? (amounts.length > 0 ? Math.max(...amounts.map(wan)) : undefined);
  for (const f of amounts) if (total !== undefined && Math.abs(wan(f) - total) < 1e-6) f.type = "budget";

  for (const m of text.matchAll(NUMBER_RE)) {
    const [numeral, num, mult = ""] = m;
    const at = m.index;
    if (/[\d.\[〔【第]/.test(text[at - 1] ?? "")) continue;
    let end = at + numeral.length;
    let multiplier = mult;
    let unit = matchUnit(text, end);
    if (!unit && mult) {
      // 1.2万 then no unit: the 万 may head a unit itself (万元 is money, taken above).
      continue;
    }
    if (!unit) continue;
    const kind = unit.info.kind;
    if (kind !== "count" && kind !== "measure" && kind !== "duration") continue;
    end += unit.unit.length;
    if (!free(at, end)) continue;
    const after = clauseAfter(text, end);
    if (unit.unit === "年" && (/^(?:19|20)\d{2}$/.test(num) || !/(?:服务期|期限|工期|周期|年限|服务期限)/.test(clauseBefore(text, at)))) continue;
    if (unit.unit === "周" && after.startsWith("岁")) continue;
    // 4月开工, 6月、12月发放: a month of the year, not a duration (that is N个月).
    if (unit.unit === "月" || unit.unit === "日") continue;
    if (NON_MEASURES.test(after)) continue;
    // 12万公斤: the multiplier belongs to the unit (万公斤), as the text writes it.
    let unitText = unit.unit;
    if (multiplier === "万" && kind === "measure" && !AREA_UNITS.has(unitText) && !LENGTH_UNITS.has(unitText)) {
      unitText = `万${unitText}`;
      multiplier = "";
    }
    const fact: StatedFact = { ...base(at, end, num, multiplier, unitText), type: "count" };
    if (unitText.startsWith("万")) fact.value = Number(num);
    if (AREA_UNITS.has(unit.unit)) fact.type = "area";
    else if (LENGTH_UNITS.has(unit.unit)) fact.type = "length";
    else if (kind === "duration" && !COUNTED_DURATIONS.has(unit.unit)) fact.type = "duration";
    if (PERSON_UNITS.has(unit.unit)) {
      if (JOB_WORDS.test(fact.before) || JOB_WORDS.test(after.slice(0, 8))) fact.type = "jobs";
      else if (BENEFIT_WORDS.test(fact.before) || fact.effect) fact.type = "beneficiaries";
    } else if (fact.effect && OUTPUT_WORDS.test(fact.before)) {
      fact.type = "output-value";
    }
    add(fact, [at, end]);
  }
  return facts.sort((a, b) => a.at - b.at);
}

/** A fact as a value body: 1.2万亩, 28.40元/株, 400万元 (名 is a classifier; reviewers expect 人). */
export function quantityText(fact: StatedFact): string {
  return `${fact.text}${fact.multiplier}${fact.unit === "名" ? "人" : fact.unit}`;
}

/** The year a description states for its budget: a 4-digit year (the latest plausible), 明年 or 今年. */
export function statedYear(raw: string): { year: number } | { relative: "明年" | "今年" } | null {
  const text = factText(raw);
  if (text.includes("明年")) return { relative: "明年" };
  const years = [...text.matchAll(/(20\d{2})(?:年|-\d)/g)].map((m) => Number(m[1])).filter((y) => y >= 2000 && y <= 2100);
  if (years.length > 0) return { year: Math.max(...years) };
  if (text.includes("今年")) return { relative: "今年" };
  return null;
}

const VALUE_NUMBER = /(\d+(?:\.\d+)?)(万)?/g;
const sameUnit = (u: string) => u.replace(/名/g, "人").replace(/[/／·]/g, "/").replace(/个月/g, "月");

/** Whether an indicator value carries a fact: its number (as written or in base units) and its unit; a date by its month. */
export function valueCarries(value: string, fact: StatedFact): boolean {
  const v = normalizeValueText(value);
  if (fact.type === "deadline") return new RegExp(`(?<!\\d)${fact.month}月`).test(v);
  if (fact.type === "period") return new RegExp(`(?<!\\d)${fact.month}月`).test(v) && new RegExp(`(?<!\\d)${fact.toMonth}月`).test(v);
  const unit = sameUnit(fact.unit);
  for (const m of v.matchAll(VALUE_NUMBER)) {
    const rest = sameUnit(v.slice(m.index + m[0].length));
    const written = Number(m[1]);
    if (unit.startsWith("万")) {
      if (m[2] && written === Number(fact.text) && rest.startsWith(unit.slice(1))) return true;
      continue;
    }
    const base = m[2] ? written * 10000 : written;
    if (Math.abs(base - fact.value) < 1e-6 && rest.startsWith(unit)) return true;
  }
  return false;
}

/** How a fact reads in a prompt or a list: 17600株, 28.40元/株, 2025年11月底前. */
export function factLabel(fact: StatedFact): string {
  if (fact.type === "deadline") return `${fact.year ? `${fact.year}年` : fact.relativeYear ?? ""}${fact.month}月${fact.day ? `${fact.day}日` : ""}前`;
  if (fact.type === "period") return `${fact.year ? `${fact.year}年` : fact.relativeYear ?? ""}${fact.month}月至${fact.toYear ? `${fact.toYear}年` : ""}${fact.toMonth}月`;
  return quantityText(fact);
}
