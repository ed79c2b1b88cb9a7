// The value grammar: parseValue(text) → ParsedValue (shape and field meanings in value.types.ts).
// Pure, never throws, regexes compiled once: it runs on every row of every document.
import {
  CHINESE_NUMERAL_CHARS,
  chineseNumber,
  excelSerialToIso,
  isoDate,
  lastDayOfMonth,
  normalizeValueText,
  quarterNumber,
  scaleDecimal,
} from "./numbers.js";
import { matchMultiplier, matchUnit, type UnitInfo } from "./units.js";
import type {
  DeadlineValue,
  Operator,
  ParsedValue,
  ParseOptions,
  QuantitativeValue,
  RangeValue,
  UnitKind,
} from "./value.types.js";

export type * from "./value.types.js";
export { excelSerialToIso, normalizeValueText } from "./numbers.js";

/** The closed scale of qualitative grades accepted as measurable (定性指标). Rules reuse it. */
export const QUALITATIVE_GRADES: readonly string[] = [
  "达到预期", "达到预期目标", "达到预期效果", "符合预期", "基本达到预期", "超出预期", "达标", "基本达标", "全部达标",
  "显著提升", "明显提升", "有所提升", "稳步提升", "逐步提升", "大幅提升", "持续提升", "进一步提升",
  "显著提高", "明显提高", "有所提高", "稳步提高", "逐步提高", "大幅提高", "持续提高", "进一步提高",
  "有效改善", "明显改善", "持续改善", "显著改善", "逐步改善", "有所改善", "进一步改善",
  "显著增强", "明显增强", "有效增强", "有所增强", "有效提升", "有效提高",
  "明显下降", "有所下降", "显著下降", "逐步下降", "有效降低", "明显降低", "有所降低", "显著降低", "有效减少", "明显减少",
  "优", "优秀", "优良", "良", "良好", "合格", "较好", "好", "一般", "中", "差", "高", "较高", "低", "较低",
  "有效", "有效保障", "有效保证", "保障有力", "正常运行", "稳定运行", "安全运行", "运行良好", "正常", "稳定", "长期", "长效",
  "是", "否", "通过", "通过验收", "验收合格", "全覆盖", "零发生", "无事故",
  // Verifiable outcomes stated in words: passed a review, zero incidents, compliant, set up, cleared the same day.
  "通过评审", "通过专家评审", "通过专家论证", "通过审查", "评审通过", "验收通过", "零事故", "零投诉", "零差错", "零失误",
  "零伤亡", "合规", "建成", "建立", "建立健全", "日产日清", "日清日结", "当日办结", "即时办结",
];

/** Compliance with a named standard (符合国家标准, 达到设计规范要求): a verifiable qualitative target. */
const COMPLIANCE_RE = /^(?:符合|达到|满足)[^\d，。；,;]{0,12}(?:标准|规范|准则|规程)(?:要求)?$/;

/** The `form` values a PlaceholderValue can carry. */
export const PLACEHOLDER_FORMS: readonly string[] = [
  "文字描述", "待定", "%", "**", "XX", "???", "/", "-", "——", "…", "只有单位", "null",
];

const GRADE_SET = new Set(QUALITATIVE_GRADES);

// ---------------------------------------------------------------------------------------------------------
// Comparison words. Looked up by exact string, longest first, so 不低于 wins over 低于.

const LEADING_OPERATORS = new Map<string, Operator>([
  [">=", ">="], ["=>", ">="], ["≥", ">="], ["≧", ">="], ["⩾", ">="], ["≮", ">="],
  ["<=", "<="], ["=<", "<="], ["≤", "<="], ["≦", "<="], ["⩽", "<="], ["≯", "<="],
  ["大于等于", ">="], ["大于或等于", ">="], ["高于等于", ">="], ["不低于", ">="], ["不少于", ">="], ["不小于", ">="],
  ["不短于", ">="], ["至少", ">="], ["最少", ">="], ["达到", ">="],
  ["小于等于", "<="], ["小于或等于", "<="], ["低于等于", "<="], ["不超过", "<="], ["不高于", "<="], ["不大于", "<="],
  ["不多于", "<="], ["不超出", "<="], ["不长于", "<="], ["最多", "<="], ["控制在", "<="],
  ["超过", ">"], ["高于", ">"], ["大于", ">"], ["多于", ">"], [">", ">"],
  ["低于", "<"], ["少于", "<"], ["小于", "<"], ["<", "<"],
  ["==", "="], ["=", "="], ["等于", "="],
  ["＝", "="], ["＞", ">"], ["＜", "<"],
]);

