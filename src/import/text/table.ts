// One tab-separated 绩效目标表 (PDF extraction, Word copies): the head (项目编码, 项目名称, 预算数 …, 资金用途,
// 资金支出计划 read by tab position, 绩效目标) and the indicator rows, with merged 一级/二级 cells carried down
// and cells a page break cut finished on the line after the repeated header.
import type { Budget, ImportWarning, Indicator, SpendingPlan } from "../../domain/schema.js";
import { asLevel1, asLevel2, emptyIndicator, headerColumns, setStructured, type Column } from "./columns.js";
import { parseAmount, splitGoals, statedUnit } from "./fields.js";
import { cleanCell, joinWrapped, parseNumber, squash, trimEndOf, trimStartOf, type Line } from "./lines.js";

export interface ParsedTable {
  code: string;
  name: string;
  budget: Budget;
  purpose: string;
  spendingPlan: SpendingPlan;
  goals: string[];
  indicators: Indicator[];
  warnings: ImportWarning[];
  /** The table had an indicator header (一级指标/二级指标 …). */
  hasIndicatorHeader: boolean;
  /** Head fields were found (项目编码/项目名称/预算数). */
  hasHead: boolean;
}

const tabCells = (raw: string): string[] => raw.split("\t").map(cleanCell);

/** Maximal runs of tab-separated lines from `from`; blank lines inside a run are page breaks. */
export function findTabRuns(lines: Line[], from: number): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  let i = from;
  while (i < lines.length) {
    if (!lines[i].raw.includes("\t") || !lines[i].text) {
      i++;
      continue;
    }
    const start = i;
    let end = i + 1;
    let j = i + 1;
    while (j < lines.length) {
      if (!lines[j].text) {
        j++;
        continue;
      }
      if (!lines[j].raw.includes("\t")) break;
      end = j + 1;
      j++;
    }
    runs.push({ start, end });
    i = end;
  }
  return runs.filter((r) => lines.slice(r.start, r.end).some((l) => isTableStart(tabCells(l.raw))));
}

function isTableStart(cells: string[]): boolean {
  if (headerColumns(cells)) return true;
  return cells.some((c) => /^(项目编码|项目名称|项目代码)$/.test(squash(c)));
}

type HeadLabel = "code" | "name" | "total" | "fiscal" | "other" | "purpose" | "fundsBlock" | "goals" | "ignore";

function headLabel(cell: string): HeadLabel | null {
  const c = squash(cell).replace(/[：:]$/, "");
  if (!c) return null;
  if (/^(项目编码|项目代码|项目编号)$/.test(c)) return "code";
  if (c === "项目名称") return "name";
  if (/^(预算规模及资金用途|项目资金|资金情况)/.test(c)) return "fundsBlock";
  if (/^(年度资金总额|资金总额|预算数|年度预算数|预算金额|预算总额)([（(](万元|元)[）)])?$/.test(c)) return "total";
  if (/^(其中[：:])?(财政资金|财政拨款)/.test(c)) return "fiscal";
  if (/^(其他资金|其它资金)/.test(c)) return "other";
  if (/^资金用途/.test(c)) return "purpose";
  if (/^(年度绩效目标|绩效目标|年度目标|总体目标)$/.test(c)) return "goals";
  if (/^(主管部门|实施单位|预算部门|项目负责人|联系电话)$/.test(c)) return "ignore";
  return null;
}

const MONTH_KEYS: Record<number, keyof SpendingPlan> = { 3: "mar", 6: "jun", 10: "oct", 12: "dec" };

function planColumns(cells: string[]): { key: keyof SpendingPlan; from: number; to: number }[] | null {
  const found: { key: keyof SpendingPlan; col: number }[] = [];
  cells.forEach((c, col) => {
    const m = /^(\d{1,2})月(底|末)?$/.exec(squash(c));
    if (m && MONTH_KEYS[Number(m[1])]) found.push({ key: MONTH_KEYS[Number(m[1])], col });
  });
  if (found.length < 2) return null;
  // A month's header cell may span several tab columns (3月底 spans two in the seed): it owns every column
  // up to the next month's header.
  return found.map((f, k) => ({ key: f.key, from: f.col, to: k + 1 < found.length ? found[k + 1].col : Math.max(cells.length, f.col + 1) }));
}

