// A page copied onto one line: the excerpt a search engine or a document-sharing site shows of a Word or PDF
// table (`…项目名称滨湖大楼运行保障…一级指标二级指标三级指标指标值产出指标数量指标维修次数280次巡检次数200次质量指标…`),
// every cell and row run together or separated by single spaces. Such a line is cut back into the lines a
// copy keeps — head fields, the header, one line per indicator row — for the layouts of text-layouts.ts:
//   - before each head field label (项目名称, 资金总额, 年度目标 …) ahead of the header, and before 项目名称/项目编码
//     after it (the next project);
//   - before each whole 一级/二级 label (a 二级 right after its 一级 stays with it: that is one row's cells);
//   - after a value that a new name follows (`…280次巡检次数…`): a number with an operator, a unit or a
//     percent sign, or a date, followed by a name — not by the rest of a word (`2023年度`, `3个月`).
// Only lines that hold an indicator header with more text around it are touched.
import { captionStart, FULL_LABELS, headerRunAt } from "../../domain/columns.js";
import { isLevel1Label, isLevel2Label } from "../../domain/taxonomy.js";
import { OPERATOR_PATTERN } from "../../domain/value.js";
import { matchUnit } from "../../domain/units.js";
import { labelAt } from "../form/fields.js";
import { FOOTER_IN_RUN } from "../form/footer.js";
import { isWide, type Line } from "../form/lines.js";

/** Lines with every flattened line cut into its parts (same line number). */
export function unflatten(lines: Line[]): Line[] {
  if (!lines.some(mayBeFlattened)) return lines;
  return lines.flatMap((line) => (mayBeFlattened(line) ? cutLine(line) : [line]));
}

function mayBeFlattened(line: Line): boolean {
  // Tab and pipe rows keep their cells; a header alone on its line is the run-together layout.
  return line.text.length > 24 && line.text.includes("一级指标") && !line.raw.includes("\t") && !line.text.includes("|");
}

function cutLine(line: Line): Line[] {
  const text = line.text;
  const first = findHeader(text);
  if (!first || (first.start === 0 && first.end >= text.trimEnd().length)) return [line];
  const cuts = new Set<number>();
  // Head fields, a header, its rows; then the next project's head (项目名称 …) or the next table's header.
  for (let pos = 0; pos < text.length; ) {
    const header = findHeader(text, pos);
    const headEnd = header ? header.start : text.length;
    for (const at of headCuts(text, pos, headEnd)) cuts.add(at);
    if (!header) break;
    cuts.add(header.start).add(header.end);
    const nextHeader = findHeader(text, header.end)?.start ?? text.length;
    const rowsEnd = nextProjectLabel(text, header.end, nextHeader);
    for (const at of rowCuts(text, header.end, rowsEnd)) cuts.add(at);
    cuts.add(rowsEnd);
    pos = rowsEnd;
  }
  const points = [...cuts].filter((c) => c > 0 && c < text.length).sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const at of [...points, text.length]) {
    const piece = text.slice(from, at).trim();
    if (piece) pieces.push(piece);
    from = at;
  }
  return pieces.map((piece) => ({ no: line.no, raw: piece, text: piece }));
}

/** Before each head field label, and after a head amount (`总额10606.75万元财政拨款:…`). */
function headCuts(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) {
    const hit = labelAt(text, i);
    if (!hit) continue;
    if (i > from) out.push(i);
    i += hit.length - 1;
    if (hit.kind !== "total" && hit.kind !== "fiscal" && hit.kind !== "other") continue;
    const amount = AMOUNT.exec(text.slice(i + 1, to));
    if (amount) out.push(i + 1 + amount[0].length);
  }
  return out;
}

const AMOUNT = /^\s*[:：]?\s*\d[\d,，]*(?:\.\d+)?\s*(?:亿元|万元|元|万)/;

/** Where the next project's 项目名称 or 项目编码 starts between `from` and `to` (`to` if none). */
function nextProjectLabel(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const hit = labelAt(text, i);
    if (hit && (hit.kind === "name" || hit.kind === "code")) return i;
  }
  return to;
}

function findHeader(text: string, from = 0): { start: number; end: number } | null {
  for (let at = text.indexOf("一级指标", from); at >= 0; at = text.indexOf("一级指标", at + 1)) {
    // A caption that starts before `from` belongs to what came before: the header starts at its 一级指标.
    const caption = captionStart(text, at);
    const start = caption >= from ? caption : at;
    const run = headerRunAt(text, start);
    if (run) return { start, end: run.end };
  }
  return null;
}

