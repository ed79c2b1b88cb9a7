// Markdown pipe tables, as chat users paste them back: our own rendered Markdown (`jixiao render --to md`,
// `jixiao draft`: a `| 项目 | 内容 |` head table — 项目编码, 项目名称, 预算数, 财政资金, 其他资金, 资金用途, 资金支出计划,
// 绩效目标 — then the indicator table) and tables a chat model writes (a header row with 一级指标/二级指标/三级指标/
// 指标值 …, a `|---|` separator, merged cells left empty, `**bold**`, escaped `\|`, `<br>` line breaks).
import type { Budget, ImportWarning, Indicator, Project, SpendingPlan } from "../../domain/schema.js";
import { emptyProject } from "../../domain/schema.js";
import { emptyIndicator, headerColumns, setStructured, type Column } from "./columns.js";
import { parseAmount, readFieldLine, splitGoals, statedUnit, type FieldKind } from "./fields.js";
import { cleanCell, parseNumber, squash, type Line } from "./lines.js";
import type { DocumentHead } from "./tabbed.js";

interface PipeTable {
  /** Index (into lines) of the header row. */
  start: number;
  end: number;
  header: string[];
  rows: { cells: string[]; line: Line }[];
}

type Block = { kind: "table"; table: PipeTable } | { kind: "line"; line: Line; heading: number };

const SEPARATOR_CELL = /^:?-{1,}:?$/;
/** Finding marks our renderer appends to a cell (` ⚠〔1,2〕`). */
const MARKS = /\s*⚠〔[\d,，\s]*〕/g;
const UNIT = /^(?:金额)?单位[：:]\s*(万元|元|亿元)$/;

/** True when the text holds a Markdown pipe table whose header names indicator columns. */
export function hasMarkdownIndicatorTable(lines: Line[], from = 0): boolean {
  return blocksOf(lines, from).some((b) => b.kind === "table" && headerColumns(b.table.header.map(decodeCell)) !== null);
}

/**
 * The year of a Markdown text: from a heading or a line before the first table (`## …2023年部门预算绩效文本`), not
 * from a cell or a note (a deadline such as 2026年12月底前 is no document year).
 */
export function markdownYear(lines: Line[], from = 0): number | null {
  for (const block of blocksOf(lines, from)) {
    if (block.kind === "table") break;
    const y = /((?:19|20)\d{2})\s*年度?/.exec(block.line.text);
    if (y && (block.heading > 0 || !/月|日/.test(block.line.text.slice(y.index)))) return Number(y[1]);
  }
  for (const block of blocksOf(lines, from)) {
    if (block.kind !== "line" || block.heading === 0) continue;
    const y = /((?:19|20)\d{2})\s*年度?(?!\s*\d{1,2}\s*月)/.exec(block.line.text);
    if (y) return Number(y[1]);
  }
  return null;
}

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

function isSeparatorRow(text: string): boolean {
  if (!text.includes("-")) return false;
  const cells = splitPipeRow(text);
  return cells.length > 0 && cells.every((c) => SEPARATOR_CELL.test(c.replace(/\s+/g, "")));
}

function isPipeRow(text: string): boolean {
  return text.startsWith("|") || /[^\\]\|/.test(text);
}

