// Text primitives shared by the text importers: numbered lines, cell cleanup and the joining of text that
// PDF extraction or a web copy wrapped (a line break inside Chinese text is no word boundary).

export interface Line {
  /** 1-based line number in the input file (for importWarnings). */
  no: number;
  /** The line as written, trailing CR removed. */
  raw: string;
  /** Trimmed text. */
  text: string;
}

export function toLines(text: string): Line[] {
  const body = text.replace(/^\uFEFF/, "");
  // A file whose lines end in \n (or \r\n) with a stray \r inside a line (a cell pasted from a Mac app): the
  // stray one is a space, not a line break that would cut a table row in two. Only classic Mac text breaks at \r.
  const breaks = /\n/.test(body) ? /\r?\n/ : /\r/;
  return (/\n/.test(body) ? body.replace(/\r(?!\n)/g, " ") : body)
    .split(breaks)
    .map((raw, i) => ({ no: i + 1, raw, text: raw.trim() }));
}

/**
 * Remove the given characters from the end. A loop, not `/[…]+$/`: that regex backtracks quadratically on a
 * long run of those characters followed by another one (a garbled line of 100 000 tabs).
 */
export function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return text.slice(0, end);
}

export function trimStartOf(text: string, chars: string): string {
  let start = 0;
  while (start < text.length && chars.includes(text[start])) start++;
  return text.slice(start);
}

export { squash } from "../../domain/taxonomy.js";

/** CJK ideographs, CJK punctuation, full-width forms and the curly quotes Chinese text uses. */
const WIDE = /[\u2018-\u201f\u2026\u2e80-\u2fff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;

export function isWide(ch: string | undefined): boolean {
  return ch !== undefined && WIDE.test(ch);
}

/**
 * Clean one cell: collapse whitespace runs, and drop the ones between two wide characters — those are
 * line wraps of the source layout (`建设承德工业 互联网平台` → `建设承德工业互联网平台`), while a space next to
 * a digit or Latin letter is kept as written (`≥90 百分比`, `下达 2023 年`).
 */
export function cleanCell(text: string): string {
  const collapsed = text.replace(/[\s\u3000]+/g, " ").trim();
  if (!collapsed.includes(" ")) return collapsed;
  let out = "";
  for (let i = 0; i < collapsed.length; i++) {
    const ch = collapsed[i];
    if (ch === " " && isWide(out[out.length - 1]) && isWide(collapsed[i + 1])) continue;
    out += ch;
  }
  return out;
}

/** Join two pieces of one wrapped cell or paragraph: no separator between wide characters, else one space. */
export function joinWrapped(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return isWide(a[a.length - 1]) || isWide(b[0]) ? cleanCell(a + b) : cleanCell(`${a} ${b}`);
}

const SENTENCE_END = /[。！？；;!?：:」』”）)]$/;

/**
 * Join the paragraphs of one section. A paragraph that ends without sentence punctuation was cut by a
 * page break (`5000元以上` | `上需经局内会议…`) and continues directly; whole paragraphs are joined by "\n".
 */
export function joinParagraphs(paragraphs: string[]): string {
  let out = "";
  for (const p of paragraphs) {
    if (!out) out = p;
    else if (SENTENCE_END.test(out)) out += `\n${p}`;
    else out = joinWrapped(out, p);
  }
  return out;
}

/** Same rule, keeping whole paragraphs as list items (narrative goals). */
export function mergeCutParagraphs(paragraphs: string[], startsItem: (p: string) => boolean): string[] {
  const out: string[] = [];
  for (const p of paragraphs) {
    const last = out[out.length - 1];
    if (last !== undefined && !SENTENCE_END.test(last) && !startsItem(p) && !/[。.]$/.test(last)) {
      out[out.length - 1] = joinWrapped(last, p);
    } else out.push(p);
  }
  return out;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 3, ３, 三, 十二, 二十 → number; null when not a small count. */
export function parseCount(text: string): number | null {
  const t = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).trim();
  if (/^\d+$/.test(t)) return Number(t);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(t);
  if (!m || t === "") return null;
  if (!m[2]) return m[1] && !m[3] ? CN_DIGITS[m[1]] : null;
  return (m[1] ? CN_DIGITS[m[1]] : 1) * 10 + (m[3] ? CN_DIGITS[m[3]] : 0);
}

/** A number as written in a budget cell (`1,200.00`, `１０`); null when absent or not a number. */
export function parseNumber(text: string): number | null {
  const t = text
    .replace(/[０-９．]/g, (d) => (d === "．" ? "." : String.fromCharCode(d.charCodeAt(0) - 0xfee0)))
    .replace(/[,，\s]/g, "");
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}
