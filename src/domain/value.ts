// The value grammar: parseValue(text) → ParsedValue (shape and field meanings in value.types.ts).
// Pure, never throws, regexes compiled once: it runs on every row of every document.
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

/** The closed scale of qualitative grades accepted as measurable (定性指标). */
export const QUALITATIVE_GRADES: readonly string[] = [
  "达到预期", "达到预期目标", "符合预期", "基本达到预期", "超出预期", "达标", "基本达标", "全部达标",
  "显著提升", "明显提升", "有所提升", "稳步提升", "逐步提升", "大幅提升", "持续提升", "进一步提升",
  "显著提高", "明显提高", "有所提高", "稳步提高", "逐步提高", "大幅提高", "持续提高", "进一步提高",
  "有效改善", "明显改善", "持续改善", "显著改善", "逐步改善", "有所改善", "进一步改善",
  "显著增强", "明显增强", "有效增强", "有所增强", "有效提升", "有效提高",
  "明显下降", "有所下降", "显著下降", "逐步下降", "有效降低", "明显降低", "有所降低", "显著降低", "有效减少", "明显减少",
  "优", "优秀", "良", "良好", "合格", "较好", "好", "中", "差", "高", "较高", "低", "较低",
  "有效", "有效保障", "有效保证", "保障有力", "正常运行", "稳定运行", "安全运行", "运行良好", "正常", "稳定", "长期", "长效",
  "是", "否", "通过", "通过验收", "验收合格", "全覆盖", "零发生", "无事故",
];

/** Placeholder forms left from a template. */
export const PLACEHOLDER_FORMS: readonly string[] = ["文字描述", "待定", "待填", "待补充", "%", "**", "*", "XX", "X%", "XX%", "/", "-", "——", "…"];

const GRADE_SET = new Set(QUALITATIVE_GRADES);

const PLACEHOLDER_RE =
  /^(?:文字描述|文字说明|定性描述|待定|待填|待补充|待确定|填写|[(（]?[≥≤<>=]*(?:\*+|[xX×]+)[%‰]?[)）]?|[%‰]|\/+|-+|—+|–+|…+|\.{2,}|\?+|null|undefined|nan)$/i;

// Comparison words in front of the number, longest first.
const LEADING_OPERATORS: [string, Operator][] = [
  [">=", ">="], ["<=", "<="], ["≥", ">="], ["≧", ">="], ["≤", "<="], ["≦", "<="], ["⩾", ">="], ["⩽", "<="],
  ["大于等于", ">="], ["大于或等于", ">="], ["不低于", ">="], ["不少于", ">="], ["不小于", ">="], ["不短于", ">="], ["至少", ">="],
  ["达到", ">="], ["高于等于", ">="],
  ["小于等于", "<="], ["小于或等于", "<="], ["不超过", "<="], ["不高于", "<="], ["不大于", "<="], ["不多于", "<="], ["不超出", "<="],
  ["最多", "<="], ["控制在", "<="], ["低于等于", "<="],
  ["超过", ">"], ["高于", ">"], ["大于", ">"], ["多于", ">"], [">", ">"],
  ["低于", "<"], ["少于", "<"], ["小于", "<"], ["<", "<"],
  ["==", "="], ["=", "="], ["等于", "="],
];

const TRAILING_OPERATORS: [string, Operator][] = [
  ["及以上", ">="], ["以上", ">="], ["或以上", ">="], ["之上", ">="],
  ["及以下", "<="], ["以下", "<="], ["或以下", "<="], ["以内", "<="], ["之内", "<="], ["内", "<="],
];

interface UnitInfo {
  kind: UnitKind;
  /** Multiplier to base units (元 for money, percent for permille). */
  factor: number;
  standard?: string;
}

