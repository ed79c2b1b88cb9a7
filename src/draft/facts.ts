// Numbers stated in a project description: counts (2600户, 4次), percentages (95%), deadlines (6月底前)
// and money (共计20万元), each with the words around it so the drafter can tell what it counts.
import { normalizeValueText } from "../domain/numbers.js";

export interface CountFact {
  /** The number as written (`2600`, `1.1`). */
  text: string;
  /** Value in base units (1.1万 → 11000). */
  value: number;
  /** `万` when written with a multiplier. */
  multiplier: string;
  unit: string;
  /** The clause before the number, comparison words removed (`计划推广使用洁净型煤代燃煤户数`). */
  before: string;
  /** The words right after the unit (`关键产业链` in `6个关键产业链`). */
  after: string;
  /** Offset in the normalized text: facts are reported in reading order. */
  at: number;
}

export interface PercentFact {
  text: string;
  value: number;
  before: string;
}

export interface DeadlineFact {
  year?: number;
  month: number;
  day?: number;
  raw: string;
}

/** A per-head or per-area standard (每生每天5元 → 5 元/人·天): a subsidy standard, never the budget. */
export interface RateFact {
  text: string;
  value: number;
  /** The unit as the value grammar writes it: `元/人·天`, `元/亩`. */
  unit: string;
  before: string;
  at: number;
}

export interface Facts {
  counts: CountFact[];
  rates: RateFact[];
  percents: PercentFact[];
  deadlines: DeadlineFact[];
  /** Money amounts in 万元 (5000元 → 0.5). */
  money: number[];
  years: number[];
  /** All digit strings of the input: what a grounded value may quote. */
  numbers: Set<string>;
}

// Longer units first so 人次 wins over 人 and 平方米 over 米.
const COUNT_UNITS = [
  "平方公里", "平方米", "立方米", "人次", "场次", "千瓦", "公里", "千米", "户", "人", "名", "次", "期", "场", "班",
  "个", "家", "项", "台", "套", "份", "篇", "部", "本", "册", "张", "所", "座", "处", "件", "批", "条", "栋", "辆", "亩", "吨", "米", "年",
];
const UNIT_ALT = COUNT_UNITS.join("|");
const COUNT_RE = new RegExp(`(\\d+(?:\\.\\d+)?)(万)?(${UNIT_ALT})`, "g");
const PERCENT_RE = /(\d+(?:\.\d+)?)%/g;
const DEADLINE_RE = /(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日|底|末)?(?:前|之前|以前)/g;
const MONEY_RE = /(\d+(?:\.\d+)?)(万元|元)/g;
/** 每生每天5元, 每人每月补助300元, 每亩补贴100元: 每-phrases, a few words, an amount in 元 not followed by /. */
const RATE_EACH_RE = /((?:每(?:学生|生|人|名|户|亩|天|日|月|年))+)[\u4e00-\u9fff]{0,6}?(\d+(?:\.\d+)?)元(?![/／])/g;
/** 5元/人·天, 300元/人/月, 100元/亩. */
const RATE_SLASH_RE = /(\d+(?:\.\d+)?)元[/／](人次|学生|生|人|名|户|亩)(?:[·./／](天|日|月|年))?/g;
const PER_WORD: Record<string, string> = { 学生: "人", 生: "人", 人: "人", 名: "人", 人次: "人次", 户: "户", 亩: "亩", 天: "天", 日: "天", 月: "月", 年: "年" };
const YEAR_RE = /((?:19|20)\d{2})年/g;
const DIGITS_RE = /\d+(?:\.\d+)?/g;

