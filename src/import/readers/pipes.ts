// Markdown pipe rows as chat users paste them back (our own `render --to md`, tables a chat model writes, web
// copies that kept `|`): cells split at unescaped `|`, separator rows, finding marks, `**bold**`, `<br>`.
import { cleanCell } from "../form/lines.js";

const SEPARATOR_CELL = /^:?-{1,}:?$/;
/** Finding marks our renderer appends to a cell (` ⚠〔1,2〕`). */
const MARKS = /\s*⚠〔[\d,，\s]*〕/g;

/** The cells of one pipe-table row, split at unescaped `|`; escapes are kept for `decodeCell`. */
export function splitPipeRow(text: string): string[] {
  let t = text.trim();
  if (t.startsWith("|")) t = t.slice(1);
  const cells: string[] = [];
  let cell = "";
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (ch === "\\" && i + 1 < t.length) {
      cell += ch + t[i + 1];
      i++;
    } else if (ch === "|") {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  // A trailing pipe closes the last cell; without one the rest is the last cell.
  if (cell.trim() !== "" || !t.endsWith("|") || t.endsWith("\\|")) cells.push(cell);
  return cells.map((c) => c.trim());
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'", nbsp: " " };

/**
 * A cell's text: finding marks and `**bold**` removed, `<br>` → line break, HTML entities and backslash
 * escapes decoded in one pass (so `\&amp;` and `&amp;lt;` come back as written), each line cleaned.
 */
export function decodeCell(raw: string): string {
  const text = raw
    .replace(MARKS, "")
    .replace(/(?<!\\)\*\*/g, "")
    .replace(/(?<!\\)__(?=\S)(.+?)(?<=\S)(?<!\\)__/g, "$1")
    .replace(/\\([!-/:-@[-`{-~])|&(amp|lt|gt|quot|#39|#x27|nbsp);|<br\s*\/?>/gi, (m, escaped: string | undefined, entity: string | undefined) => {
      if (escaped !== undefined) return escaped;
      if (entity !== undefined) return ENTITIES[entity.toLowerCase()] ?? m;
      return "\n";
    });
  return text
    .split("\n")
    .map(cleanCell)
    .filter(Boolean)
    .join("\n");
}

export function isSeparatorRow(text: string): boolean {
  if (!text.includes("-")) return false;
  const cells = splitPipeRow(text);
  return cells.length > 0 && cells.every((c) => SEPARATOR_CELL.test(c.replace(/\s+/g, "")));
}

export function isPipeRow(text: string): boolean {
  return text.startsWith("|") || /[^\\]\|/.test(text);
}

