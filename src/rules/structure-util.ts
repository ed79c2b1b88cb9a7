// Small text helpers shared by the structure and document rules.

import { hasWhitespace } from "../domain/whitespace.js";

export { squash } from "../domain/taxonomy.js";
export { hasWhitespace } from "../domain/whitespace.js";

/** Text as quoted in a message: whitespace collapsed, long text shortened so a message stays one line. */
export function quoted(text: string, max = 40): string {
  // Every finding quotes a cell or two, and most cells hold no whitespace: then there is nothing to collapse.
  const t = hasWhitespace(text) ? text.replace(/\s+/g, " ").trim() : text;
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

/** Leading item numbering: 1. 1、 （1） (1) ① 一、 一是 第一. */
export const NUMBERING = /^(?:\d+\s*[.．、)）]|[（(]\s*[\d一二三四五六七八九十]+\s*[)）]|[①-⑳]|[一二三四五六七八九十]+\s*[、.．是]|第[一二三四五六七八九十\d]+[、，,]?)\s*/;

/** The Chinese numerals NUMBERING's items may start with, by character code. */
const NUMERAL_CODES: ReadonlySet<number> = new Set([..."一二三四五六七八九十"].map((ch) => ch.charCodeAt(0)));

/** The text's first character can start a NUMBERING item: a digit, （ (, ①–⑳, a Chinese numeral or 第. */
function mayStartNumbering(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || c === 0xff08 || c === 0x28 || (c >= 0x2460 && c <= 0x2473) || c === 0x7b2c || NUMERAL_CODES.has(c);
}

export function stripNumbering(text: string): string {
  const t = text.trim();
  // Test before replacing: most goals start with no numbering, and the text is then trimmed already.
  return mayStartNumbering(t) ? t.replace(NUMBERING, "").trim() : t;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

// readCount's patterns, made once (a regex literal in a function is a new RegExp on every call).
const ASCII_DIGITS_RE = /^\d+$/;
const FULL_WIDTH_DIGITS_RE = /^[０-９]+$/;
const FULL_WIDTH_DIGIT_RE = /[０-９]/g;
const CHINESE_UP_TO_99_RE = /^([一二两三四五六七八九])?(十)?([零〇一二三四五六七八九])?$/;

/** Arabic digits (also full-width) or a Chinese numeral up to 99 (十二, 二十, 两) → number; null when unreadable. */
export function readCount(text: string): number | null {
  const t = text.trim();
  if (ASCII_DIGITS_RE.test(t)) return Number(t);
  if (FULL_WIDTH_DIGITS_RE.test(t)) return Number(t.replace(FULL_WIDTH_DIGIT_RE, (d) => String(d.charCodeAt(0) - 0xff10)));
  const m = t.match(CHINESE_UP_TO_99_RE);
  if (!m || t === "") return null;
  const [, tens, ten, ones] = m;
  if (ten) return (tens ? CN_DIGITS[tens] : 1) * 10 + (ones ? CN_DIGITS[ones] : 0);
  if (tens && !ones) return CN_DIGITS[tens];
  if (!tens && ones) return CN_DIGITS[ones];
  return null;
}

const TRAILING_NOTE_RE = /[（(][^（()）]*[)）]$/;

/** The text without a trailing bracketed note such as （%） or (个): names are compared without their unit tag. */
export function withoutTrailingNote(text: string): string {
  // Test before replacing: most names end in no bracket.
  return text.endsWith("）") || text.endsWith(")") ? text.replace(TRAILING_NOTE_RE, "") : text;
}
