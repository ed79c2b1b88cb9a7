// Indicator tables in plain lines (web and Word copies that lost their cell separators), turned into a grid
// aligned to the header's columns:
//   rows:   one row per line, cells separated by spaces — `产出指标 数量指标 维修改造学校数量 ≥8所`
//   joined: cells run together — `产出指标数量指标农村义务教育学校改造覆盖率100%` (split on the taxonomy labels
//           and where a value of the value grammar starts)
//   cells:  one cell per line (the header, one column name per line, says how many cells a row has)
//   prose:  `数量指标：种植数量(≥**株)>=17600株；成活率>=85；时效指标：…` under `一、产出指标` headings
// Merged 一级/二级 cells appear once; the rows below get empty label cells, which the form reader carries down.
import { DIRECTION_WORD, LEVEL1_PREFIXES, LEVEL2_PREFIXES, NATURE_WORD, asLevel1, asLevel2, headerColumn, headerColumns, runTogetherHeader, type Column } from "../../domain/columns.js";
import type { CellGrid, GridRow } from "../grid.js";
import { readFieldLine } from "../form/fields.js";
import { FOOTER_LINE } from "../form/footer.js";
import { cleanCell, squash, type Line } from "../form/lines.js";
import { continuesValue, isValueText, opensValue, splitRunTogether } from "../form/values.js";