function parsePercent(cell: string): number | null | undefined {
  const t = squash(cell).replace(/[%％]$/, "");
  if (!t) return null;
  return parseNumber(t) ?? undefined;
}

export function parseTable(lines: Line[], run: { start: number; end: number }): ParsedTable {
  const table: ParsedTable = {
    code: "",
    name: "",
    budget: { total: null, fiscal: null, other: null },
    purpose: "",
    spendingPlan: { mar: null, jun: null, oct: null, dec: null },
    goals: [],
    indicators: [],
    warnings: [],
    hasIndicatorHeader: false,
    hasHead: false,
  };
  const warn = (line: Line, message: string) => table.warnings.push({ line: line.no, message: `第${line.no}行：${message}` });

  let columns: Column[] | null = null;
  let plan: ReturnType<typeof planColumns> = null;
  let last: HeadLabel | null = null;
  let afterBreak = false;

  for (let i = run.start; i < run.end; i++) {
    const line = lines[i];
    if (!line.text) {
      afterBreak = true;
      continue;
    }
    const cells = tabCells(line.raw);
    const header = headerColumns(cells);
    if (header) {
      columns = header;
      table.hasIndicatorHeader = true;
      afterBreak = true;
      continue;
    }
    if (columns) {
      readRow(cells, columns, line, afterBreak, table, warn);
      afterBreak = false;
      continue;
    }
    if (plan) {
      const values = readPlanValues(cells, plan);
      plan = null;
      if (values) {
        table.spendingPlan = values;
        continue;
      }
      if (!headLabel(cells[0] ?? "")) {
        warn(line, `资金支出计划的数值无法识别（${shorten(line.text)}），按空白处理`);
        continue;
      }
    }
    const months = planColumns(cells);
    if (months) {
      plan = months;
      last = null;
      continue;
    }
    last = readHeadLine(cells, line, last, table, warn);
  }
  return table;
}

function readPlanValues(cells: string[], plan: NonNullable<ReturnType<typeof planColumns>>): SpendingPlan | null {
  const out: SpendingPlan = { mar: null, jun: null, oct: null, dec: null };
  if (headLabel(cells[0] ?? "")) return null;
  for (let col = 1; col < cells.length; col++) if (cells[col] && parsePercent(cells[col]) === undefined) return null;
  for (const { key, from, to } of plan) {
    for (let col = from; col < to; col++) {
      const v = parsePercent(cells[col] ?? "");
      if (v !== null && v !== undefined) {
        out[key] = v;
        break;
      }
    }
  }
  return out;
}

function readHeadLine(
  cells: string[],
  line: Line,
  last: HeadLabel | null,
  table: ParsedTable,
  warn: (line: Line, message: string) => void,
): HeadLabel | null {
  const labels = cells.map(headLabel);
  if (labels.every((l) => l === null)) {
    // A line with no label continues the previous field (the 资金用途 row under 预算规模及资金用途, a goal
    // cell wrapped onto the next line).
    const text = cleanCell(cells.filter(Boolean).join(" "));
    if (!text) return last;
    if (last === "total" || last === "fiscal" || last === "other" || last === "fundsBlock" || last === "purpose") {
      table.purpose = joinWrapped(table.purpose, text);
      return "purpose";
    }
    if (last === "goals") {
      const more = splitGoals(text);
      if (/^(\d+|[一二三四五六七八九十]+)[.．、]/.test(more[0]) || table.goals.length === 0) table.goals.push(...more);
      else table.goals[table.goals.length - 1] = joinWrapped(table.goals[table.goals.length - 1], text);
      return "goals";
    }
    if (last === "name") {
      table.name = joinWrapped(table.name, text);
      return "name";
    }
    warn(line, `表头部分无法识别，未导入：${shorten(line.text)}`);
    return last;
  }
  let current = last;
  for (let k = 0; k < cells.length; k++) {
    const label = labels[k];
    if (!label) continue;
    current = label;
    // The value is the next non-empty cell, unless that cell is itself a label.
    let value = "";
    for (let j = k + 1; j < cells.length; j++) {
      if (!cells[j]) continue;
      if (labels[j] === null) value = cells[j];
      break;
    }
    applyHead(label, cells[k], value, line, table, warn);
    table.hasHead = table.hasHead || label !== "ignore";
  }
  return current;
}

