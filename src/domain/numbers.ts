// Small number and date helpers for the value grammar: width normalization, exact decimal scaling, dates.
import { isWhitespaceCode } from "./whitespace.js";

/**
 * Anything normalizeValueText would change — whitespace (\s: incl. U+3000, NBSP), zero-width U+200B, and full-width
 * forms U+FF01–U+FF5E — read as character codes: every row's value is tested, and most hold none.
 */
export function needsNormalizing(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isWhitespaceCode(c) || c === 0x200b || (c >= 0xff01 && c <= 0xff5e)) return true;
  }
  return false;
}

/**
 * Full-width → half-width (digits, letters, ％ ＞ ＝ ～ …) and every whitespace removed: PDF extraction
 * breaks `≥90 百分比`, `1 个`; users type `１２０`. The Chinese comma stays a separator only between digits.
 */
export function normalizeValueText(text: string): string {
  if (!needsNormalizing(text)) return text;
  // Unchanged runs are copied as slices (one string per run, not per character).
  let out = "";
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) {
      out += text.slice(start, i) + String.fromCharCode(code - 0xfee0);
      start = i + 1;
    } else if (code <= 0x20 || code === 0x3000 || code === 0xa0 || code === 0x200b || code === 0xfeff || code === 0x2028 ||
      code === 0x2029 || code === 0x85 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x1680) {
      out += text.slice(start, i);
      start = i + 1;
    }
  }
  return out + text.slice(start);
}

/** `numeral × 10^exp` computed on the decimal string, so 1.1万 is exactly 11000 (not 11000.000000000002). */
export function scaleDecimal(numeral: string, exp: number): number {
  return exp === 0 ? Number(numeral) : Number(`${numeral}e${exp}`);
}

/** Excel's day 0 is 1899-12-30 (the 1900 leap-year bug folded in): 44561 → 2021-12-31. */
export function excelSerialToIso(serial: number): string {
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) return undefined;
  return `${year}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

const CHINESE_DIGITS = "一二三四";

/** 第三季度 / 第3季度 → 3; null when the character is not a quarter number. */
export function quarterNumber(ch: string): number | null {
  const i = CHINESE_DIGITS.indexOf(ch);
  if (i >= 0) return i + 1;
  const n = Number(ch);
  return n >= 1 && n <= 4 ? n : null;
}

// ---------------------------------------------------------------------------------------------------------
// Numbers written in Chinese words (四次, 两万元, 百分之九十五, 九成). nzh 1.0.14 was checked and does not fit:
// decodeS('两万') = 0, decodeS('两千五百') = 500, decodeS('百分之九十五') = 195. The grammar needs only integers
// and decimals of the 一…九 / 十百千 / 万亿 system, so this small reader does it.

const CHINESE_DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CHINESE_SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CHINESE_BIG_UNIT: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** The characters a Chinese numeral is made of. */
export const CHINESE_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿点";

/** A Chinese numeral (九十五, 两千五百, 一万二千, 三点五) → its value; null when the text is not one. */
export function chineseNumber(text: string): number | null {
  if (text === "") return null;
  const [whole, fraction] = text.split("点");
  if (fraction !== undefined) {
    const intPart = whole === "" ? null : chineseNumber(whole);
    if (intPart === null || fraction === "" || text.split("点").length > 2) return null;
    let digits = "";
    for (const ch of fraction) {
      const d = ch === "零" || ch === "〇" ? 0 : CHINESE_DIGIT[ch];
      if (d === undefined) return null;
      digits += d;
    }
    return Number(`${intPart}.${digits}`);
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let any = false;
  for (const ch of whole) {
    if (ch === "零" || ch === "〇") {
      if (digit !== null) return null;
      any = true;
      continue;
    }
    const d = CHINESE_DIGIT[ch];
    if (d !== undefined) {
      if (digit !== null) return null; // 一二 is a list, not a number
      digit = d;
      any = true;
      continue;
    }
    const small = CHINESE_SMALL_UNIT[ch];
    if (small !== undefined) {
      // 十五, 百分之百: a unit with no digit before it counts once.
      section += (digit ?? 1) * small;
      digit = null;
      any = true;
      continue;
    }
    const big = CHINESE_BIG_UNIT[ch];
    if (big !== undefined) {
      if (!any) return null;
      section += digit ?? 0;
      if (big === 1e8) total = (total + section) * big;
      else total += section * big;
      section = 0;
      digit = null;
      continue;
    }
    return null;
  }
  return any ? total + section + (digit ?? 0) : null;
}

/** The drafter's name for the same reader (facts stated in words: 三十户, 两万元). */
export const chineseNumeralValue = chineseNumber;