/** The comparison a word or sign written before a number means (不低于 → ">="); null for anything else. */
export function operatorOfWord(word: string): Operator | null {
  return LEADING_OPERATORS.get(word.replace(/\s+/g, "")) ?? null;
}

/** Every comparison word and sign written before a number, longest first: the one list regexes are built from. */
export const OPERATOR_WORDS: readonly string[] = [...LEADING_OPERATORS.keys()].sort((a, b) => b.length - a.length);

/** `(?:≥|不低于|…)` for a regular expression that must find a comparison where it starts. */
export const OPERATOR_PATTERN = `(?:${OPERATOR_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`;
const TRAILING_OPERATORS = new Map<string, Operator>([
  ["及以上", ">="], ["或以上", ">="], ["以上", ">="], ["之上", ">="],
  ["及以下", "<="], ["或以下", "<="], ["以下", "<="], ["以内", "<="], ["之内", "<="], ["内", "<="],
]);
const MAX_OP_LENGTH = 5;

function longestKey<T>(table: Map<string, T>, s: string, atEnd: boolean): { word: string; value: T } | null {
  for (let len = Math.min(MAX_OP_LENGTH, s.length); len > 0; len--) {
    const word = atEnd ? s.slice(s.length - len) : s.slice(0, len);
    const value = table.get(word);
    if (value !== undefined) return { word, value };
  }
  return null;
}

/** Split a leading comparison word off `s`: `≥良好` → op ">=", rest `良好`. */
function leadingOperator(s: string): { op: Operator | null; rest: string } {
  const hit = longestKey(LEADING_OPERATORS, s, false);
  return hit ? { op: hit.value, rest: s.slice(hit.word.length) } : { op: null, rest: s };
}

// ---------------------------------------------------------------------------------------------------------
// Numbers with their multiplier and unit: `1.1万户`, `0.5万元`, `300元/人·月`, `5‰`.

const NUMBER_RE = /\d{1,3}(?:,\d{3})+(?![\d,])(?:\.\d+)?|\d+(?:\.\d+)?/y;
const FIRST_DIGIT_RE = /\d/;
const PER_RE = /[^\d,;:。、()（）]{1,8}/y;

interface Amount {
  numeral: string;
  number: number;
  /** Multiplier word applied (万 in 1.1万户): its power of ten, 0 when none. */
  multExp: number;
  multText: string;
  unit: string;
  info: UnitInfo | null;
  per?: string;
  /** Index just after the amount in the scanned string. */
  end: number;
}

function readAmount(s: string, pos: number, negative = false): Amount | null {
  NUMBER_RE.lastIndex = pos;
  const m = NUMBER_RE.exec(s);
  if (!m) return null;
  const numeral = (negative ? "-" : "") + m[0].replace(/,/g, "");
  const number = Number(numeral);
  if (!Number.isFinite(number)) return null;
  let j = pos + m[0].length;
  let hit = matchUnit(s, j);
  let multExp = 0;
  let multText = "";
  if (!hit) {
    const mult = matchMultiplier(s, j);
    if (mult) {
      multExp = mult.exp;
      multText = mult.text;
      j += mult.text.length;
      hit = matchUnit(s, j);
    }
  }
  const amount: Amount = { numeral, number, multExp, multText, unit: "", info: null, end: j };
  if (!hit) return amount;
  const unitStart = j;
  j += hit.unit.length;
  // A rate per something: 元/人, 万元/个, 元/人·月, 次/年.
  if (s[j] === "/" || s[j] === "每") {
    PER_RE.lastIndex = j + 1;
    const pm = PER_RE.exec(s);
    if (pm) {
      let per = pm[0];
      const trailing = longestKey(TRAILING_OPERATORS, per, true);
      if (trailing && trailing.word !== "内") per = per.slice(0, per.length - trailing.word.length);
      if (per) {
        amount.per = per;
        j += 1 + per.length;
      }
    }
  }
  amount.unit = s.slice(unitStart, j);
  amount.info = hit.info;
  amount.end = j;
  return amount;
}

