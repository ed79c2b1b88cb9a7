// Tables copied from web pages and Word documents without tabs. Three layouts, told apart by the header:
//   (a) one row per line, cells separated by spaces (one or more): `产出指标 数量指标 维修改造学校数量 ≥8所`
//   (b) one cell per line (the header is `一级指标` alone on its line, then one line per column name)
//   (c) cells run together: `产出指标数量指标农村义务教育学校改造覆盖率100%`
// Rows are read by anchoring on the 一级/二级 labels (taxonomy, with variants) and on where the value starts;
// merged 一级/二级 cells are carried down. Project fields (项目名称, 资金总额 …) come from `label value` lines.
import type { ImportWarning, Indicator, Project } from "../../domain/schema.js";
import { emptyProject } from "../../domain/schema.js";
import { LABEL_ALIASES, PROFILES } from "../../domain/taxonomy.js";
import { asLevel1, asLevel2, emptyIndicator, headerColumn, headerColumns, labelPrefixes, runTogetherHeader, setStructured, type Column } from "./columns.js";
import { parseAmount, readFieldLine, splitGoals, statedUnit, type FieldHit } from "./fields.js";
import { cleanCell, joinWrapped, squash, type Line } from "./lines.js";
import { shorten } from "./table.js";
import type { DocumentHead } from "./tabbed.js";
import { continuesValue, opensValue, splitRunTogether } from "./values.js";

const LEVEL1_LABELS = [...new Set(Object.values(PROFILES).flatMap((p) => p.level1))];
const LEVEL2_LABELS = [...new Set(Object.values(PROFILES).flatMap((p) => Object.values(p.level2).flat()))];
const LEVEL1_PREFIXES = labelPrefixes(1, LABEL_ALIASES, LEVEL1_LABELS);
const LEVEL2_PREFIXES = labelPrefixes(2, LABEL_ALIASES, LEVEL2_LABELS);