const DATE = String.raw`(?:\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月(?:\d{1,2}日)?)(?:底|末|中旬|下旬|全年)?(?:前|之前|以前)?`;
/** A date, or a number with the comparison before it (its unit is read after it with the unit list). */
const VALUE_START = new RegExp(String.raw`${DATE}|(${OPERATOR_PATTERN}\s*)?\d+(?:\.\d+)?`, "g");
/** Characters that continue a word after a number (`2023年度`, `3个月`, `5年内`, `10月底`), so no row ends there. */
const CONTINUES_WORD = /[度底末月日内前以及的之左右上下起至到后间期级类余多型号万千百亿批季]/;

/**
 * Where the value starting at `m` ends when it can end a row: a date, or a number with an operator, a unit or a
 * percent sign (a bare number only where a space follows it: `配备车辆数 10 风炮射程 80M`); -1 otherwise.
 */
function valueEnd(text: string, m: RegExpExecArray): number {
  let end = m.index + m[0].length;
  if (!/\d$/.test(m[0])) return end;
  let at = end;
  while (at < text.length && text[at] === " ") at++;
  // `万` after a number is a multiplier (`1.1万户`, `50万`), then the unit.
  const multiplier = /^(?:千万|百万|万|亿|千)/.exec(text.slice(at, at + 2));
  if (multiplier) at += multiplier[0].length;
  const unit = matchUnit(text, at);
  if (unit) end = at + unit.unit.length;
  else if (multiplier) end = at;
  const bounded = /^(?:以上|以内|以下)/.exec(text.slice(end, end + 2));
  if (bounded) end += bounded[0].length;
  if (unit || multiplier || m[1]) return end;
  return /\s/.test(text[end] ?? "") ? end : -1;
}

/** Where rows start between the header's end (`from`) and `to`. */
function rowCuts(text: string, from: number, to: number): number[] {
  const cuts: number[] = [];
  // The labels since the last cut, while nothing else followed them: a 二级 right after its 一级 is the same row.
  let pieceLabels: string[] = [];
  for (let i = from; i < to; i++) {
    if (FOOTER_IN_RUN.test(text.slice(i, i + 8))) {
      cuts.push(i);
      pieceLabels = [];
      continue;
    }
    const label = FULL_LABELS.find((l) => text.startsWith(l, i));
    if (label) {
      const joins = pieceLabels.length === 1 && isLevel1Label(pieceLabels[0]) && isLevel2Label(label);
      if (!joins) {
        cuts.push(i);
        pieceLabels = [];
      }
      pieceLabels.push(label);
      i += label.length - 1;
      continue;
    }
    if (!/\s/.test(text[i])) pieceLabels = [];
  }
  // A value followed by a new name ends a row (rows under one merged label run on after each other).
  const labelCuts = new Set(cuts);
  const labelCutList = cuts;
  // The start of the row a value sits in: the last label cut or value cut before it (both ascending).
  const out: number[] = [];
  let start = from;
  let k = 0;
  VALUE_START.lastIndex = from;
  for (let m = VALUE_START.exec(text); m && m.index < to; m = VALUE_START.exec(text)) {
    const end = valueEnd(text, m);
    if (end < 0) continue;
    let next = end;
    while (next < to && /\s/.test(text[next])) next++;
    if (next >= to || labelCuts.has(next) || FULL_LABELS.some((l) => text.startsWith(l, next))) continue;
    while (k < labelCutList.length && labelCutList[k] <= m.index) start = Math.max(start, labelCutList[k++]);
    if (out.length > 0 && out[out.length - 1] <= m.index) start = Math.max(start, out[out.length - 1]);
    // A name before the value, past its labels (three characters at least: a shorter run before a count is the
    // count's verb, `清算8个安置小区`), and a name after it. The first characters are enough to tell.
    const before = text.slice(start, Math.min(m.index, start + 200)).replace(/\s+/g, "");
    const named = stripLabels(before).length >= 3;
    if (named && isWide(text[next]) && !CONTINUES_WORD.test(text[next]) && !/[)）]/.test(text[next])) out.push(next);
  }
  return [...labelCutList, ...out];
}

/** The text after the row's labels and a `指标1:` numbering. */
function stripLabels(text: string): string {
  let rest = text;
  for (let again = true; again; ) {
    const label = FULL_LABELS.find((l) => rest.startsWith(l));
    const numbering = /^指标\s*\d+\s*[:：]/.exec(rest);
    again = Boolean(label || numbering);
    if (label) rest = rest.slice(label.length);
    else if (numbering) rest = rest.slice(numbering[0].length);
  }
  return rest;
}