const UNITS: Record<string, UnitInfo> = {
  "%": { kind: "percent", factor: 1 },
  百分比: { kind: "percent", factor: 1, standard: "%" },
  百分号: { kind: "percent", factor: 1, standard: "%" },
  百分点: { kind: "percent", factor: 1 },
  个百分点: { kind: "percent", factor: 1 },
  "‰": { kind: "permille", factor: 0.1 },
  千分比: { kind: "permille", factor: 0.1, standard: "‰" },
  元: { kind: "money", factor: 1 },
  千元: { kind: "money", factor: 1e3 },
  万元: { kind: "money", factor: 1e4 },
  亿元: { kind: "money", factor: 1e8 },
  天: { kind: "duration", factor: 1 },
  日: { kind: "duration", factor: 1 },
  个工作日: { kind: "duration", factor: 1 },
  工作日: { kind: "duration", factor: 1 },
  小时: { kind: "duration", factor: 1 },
  分钟: { kind: "duration", factor: 1 },
  个月: { kind: "duration", factor: 1 },
  周: { kind: "duration", factor: 1 },
  年: { kind: "duration", factor: 1 },
  学时: { kind: "duration", factor: 1 },
  课时: { kind: "duration", factor: 1 },
  平方米: { kind: "measure", factor: 1 },
  平米: { kind: "measure", factor: 1 },
  "㎡": { kind: "measure", factor: 1 },
  "m2": { kind: "measure", factor: 1 },
  "m²": { kind: "measure", factor: 1 },
  平方公里: { kind: "measure", factor: 1 },
  立方米: { kind: "measure", factor: 1 },
  亩: { kind: "measure", factor: 1 },
  公顷: { kind: "measure", factor: 1 },
  公里: { kind: "measure", factor: 1 },
  千米: { kind: "measure", factor: 1 },
  米: { kind: "measure", factor: 1 },
  延米: { kind: "measure", factor: 1 },
  吨: { kind: "measure", factor: 1 },
  千克: { kind: "measure", factor: 1 },
  公斤: { kind: "measure", factor: 1 },
  千瓦: { kind: "measure", factor: 1 },
  千瓦时: { kind: "measure", factor: 1 },
  兆瓦: { kind: "measure", factor: 1 },
  度: { kind: "measure", factor: 1 },
  标准煤: { kind: "measure", factor: 1 },
  GB: { kind: "measure", factor: 1 },
  TB: { kind: "measure", factor: 1 },
};

const COUNT_UNITS = [
  "个", "次", "户", "人次", "人", "家", "项", "份", "场", "期", "篇", "套", "台", "件", "批", "所", "座", "处", "条", "本",
  "册", "部", "辆", "名", "位", "支", "张", "间", "类", "村", "企业", "户次", "场次", "批次", "车次", "架次", "班", "门",
  "种", "册次", "块", "棵", "株", "头", "只", "宗", "笔", "单", "份次", "期次", "轮", "组", "队", "盏", "根", "口", "眼",
  "栋", "幢", "间次", "床", "课", "节", "户数", "人数", "个数", "家次", "点", "站", "所次", "镇", "乡", "社区", "街道",
];
for (const u of COUNT_UNITS) UNITS[u] ??= { kind: "count", factor: 1 };

// Units sorted longest first so `人次` wins over `人`, `万元` over `元`.
const UNIT_KEYS = Object.keys(UNITS).sort((a, b) => b.length - a.length);

const NUMBER_RE = /(\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)/;
const MULTIPLIERS: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3, 百: 1e2 };

const QUESTION_RE = /是否|能否|有无|可否|是不是|有没有|会否|能不能|[?？]$/;
const CHINESE_COUNT_RE = /[一二三四五六七八九十两百千]+(?:次|个|项|户|人|家|场|期|批|季度|年|月)/;

/** Excel's day 0 is 1899-12-30 (the 1900 leap-year bug included). */
export function excelSerialToIso(serial: number): string {
  const ms = Date.UTC(1899, 11, 30) + Math.round(serial) * 86400000;
  return new Date(ms).toISOString().slice(0, 10);
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Full-width → half-width (digits, letters, ％ ＞ ＝ …) and whitespace removed. */
export function normalizeValueText(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000 || /\s/.test(ch)) continue;
    else out += ch;
  }
  return out.replace(/，/g, ",").replace(/～/g, "~").replace(/．/g, ".");
}