/** Pipe tables (header row + separator + rows) and the other lines, in order. */
function blocksOf(lines: Line[], from: number): Block[] {
  const blocks: Block[] = [];
  let i = from;
  while (i < lines.length) {
    const line = lines[i];
    const next = lines[i + 1];
    if (isPipeRow(line.text) && next && isSeparatorRow(next.text)) {
      const table: PipeTable = { start: i, end: i + 2, header: splitPipeRow(line.text), rows: [] };
      let j = i + 2;
      while (j < lines.length && lines[j].text && isPipeRow(lines[j].text)) {
        if (!isSeparatorRow(lines[j].text)) table.rows.push({ cells: splitPipeRow(lines[j].text), line: lines[j] });
        j++;
      }
      table.end = j;
      blocks.push({ kind: "table", table });
      i = j;
      continue;
    }
    const heading = /^(#{1,6})\s/.exec(line.text);
    blocks.push({ kind: "line", line, heading: heading ? heading[1].length : 0 });
    i++;
  }
  return blocks;
}

interface Draft {
  project: Project;
  /** Head fields read so far (a field given twice keeps the first). */
  seen: Set<string>;
  warnings: ImportWarning[];
}

function newDraft(seq: number): Draft {
  return {
    project: emptyProject(seq),
    seen: new Set(),
    warnings: [],
  };
}

/** Projects of a text whose tables are Markdown pipe tables. */
export function readMarkdownProjects(lines: Line[], from: number, head: DocumentHead): Project[] {
  const drafts: Draft[] = [];
  const state: { current: Draft | null; unit: "万元" | "元" | "亿元"; inNotes: boolean } = { current: null, unit: "万元", inNotes: false };
  const start = (): Draft => {
    const draft = newDraft(drafts.length + 1);
    drafts.push(draft);
    state.current = draft;
    return draft;
  };
  const open = (): Draft => state.current ?? start();
  const hasIndicators = () => state.current !== null && state.current.project.indicators.length > 0;
  const hasContent = () => {
    const d = state.current;
    return d !== null && (d.project.indicators.length > 0 || d.seen.size > 0 || d.project.tableTitle !== undefined);
  };

  for (const block of blocksOf(lines, from)) {
    if (block.kind === "table") {
      state.inNotes = false;
      const table = block.table;
      const columns = headerColumns(table.header.map(decodeCell));
      if (columns) {
        readIndicatorTable(table, columns, open());
        continue;
      }
      // A head table: a new project unless the current one has no indicators yet (its title came first).
      if (!isHeadTable(table)) continue;
      readHeadTable(table, hasIndicators() || state.current === null ? start() : open(), state.unit);
      continue;
    }
    const { line, heading } = block;
    const text = decodeCell(line.text.replace(/^#{1,6}\s+/, "").replace(/\s+#+$/, "").replace(/^(?:[-*+]|>)\s+/, ""));
    if (!text) continue;
    const squashed = squash(text);
    const unitMatch = UNIT.exec(squashed);
    if (unitMatch) {
      state.unit = unitMatch[1] as typeof state.unit;
      head.unit ??= unitMatch[1];
      continue;
    }
    if (heading > 0 || /^\*\*[^*]+\*\*$/.test(line.text)) {
      // Notes under a table (审核意见, 需要确认的默认值 …) hold no project fields.
      state.inNotes = /审核意见|文档问题|需要确认|说明$|^注/.test(squashed);
      // A table title (…绩效目标表) starts a project; the document title (…绩效文本) and other headings do not.
      if (!state.inNotes && /表$/.test(squashed) && squashed.length <= 160) {
        const draft = hasContent() ? start() : open();
        draft.project.tableTitle = text;
      }
      if (heading > 0) continue;
    }
    if (state.inNotes) continue;
    // `项目名称：…` lines around the tables (a chat answer that gives the head as prose).
    const hits = readFieldLine(text);
    if (hits.length === 0) continue;
    if (hits.some((h) => h.kind === "name" || h.kind === "code") && hasIndicators()) start();
    const draft = open();
    for (const hit of hits) if (hit.value) applyField(draft, hit.kind, hit.label, hit.value, state.unit, line);
  }

  return drafts
    .filter((d) => d.project.indicators.length > 0 || d.seen.size > 0)
    .map((d, k) => {
      const p = d.project;
      p.seq = k + 1;
      if (p.indicators.length === 0) {
        d.warnings.push({ line: null, message: `项目“${p.name || p.tableTitle || `#${p.seq}`}”没有指标表（需要含“一级指标、二级指标、三级指标、指标值”表头的表格）` });
      }
      if (d.warnings.length > 0) p.importWarnings = d.warnings;
      return p;
    });
}

const MONTH_KEYS: Record<number, keyof SpendingPlan> = { 3: "mar", 6: "jun", 10: "oct", 12: "dec" };

function isPlanLabel(cell: string): boolean {
  return /^资金支出计划|^支出计划|^资金使用计划/.test(squash(cell));
}

function monthOf(cell: string): keyof SpendingPlan | null {
  const m = /^(\d{1,2})月(?:底|末)?$/.exec(squash(cell));
  return m ? (MONTH_KEYS[Number(m[1])] ?? null) : null;
}

function fieldOf(cell: string): { kind: FieldKind; label: string } | null {
  const c = squash(decodeCell(cell));
  if (!c) return null;
  const hits = readFieldLine(c.replace(/[：:]$/, ""));
  if (hits.length !== 1 || hits[0].value !== "") return null;
  return { kind: hits[0].kind, label: hits[0].label };
}

function isHeadTable(table: PipeTable): boolean {
  return [table.header, ...table.rows.map((r) => r.cells)].some(
    (cells) => cells.some((c) => fieldOf(c) !== null || isPlanLabel(decodeCell(c))) || cells.filter((c) => monthOf(decodeCell(c))).length >= 2,
  );
}

function readHeadTable(table: PipeTable, draft: Draft, unit: "万元" | "元" | "亿元"): void {
  const headerLine: Line = { no: table.start + 1, raw: "", text: table.header.join(" | ") };
  const rows = [{ cells: table.header, line: headerLine }, ...table.rows];
  let months: { key: keyof SpendingPlan; col: number }[] | null = null;
  for (const { cells: rawCells, line } of rows) {
    const cells = rawCells.map(decodeCell);
    if (months) {
      const plan = months;
      months = null;
      if (plan.every(({ col }) => !cells[col] || parsePercent(cells[col]) !== undefined)) {
        for (const { key, col } of plan) draft.project.spendingPlan[key] = parsePercent(cells[col] ?? "") ?? null;
        draft.seen.add("plan");
        continue;
      }
    }
    const found = cells.map((c, col) => ({ key: monthOf(c), col })).filter((m): m is { key: keyof SpendingPlan; col: number } => m.key !== null);
    if (found.length >= 2) {
      months = found;
      continue;
    }
    for (let k = 0; k < cells.length; k++) {
      const value = cells[k + 1] ?? "";
      if (isPlanLabel(cells[k])) {
        readPlanText(value, draft, line);
        k++;
        continue;
      }
      const field = fieldOf(rawCells[k]);
      if (!field) continue;
      // The value is the next cell unless that cell is itself a label (an empty row of a key-value table).
      if (fieldOf(rawCells[k + 1] ?? "") || isPlanLabel(value)) continue;
      applyField(draft, field.kind, field.label, value, unit, line);
      k++;
    }
  }
}

function parsePercent(cell: string): number | null | undefined {
  const t = squash(cell).replace(/[%％]$/, "");
  if (!t || /^[—–\-－]+$/.test(t) || t === "无") return null;
  return parseNumber(t) ?? undefined;
}

/** `3月底 25%；6月底 50%；10月底 —；12月底 100%` (our rendering), also with commas or colons. */
function readPlanText(text: string, draft: Draft, line: Line): void {
  const re = /(\d{1,2})\s*月\s*(?:底|末)?\s*[：:]?\s*([^；;，,、\n]*)/g;
  let m: RegExpExecArray | null;
  let any = false;
  while ((m = re.exec(text)) !== null) {
    const key = MONTH_KEYS[Number(m[1])];
    if (!key) continue;
    const v = parsePercent(m[2]);
    if (v === undefined) {
      draft.warnings.push({ line: line.no, message: `第${line.no}行：资金支出计划“${m[0].trim()}”的数值无法识别，按空白处理` });
      continue;
    }
    draft.project.spendingPlan[key] = v;
    any = true;
  }
  if (any || /^[—–\-－\s]*$/.test(text)) draft.seen.add("plan");
  else if (text.trim()) draft.warnings.push({ line: line.no, message: `第${line.no}行：资金支出计划“${text.trim()}”无法识别，按空白处理` });
}

function applyField(draft: Draft, kind: FieldKind, label: string, value: string, unit: "万元" | "元" | "亿元", line: Line): void {
  const p = draft.project;
  const first = !draft.seen.has(kind);
  draft.seen.add(kind);
  const text = value.trim();
  if (kind === "code") {
    if (first) p.code = squash(text);
  } else if (kind === "name") {
    if (first) p.name = text.replace(/\n/g, "");
  } else if (kind === "purpose") {
    if (first) p.purpose = text.replace(/\n/g, "");
  } else if (kind === "goals") {
    if (!first) return;
    const lines = text.split("\n").filter(Boolean);
    p.goals = lines.length > 1 ? lines : splitGoals(text);
  } else if (kind === "total" || kind === "fiscal" || kind === "other") {
    if (!first) return;
    const stated = statedUnit(label.replace(/^[^（(]*/, "")) ?? unit;
    const amount = parseAmount(text, stated);
    if (amount === undefined) {
      draft.warnings.push({ line: line.no, message: `第${line.no}行：${label}「${text}」不是金额，按空白处理` });
      return;
    }
    p.budget[kind as keyof Budget] = amount;
  }
}

const CONTENT: Column[] = ["name", "description", "value", "basis"];

/** Indicator rows; empty 一级/二级 cells are merged cells and carry the label above down. */
function readIndicatorTable(table: PipeTable, columns: Column[], draft: Draft): void {
  const indicators = draft.project.indicators;
  let prev: Indicator | undefined = indicators[indicators.length - 1];
  for (const { cells: rawCells, line } of table.rows) {
    const cells = rawCells.map(decodeCell);
    if (cells.every((c) => !c)) continue;
    const at = (col: Column) => {
      const k = columns.indexOf(col);
      return k >= 0 ? (cells[k] ?? "") : "";
    };
    const l1 = squash(at("level1"));
    const l2 = squash(at("level2"));
    if (!CONTENT.some((c) => at(c))) {
      if (l1 || l2) draft.warnings.push({ line: line.no, message: `第${line.no}行：指标行没有三级指标和指标值，未导入` });
      continue;
    }
    const ind = emptyIndicator();
    ind.level1 = l1 || (prev?.level1 ?? "");
    ind.level2 = l2 || (l1 ? "" : (prev?.level2 ?? ""));
    columns.forEach((col, k) => {
      const text = cells[k] ?? "";
      if (col === "name" || col === "description" || col === "value" || col === "basis") ind[col] = text.replace(/\n+/g, " ").trim();
      else if (col !== "level1" && col !== "level2" && col !== "ignore") setStructured(ind, col, text);
    });
    const extra = cells.slice(columns.length).filter(Boolean);
    if (extra.length > 0) {
      draft.warnings.push({ line: line.no, message: `第${line.no}行：多出的单元格「${extra.join(" ")}」未导入` });
    }
    if (!ind.level1 && !ind.level2) draft.warnings.push({ line: line.no, message: `第${line.no}行：指标行缺少一级、二级指标` });
    indicators.push(ind);
    prev = ind;
  }
}