function applyHead(
  label: HeadLabel,
  labelCell: string,
  value: string,
  line: Line,
  table: ParsedTable,
  warn: (line: Line, message: string) => void,
): void {
  const unit = statedUnit(labelCell.replace(/^.*?(?=[（(])/, "")) ?? "万元";
  const amount = (field: keyof Budget) => {
    const v = parseAmount(value, unit === "亿元" ? "亿元" : unit);
    if (v === undefined) warn(line, `${squash(labelCell)}「${value}」不是金额，按空白处理`);
    table.budget[field] = v ?? null;
  };
  if (label === "code") table.code = squash(value);
  else if (label === "name") table.name = value;
  else if (label === "total") amount("total");
  else if (label === "fiscal") amount("fiscal");
  else if (label === "other") amount("other");
  else if (label === "purpose") table.purpose = value;
  else if (label === "goals") table.goals.push(...splitGoals(value));
}

const CONTENT: Column[] = ["name", "description", "value", "basis"];

function readRow(
  rawCells: string[],
  columns: Column[],
  line: Line,
  afterBreak: boolean,
  table: ParsedTable,
  warn: (line: Line, message: string) => void,
): void {
  let cells = rawCells;
  const at = (col: Column) => {
    const k = columns.indexOf(col);
    return k >= 0 ? (cells[k] ?? "") : "";
  };
  // A row that lost its leading empty cell starts with a 二级 label in the 一级 column: shift it back.
  if (at("level1") && !asLevel1(at("level1")) && asLevel2(at("level1")) && !asLevel2(at("level2"))) cells = ["", ...cells];
  if (cells.every((c) => !c)) return;

  const l1 = at("level1");
  const l2 = at("level2");
  const filled = CONTENT.filter((c) => at(c));
  const prev = table.indicators[table.indicators.length - 1];

  // The rest of a cell a page break (or a wrap) cut: no labels, and not a complete row of its own.
  if (prev && !l1 && !l2 && (!at("name") || !at("value")) && filled.length <= 2) {
    for (const col of CONTENT) if (at(col)) prev[col as "name"] = joinWrapped(prev[col as "name"], at(col));
    if (!afterBreak && filled.length === 0) warn(line, `无法识别的表格行，未导入：${shorten(line.text)}`);
    return;
  }

  const ind = emptyIndicator();
  ind.level1 = l1 ? squash(l1) : (prev?.level1 ?? "");
  ind.level2 = l2 ? squash(l2) : l1 ? "" : (prev?.level2 ?? "");
  columns.forEach((col, k) => {
    const text = cells[k] ?? "";
    if (col === "name" || col === "description" || col === "value" || col === "basis") ind[col] = text;
    else if (col !== "level1" && col !== "level2" && col !== "ignore") setStructured(ind, col, text);
  });
  const extra = cells.slice(columns.length).filter(Boolean);
  if (extra.length > 0) {
    ind.basis = joinWrapped(ind.basis, extra.join(" "));
    warn(line, `多出的单元格「${shorten(extra.join(" "))}」已并入指标值确定依据`);
  }
  if (!ind.level1 && !ind.level2) warn(line, `指标行缺少一级、二级指标：${shorten(line.text)}`);
  if (!ind.name && !ind.value) warn(line, `指标行没有三级指标和指标值：${shorten(line.text)}`);
  table.indicators.push(ind);
}

export function shorten(text: string, max = 40): string {
  const t = trimStartOf(trimEndOf(text.replace(/\t+/g, " | ").replace(/[ \u3000]+/g, " "), " |"), " |");
  return t.length > max ? `${t.slice(0, max)}…` : t;
}