function stripOperator(s: string): { op: Operator | null; rest: string; word: string } {
  for (const [word, op] of LEADING_OPERATORS) {
    if (s.startsWith(word)) return { op, rest: s.slice(word.length), word };
  }
  return { op: null, rest: s, word: "" };
}

function stripTrailingOperator(s: string): { op: Operator | null; rest: string } {
  for (const [word, op] of TRAILING_OPERATORS) {
    if (s.endsWith(word)) return { op, rest: s.slice(0, -word.length) };
  }
  return { op: null, rest: s };
}

function readUnit(s: string): { unit: string; info: UnitInfo | null; rest: string } {
  for (const key of UNIT_KEYS) {
    if (s.startsWith(key)) {
      // A unit cost: 元/人, 万元/个, 元/人·月.
      const info = UNITS[key];
      if (info.kind === "money" && (s[key.length] === "/" || s[key.length] === "每")) {
        const perMatch = /^[/每]([^\d,，;；。]{1,6}?)(?=$|[,，;；。以及])/.exec(s.slice(key.length)) ??
          /^[/每]([^\d,，;；。]{1,6})/.exec(s.slice(key.length));
        if (perMatch) {
          const per = perMatch[1].replace(/(以上|以内|以下)$/, "");
          return {
            unit: `${key}/${per}`,
            info: { kind: "unitCost", factor: info.factor },
            rest: s.slice(key.length + 1 + per.length),
          };
        }
      }
      return { unit: key, info, rest: s.slice(key.length) };
    }
  }
  return { unit: "", info: null, rest: s };
}

interface NumberPart {
  number: number;
  normalized: number;
  unit: string;
  unitKind: UnitKind;
  standardUnit?: string;
  per?: string;
  scaled: boolean;
  rest: string;
}

/** Read `<number>[万|亿|千]<unit>` at the start of s. */
function readNumber(s: string): NumberPart | null {
  const m = NUMBER_RE.exec(s);
  if (!m || m.index !== 0) return null;
  const number = Number(m[1].replace(/,/g, ""));
  if (!Number.isFinite(number)) return null;
  let rest = s.slice(m[0].length);
  let scale = 1;
  let scaled = false;
  // 万元/亿元/千元 are money units; 万/亿/千 before anything else multiply the number (1.1万户).
  const mult = rest[0];
  if (mult && mult in MULTIPLIERS && !/^(万元|亿元|千元|千米|千克|千瓦|千分比|百分比|百分号|百分点)/.test(rest)) {
    scale = MULTIPLIERS[mult];
    scaled = true;
    rest = rest.slice(1);
  }
  const { unit, info, rest: after } = readUnit(rest);
  const kind: UnitKind = info ? info.kind : "none";
  const factor = info ? info.factor : 1;
  const part: NumberPart = {
    number,
    normalized: round(number * scale * factor),
    unit,
    unitKind: kind,
    scaled,
    rest: after,
  };
  if (info?.standard) part.standardUnit = info.standard;
  if (kind === "unitCost") part.per = unit.split("/")[1];
  return part;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

const DATE_FULL_RE = /(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})[日号]|(底|末|中旬|上旬|下旬|初|中|份))?/;
const DATE_ISO_RE = /(\d{4})[-./](\d{1,2})(?:[-./](\d{1,2}))?/;
const YEAR_END_RE = /^(?:(\d{4})年)?(?:年底|年末|年终|底|年内|当年|本年度|年度内|本年|全年)/;
const HALF_RE = /^(?:(\d{4})年)?(上半年|下半年|第([一二三四1-4])季度|([一二三四1-4])季度)/;
const DEADLINE_TAIL_RE = /^(?:前|之前|以前|前后|内|以内|之内|止|为止|截止)?(?:完成|前完成|全部完成|完成拨付|拨付|拨付到位|支付|兑现|到位|结束|办结|验收|上报|发放|下达|实施|开工|竣工|完工)?(?:率)?$/;
const DEADLINE_HEAD_RE = /^(?:于|在|截至|截止|截止到|截止至|按|计划|预计|力争)?$/;