/** Page furniture a web copy carries below the table (share buttons, print/close links, next-article links). */
const WEB_CHROME = /^[【\[]?\s*(?:分享到|打印本页|打印此页|【?打印】?$|关闭窗口|【?关闭】?$|关闭本页|返回顶部|上一篇|下一篇|扫一扫|相关链接|责任编辑)/;
const ROWSPAN_CAPTION = /^(?:年度)?绩效指标$/;

const TITLES: Partial<Record<Column, string>> = {
  level1: "一级指标",
  level2: "二级指标",
  name: "三级指标",
  description: "指标描述",
  value: "指标值",
  basis: "指标值确定依据",
  unit: "计量单位",
  direction: "指标方向",
  nature: "指标性质",
  operator: "计算符号",
  weight: "分值",
  note: "备注",
};

type Layout = "rows" | "cells";

/** An indicator table starting at line `i` (its header), or null. */
export function readLayoutTable(lines: Line[], i: number): { grid: CellGrid; end: number } | null {
  const header = readHeader(lines, i);
  if (header) {
    const read = readRows(lines, header.end, header.columns, header.layout, lines[i].no);
    if (header.caption) read.grid.rows.forEach((row, k) => row.cells.unshift({ text: k === 0 ? header.caption! : "" }));
    return read;
  }
  return readProse(lines, i);
}

function readHeader(lines: Line[], i: number): { columns: Column[]; layout: Layout; end: number; caption?: string } | null {
  const t = lines[i].text;
  // `长期绩效指标 一级指标 …`: the caption of a 长期/中期 block is kept, so the form reader files its rows as such.
  const lead = /^((?:长期|中期)(?:绩效)?指标)\s*(?=一级指标)/.exec(t);
  const caption = lead ? lead[1] : undefined;
  const body = lead ? t.slice(lead[0].length) : t;
  const spaced = headerColumns(body.split(/[\s\u3000]+/));
  if (spaced && body.split(/[\s\u3000]+/).length > 1) return { columns: dropCaption(spaced), layout: "rows", end: i + 1, caption };
  const together = runTogetherHeader(body);
  if (together) return { columns: together, layout: "rows", end: i + 1, caption };
  let start = i;
  if (ROWSPAN_CAPTION.test(squash(t))) start = nextText(lines, i);
  if (start < 0 || headerColumn(lines[start].text) !== "level1") return null;
  const cells: string[] = [];
  let j = start;
  for (; j < lines.length; j++) {
    if (!lines[j].text) continue;
    if (!headerColumn(lines[j].text)) break;
    cells.push(lines[j].text);
  }
  const columns = headerColumns(cells);
  return columns ? { columns, layout: "cells", end: j } : null;
}

function dropCaption(columns: Column[]): Column[] {
  // `绩效指标 一级指标 …`: the caption of the merged left cell is no column of the rows.
  const first = columns.indexOf("level1");
  return first > 0 && columns.slice(0, first).every((c) => c === "ignore") ? columns.slice(first) : columns;
}

function nextText(lines: Line[], i: number): number {
  for (let j = i + 1; j < lines.length; j++) if (lines[j].text) return j;
  return -1;
}

function ends(text: string): boolean {
  if (FOOTER_LINE.test(text) || WEB_CHROME.test(text)) return true;
  return readFieldLine(text).some((h) => h.kind === "name" || h.kind === "code");
}

function headerRow(columns: Column[], line: number): GridRow {
  return { cells: columns.map((c) => ({ text: TITLES[c] ?? "" })), source: { line } };
}

function readRows(lines: Line[], from: number, columns: Column[], layout: Layout, headerLine: number): { grid: CellGrid; end: number } {
  const rows: GridRow[] = [headerRow(columns, headerLine)];
  let j = from;
  if (layout === "cells") {
    const cells: Line[] = [];
    // A copy that puts a blank line between cells writes an empty cell as a line of spaces: those are cells.
    const blankCells = cellsSeparatedByBlankLines(lines, from);
    for (; j < lines.length; j++) {
      const t = lines[j].text;
      if (!t && !(blankCells && lines[j].raw !== "")) continue;
      if (t && ends(t)) break;
      cells.push(lines[j]);
    }
    while (cells.length > 0 && !cells[cells.length - 1].text) cells.pop();
    const fixed = blankCells ? fixedWidthRows(cells, columns) : null;
    rows.push(...(fixed ?? assembleCells(cells.filter((c) => c.text), columns)));
    return { grid: { rows, source: { line: headerLine } }, end: j };
  }
  for (; j < lines.length; j++) {
    const t = lines[j].text;
    if (!t) continue;
    if (ends(t)) break;
    // The header again (a page copied onto one line repeats it): the same table goes on; another header is
    // another table.
    const again = runTogetherHeader(t) ?? (t.includes(" ") ? headerColumns(t.split(/[\s\u3000]+/)) : null);
    if (again) {
      // …unless a caption names another block (`年度绩效指标一级指标…` after the 长期 one).
      if (again.join() === columns.join() && !/^(?:长期|中期|年度)(?:绩效)?指标/.test(t)) continue;
      break;
    }
    const cells = splitRow(t, columns);
    if (!cells) {
      // A line that is no row ends the table unless the next line is a row again (a wrapped name).
      const next = nextText(lines, j);
      if (next < 0 || !splitRow(lines[next].text, columns)?.some((c, k) => c && (columns[k] === "level1" || columns[k] === "level2"))) break;
      rows.push({ cells: columns.map((c) => ({ text: c === "name" ? cleanCell(t) : "" })), source: { line: lines[j].no } });
      continue;
    }
    const row: GridRow = { cells: cells.map((text) => ({ text })), source: { line: lines[j].no } };
    const value = columns.indexOf("value");
    if (value >= 0 && !cells[value] && cells.some((c, k) => c && columns[k] === "name")) row.warning = `找不到指标值，整段读作三级指标：${cleanCell(t).slice(0, 40)}`;
    rows.push(row);
  }
  return { grid: { rows, source: { line: headerLine } }, end: j };
}

// ---- labels ----

function stripPrefix(text: string, prefixes: string[]): [string | null, string] {
  const hit = prefixes.find((p) => text.startsWith(p) && text.length > p.length);
  return hit ? [hit, text.slice(hit.length)] : [null, text];
}

/** A 一级 label, unless it is 成本指标 used as a 二级 (decided by whether a 二级 label follows). */
function isLevel1Token(token: string, next: string | undefined): boolean {
  if (!asLevel1(token)) return false;
  return !(asLevel2(token) && !(next && asLevel2(next)));
}

/** A label strong enough to end a row of one-cell-per-line content: a full label ending in 指标. */
function isStrongLabel(text: string): boolean {
  return /指标$/.test(squash(text)) && (asLevel1(text) !== null || asLevel2(text) !== null);
}

// ---- rows and joined layouts ----

const STRUCTURED: Column[] = ["unit", "direction", "nature", "operator", "weight"];
const OPERATOR_TOKEN = /^(≥|≤|>=|<=|>|<|=|＝|＞|＜|≧|≦)$/;

/** One line → cells in the header's columns, or null when the line reads as no row at all. */
function splitRow(text: string, columns: Column[]): string[] | null {
  let tokens = text.split(/[\s\u3000]+/).filter(Boolean);
  let l1: string | null = null;
  let l2: string | null = null;
  if (tokens.length > 0 && isLevel1Token(tokens[0], tokens[1])) l1 = squash(tokens.shift()!);
  if (tokens.length > 0 && asLevel2(tokens[0])) l2 = squash(tokens.shift()!);
  if (tokens.length >= 1 && !l2) {
    // Run together: the labels are prefixes of the first token.
    let rest = tokens[0];
    let p1: string | null = null;
    if (!l1) [p1, rest] = stripPrefix(rest, LEVEL1_PREFIXES);
    let p2: string | null;
    [p2, rest] = stripPrefix(rest, LEVEL2_PREFIXES);
    if (p1 && !p2 && asLevel2(p1)) [p1, p2] = [null, p1];
    if (p1 || p2) {
      l1 = l1 ?? p1;
      l2 = p2;
      tokens = [rest, ...tokens.slice(1)];
    }
  }
  const out = columns.map(() => "");
  if (l1) out[columns.indexOf("level1")] = l1;
  if (l2 && columns.includes("level2")) out[columns.indexOf("level2")] = l2;
  const content = columns.flatMap((c, k) => (c !== "level1" && c !== "level2" && c !== "ignore" ? [k] : []));
  const typed = columns.some((c) => STRUCTURED.includes(c));
  const placed = typed ? placeTyped(tokens, columns, out) : placeUntyped(tokens, columns, content, out);
  if (!l1 && !l2 && !placed) return null;
  return out;
}

function placeUntyped(tokens: string[], columns: Column[], content: number[], out: string[]): boolean {
  const col = (c: Column) => columns.indexOf(c);
  let v = -1;
  for (let k = 1; k < tokens.length; k++) if (opensValue(tokens[k])) { v = k; break; }
  let before: string[];
  let value: string[] = [];
  let after: string[] = [];
  let hasValue = true;
  if (v >= 0) {
    before = tokens.slice(0, v);
    let end = v + 1;
    let sofar = tokens[v];
    while (end < tokens.length && continuesValue(sofar, tokens[end])) sofar += tokens[end++];
    value = tokens.slice(v, end);
    after = tokens.slice(end);
  } else if (tokens.length === 1) {
    const split = splitRunTogether(tokens[0]);
    before = [split ? split.name : tokens[0]];
    value = split ? [split.value] : [];
    hasValue = Boolean(split);
  } else if (tokens.length >= 2) {
    before = tokens.slice(0, -1);
    value = tokens.slice(-1);
    hasValue = isValueText(value[0]) || tokens.length === 2;
  } else return false;
  // A header without a 三级 column (`一级指标二级指标绩效标准当年预期实现值`): the text before the value is the
  // first content column's, as the header says — not lost.
  const nameCol = col("name") >= 0 ? col("name") : (content.find((k) => columns[k] !== "value") ?? -1);
  if (col("description") >= 0 && col("name") >= 0 && before.length > 1) {
    out[col("name")] = cleanCell(before[0]);
    out[col("description")] = cleanCell(before.slice(1).join(" "));
  } else if (nameCol >= 0) out[nameCol] = cleanCell(before.join(" "));
  if (col("value") >= 0) out[col("value")] = cleanCell(value.join(" "));
  // What follows the value fills the remaining content columns (依据, 备注 …) in order; the last takes the rest.
  const rest = content.filter((k) => k !== nameCol && !["name", "description", "value"].includes(columns[k]));
  after.forEach((t, n) => {
    const k = rest[Math.min(n, rest.length - 1)];
    if (k !== undefined) out[k] = cleanCell(out[k] ? `${out[k]} ${t}` : t);
    else out[col("value")] = cleanCell(`${out[col("value")]} ${t}`);
  });
  return hasValue;
}

/**
 * A budget-system layout in spaced text (指标性质 | 指标方向 | 目标值 | 计量单位 | 分值): the name runs up to the
 * first typed token; each typed token goes to the first free column that takes its type.
 */
function placeTyped(tokens: string[], columns: Column[], out: string[]): boolean {
  const typeOf = (t: string): Column[] => {
    if (DIRECTION_WORD.test(t)) return ["direction", "nature"];
    if (NATURE_WORD.test(t)) return ["nature"];
    if (OPERATOR_TOKEN.test(t)) return ["operator", "nature", "direction"];
    if (/^-?[\d,，]+(\.\d+)?[%％]?$/.test(t)) return ["value", "weight", "unit", "note"];
    if (isValueText(t)) return ["value"];
    if (t.length <= 6 && !/[，。；]/.test(t)) return ["unit", "value", "note"];
    return [];
  };
  let k = 0;
  const name: string[] = [];
  while (k < tokens.length && (name.length === 0 || typeOf(tokens[k]).length === 0)) name.push(tokens[k++]);
  if (columns.includes("name")) out[columns.indexOf("name")] = cleanCell(name.join(" "));
  // As many tokens as columns after the name (a trailing 备注 may be empty): the row kept every cell, so each
  // token is its column's, whatever it looks like (乌海's 44,561 in 计量单位, 指标性质 and 指标方向 swapped).
  const after = columns.flatMap((c, i) => (i > columns.indexOf("name") && c !== "ignore" && c !== "level1" && c !== "level2" ? [i] : []));
  const rest = tokens.slice(k);
  const trailingNote = after.length > 0 && columns[after[after.length - 1]] === "note";
  if (rest.length === after.length || (trailingNote && rest.length === after.length - 1)) {
    rest.forEach((t, n) => (out[after[n]] = t));
    return rest.some((t, n) => columns[after[n]] === "value" && t !== "");
  }
  let placedValue = false;
  for (; k < tokens.length; k++) {
    const kinds = typeOf(tokens[k]);
    const target = kinds.map((c) => columns.indexOf(c)).find((i) => i >= 0 && !out[i]);
    if (target === undefined) {
      const note = columns.indexOf("note");
      if (note >= 0) out[note] = cleanCell(`${out[note]} ${tokens[k]}`);
      continue;
    }
    out[target] = tokens[k];
    if (columns[target] === "value") placedValue = true;
  }
  return placedValue;
}

// ---- one cell per line ----

/** Cells on every other line, the lines between them empty, and some cells only spaces (empty cells kept). */
function cellsSeparatedByBlankLines(lines: Line[], from: number): boolean {
  const window = lines.slice(from, from + 40);
  if (window.length < 8) return false;
  let alternating = 0;
  for (let k = 0; k + 1 < window.length; k += 2) if (window[k].raw !== "" && window[k + 1].raw === "") alternating++;
  return alternating >= Math.floor(window.length / 2) - 1 && window.some((l) => l.raw !== "" && !l.text);
}

/**
 * Every cell kept, empty ones too: rows are the header's width, each starting with a 一级 label or an empty cell
 * (a row that does not is no such table, and the cells are assembled by their labels instead).
 */
function fixedWidthRows(cells: Line[], columns: Column[]): GridRow[] | null {
  const width = columns.length;
  if (cells.length === 0 || cells.length % width !== 0) return null;
  const rows: GridRow[] = [];
  for (let k = 0; k < cells.length; k += width) {
    const row = cells.slice(k, k + width);
    const first = row[0].text;
    if (first && !asLevel1(first) && !asLevel2(first)) return null;
    rows.push({ cells: row.map((c) => ({ text: cleanCell(c.text) })), source: { line: row.find((c) => c.text)?.no ?? row[0].no } });
  }
  return rows;
}

function assembleCells(lines: Line[], columns: Column[]): GridRow[] {
  const rows: GridRow[] = [];
  const content = columns.flatMap((c, k) => (c !== "level1" && c !== "level2" && c !== "ignore" ? [k] : []));
  const l1 = columns.indexOf("level1");
  const l2 = columns.indexOf("level2");
  let row: string[] | null = null;
  let slot = 0;
  let line = 0;
  const close = () => {
    if (row) rows.push({ cells: row.map((text) => ({ text })), source: { line } });
    row = null;
    slot = 0;
  };
  const open = (no: number) => {
    close();
    row = columns.map(() => "");
    line = no;
  };
  for (let n = 0; n < lines.length; n++) {
    let cell = cleanCell(lines[n].text);
    // A label wrapped over two lines: `可持续影响` + `指标`.
    const next = lines[n + 1] ? cleanCell(lines[n + 1].text) : "";
    if (next === "指标" && (asLevel1(cell + next) || asLevel2(cell + next))) {
      cell += next;
      n++;
    }
    const atStart = row === null || (slot === 0 && !(row as string[]).some(Boolean));
    const afterLabels = row !== null && slot === 0;
    if (isLevel1Token(cell, next) && (atStart || isStrongLabel(cell))) {
      open(lines[n].no);
      row![l1] = squash(cell);
      continue;
    }
    if (asLevel2(cell) && l2 >= 0 && (atStart || isStrongLabel(cell) || (afterLabels && !row![l2]))) {
      if (!(afterLabels && !row![l2])) open(lines[n].no);
      row![l2] = squash(cell);
      continue;
    }
    if (!row) open(lines[n].no);
    const k = content[slot];
    if (k === undefined) {
      open(lines[n].no);
      row![content[0]] = cell;
      slot = 1;
    } else {
      row![k] = cell;
      slot++;
    }
    if (slot >= content.length) close();
  }
  close();
  return rows;
}

// ---- prose ----

const LEVEL2_IN_PROSE = /([\u4e00-\u9fa5]{0,8}(?:数量|质量|时效|进度|成本|经济效益|社会效益|生态效益|环境效益|可持续影响|满意度)(?:指标|目标)?)\s*[:：,，]/g;
const LEVEL1_HEADING = /^(?:[一二三四五六七八九十]+\s*[、.．]\s*)?((?:产出|效益|效果|满意度|成本)指标)\s*[:：]?$/;

/**
 * The table written as prose: heading lines name the 一级 (`一、 产出指标`), and each line lists `二级：name value；
 * name value` items. Only lines that carry such items are read; the text around stays paragraphs.
 */
function readProse(lines: Line[], i: number): { grid: CellGrid; end: number } | null {
  const opens = (t: string) => /[:：]/.test(t) && proseItems(t, "").some((item) => item.value && /[:：]\s*$/.test(item.mark));
  const start = LEVEL1_HEADING.test(squash(lines[i].text)) ? nextText(lines, i) : i;
  if (start < 0 || !opens(lines[start].text)) return null;
  const rows: GridRow[] = [headerRow(["level1", "level2", "name", "value"], lines[i].no)];
  let level1 = "";
  let j = i;
  let found = 0;
  for (; j < lines.length; j++) {
    const t = lines[j].text;
    if (!t) continue;
    const heading = LEVEL1_HEADING.exec(squash(t));
    if (heading) {
      level1 = heading[1];
      continue;
    }
    const items = proseItems(t, level1);
    if (items.length === 0) break;
    for (const item of items) {
      rows.push({ cells: [item.level1, item.level2, item.name, item.value].map((text) => ({ text })), source: { line: lines[j].no } });
      level1 = item.level1;
      found++;
    }
  }
  return found > 0 ? { grid: { rows, source: { line: lines[i].no } }, end: j } : null;
}

interface ProseItem {
  level1: string;
  level2: string;
  name: string;
  value: string;
  /** The label as written with its separator (`数量指标：`). */
  mark: string;
}

function proseItems(text: string, level1: string): ProseItem[] {
  const t = cleanCell(text);
  const marks = [...t.matchAll(LEVEL2_IN_PROSE)].filter((m) => asLevel2(m[1]) || /(指标|目标)$/.test(m[1]));
  if (marks.length === 0) return [];
  const out: ProseItem[] = [];
  let l1 = level1;
  // `效益指标：经济效益指标：…` names the 一级 first.
  const lead = /^((?:产出|效益|效果|满意度|成本)指标)\s*[:：]/.exec(t);
  if (lead) l1 = lead[1];
  marks.forEach((m, k) => {
    let label = m[1];
    const l1Prefix = /^((?:产出|效益|效果|满意度|成本)指标)/.exec(label);
    if (l1Prefix && label.length > l1Prefix[1].length) label = label.slice(l1Prefix[1].length);
    if (!label || asLevel1(label) && !asLevel2(label)) return;
    const start = m.index! + m[0].length;
    const end = k + 1 < marks.length ? marks[k + 1].index! : t.length;
    for (const piece of splitItems(t.slice(start, end))) {
      const split = splitRunTogether(piece);
      out.push({ level1: l1, level2: label, name: split ? split.name : piece, value: split ? split.value : "", mark: m[0] });
    }
  });
  return out;
}

/** Items of one 二级 are separated by ；。; — and by a comma right after a complete value (`≥80万元,促使…`). */
function splitItems(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/[；;。]/)) {
    let rest = part.trim();
    while (rest) {
      const comma = [...rest.matchAll(/[,，]/g)].map((m) => m.index!).find((at) => splitRunTogether(rest.slice(0, at)) !== null);
      if (comma === undefined) {
        out.push(rest);
        break;
      }
      out.push(rest.slice(0, comma).trim());
      rest = rest.slice(comma + 1).trim();
    }
  }
  return out.map((p) => p.replace(/^[,，\s]+|[,，\s]+$/g, "")).filter(Boolean);
}
