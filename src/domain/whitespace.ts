// What counts as whitespace, read as character codes: the \s of regular expressions (U+3000, NBSP, line and
// paragraph separators, BOM), tested per character on every cell of a 900,000-row document.

/** The code unit is \s. */
export function isWhitespaceCode(c: number): boolean {
  if (c > 0x3000 && c !== 0xfeff) return false;
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x1680 ||
    (c >= 0x2000 && (c <= 0x200a || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f))
  );
}

/** /\s/.test(text): a loop over a short cell costs less than entering the regex engine. */
export function hasWhitespace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isWhitespaceCode(text.charCodeAt(i))) return true;
  return false;
}