function deadlineFrom(s: string, raw: string): DeadlineValue | null {
  // 2023年12月底前, 6月30日前, 2023-12-31
  let m = DATE_FULL_RE.exec(s);
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  let period: string | undefined;
  let head = "";
  let tail = "";
  if (m) {
    year = m[1] ? Number(m[1]) : undefined;
    month = Number(m[2]);
    day = m[3] ? Number(m[3]) : undefined;
    period = m[4] === "末" ? "底" : m[4] === "份" ? undefined : m[4];
    head = s.slice(0, m.index);
    tail = s.slice(m.index + m[0].length);
  } else if ((m = DATE_ISO_RE.exec(s))) {
    year = Number(m[1]);
    month = Number(m[2]);
    day = m[3] ? Number(m[3]) : undefined;
    head = s.slice(0, m.index);
    tail = s.slice(m.index + m[0].length);
  } else {
    const yearEnd = /(\d{4})年(底|末|终|内)/.exec(s) ?? /()(年底|年末|年终)/.exec(s);
    const half = HALF_RE.exec(s.replace(/^(于|在|截至|截止)/, ""));
    if (yearEnd) {
      year = yearEnd[1] ? Number(yearEnd[1]) : undefined;
      month = 12;
      period = yearEnd[2] === "内" ? "年内" : "底";
      head = s.slice(0, yearEnd.index);
      tail = s.slice(yearEnd.index + yearEnd[0].length);
    } else if (half) {
      year = half[1] ? Number(half[1]) : undefined;
      const q = half[3] ?? half[4];
      if (half[2] === "上半年") month = 6;
      else if (half[2] === "下半年") month = 12;
      else if (q) month = 3 * ("一二三四".indexOf(q) >= 0 ? "一二三四".indexOf(q) + 1 : Number(q));
      period = half[2];
      head = s.slice(0, s.indexOf(half[2]) - (half[1] ? half[1].length + 1 : 0));
      tail = s.slice(s.indexOf(half[2]) + half[2].length);
    } else if (/^(?:\d{4}年)(?:前|以前|之前|内)?(?:完成)?$/.test(s) || /^年内(?:完成)?$/.test(s)) {
      const y = /^(\d{4})年/.exec(s);
      if (!y) return { kind: "deadline", raw, operator: "<=", month: 12, period: "年内" };
      return { kind: "deadline", raw, operator: "<=", year: Number(y[1]), month: 12, period: "年内", iso: `${y[1]}-12-31` };
    } else {
      return null;
    }
  }
  if (month === undefined || month < 1 || month > 12) return null;
  if (day !== undefined && (day < 1 || day > 31)) return null;
  if (year !== undefined && (year < 1990 || year > 2100)) return null;
  const headStripped = stripOperator(head);
  if (!DEADLINE_HEAD_RE.test(headStripped.rest)) return null;
  if (!DEADLINE_TAIL_RE.test(tail)) return null;
  let operator: Operator | null = headStripped.op;
  if (/^(前|之前|以前|内|以内|之内|止|为止|截止)/.test(tail) || period === "年内") operator = "<=";
  if (/^(截至|截止)/.test(head)) operator = "<=";
  const out: DeadlineValue = { kind: "deadline", raw, operator };
  if (year !== undefined) out.year = year;
  out.month = month;
  if (day !== undefined) out.day = day;
  if (period) out.period = period;
  if (year !== undefined) {
    if (day !== undefined) out.iso = `${year}-${pad(month)}-${pad(day)}`;
    else if (period === "底" || period === "下旬" || period === "下半年" || period === "年内" || period?.includes("季度"))
      out.iso = `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`;
  }
  return out;
}

function isTimeliness(level2?: string): boolean {
  return !!level2 && /时效|进度/.test(level2);
}