const UNIT_LINE = /^(?:金额)?单位[：:](万元|元|亿元)$/;
const END_OF_TABLE = /^[（(]?(?:来源|注|备注|说明|附件|填报人|联系人|审核人)[:：]/;
/** Page furniture a web copy carries below the table (share buttons, print/close links, next-article links). */
const WEB_CHROME = /^[【\[]?\s*(?:分享到|打印本页|打印此页|关闭窗口|关闭本页|返回顶部|上一篇|下一篇|扫一扫|相关链接|责任编辑)/;
const INDICATORS_HEADING = /^(?:年度)?(?:绩效)?指标(?:表)?[：:]?$|^绩效指标$/;

type Unit = "万元" | "元" | "亿元";

interface State {
  projects: Project[];
  project: Project | null;
  warnings: ImportWarning[];
  unit: Unit;
  /** A field label whose value is on the following line(s). */
  pending: FieldHit | null;
  pendingUnit: Unit | null;
  columns: Column[] | null;
  /** The table's layout: one row per line, or one cell per line. */
  layout: "rows" | "cells" | null;
  /** One-cell-per-line reading position. */
  cellRow: Indicator | null;
  cellSlot: number;
  cellLine: number;
  /** The carried 一级 to fall back to when a 成本指标 cell turns out to be a 二级. */
  ambiguousLevel1: string | null;
}

export function readLooseProjects(lines: Line[], from: number, head: DocumentHead): Project[] {
  const st: State = {
    projects: [],
    project: null,
    warnings: [],
    unit: "万元",
    pending: null,
    pendingUnit: null,
    columns: null,
    layout: null,
    cellRow: null,
    cellSlot: 0,
    cellLine: 0,
    ambiguousLevel1: null,
  };
  const warn = (line: Line, message: string) => st.warnings.push({ line: line.no, message: `第${line.no}行：${message}` });

  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    const t = line.text;
    if (!t) continue;

    const fields = readFieldLine(t);
    if (fields.length > 0 && fields[0].kind === "name") {
      finishProject(st, warn, lines[i]);
      st.project = newProject(st.projects.length + 1);
    }

    const header = readHeader(lines, i);
    if (header) {
      finishCells(st, warn);
      if (!st.project) st.project = newProject(st.projects.length + 1);
      st.columns = header.columns;
      st.layout = header.layout;
      st.pending = null;
      i = header.end - 1;
      continue;
    }

    if (st.layout && WEB_CHROME.test(t)) {
      finishCells(st, warn);
      st.layout = null;
      continue;
    }
    if (st.layout === "cells" && fields.length === 0 && !END_OF_TABLE.test(t) && !UNIT_LINE.test(squash(t))) {
      readCell(st, line, warn);
      continue;
    }
    if (st.layout === "rows" && fields.length === 0 && st.columns) {
      const row = readRow(t, st.columns);
      const continues = !row.rowLike && !END_OF_TABLE.test(t) && nextRowHasLabel(lines, i, st.columns);
      if (row.rowLike || continues) {
        pushRow(st, row.indicator);
        if (row.problem) warn(line, row.problem);
        else if (!row.rowLike) warn(line, `无法识别的表格行，已按三级指标读入：${shorten(t)}`);
        continue;
      }
    }
    if (st.layout) {
      finishCells(st, warn);
      st.layout = null;
    }
    readHeadLine(st, line, fields, head, warn);
  }
  finishProject(st, warn, null);
  return st.projects;
}

function newProject(seq: number): Project {
  return emptyProject(seq);
}

function finishProject(st: State, warn: (line: Line, message: string) => void, _next: Line | null): void {
  finishCells(st, warn);
  if (st.project) {
    if (st.warnings.length > 0) st.project.importWarnings = [...(st.project.importWarnings ?? []), ...st.warnings];
    if (st.project.name || st.project.indicators.length > 0) st.projects.push(st.project);
  }
  st.project = null;
  st.warnings = [];
  st.unit = "万元";
  st.pending = null;
  st.columns = null;
  st.layout = null;
}

// ---- header ----

/** An indicator header at line i: on one line (spaced or run together), or one column name per line. */
function readHeader(lines: Line[], i: number): { columns: Column[]; layout: "rows" | "cells"; end: number } | null {
  const t = lines[i].text;
  const spaced = headerColumns(t.split(/[\s\u3000]+/));
  if (spaced) return { columns: spaced, layout: "rows", end: i + 1 };
  const together = runTogetherHeader(t);
  if (together) return { columns: together, layout: "rows", end: i + 1 };
  if (headerColumn(t) !== "level1") return null;
  const cells = [t];
  let j = i + 1;
  for (; j < lines.length; j++) {
    if (!lines[j].text) continue;
    if (!headerColumn(lines[j].text)) break;
    cells.push(lines[j].text);
  }
  const columns = headerColumns(cells);
  return columns ? { columns, layout: "cells", end: j } : null;
}

// ---- head fields ----

function readHeadLine(
  st: State,
  line: Line,
  fields: FieldHit[],
  head: DocumentHead,
  warn: (line: Line, message: string) => void,
): void {
  const t = line.text;
  const unit = UNIT_LINE.exec(squash(t));
  if (unit) {
    st.unit = unit[1] as Unit;
    head.unit ??= "万元";
    return;
  }
  if (fields.length === 0) {
    const pending = st.pending;
    if (!pending || !st.project) return;
    if (INDICATORS_HEADING.test(squash(t)) || END_OF_TABLE.test(t)) {
      st.pending = null;
      return;
    }
    if (pending.kind === "goals") {
      st.project.goals.push(...splitGoals(t));
      return; // goals may run over several lines
    }
    st.pending = null;
    applyField(st, { ...pending, value: cleanCell(t) }, line, head, warn);
    return;
  }
  st.pending = null;
  for (const hit of fields) {
    if (hit.kind === "fundsHeading") {
      st.pendingUnit = statedUnit(hit.label) as Unit | null;
      continue;
    }
    if (!hit.value) {
      st.pending = hit;
      continue;
    }
    applyField(st, hit, line, head, warn);
  }
}

function applyField(st: State, hit: FieldHit, line: Line, head: DocumentHead, warn: (line: Line, message: string) => void): void {
  const project = st.project;
  if (hit.kind === "department") {
    if (hit.value) head.department ??= { code: "", name: hit.value };
    return;
  }
  if (!project) return;
  if (hit.kind === "name") project.name = hit.value;
  else if (hit.kind === "code") project.code = squash(hit.value);
  else if (hit.kind === "purpose") project.purpose = hit.value;
  else if (hit.kind === "goals") project.goals.push(...splitGoals(hit.value));
  else if (hit.kind === "total" || hit.kind === "fiscal" || hit.kind === "other") {
    const unit = (statedUnit(hit.label.replace(/^[^（(]*/, "")) as Unit | null) ?? st.pendingUnit ?? st.unit;
    const amount = parseAmount(hit.value, unit);
    if (amount === undefined) warn(line, `${hit.label}「${shorten(hit.value)}」不是金额，按空白处理`);
    project.budget[hit.kind] = amount ?? null;
  }
}

// ---- one row per line ----

interface RowRead {
  indicator: Indicator;
  /** The line carries a 一级/二级 label or a recognizable value. */
  rowLike: boolean;
  problem?: string;
}

function stripPrefix(text: string, prefixes: string[]): [string | null, string] {
  const hit = prefixes.find((p) => text.startsWith(p) && text.length > p.length);
  return hit ? [hit, text.slice(hit.length)] : [null, text];
}

function readRow(text: string, columns: Column[]): RowRead {
  const ind = emptyIndicator();
  let tokens = text.split(/[\s\u3000]+/).filter(Boolean);
  let l1: string | null = null;
  let l2: string | null = null;
  // 成本指标 is a 一级 (mof2021) or a 二级 under 产出 (legacy): a 一级 only when a 二级 label follows it.
  if (tokens.length > 0 && asLevel1(tokens[0]) && !(asLevel2(tokens[0]) && !(tokens[1] && asLevel2(tokens[1])))) {
    l1 = squash(tokens.shift()!);
  }
  if (tokens.length > 0 && asLevel2(tokens[0])) l2 = squash(tokens.shift()!);
  // Run together: the labels are prefixes of the first token.
  if (tokens.length === 1 && !l1 && !l2) {
    let rest: string;
    [l1, rest] = stripPrefix(tokens[0], LEVEL1_PREFIXES);
    [l2, rest] = stripPrefix(rest, LEVEL2_PREFIXES);
    if (l1 && !l2 && asLevel2(l1)) [l1, l2] = [null, l1];
    tokens = [rest];
  } else if (tokens.length === 1 && !l2) {
    let rest: string;
    [l2, rest] = stripPrefix(tokens[0], LEVEL2_PREFIXES);
    tokens = [rest];
  }
  ind.level1 = l1 ?? "";
  ind.level2 = l2 ?? "";

  const content = columns.filter((c) => c !== "level1" && c !== "level2" && c !== "ignore");
  const hasDescription = content.includes("description");
  const hasBasis = content.includes("basis");
  let problem: string | undefined;

  // Where the value starts: the first token after the name that opens a value.
  let v = -1;
  for (let k = 1; k < tokens.length; k++) if (opensValue(tokens[k])) { v = k; break; }
  let before: string[];
  let valueTokens: string[];
  let after: string[] = [];
  if (v >= 0) {
    before = tokens.slice(0, v);
    let end = v + 1;
    let sofar = tokens[v];
    while (end < tokens.length && continuesValue(sofar, tokens[end])) sofar += tokens[end++];
    valueTokens = tokens.slice(v, end);
    after = tokens.slice(end);
  } else if (tokens.length === 1) {
    const split = splitRunTogether(tokens[0]);
    before = split ? [split.name] : [tokens[0]];
    valueTokens = split ? [split.value] : [];
    if (!split) problem = `无法区分三级指标与指标值，整段读作三级指标：${shorten(text)}`;
  } else if (tokens.length === 2) {
    before = [tokens[0]];
    valueTokens = [tokens[1]];
  } else {
    before = tokens.slice(0, -1);
    valueTokens = tokens.slice(-1);
    if (tokens.length > 0) problem = `无法确定指标值从哪里开始，按最后一段读作指标值：${shorten(text)}`;
  }

  if (hasDescription && before.length > 1) {
    ind.name = cleanCell(before[0]);
    ind.description = cleanCell(before.slice(1).join(" "));
  } else ind.name = cleanCell(before.join(" "));
  ind.value = cleanCell(valueTokens.join(" "));
  if (after.length > 0) {
    if (hasBasis) ind.basis = cleanCell(after.join(" "));
    else {
      ind.value = cleanCell(`${ind.value} ${after.join(" ")}`);
      problem ??= `指标值后面还有文字，已一并读入指标值：${shorten(text)}`;
    }
  }
  return { indicator: ind, rowLike: Boolean(l1 || l2 || valueTokens.length > 0), problem };
}

function nextRowHasLabel(lines: Line[], i: number, columns: Column[]): boolean {
  for (let j = i + 1; j < lines.length; j++) {
    if (!lines[j].text) continue;
    const row = readRow(lines[j].text, columns);
    return Boolean(row.indicator.level1 || row.indicator.level2);
  }
  return false;
}

function pushRow(st: State, ind: Indicator): void {
  const project = st.project!;
  const prev = project.indicators[project.indicators.length - 1];
  if (!ind.level1) {
    ind.level1 = prev?.level1 ?? "";
    if (!ind.level2) ind.level2 = prev?.level2 ?? "";
  }
  project.indicators.push(ind);
}

// ---- one cell per line ----

function readCell(st: State, line: Line, warn: (line: Line, message: string) => void): void {
  const columns = st.columns!;
  const cell = cleanCell(line.text);
  if (!st.cellRow) {
    st.cellRow = emptyIndicator();
    st.cellLine = line.no;
    st.cellSlot = 0;
    const prev = st.project!.indicators[st.project!.indicators.length - 1];
    if (asLevel1(cell)) {
      st.cellRow.level1 = squash(cell);
      st.cellSlot = columns.indexOf("level1") + 1;
      // 成本指标 may be a 二级 (legacy): decided by the next cell.
      st.ambiguousLevel1 = asLevel2(cell) !== null ? (prev?.level1 ?? "") : null;
      return;
    }
    st.cellRow.level1 = prev?.level1 ?? "";
    if (asLevel2(cell)) {
      st.cellRow.level2 = squash(cell);
      st.cellSlot = columns.indexOf("level2") + 1;
      if (st.cellSlot >= columns.length) completeCellRow(st);
      return;
    }
    st.cellRow.level2 = prev?.level2 ?? "";
    st.cellSlot = columns.findIndex((c) => c !== "level1" && c !== "level2");
  } else if (columns[st.cellSlot] === "level2") {
    if (asLevel2(cell)) {
      st.cellRow.level2 = squash(cell);
      st.cellSlot++;
      st.ambiguousLevel1 = null;
      return;
    }
    if (st.ambiguousLevel1 !== null) {
      st.cellRow.level2 = st.cellRow.level1;
      st.cellRow.level1 = st.ambiguousLevel1;
    }
    st.cellSlot++;
  }
  st.ambiguousLevel1 = null;
  const col = columns[st.cellSlot];
  if (col === "name" || col === "description" || col === "value" || col === "basis") st.cellRow[col] = joinWrapped(st.cellRow[col], cell);
  else if (col && col !== "ignore" && col !== "level1" && col !== "level2") setStructured(st.cellRow, col, cell);
  else warn(line, `无法放入表格的单元格：${shorten(cell)}`);
  st.cellSlot++;
  if (st.cellSlot >= columns.length) completeCellRow(st);
}

function completeCellRow(st: State): void {
  if (st.cellRow && st.project) st.project.indicators.push(st.cellRow);
  st.cellRow = null;
  st.cellSlot = 0;
}

function finishCells(st: State, warn: (line: Line, message: string) => void): void {
  if (!st.cellRow) return;
  const row = st.cellRow;
  const no = st.cellLine;
  completeCellRow(st);
  warn({ no, raw: "", text: "" }, `表格末尾的指标行不完整（${[row.level2, row.name, row.value].filter(Boolean).join("、") || "空"}），已按读到的内容导入`);
}
