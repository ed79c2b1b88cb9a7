// Bytes of a text file → string. UTF-8 (with or without BOM) first; UTF-16 with a BOM (Notepad's “Unicode”);
// GB18030 (files saved by Chinese Windows) only when the bytes read as GB18030 and not as UTF-8. A UTF-8 file
// with a few broken bytes stays UTF-8: the bytes become U+FFFD and the lines are reported, instead of the
// whole file turning into mojibake.

export interface DecodedText {
  text: string;
  /** 1-based lines where bytes could not be read (replaced by �). */
  badLines: number[];
}

function utf16Encoding(buffer: Buffer): "utf-16le" | "utf-16be" | null {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return "utf-16le";
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return "utf-16be";
  return null;
}

const stripBom = (t: string) => t.replace(/^\uFEFF/, "");

export function decodeWithReport(buffer: Buffer): DecodedText {
  const utf16 = utf16Encoding(buffer);
  if (utf16) return { text: stripBom(new TextDecoder(utf16).decode(buffer)), badLines: [] };
  try {
    return { text: stripBom(new TextDecoder("utf-8", { fatal: true }).decode(buffer)), badLines: [] };
  } catch {
    // fall through: not clean UTF-8
  }
  const lenient = stripBom(new TextDecoder("utf-8").decode(buffer));
  const replaced = (lenient.match(/\uFFFD/g) ?? []).length;
  // Mostly-valid UTF-8 (a handful of broken bytes) is UTF-8; a legacy file fails on nearly every CJK char.
  if (replaced <= Math.max(8, lenient.length / 1000)) return { text: lenient, badLines: linesWith(lenient, "\uFFFD") };
  try {
    return { text: stripBom(new TextDecoder("gb18030", { fatal: true }).decode(buffer)), badLines: [] };
  } catch {
    const gb = stripBom(new TextDecoder("gb18030").decode(buffer));
    const gbBad = (gb.match(/\uFFFD/g) ?? []).length;
    return gbBad < replaced ? { text: gb, badLines: linesWith(gb, "\uFFFD") } : { text: lenient, badLines: linesWith(lenient, "\uFFFD") };
  }
}

export function decodeText(buffer: Buffer): string {
  return decodeWithReport(buffer).text;
}

function linesWith(text: string, ch: string): number[] {
  const out: number[] = [];
  text.split(/\r?\n|\r/).forEach((line, i) => line.includes(ch) && out.push(i + 1));
  return out;
}