const RANGE_SEP_RE = /^(?:-|~|—|–|至|到)$/;

function rangeFrom(s: string, raw: string): RangeValue | null {
  // ±3%以内 / ±3%
  const tol = /^(?:±|\+-|\+\/-)(\d+(?:\.\d+)?)(.*)$/.exec(s);
  if (tol) {
    const body = stripTrailingOperator(tol[2]).rest;
    const { unit, info, rest } = readUnit(body);
    if (rest !== "") return null;
    const n = Number(tol[1]);
    const factor = info?.factor ?? 1;
    const out: RangeValue = {
      kind: "range", raw, low: -n, high: n, normalizedLow: round(-n * factor), normalizedHigh: round(n * factor),
      unit, unitKind: info?.kind ?? "none", tolerance: true,
    };
    if (info?.standard) out.standardUnit = info.standard;
    return out;
  }
  const first = readNumber(s);
  if (!first) return null;
  const sep = /^(-|~|—|–|至|到)/.exec(first.rest);
  if (!sep || !RANGE_SEP_RE.test(sep[1])) return null;
  const second = readNumber(first.rest.slice(sep[1].length));
  if (!second) return null;
  const tail = stripTrailingOperator(second.rest).rest;
  if (tail !== "" && tail !== "之间") return null;
  // `90-95%`: the unit written once applies to both ends.
  const unitInfo = second.unit ? UNITS[second.unit] ?? null : null;
  const lowNormalized = first.unit ? first.normalized : round(first.number * (unitInfo?.factor ?? 1));
  if (first.unit && second.unit && first.unit !== second.unit) return null;
  const out: RangeValue = {
    kind: "range",
    raw,
    low: first.number,
    high: second.number,
    normalizedLow: lowNormalized,
    normalizedHigh: second.normalized,
    unit: second.unit || first.unit,
    unitKind: second.unit ? second.unitKind : first.unitKind,
  };
  const std = second.standardUnit ?? first.standardUnit;
  if (std) out.standardUnit = std;
  return out;
}

function gradeFrom(s: string, raw: string): ParsedValue | null {
  if (GRADE_SET.has(s)) return { kind: "grade", raw, grade: s, operator: null };
  const { op, rest } = stripOperator(s);
  let body = rest;
  let operator = op;
  const trailing = stripTrailingOperator(body);
  if (trailing.op && GRADE_SET.has(trailing.rest)) {
    body = trailing.rest;
    operator = operator ?? trailing.op;
  }
  body = body.replace(/[。.!！]+$/, "");
  if (GRADE_SET.has(body)) return { kind: "grade", raw, grade: body, operator };
  // 等级：良好 / 评价为优秀
  const m = /^(?:等级|评价|评定|评级|考核|验收)?(?:为|达到|结果为)?[:：]?(.+)$/.exec(body);
  if (m && m[1] !== body && GRADE_SET.has(m[1])) return { kind: "grade", raw, grade: m[1], operator };
  return null;
}

const MAX_AFFIX = 8;

