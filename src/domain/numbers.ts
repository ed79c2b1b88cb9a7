// Small number and date helpers for the value grammar: width normalization, exact decimal scaling, dates.

// Anything normalizeValueText would change: whitespace (incl. U+3000, NBSP, zero-width) and full-width forms.
const NEEDS_NORMALIZING = /[\s\u200b\ufeff\uff01-\uff5e]/;

/**
 * Full-width → half-width (digits, letters, ％ ＞ ＝ ～ …) and every whitespace removed: PDF extraction
 * breaks `≥90 百分比`, `1 个`; users type `１２０`. The Chinese comma stays a separator only between digits.
 */
export function normalizeValueText(text: string): string {
  if (!NEEDS_NORMALIZING.test(text)) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) {
      out += String.fromCharCode(code - 0xfee0);
    } else if (code <= 0x20 || code === 0x3000 || code === 0xa0 || code === 0x200b || code === 0xfeff || code === 0x2028 ||
      code === 0x2029 || code === 0x85 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x1680) {
      continue;
    } else {
      out += text[i];
    }
  }
  return out;
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

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** The value of a Chinese numeral written in words (三十 → 30, 二百零五 → 205, 一万二千 → 12000), or null. */
export function chineseNumeralValue(text: string): number | null {
  if (!/^[零〇一二两三四五六七八九十百千万]+$/.test(text)) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in CN_DIGIT) {
      digit = CN_DIGIT[ch];
    } else if (ch in CN_SMALL_UNIT) {
      section += (digit ?? 1) * CN_SMALL_UNIT[ch];
      digit = null;
    } else if (ch === "万") {
      total += (section + (digit ?? 0)) * 10000;
      section = 0;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}