/** Words between the subject and its number that say "about / at least" (约2600户, 至少2次). */
const LEADING_FILLER = /(?:约|共|计|共计|合计|累计|总计|至少|不少于|不低于|达到|达|超过|以上|每年|全年|年均|举行|举办|为|有|是|，|,)+$/;
const CLAUSE_BREAK = /[。；;，,、：:！？!?（）()“”"《》\n]/;
/** Objects that are no measure (包括以下1个方面). */
const NON_MEASURES = /^(?:方面|部分|环节|层次|维度|类|种|阶段|步骤)/;

/** Text with whitespace removed and full-width digits/percent made ASCII. */
/** The summary as the value grammar reads text: full-width forms half-width, whitespace removed. */
export const normalizeInput = normalizeValueText;

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

export function extractFacts(raw: string): Facts {
  const text = normalizeInput(raw);
  const counts: CountFact[] = [];
  for (const m of text.matchAll(COUNT_RE)) {
    const [whole, num, wan = "", unit] = m;
    const at = m.index;
    // A year (2023年) or a document number is not a count; neither is a decimal part of a date.
    if (unit === "年" && /^(?:19|20)\d{2}$/.test(num)) continue;
    const prev = text[at - 1] ?? "";
    if (/[\d.\[〔【第]/.test(prev)) continue;
    const after = clauseAfter(text, at + whole.length);
    if (NON_MEASURES.test(after)) continue;
    const before = clauseBefore(text, at).replace(LEADING_FILLER, "");
    counts.push({ text: num, value: Number(num) * (wan ? 10000 : 1), multiplier: wan, unit, before, after, at });
  }
  const percents: PercentFact[] = [];
  for (const m of text.matchAll(PERCENT_RE)) {
    percents.push({ text: m[1], value: Number(m[1]), before: clauseBefore(text, m.index).replace(LEADING_FILLER, "") });
  }
  const deadlines: DeadlineFact[] = [];
  for (const m of text.matchAll(DEADLINE_RE)) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) continue;
    deadlines.push({ year: m[1] ? Number(m[1]) : undefined, month, day: m[3] ? Number(m[3]) : undefined, raw: m[0] });
  }
  const rates: RateFact[] = [];
  const rateSpans: [number, number][] = [];
  for (const m of text.matchAll(RATE_EACH_RE)) {
    const per = [...m[1].matchAll(/每(学生|生|人|名|户|亩|天|日|月|年)/g)].map((p) => PER_WORD[p[1]]);
    if (per.length === 0 || new Set(per).size !== per.length) continue;
    const numAt = m.index + m[0].length - m[2].length - 1;
    rates.push({ text: m[2], value: Number(m[2]), unit: `元/${per.join("·")}`, before: clauseBefore(text, m.index), at: numAt });
    rateSpans.push([numAt, numAt + m[2].length + 1]);
  }
  for (const m of text.matchAll(RATE_SLASH_RE)) {
    const per = [PER_WORD[m[2]], ...(m[3] ? [PER_WORD[m[3]]] : [])];
    rates.push({ text: m[1], value: Number(m[1]), unit: `元/${per.join("·")}`, before: clauseBefore(text, m.index), at: m.index });
    rateSpans.push([m.index, m.index + m[0].length]);
  }
  rates.sort((a, b) => a.at - b.at);
  const money: number[] = [];
  for (const m of text.matchAll(MONEY_RE)) {
    // A standard per head (每生每天5元) is no amount of the project: it must not become the budget.
    if (rateSpans.some(([a, b]) => m.index >= a && m.index < b)) continue;
    money.push(m[2] === "元" ? Number(m[1]) / 10000 : Number(m[1]));
  }
  const years = [...text.matchAll(YEAR_RE)].map((m) => Number(m[1]));
  const numbers = new Set([...text.matchAll(DIGITS_RE)].map((m) => m[0]));
  return { counts, rates, percents, deadlines, money, years, numbers };
}

// Months named next to a payment verb: `资金6月、12月分两次拨付`, `于3月和9月支付`.
const PAYMENT_MONTHS_RE = /((?:\d{1,2}月[、，,和及与]?){1,6})(?:底|末|份)?(?:前)?(?:分[一二三四两\d]次)?(?:拨付|支付|兑现|发放|拨款|付款)/;

/** The months in which the text says money is paid out, for the spending plan; [] when it does not say. */
export function paymentMonths(raw: string): number[] {
  const m = PAYMENT_MONTHS_RE.exec(normalizeInput(raw));
  if (!m) return [];
  return [...m[1].matchAll(/(\d{1,2})月/g)].map((x) => Number(x[1])).filter((n) => n >= 1 && n <= 12);
}