function unitKindOf(a: Amount): UnitKind {
  if (!a.info) return "none";
  return a.info.kind === "money" && a.per ? "unitCost" : a.info.kind;
}

function normalizedOf(a: Amount): number {
  return scaleDecimal(a.numeral, a.multExp + (a.info?.exp ?? 0));
}

// ---------------------------------------------------------------------------------------------------------
// Quantities: [prefix][operator][number][multiplier][unit][以上|以内][suffix]

/** Prose around a number longer than this makes the value a sentence, not a measure. */
const MAX_AFFIX = 8;
const YEAR_NUMERAL_RE = /^(?:19|20)\d\d$/;

function quantitativeFrom(s: string, raw: string): QuantitativeValue | null {
  const first = FIRST_DIGIT_RE.exec(s);
  if (!first) return null;
  let head = s.slice(0, first.index);
  let negative = false;
  if (head.endsWith("-") || head.endsWith("负")) {
    negative = true;
    head = head.slice(0, -1);
  } else if (head.endsWith("+")) {
    head = head.slice(0, -1);
  }
  let percentWord = false;
  if (head.endsWith("百分之")) {
    percentWord = true;
    head = head.slice(0, -3);
  }
  let operator: Operator | null = null;
  const lead = longestKey(LEADING_OPERATORS, head, true);
  if (lead) {
    operator = lead.value;
    head = head.slice(0, head.length - lead.word.length);
  }
  if (head.length > MAX_AFFIX) return null;
  const amount = readAmount(s, first.index, negative);
  if (!amount) return null;
  // 2023年度报告 names a year, it does not measure 2023 years.
  if (amount.unit === "年" && YEAR_NUMERAL_RE.test(amount.numeral)) return null;
  let suffix = s.slice(amount.end);
  const trailing = longestKey(TRAILING_OPERATORS, suffix, false);
  if (trailing) {
    operator ??= trailing.value;
    suffix = suffix.slice(trailing.word.length);
  }
  if (suffix.length > MAX_AFFIX || FIRST_DIGIT_RE.test(suffix)) return null;
  const out: QuantitativeValue = {
    kind: "quantitative",
    raw,
    operator,
    number: amount.number,
    normalized: normalizedOf(amount),
    unit: amount.unit,
    unitKind: unitKindOf(amount),
  };
  if (percentWord && !amount.info) {
    out.unit = "百分之";
    out.unitKind = "percent";
    out.standardUnit = "%";
  } else if (amount.info?.standard && !amount.per) {
    out.standardUnit = amount.info.standard;
  }
  if (amount.per) out.per = amount.per;
  if (amount.multExp) out.scaled = true;
  if (head) out.prefix = head;
  if (suffix) out.suffix = suffix;
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Ranges `90%-95%`, `90-95%`, `10至20万元`, and tolerances `±3%以内`.

const RANGE_SEP_RE = /——|--|[-~〜—–至到]/y;
const RANGE_HEAD_RE = /^(?:在|保持在|控制在|维持在|介于)?$/;
const RANGE_TAIL_RE = /^(?:之间|区间内|范围内|以内|之内|内|左右)?$/;
const TOLERANCE_RE = /^(?:±|\+-|\+\/-|正负)(?=\d)/;

function rangeFrom(s: string, raw: string): RangeValue | null {
  const tol = TOLERANCE_RE.exec(s);
  if (tol) {
    const a = readAmount(s, tol[0].length);
    if (!a || !RANGE_TAIL_RE.test(s.slice(a.end))) return null;
    const n = normalizedOf(a);
    return withStandard(
      { kind: "range", raw, low: -a.number, high: a.number, normalizedLow: -n, normalizedHigh: n, unit: a.unit, unitKind: unitKindOf(a), tolerance: true },
      a,
    );
  }
  const first = FIRST_DIGIT_RE.exec(s);
  if (!first || !RANGE_HEAD_RE.test(s.slice(0, first.index))) return null;
  const low = readAmount(s, first.index);
  if (!low) return null;
  RANGE_SEP_RE.lastIndex = low.end;
  const sep = RANGE_SEP_RE.exec(s);
  if (!sep) return null;
  const high = readAmount(s, low.end + sep[0].length);
  if (!high || !RANGE_TAIL_RE.test(s.slice(high.end))) return null;
  if (low.info && high.info && low.unit !== high.unit) return null;
  // The unit (and 万) written once applies to both ends: 90-95%, 1-2万户, 5万-10万元.
  let normalizedLow = normalizedOf(low);
  if (!low.info && high.info) {
    const unitExp = high.info.exp;
    normalizedLow = low.multExp
      ? scaleDecimal(low.numeral, low.multExp + unitExp - (high.unit.startsWith(low.multText) ? low.multExp : 0))
      : scaleDecimal(low.numeral, high.multExp + unitExp);
  } else if (!low.info && !low.multExp && high.multExp) {
    normalizedLow = scaleDecimal(low.numeral, high.multExp);
  }
  const carrier = high.info ? high : low;
  return withStandard(
    {
      kind: "range",
      raw,
      low: low.number,
      high: high.number,
      normalizedLow,
      normalizedHigh: normalizedOf(high),
      unit: carrier.unit,
      unitKind: unitKindOf(carrier),
    },
    carrier,
  );
}

function withStandard(r: RangeValue, a: Amount): RangeValue {
  if (a.info?.standard && !a.per) r.standardUnit = a.info.standard;
  return r;
}

// ---------------------------------------------------------------------------------------------------------
// Deadlines: 2023年12月底前, 6月30日前, 年底前, 上半年, 第三季度, 2023-12-31, 当年完成, Excel serials.

const MAY_BE_DEADLINE_RE = /月|年|季度|\d{4}[-./]\d/;
const DATE_FULL_RE = /(?:(\d{4})年)?(\d{1,2})月份?(?:(\d{1,2})[日号]|(底|末|中旬|上旬|下旬|初|中))?/;
const DATE_ISO_RE = /(\d{4})([-./])(\d{1,2})(?:\2(\d{1,2}))?/;
const YEAR_END_RE = /(?:(\d{4})年度?|[今本当]年度?|年度?)(底|末|终|之内|以内|内)/;
const HALF_RE = /(?:(\d{4})年度?)?(上半年|下半年|第([一二三四1-4])季度|([一二三四])季度)/;
const YEAR_ONLY_RE = /(?:(\d{4})年度?|[今本当]年度?)/;
// Before the date: nothing, a connector (于, 截至 …), or a short subject ending in one (资金于).
const DEADLINE_HEAD_RE = /^(?:[^\d]{0,6}(?:于|在|截至|截止|截止到|截止至))?(?:计划|预计|力争|确保|今年|本年|当年|本年度|当年度|年)*$/;
// After the date: a comparison word, then nothing or a completion verb with a short object (完成全部工作).
const DEADLINE_TAIL_RE =
  /^(?:末|底)?(?:之前|以前|前|之内|以内|内|为止|止)?(?:(?:全部|按时|及时)?(?:完成|拨付|支付|兑现|到位|结束|办结|验收|上报|发放|下达|实施|开工|竣工|完工|交付|投入使用|启动|落实|执行|支出|完毕)+[^\d]{0,8})?$/;
const BEFORE_RE = /^(?:末|底)?(?:之前|以前|前|之内|以内|内|为止|止)/;
const UNTIL_HEAD_RE = /截至|截止/;
const QUARTER_NAMES = ["", "第一季度", "第二季度", "第三季度", "第四季度"];

interface DateParts {
  year?: number;
  month: number;
  day?: number;
  period?: string;
  head: string;
  tail: string;
}

function dateParts(s: string): DateParts | null {
  let m = DATE_FULL_RE.exec(s);
  if (m) {
    const p = m[4] === "末" ? "底" : m[4];
    return {
      year: m[1] ? Number(m[1]) : undefined,
      month: Number(m[2]),
      day: m[3] ? Number(m[3]) : undefined,
      period: p,
      head: s.slice(0, m.index),
      tail: s.slice(m.index + m[0].length),
    };
  }
  // 2023.5 is a decimal, not May: a dotted date needs its day.
  if ((m = DATE_ISO_RE.exec(s)) && (m[2] !== "." || m[4])) {
    return {
      year: Number(m[1]),
      month: Number(m[3]),
      day: m[4] ? Number(m[4]) : undefined,
      head: s.slice(0, m.index),
      tail: s.slice(m.index + m[0].length),
    };
  }
  if ((m = HALF_RE.exec(s))) {
    const q = m[3] ?? m[4];
    const quarter = q ? quarterNumber(q) : null;
    return {
      year: m[1] ? Number(m[1]) : undefined,
      month: quarter ? quarter * 3 : m[2] === "上半年" ? 6 : 12,
      period: quarter ? QUARTER_NAMES[quarter] : m[2],
      head: s.slice(0, m.index),
      tail: s.slice(m.index + m[0].length),
    };
  }
  if ((m = YEAR_END_RE.exec(s))) {
    const within = m[2].endsWith("内");
    return {
      year: m[1] ? Number(m[1]) : undefined,
      month: 12,
      period: within ? "年内" : "底",
      head: s.slice(0, m.index),
      // 年内 reads as "by year end": keep the 内 for the operator.
      tail: (within ? "内" : "") + s.slice(m.index + m[0].length),
    };
  }
  if ((m = YEAR_ONLY_RE.exec(s))) {
    return {
      year: m[1] ? Number(m[1]) : undefined,
      month: 12,
      period: "年内",
      head: s.slice(0, m.index),
      tail: "内" + s.slice(m.index + m[0].length).replace(/^(?:之前|以前|前|之内|以内|内)/, ""),
    };
  }
  return null;
}

function deadlineFrom(s: string, raw: string): DeadlineValue | null {
  const d = dateParts(s);
  if (!d) return null;
  if (d.month < 1 || d.month > 12) return null;
  if (d.day !== undefined && (d.day < 1 || d.day > 31)) return null;
  if (d.year !== undefined && (d.year < 1990 || d.year > 2100)) return null;
  const head = leadingOperator(d.head);
  if (!DEADLINE_HEAD_RE.test(head.rest) || !DEADLINE_TAIL_RE.test(d.tail)) return null;
  let operator: Operator | null = head.op;
  if (BEFORE_RE.test(d.tail) || UNTIL_HEAD_RE.test(d.head)) operator = "<=";
  else if (operator === null && d.day !== undefined) operator = "=";
  const out: DeadlineValue = { kind: "deadline", raw, operator };
  if (d.year !== undefined) out.year = d.year;
  out.month = d.month;
  if (d.day !== undefined) out.day = d.day;
  if (d.period) out.period = d.period;
  if (d.year !== undefined) {
    const day = d.day ?? periodDay(d.period, d.year, d.month);
    if (day !== undefined) {
      const iso = isoDate(d.year, d.month, day);
      if (iso) out.iso = iso;
    }
  }
  return out;
}

/** The day a period word stands for when the deadline is its end (底 → last day, 中旬 → 20). */
function periodDay(period: string | undefined, year: number, month: number): number | undefined {
  switch (period) {
    case undefined:
    case "初":
    case "中":
      return undefined;
    case "上旬":
      return 10;
    case "中旬":
      return 20;
    default: // 底, 下旬, 年内, 上半年, 下半年, 第N季度: the end of the month
      return lastDayOfMonth(year, month);
  }
}

/** A 二级 of time (时效, 进度). Module-level: a regex literal in a function is a new RegExp on every call (once per row). */
const TIMELINESS_LEVEL2_RE = /时效|进度/;

function isTimeliness(level2?: string): boolean {
  return !!level2 && TIMELINESS_LEVEL2_RE.test(level2);
}

// With or without a thousands separator: a general-format copy shows 44,561 (乌海, test/fixtures/corpus/doc04).
const EXCEL_SERIAL_RE = /^(?:\d{5}|\d{2}[,，]\d{3})(?:\.0+)?$/;

function excelSerialFrom(s: string, raw: string): DeadlineValue | null {
  if (!EXCEL_SERIAL_RE.test(s)) return null;
  const serial = Number(s.replace(/[,，]/g, ""));
  if (serial < 30000 || serial > 60000) return null;
  const iso = excelSerialToIso(serial);
  return {
    kind: "deadline",
    raw,
    operator: null,
    year: Number(iso.slice(0, 4)),
    month: Number(iso.slice(5, 7)),
    day: Number(iso.slice(8, 10)),
    iso,
    excelSerial: serial,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Grades, placeholders, questions.

const GRADE_LEAD_RE = /^(?:等级|评价|评定|评级|考核|验收|结果)?(?:为|达到|结果为)?:?/;

function gradeFrom(s: string, raw: string): ParsedValue | null {
  if (GRADE_SET.has(s)) return { kind: "grade", raw, grade: s, operator: null };
  if (COMPLIANCE_RE.test(s)) return { kind: "grade", raw, grade: s, operator: null };
  const lead = leadingOperator(s);
  let body = lead.rest;
  let operator = lead.op;
  const trailing = longestKey(TRAILING_OPERATORS, body, true);
  if (trailing && trailing.word !== "内" && GRADE_SET.has(body.slice(0, body.length - trailing.word.length))) {
    body = body.slice(0, body.length - trailing.word.length);
    operator ??= trailing.value;
  }
  if (GRADE_SET.has(body)) return { kind: "grade", raw, grade: body, operator };
  // 等级：良好 / 评价为优秀
  const stripped = body.replace(GRADE_LEAD_RE, "");
  if (stripped !== body && GRADE_SET.has(stripped)) return { kind: "grade", raw, grade: stripped, operator };
  return null;
}

const PLACEHOLDER_WORDS = new Map<string, string>([
  ["文字描述", "文字描述"], ["文字说明", "文字描述"], ["定性描述", "文字描述"], ["具体描述", "文字描述"],
  ["待定", "待定"], ["待填", "待定"], ["待填写", "待定"], ["待补充", "待定"], ["待确定", "待定"], ["填写", "待定"],
  ["null", "null"], ["undefined", "null"], ["nan", "null"],
]);
const MARKER_RE = /^(?:\*+|[xX×]+|\?+)/;
const SYMBOL_PLACEHOLDERS: [RegExp, string][] = [
  [/^[%‰]$/, "%"],
  [/^\/+$/, "/"],
  [/^-+$/, "-"],
  [/^[—–]+$/, "——"],
  [/^(?:…+|\.{2,}|。+)$/, "…"],
];

function stripParens(s: string): string {
  const open = s[0];
  const close = s[s.length - 1];
  return (open === "(" && close === ")") || (open === "（" && close === "）") ? s.slice(1, -1) : s;
}

/** True when `s` is exactly a unit (with optional multiplier and /per): `万元`, `元/人`, `次`. */
function isBareUnit(s: string): boolean {
  if (s === "") return false;
  let j = 0;
  const mult = matchMultiplier(s, 0);
  const direct = matchUnit(s, 0);
  if (!direct && mult) j = mult.text.length;
  const hit = direct ?? matchUnit(s, j);
  if (!hit) return false;
  j += hit.unit.length;
  if (j === s.length) return true;
  return (s[j] === "/" || s[j] === "每") && j + 1 < s.length && !FIRST_DIGIT_RE.test(s.slice(j + 1));
}

function placeholderForm(s: string): string | null {
  const inner = stripParens(s);
  const word = PLACEHOLDER_WORDS.get(inner.toLowerCase());
  if (word) return word;
  for (const [re, form] of SYMBOL_PLACEHOLDERS) if (re.test(s)) return form;
  const body = leadingOperator(inner).rest;
  const marker = MARKER_RE.exec(body);
  if (marker) {
    const rest = body.slice(marker[0].length);
    if (rest === "" || rest === "%" || rest === "‰" || isBareUnit(rest)) {
      const c = marker[0][0];
      return c === "*" ? "**" : c === "?" ? "???" : "XX";
    }
    return null;
  }
  if (body !== s && /^[%‰]$/.test(body)) return "%";
  if (isBareUnit(body)) return "只有单位";
  return null;
}

const QUESTION_RE = /是否|能否|有无|可否|是不是|有没有|会否|能不能|会不会|[?吗]$/;
const CHINESE_COUNT_RE = /[零一二三四五六七八九十两百千万]+(?:个|次|项|户|人|家|场|期|批|件|篇|所|座|名|季度|年|月|天|元|倍)|百分之[零一二三四五六七八九十百]/;
const TRAILING_PUNCTUATION_RE = /[。.,;:!、]+$/;

// ---------------------------------------------------------------------------------------------------------
// Numbers in Chinese words: 不低于百分之九十五 → 不低于95%, 九成以上 → 90%以上, 两万元 → 2万元 … The value is
// rewritten in digits and parsed again; the rewrite is kept only when it reads as a measure (so 一般, 一次性发放
// and 十分满意 stay words).

const CHINESE_DIGIT_VALUE: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const NUMERAL_RUN_RE = new RegExp(`[${CHINESE_NUMERAL_CHARS}]+`, "g");
const HAS_NUMERAL_RE = new RegExp(`[${CHINESE_NUMERAL_CHARS}]`);
const PERCENT_WORDS_RE = new RegExp(`百分之([${CHINESE_NUMERAL_CHARS}]+)`, "g");
const TENTHS_RE = /([一二两三四五六七八九十])成([一二三四五六七八九])?/g;

/** `s` with its Chinese numerals in digits, or null when nothing was a number followed by a unit. */
function withArabicNumerals(s: string): string | null {
  // A year written digit by digit (二〇二三年) is positional, not 二千…
  let out = s.replace(/([零〇一二三四五六七八九]{4})(?=年)/g, (year: string) =>
    [...year].map((ch) => (ch === "零" || ch === "〇" ? 0 : CHINESE_DIGIT_VALUE[ch])).join(""),
  );
  out = out.replace(/百分百/g, "100%");
  out = out.replace(PERCENT_WORDS_RE, (all, words: string) => {
    const n = chineseNumber(words);
    return n === null ? all : `${n}%`;
  });
  out = out.replace(TENTHS_RE, (all, tens: string, ones: string | undefined) => {
    const t = chineseNumber(tens);
    if (t === null || t > 10) return all;
    return `${t * 10 + (ones ? (chineseNumber(ones) ?? 0) : 0)}%`;
  });
  out = out.replace(NUMERAL_RUN_RE, (run: string, offset: number, whole: string) => {
    // A run stands for a number only before a unit (四次, 两万元) or a multiplier and a unit (两万元 as 两 + 万元).
    const after = offset + run.length;
    for (let len = run.length; len > 0; len--) {
      const head = run.slice(0, len);
      const n = chineseNumber(head);
      if (n === null) continue;
      const rest = run.slice(len) + whole.slice(after);
      if (matchUnit(rest, 0) || (matchMultiplier(rest, 0) && len < run.length)) return `${n}${run.slice(len)}`;
    }
    return run;
  });
  return out === s ? null : out;
}

function fromChineseNumerals(s: string, raw: string, opts: ParseOptions): ParsedValue | null {
  const rewritten = withArabicNumerals(s);
  if (rewritten === null) return null;
  const p = parseCompact(rewritten, raw, opts);
  if (p.kind === "range" || p.kind === "deadline") return p;
  if (p.kind === "quantitative" && !p.suffix && !p.prefix && p.unitKind !== "none") return p;
  return null;
}

// ---------------------------------------------------------------------------------------------------------

/**
 * Parse an indicator value. Order matters: empties and placeholders first (a bare `%` is not a percentage),
 * questions (是否达到90% is a question, not a target), Excel serials and deadlines (2023年12月底前 holds
 * numbers), ranges, quantities, grades, and free text last.
 */
export function parseValue(text: string, opts: ParseOptions = {}): ParsedValue {
  const raw = typeof text === "string" ? text : String(text ?? "");
  try {
    return parseCompact(normalizeValueText(raw), raw, opts);
  } catch {
    // Defensive: the grammar is total, but a value must never take the validator down.
    return { kind: "text", raw, question: false, hasNumber: FIRST_DIGIT_RE.test(raw) };
  }
}

/** parseValue(text, { level2 }), as createValueParser returns it. */
export type ValueParser = (text: string, level2?: string) => ParsedValue;

/**
 * parseValue memoised for one validation run. Tables repeat their values (≥90%, =100%, 2023年12月底前, 文字描述)
 * row after row, and the parse is pure; of the options only "is this a 时效 row" changes a parse, so it picks
 * the cache. The parsed objects are shared between rows: callers must not mutate them. Make one per run (a
 * long-lived cache would only grow).
 */
export function createValueParser(): ValueParser {
  const plain = new Map<string, ParsedValue>();
  const timely = new Map<string, ParsedValue>();
  return (text, level2) => {
    const cache = isTimeliness(level2) ? timely : plain;
    let parsed = cache.get(text);
    if (parsed === undefined) {
      parsed = parseValue(text, { level2 });
      cache.set(text, parsed);
    }
    return parsed;
  };
}

function parseCompact(compact: string, raw: string, opts: ParseOptions): ParsedValue {
  if (compact === "") return { kind: "empty", raw, none: false };
  const form = placeholderForm(compact);
  if (form) return { kind: "placeholder", raw, form };
  const s = compact.replace(TRAILING_PUNCTUATION_RE, "") || compact;
  if (s === "无" || s === "無") return { kind: "empty", raw, none: true };
  if (s !== compact) {
    const formWithoutPunctuation = placeholderForm(s);
    if (formWithoutPunctuation) return { kind: "placeholder", raw, form: formWithoutPunctuation };
  }
  const hasDigit = FIRST_DIGIT_RE.test(s);
  if (!hasDigit && HAS_NUMERAL_RE.test(s) && !QUESTION_RE.test(s)) {
    const numeric = fromChineseNumerals(s, raw, opts);
    if (numeric) return numeric;
  }
  if (QUESTION_RE.test(s)) return { kind: "text", raw, question: true, hasNumber: hasDigit || CHINESE_COUNT_RE.test(s) };
  if (hasDigit && isTimeliness(opts.level2)) {
    // `=44561`: a budget system's 等于 sign before the serial (指标性质 ＝ | 目标值 44561).
    const serial = excelSerialFrom(s.replace(/^[=＝]/, ""), raw);
    if (serial) return serial;
  }
  if (MAY_BE_DEADLINE_RE.test(s)) {
    const deadline = deadlineFrom(s, raw);
    if (deadline) return deadline;
  }
  if (hasDigit) {
    const body = stripParens(s);
    const range = rangeFrom(body, raw);
    if (range) return range;
    const quantity = quantitativeFrom(body, raw);
    if (quantity) return quantity;
  } else {
    const grade = gradeFrom(s, raw);
    if (grade) return grade;
  }
  return { kind: "text", raw, question: false, hasNumber: hasDigit || CHINESE_COUNT_RE.test(s) };
}

// ---------------------------------------------------------------------------------------------------------
// The effective value of a row: the text as written, completed from the structured fields budget systems keep
// in their own columns (运算符 | 目标值 | 计量单位). A row `95` with the unit column `%` means `95%`; a row with an
// empty text and ≥ | 95 | % means `≥95%`. Where text and fields disagree the text is kept as written (the
// disagreement is value-field-conflict's to report, not this function's to settle).

/** A comparison written on its own (an operator column: ≥, >=, 大于等于, ＝ …) → the operator; null otherwise. */
export function operatorOf(text: string | undefined): Operator | null {
  if (!text) return null;
  const s = normalizeValueText(text).replace(/＝/g, "=");
  return LEADING_OPERATORS.get(s) ?? TRAILING_OPERATORS.get(s) ?? null;
}

const SIGN: Record<Operator, string> = { ">=": "≥", "<=": "≤", "=": "=", ">": ">", "<": "<" };

/** The sign a composed value writes for an operator (≥ ≤ = > <). */
export function operatorSymbol(op: Operator): string {
  return SIGN[op];
}

/** A number written as digits only (no operator, no unit): the shape a value column of an export holds. */
const BARE_NUMBER_RE = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

export interface StructuredValueFields {
  value?: string;
  operator?: string;
  target?: number;
  unit?: string;
}

/** The text of the value with what the structured fields add (see above); the text itself when they add nothing. */
export function composeValueText(ind: StructuredValueFields): string {
  // Most rows (a text table's, an imported form's) have no structured fields: nothing to complete.
  if (ind.operator === undefined && ind.unit === undefined && ind.target === undefined) return ind.value ?? "";
  const text = ind.value ?? "";
  const op = operatorOf(ind.operator);
  // A number in the unit field (an Excel date serial pasted into 计量单位) is no unit to complete a value with.
  const unit = /^[\d,，.]+$/.test((ind.unit ?? "").trim()) ? "" : (ind.unit ?? "").trim();
  const target = ind.target;
  if (!op && !unit && target === undefined) return text;
  const compact = normalizeValueText(text);
  if (compact === "") {
    if (target === undefined || !Number.isFinite(target)) return text;
    return `${op ? SIGN[op] : ""}${target}${unit}`;
  }
  // Only a value the fields can complete without guessing: a bare number, optionally after its operator.
  const lead = leadingOperator(compact);
  if (!BARE_NUMBER_RE.test(lead.rest)) return text;
  if (target !== undefined && Number(lead.rest.replace(/,/g, "")) !== target) return text;
  const sign = lead.op ?? op;
  return `${sign ? SIGN[sign] : ""}${lead.rest}${unit}`;
}