function quantitativeFrom(s: string, raw: string): QuantitativeValue | null {
  // Find where the number starts; what comes before is an operator and/or a short prefix (完成1.1万户配送).
  const m = NUMBER_RE.exec(s);
  if (!m) return null;
  let before = s.slice(0, m.index);
  let operator: Operator | null = null;
  let prefix = "";
  // Operator immediately before the number, possibly after a short prefix (培训≥4次).
  for (const [word, op] of LEADING_OPERATORS) {
    if (before.endsWith(word)) {
      operator = op;
      prefix = before.slice(0, before.length - word.length);
      break;
    }
  }
  if (operator === null) {
    const lead = stripOperator(before);
    operator = lead.op;
    prefix = lead.op ? lead.rest : before;
  } else {
    const lead = stripOperator(prefix);
    if (lead.op && lead.rest === "") prefix = "";
  }
  if (/[\d]/.test(prefix) || prefix.length > MAX_AFFIX) return null;
  const num = readNumber(s.slice(m.index));
  if (!num) return null;
  let rest = num.rest;
  const trailing = stripTrailingOperator(rest);
  let suffix = trailing.rest;
  if (trailing.op && operator === null) operator = trailing.op;
  // `以上`/`以内` can also stand before a trailing word (100户以上配送) — keep it simple: strip once more.
  const inner = /^(及以上|以上|以内|以下|及以下)(.*)$/.exec(suffix);
  if (inner) {
    if (operator === null) operator = inner[1].includes("上") ? ">=" : "<=";
    suffix = inner[2];
  }
  if (/\d/.test(suffix) || suffix.length > MAX_AFFIX) return null;
  void rest;
  const out: QuantitativeValue = {
    kind: "quantitative",
    raw,
    operator,
    number: num.number,
    normalized: num.normalized,
    unit: num.unit,
    unitKind: num.unitKind,
  };
  if (num.standardUnit) out.standardUnit = num.standardUnit;
  if (num.per) out.per = num.per;
  if (num.scaled) out.scaled = true;
  if (prefix) out.prefix = prefix;
  if (suffix) out.suffix = suffix;
  // A multiplier with no unit after it (`50 万`) keeps the multiplier visible in the unit so rules can see it.
  if (num.scaled && num.unit === "") out.unit = "";
  return out;
}

/**
 * Parse an indicator value. Order matters: placeholders and empties first (a bare `%` is not a percentage),
 * then deadlines (2023年12月底前 contains numbers), ranges, quantities, grades, and free text last.
 */
export function parseValue(text: string, opts: ParseOptions = {}): ParsedValue {
  const raw = typeof text === "string" ? text : String(text ?? "");
  try {
    return parseNormalized(normalizeValueText(raw), raw, opts);
  } catch {
    // Defensive: the grammar is total, but a value must never take the validator down.
    return { kind: "text", raw, question: false, hasNumber: /\d/.test(raw) };
  }
}

function parseNormalized(s: string, raw: string, opts: ParseOptions): ParsedValue {
  if (s === "") return { kind: "empty", raw, none: false };
  if (s === "无" || s === "無") return { kind: "empty", raw, none: true };
  if (PLACEHOLDER_RE.test(s)) return { kind: "placeholder", raw, form: placeholderForm(s) };
  // A unit with no number (`万元`, `次`, `元/人`): the number was never filled in.
  const unitOnly = readUnit(stripOperator(s).rest);
  if (unitOnly.info && unitOnly.rest === "") return { kind: "placeholder", raw, form: "只有单位" };
  // An Excel date serial leaked into a 时效 cell (44561 = 2021-12-31).
  if (isTimeliness(opts.level2) && /^\d{5}(?:\.0+)?$/.test(s)) {
    const serial = Number(s);
    if (serial >= 30000 && serial <= 60000) {
      const iso = excelSerialToIso(serial);
      const [y, mo, d] = iso.split("-").map(Number);
      return { kind: "deadline", raw, operator: null, year: y, month: mo, day: d, iso, excelSerial: serial };
    }
  }
  const deadline = /月|年|季度|\d{4}[-./]\d{1,2}/.test(s) ? deadlineFrom(s, raw) : null;
  if (deadline) return deadline;
  if (/\d/.test(s)) {
    const range = rangeFrom(stripOperator(s).rest, raw);
    if (range) return range;
    const quantity = quantitativeFrom(s, raw);
    if (quantity) return quantity;
  }
  const grade = gradeFrom(s, raw);
  if (grade) return grade;
  return {
    kind: "text",
    raw,
    question: QUESTION_RE.test(s),
    hasNumber: /\d/.test(s) || CHINESE_COUNT_RE.test(s),
  };
}

function placeholderForm(s: string): string {
  if (/文字|定性描述/.test(s)) return "文字描述";
  if (/^待/.test(s) || s === "填写") return "待定";
  if (/^[%‰]$/.test(s)) return "%";
  if (/\*/.test(s)) return "**";
  if (/[xX×]/.test(s)) return "XX";
  return s;
}
