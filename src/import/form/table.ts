// One 绩效目标表 as rows of cells, whatever format it came from: the head (项目编码, 项目名称, 预算数 …, 资金用途,
// 资金支出计划 by column, 绩效目标) and the indicator rows by column role, with merged 一级/二级 cells carried
// down, rows that lost their leading (merged) cells re-aligned on their labels, cells a page break cut
// finished on the row after, and values split over 符号 | 数值 | 单位 columns composed back into one text.
import { asLevel1, asLevel2, DIRECTION_WORD, headerColumn, headerColumns, NATURE_WORD, periodCaption, type Column } from "../../domain/columns.js";
import type { Budget, ImportWarning, Indicator, SpendingPlan } from "../../domain/schema.js";
import { operatorOfWord, operatorSymbol, parseValue } from "../../domain/value.js";
import { parseAmount, readFieldLine, splitGoals, statedUnit } from "./fields.js";
import { APPROVAL_BOX } from "./footer.js";
import { isValueText } from "./values.js";
import { cleanCell, joinWrapped, parseNumber, squash, trimEndOf, trimStartOf } from "./lines.js";

/** A row of a table block, cells dense (merged cells expanded), with where it came from. */
export interface FormRow {
  cells: string[];
  /** Cells covered by a vertical merge (the text repeats the merged cell above). */
  carried?: boolean[];
  /** `第12行`, `第2页第5行`, `表3第4行`, `Sheet1!C5` — the prefix of every warning about this row. */
  where: string;
  /** 1-based line for importWarnings (text and PDF), null otherwise. */
  line: number | null;
  /** A page break or a blank line lies before this row: a cell cut by it may continue here. */
  breakBefore: boolean;
  /** The format reader's doubt about this row, reported with the row. */
  warning?: string;
}

export interface ParsedTable {
  code: string;
  name: string;
  budget: Budget;
  purpose: string;
  spendingPlan: SpendingPlan;
  goals: string[];
  indicators: Indicator[];
  warnings: ImportWarning[];
  /** 中期 values of a form with 中期 and 年度 column sets (kept in the project's notes). */
  notes: string[];
  /** The budget unit a flat export names in a 单位名称 column. */
  department?: string;
  /** The table had an indicator header (一级指标/二级指标 …). */
  hasIndicatorHeader: boolean;
  /** Head fields were found (项目编码/项目名称/预算数). */
  hasHead: boolean;
  /** One of several projects side by side in one table (a value column each): the head above is theirs together. */
  sideBySide?: { count: number };
}

type HeadLabel = "code" | "name" | "total" | "fiscal" | "other" | "purpose" | "fundsBlock" | "goals" | "plan" | "note" | "department" | "ignore";

export function headLabel(cell: string): HeadLabel | null {
  const c = squash(cell).replace(/^[*＊★☆※]+/, "").replace(/[：:]$/, "");
  if (!c) return null;
  if (/^(项目编码|项目代码|项目编号)$/.test(c)) return "code";
  if (c === "项目名称") return "name";
  if (/^(预算规模及资金用途|项目资金|资金情况|投入目标)/.test(c)) return "fundsBlock";
  if (/^(年度资金总额|资金总额|预算数|年度预算数|预算金额|预算总额|项目资金总额|项目金额|项目总金额)([（(](万元|元)[）)])?$/.test(c)) return "total";
  if (/^(其中[：:])?(财政资金|财政拨款|上级资金|财政拨款数|预算资金|一、预算资金)/.test(c)) return "fiscal";
  // `其中:当年市级财政资金` (湖北 黄石 批复表): the fiscal part, whatever level of government it names.
  if (/^(其中[：:])?(当年|本年度?)?(中央|省级?|市级?|县级?|区级?|本级|上级)财政(资金|拨款)/.test(c)) return "fiscal";
  // 东莞's 2019 批复表: 本年度申请市财政预算资金(万元) is the year's fiscal amount; 中期市财政预算 spans the 中期 years.
  if (/^本年度?申请.{0,6}财政(预算)?资金/.test(c)) return "fiscal";
  if (/^中期.{0,8}(预算|资金)/.test(c)) return "note";
  if (/^(其他资金|其它资金|自有资金|二、自有资金)/.test(c)) return "other";
  if (/^资金用途/.test(c)) return "purpose";
  if (/^资金支出计划/.test(c)) return "plan";
  if (/^(年度绩效目标|绩效目标|年度目标|总体目标|年度绩效目标[（(]文字(说明)?[）)]|项目绩效目标|长期目标|中期目标|年度总体绩效目标|年度整体绩效目标|整体绩效目标|部门整体绩效目标)$/.test(c)) return "goals";
  // A 部门整体绩效目标表's head: the department, and its duties (kept as a note).
  if (/^部门[（(]单位[）)]名称$|^单位名称$|^部门名称$/.test(c)) return "department";
  if (/^部门[（(]单位[）)](职责|职能)|^部门(职责|职能)(概述)?$|^单位职能(概述)?$/.test(c)) return "note";
  if (/^(主管部门|实施单位|预算部门|项目负责人|联系电话|项目类别|归口科室|项目主管部门|项目执行单位|项目实施单位|主管部门及其编码|项目起止时间|填报单位|项目属性|项目性质|项目类型|项目期)/.test(c)) return "ignore";
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
  // A month's header cell may span several columns (3月底 spans two in the seed): it owns every column up to
  // the next month's header.
  return found.map((f, k) => ({ key: f.key, from: f.col, to: k + 1 < found.length ? found[k + 1].col : Math.max(cells.length, f.col + 1) }));
}

function parsePercent(cell: string): number | null | undefined {
  const t = squash(cell).replace(/[%％]$/, "");
  if (!t || t === "—" || t === "-") return null;
  return parseNumber(t) ?? undefined;
}

/** `3月底 —；6月底 100%；10月底 100%；12月底 100%` in one cell (our Markdown, person-typed sheets). */
function planInOneCell(text: string): SpendingPlan | null {
  const out: SpendingPlan = { mar: null, jun: null, oct: null, dec: null };
  let hits = 0;
  for (const m of squash(text).matchAll(/(\d{1,2})月(?:底|末)?[：:]?([0-9.]+%?|—|-)?/g)) {
    const key = MONTH_KEYS[Number(m[1])];
    if (!key) continue;
    hits++;
    const v = m[2] ? parsePercent(m[2]) : null;
    out[key] = v ?? null;
  }
  return hits >= 2 ? out : null;
}

export function emptyTable(): ParsedTable {
  return {
    code: "",
    name: "",
    budget: { total: null, fiscal: null, other: null },
    purpose: "",
    spendingPlan: { mar: null, jun: null, oct: null, dec: null },
    goals: [],
    indicators: [],
    warnings: [],
    notes: [],
    hasIndicatorHeader: false,
    hasHead: false,
  };
}

/**
 * Read a table block. Usually one table; a form with one row per indicator and a 项目名称 column (several
 * projects on one sheet or page) gives one table per project.
 */
export function parseTables(rows: FormRow[], tableUnit: MoneyUnit = "万元"): ParsedTable[] {
  const tables: ParsedTable[] = [emptyTable()];
  let table = tables[0];
  const warn = (row: FormRow, message: string) => table.warnings.push({ line: row.line, message: `${row.where}：${message}` });

  let columns: Column[] | null = null;
  let plan: ReturnType<typeof planColumns> = null;
  let last: HeadLabel | null = null;
  let afterBreak = false;
  let moneyUnit: MoneyUnit = tableUnit;
  let headerCells: string[] = [];
  let currentKey = "|";
  let goalSets: string[] | null = null;
  let pendingHeader: { columns: Column[]; values: number[] } | null = null;
  let periodLabel = "中期";
  let valueSubColumns: string[] | null = null;
  let prevHeadFirst = "";
  let side: SideProject[] | null = null;

  /**
   * Several projects side by side, a value column each: one table per project sharing the label and name
   * columns. The head read so far (if any) stays a project of its own, with a note on the split.
   */
  const startSideBySide = (projects: { name: string; value: number }[], header: Column[], row: FormRow): SideProject[] => {
    const out = projects.map(({ name, value }) => {
      const own = emptyTable();
      own.name = name;
      own.hasIndicatorHeader = true;
      own.hasHead = true;
      own.sideBySide = { count: projects.length };
      return { table: own, value, columns: header.map((c, k) => (k === value ? "value" : c === "value" || c === "target" ? "ignore" : c)) as Column[] };
    });
    const hasOwnHead = Boolean(table.name || table.code || table.budget.total !== null || table.goals.length > 0);
    if (hasOwnHead) {
      warn(row, `本表并列了 ${projects.length} 个项目的指标值（${projects.map((p) => p.name).join("、")}），各自导入为一个项目；表头信息留在本项目`);
      tables.push(...out.map((p) => p.table));
    } else {
      tables.splice(tables.indexOf(table), 1, ...out.map((p) => p.table));
    }
    table = out[0].table;
    table.hasIndicatorHeader = true;
    return out;
  };

  for (const row of rows) {
    const cells = row.cells.map(cleanCell);
    if (cells.every((c) => !c)) {
      afterBreak = true;
      continue;
    }
    afterBreak = afterBreak || row.breakBefore;
    if (row.warning) warn(row, row.warning);
    // The row under a header whose 指标值 spans several columns may name the projects those columns are for.
    if (pendingHeader) {
      const pending = pendingHeader;
      pendingHeader = null;
      const names = subHeaderProjects(cells, pending.values, row);
      if (names) {
        columns = pending.columns;
        side = startSideBySide(names, pending.columns, row);
        continue;
      }
      columns = pickYearSet(pending.columns);
    }
    const header = headerColumns(cells);
    if (header) {
      // A header repeated at the top of the next page keeps the table; a new header after rows of its own
      // in a one-row-per-project form is the same table too.
      headerCells = cells;
      side = null;
      // A 长期/中期 block (its caption left of the header): every row goes to the notes.
      const period = cells.slice(0, Math.max(0, header.indexOf("level1"))).map(periodCaption).find(Boolean);
      periodLabel = period ?? "中期";
      if (period) {
        columns = header.map((c) => (c === "level2" || c === "name" || c === "value" || c === "description" || c === "basis" ? (`mid:${c}` as const) : c));
        table.hasIndicatorHeader = true;
        afterBreak = true;
        continue;
      }
      const named = headerProjects(cells, header);
      if (named) {
        columns = header;
        side = startSideBySide(named, header, row);
        continue;
      }
      const valueSpan = spannedValueColumns(cells, header);
      if (valueSpan.length >= 2 && header.filter((c) => c === "name").length === 1) pendingHeader = { columns: header, values: valueSpan };
      columns = pickYearSet(header);
      if (!columns.includes("name")) warn(row, "表头没有“三级指标”列（或“指标名称”“指标内容”），指标行没有名称");
      table.hasIndicatorHeader = true;
      afterBreak = true;
      continue;
    }
    if (columns) {
      const texts = cells.filter(Boolean);
      if (texts.length === 1 && cells[0] && !asLevel1(cells[0]) && !asLevel2(cells[0]) && table.indicators.length > 0) {
        // One text across the row below the indicators: a signature or note line (填报人：…), not an indicator.
        warn(row, `不是指标行，未导入：${shorten(cells[0])}`);
        continue;
      }
      if (texts.length > 0 && texts.every((t) => APPROVAL_BOX.test(squash(t)))) {
        // The approval boxes under a 批复表 (`财政资金管理科室(盖章) 年 月 日`).
        warn(row, `不是指标行，未导入：${shorten(texts.join(" "))}`);
        continue;
      }
      // `2021年实际实现值 | 预期2022年实现值` under the 指标值 header: the value's sub-columns, no row.
      if (table.indicators.length === 0 && texts.length > 0 && texts.every((t) => VALUE_SUBCOLUMN.test(squash(t)))) {
        valueSubColumns = texts.map(squash);
        warn(row, `指标值分“${valueSubColumns.join("”“")}”两栏；一行只有一个数值时按“${valueSubColumns.find((t) => !/实际/.test(t)) ?? valueSubColumns[valueSubColumns.length - 1]}”读入（网页复制常丢掉空单元格）`);
        continue;
      }
      const aligned = alignRow(cells, columns);
      // One row per indicator with the project in its own columns (budget-system exports, several projects on
      // one page): a new project where the project's code or name changes.
      const projectKey = [at(aligned, columns, "projectCode"), at(aligned, columns, "projectName")].map(squash).join("|");
      const labelled = Boolean(at(aligned, columns, "level1") || at(aligned, columns, "level2") || at(aligned, columns, "name"));
      if (projectKey !== "|" && !labelled) {
        // A summary line of a one-row-per-indicator form (the department's total): no project, no row.
        warn(row, `不是指标行，未导入：${shorten(cells.join("\t"))}`);
        continue;
      }
      const flat = columns.includes("projectName") || columns.includes("projectCode");
      if (flat && projectKey === "|" && currentKey === "|" && labelled && !row.carried?.[columns.indexOf("projectName")]) {
        warn(row, "指标行没有所属项目（项目名称、项目编码都是空的）");
      }
      if (projectKey !== "|" && projectKey !== currentKey) {
        if (table.indicators.length > 0 || table.name || table.code) {
          table = emptyTable();
          table.hasIndicatorHeader = true;
          tables.push(table);
        }
        currentKey = projectKey;
        readProjectColumns(aligned, columns, headerCells, table, row, moneyUnit, warn);
      }
      if (side) {
        const whole = Boolean(at(aligned, columns, "name")) && side.some((p) => aligned[p.value]);
        for (const p of side) readRow(aligned, p.columns, row, afterBreak, p.table, warn, whole);
      } else {
        // Two values under `实际 | 预期` sub-columns: the expected one is the row's value, the actual one a note.
        const v = columns.indexOf("value");
        if (valueSubColumns && v >= 0 && isValueText(aligned[v] ?? "") && isValueText(aligned[v + 1] ?? "") && columns[v + 1] !== "value") {
          table.notes.push(`${valueSubColumns[0]}：${at(aligned, columns, "name")} ${aligned[v]}`);
          aligned.splice(v, 1);
        }
        readRow(aligned, columns, row, afterBreak, table, warn, false, periodLabel);
      }
      afterBreak = false;
      continue;
    }
    if (plan) {
      const values = readPlanValues(cells.map((c, k) => (row.carried?.[k] ? "" : c)), plan);
      plan = null;
      if (values) {
        table.spendingPlan = values;
        continue;
      }
      if (!headLabel(cells[0] ?? "")) {
        warn(row, `资金支出计划的数值无法识别（${shorten(cells.join("\t"))}），按空白处理`);
        continue;
      }
    }
    const months = planColumns(cells);
    if (months) {
      plan = months;
      last = null;
      continue;
    }
    const unit = /^(?:金额)?单位[：:](万元|元|亿元)$/.exec(squash(cells.filter(Boolean).join("")));
    if (unit) {
      moneyUnit = unit[1] as MoneyUnit;
      continue;
    }
    // 总体目标 over 中期目标 | 年度目标, their texts on the next row: all are the project's goals, in order (as the
    // corpus transcriptions keep 长期 and 年度 goals, doc08), each text whole.
    if (goalSets) {
      const sets = goalSets;
      const texts = cells.filter((c, k) => c && !row.carried?.[k]);
      goalSets = null;
      if (texts.length === sets.length && texts.every((t) => headLabel(t) === null)) {
        for (const t of texts) table.goals.push(...splitGoals(t));
        last = null;
        continue;
      }
    }
    goalSets = goalSetHeads(cells);
    if (goalSets) {
      last = "goals";
      continue;
    }
    // A head label a page break cut (`预算规模及资` | `金用途`): the row goes on with the field of the whole label.
    const headCells = cells.map((c, k) => (row.carried?.[k] ? "" : c));
    const joined = prevHeadFirst && headCells[0] && !headLabel(headCells[0]) && !headLabel(prevHeadFirst) ? headLabel(prevHeadFirst + headCells[0]) : null;
    if (joined) {
      headCells[0] = "";
      last = joined;
    }
    prevHeadFirst = row.carried?.[0] ? prevHeadFirst : (cells[0] ?? "");
    // A merged head label (预算规模及资金用途 over two rows) is read once: its repeats are blank.
    last = readHeadRow(headCells, row, last, table, moneyUnit, warn);
  }
  for (const t of tables) moveRepeatedNotes(t);
  return tables.filter((t, i) => i === 0 || t.indicators.length > 0 || t.name);
}

/**
 * An empty row a copy shrank to its one filled cell reads that cell as its 三级 name; when the text is the one the
 * form repeats in its 评分标准/指标解释 column (`未达指标值酌情扣分`), it is that column's, and the row has no name.
 */
function moveRepeatedNotes(table: ParsedTable): void {
  for (const col of ["basis", "description"] as const) {
    const counts = new Map<string, number>();
    for (const ind of table.indicators) if (ind[col]) counts.set(ind[col], (counts.get(ind[col]) ?? 0) + 1);
    for (const ind of table.indicators) {
      if (!ind.value && ind.name && !ind[col] && (counts.get(ind.name) ?? 0) >= 2) {
        ind[col] = ind.name;
        ind.name = "";
      }
    }
  }
}

interface SideProject {
  table: ParsedTable;
  /** The project's value column. */
  value: number;
  columns: Column[];
}

/** Header words that name a period, not a project (`年度指标值`, `中期指标值`, `2023年`). */
const PERIOD = /^(?:本?年度|本年|当年|中期|长期|全年|计划|预期|实际|[（(]?\d{4}年?度?[）)]?|[（(]?\d{4}\s*[-—~至]\s*\d{4}年?[）)]?)$/;

/** Value columns whose header names a project: `村道硬化工程指标值`, `指标值（路灯安装）`. */
function headerProjects(cells: string[], header: Column[]): { name: string; value: number }[] | null {
  if (header.filter((c) => c === "name").length !== 1) return null;
  const named = cells.flatMap((cell, k) => {
    if (k <= header.indexOf("name")) return [];
    const t = squash(cell);
    const m = /^(.+?)(?:的)?(?:指标值|目标值)$/.exec(t) ?? /^(?:指标值|目标值)[（(](.+)[）)]$/.exec(t);
    return m && !PERIOD.test(m[1]) && !/^(年度|绩效|计划|预期|中期|长期)/.test(m[1]) && !/依据|标准|确定/.test(m[1]) ? [{ name: m[1], value: k }] : [];
  });
  return named.length >= 2 ? named : null;
}

/** The value columns of a header, with the columns a spanning 指标值 cell covers (blank header cells after it). */
function spannedValueColumns(cells: string[], header: Column[]): number[] {
  const out: number[] = [];
  header.forEach((c, k) => {
    if (c !== "value") return;
    out.push(k);
    for (let j = k + 1; j < header.length && header[j] === "ignore" && !cells[j]; j++) out.push(j);
  });
  return out;
}

/** The row under a spanning 指标值 header: a project name over each value column, nothing else. */
function subHeaderProjects(cells: string[], values: number[], row: FormRow): { name: string; value: number }[] | null {
  const own = cells.map((c, k) => (row.carried?.[k] ? "" : c));
  if (own.some((c, k) => c && !values.includes(k))) return null;
  const names = values.map((k) => ({ name: squash(own[k] ?? ""), value: k }));
  // A name is words, not a value (`≥300人次`, `100%`) nor a header or label word.
  const notName = (t: string) => !/[\u4e00-\u9fff]{2}/.test(t) || isValueText(t) || /^[≥≤<>=＞＜\d]/.test(t) || PERIOD.test(t) || headerColumn(t) || asLevel1(t) || asLevel2(t);
  if (names.some((n) => notName(n.name))) return null;
  if (new Set(names.map((n) => n.name)).size !== names.length) return null;
  return names;
}

const GOAL_SET = /^(中期|长期|本?年度|本年)(滚动)?(绩效)?目标/;

/**
 * A head row naming goal sets side by side (`总体目标 | 中期滚动目标(2019年--2021年) | 年度目标`): the set names, a
 * leading caption over them left out; null unless a 年度 set and another one are named and nothing else.
 */
function goalSetHeads(cells: string[]): string[] | null {
  const texts = cells.filter(Boolean);
  const sets = texts.filter((t) => GOAL_SET.test(squash(t)));
  if (sets.length < 2 || !sets.some((t) => /^(本?年度|本年)/.test(squash(t)))) return null;
  const caption = texts.length === sets.length + 1 && headLabel(texts[0]) === "goals" && !GOAL_SET.test(squash(texts[0]));
  return caption || texts.length === sets.length ? sets : null;
}

/** 中期 and 年度 sets side by side: the later set is 年度 (the national form's order); earlier ones are ignored. */
function pickYearSet(columns: Column[]): Column[] {
  const values = columns.flatMap((c, i) => (c === "value" ? [i] : []));
  if (values.length < 2) return columns;
  const start = values[values.length - 2] + 1;
  return columns.map((c, i) => {
    if (i >= start || c === "level1") return c;
    return c === "level2" || c === "name" || c === "value" || c === "description" || c === "basis" ? (`mid:${c}` as const) : c;
  });
}

const at = (cells: string[], columns: Column[], col: Column) => {
  const k = columns.indexOf(col);
  return k >= 0 ? (cells[k] ?? "") : "";
};

/**
 * A row copied without its merged cells starts too far left: its first 一级/二级 label sits in another
 * column. Shift it right so the label lands in its own column (web copies, pipe tables, PDF rows).
 */
function alignRow(cells: string[], columns: Column[]): string[] {
  return alignTyped(alignLabels(cells, columns), columns);
}

/** Sub-columns of 指标值: last year's actual and this year's expected value. */
const VALUE_SUBCOLUMN = /^(?:\d{4}年)?(?:实际|预期|预计|目标|计划)(?:\d{4}年)?(?:实现|完成|达到)?值$/;

const TEXT_COLUMNS: Column[] = ["name", "description", "value", "basis", "target"];

/**
 * A copy that dropped an empty cell inside a row moves the cells after it one column left, and leaves the row
 * short at its end (`成本指标 | 社会成本指标 | 定量 | 100 | %` with the 三级 cell lost): a cell whose kind fixes its
 * column (定量/定性 under 指标性质, 正向/反向 under 指标方向) moves back to it, and a long text under 计量单位 moves
 * right, as far as the row's empty tail allows.
 */
function alignTyped(cells: string[], columns: Column[]): string[] {
  let out = cells;
  let used = out.length;
  while (used > 0 && !out[used - 1]) used--;
  const room = () => columns.length - used;
  const shift = (at: number, by: number) => {
    out = [...out.slice(0, at), ...Array<string>(by).fill(""), ...out.slice(at)];
    used += by;
  };
  for (const [col, word] of [["nature", NATURE_WORD], ["direction", DIRECTION_WORD]] as const) {
    const target = columns.indexOf(col);
    if (target < 0) continue;
    // Only from a text column: a word in another typed column is the document's own swap, reported, not moved.
    const k = out.findIndex((c, i) => i < target && word.test(squash(c)) && TEXT_COLUMNS.includes(columns[i]));
    if (k >= 0 && target - k <= room() && !out.slice(k + 1, target + 1).some((c) => word.test(squash(c)))) shift(k, target - k);
  }
  const unit = columns.indexOf("unit");
  if (unit >= 0 && room() > 0 && (out[unit] ?? "").length > 8 && !/^[\p{Script=Han}a-zA-Z/%·]{1,8}$/u.test(out[unit])) shift(unit, 1);
  return out;
}

/** Shift a row whose first 一级/二级 label, or (no label) whose 三级 name, sits left of its column. */
function alignLabels(cells: string[], columns: Column[]): string[] {
  const k = cells.findIndex((c) => c !== "" && (asLevel1(c) !== null || asLevel2(c) !== null));
  let used = cells.length;
  while (used > 0 && !cells[used - 1]) used--;
  if (k < 0) {
    // A copy that drops the cells merged from above starts a label-less row at the first column: its first
    // cell is the 三级 name when the row would not fit otherwise (a name in a label column is no label).
    const name = columns.indexOf("name");
    const first = cells.findIndex((c) => c !== "");
    if (name > 0 && first === 0 && ["level1", "level2", "ignore"].includes(columns[0]) && used + name <= columns.length) {
      return [...Array<string>(name).fill(""), ...cells.slice(first)];
    }
    return cells;
  }
  // `产出指标 | 开设课程数量 | 220`: a 一级 written in the middle of its merged block, the 二级 cell dropped.
  const l2 = columns.indexOf("level2");
  if (asLevel1(cells[k]) && !asLevel2(cells[k]) && l2 >= 0 && cells[k + 1] && !asLevel1(cells[k + 1]) && !asLevel2(cells[k + 1])) {
    const l1 = columns.indexOf("level1");
    if (l1 >= 0 && l2 === l1 + 1 && used - k + l1 + 1 <= columns.length) return [...Array<string>(l1).fill(""), cells[k], "", ...cells.slice(k + 1)];
  }
  // 成本指标 is a 一级 (mof2021) and a 二级 (legacy): a 一级 only when a 二级 label follows it.
  const isL1 = asLevel1(cells[k]) !== null && !(asLevel2(cells[k]) !== null && !(cells[k + 1] && asLevel2(cells[k + 1])));
  const target = columns.findIndex((c) => c === (isL1 ? "level1" : "level2") || (!isL1 && c === "mid:level2"));
  if (target <= k) return cells;
  return used + (target - k) <= columns.length ? [...Array<string>(target - k).fill(""), ...cells] : cells;
}

type MoneyUnit = "万元" | "元" | "亿元";

function readProjectColumns(
  cells: string[],
  columns: Column[],
  headerCells: string[],
  table: ParsedTable,
  row: FormRow,
  unit: MoneyUnit,
  warn: (r: FormRow, m: string) => void,
): void {
  table.name = at(cells, columns, "projectName");
  table.code = squash(at(cells, columns, "projectCode"));
  table.hasHead = true;
  for (const [col, field] of [["projectBudget", "total"], ["projectFiscal", "fiscal"], ["projectOther", "other"]] as const) {
    const text = at(cells, columns, col);
    if (!text) continue;
    // `预算数（元）` in the header outranks the table's 单位： line.
    const stated = statedUnit(headerCells[columns.indexOf(col)]?.replace(/^[^（(]*/, "") ?? "");
    const amount = parseAmount(text, stated ?? unit);
    if (amount === undefined) warn(row, `${squash(headerCells[columns.indexOf(col)] ?? "预算数")}「${shorten(text)}」不是金额，按空白处理`);
    else table.budget[field] = amount;
  }
  const purpose = at(cells, columns, "projectPurpose");
  if (purpose) table.purpose = purpose;
  const goals = at(cells, columns, "projectGoals");
  if (goals) table.goals.push(...goals.split(/\n+/).flatMap((g) => splitGoals(g)));
  const unitName = at(cells, columns, "unitName");
  if (unitName) table.department ??= unitName;
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

function readHeadRow(
  cells: string[],
  row: FormRow,
  last: HeadLabel | null,
  table: ParsedTable,
  moneyUnit: MoneyUnit,
  warn: (row: FormRow, message: string) => void,
): HeadLabel | null {
  const labels = cells.map(headLabel);
  if (labels.every((l) => l === null)) {
    // A row with no label continues the previous field (the 资金用途 row under 预算规模及资金用途, a goal cell
    // wrapped onto the next line).
    const texts = cells.filter(Boolean);
    const text = cleanCell(texts.join(" "));
    if (!text) return last;
    // The caption over the indicator header (`绩效指标` in a row of its own) ends the field above it.
    if (texts.length === 1 && /^(?:年度|本年度)?绩效指标$/.test(squash(text))) return null;
    if (last === "total" || last === "fiscal" || last === "other" || last === "fundsBlock" || last === "purpose") {
      table.purpose = joinWrapped(table.purpose, text);
      return "purpose";
    }
    if (last === "goals") {
      for (const piece of texts.length > 1 ? texts : [text]) {
        const more = splitGoals(piece);
        if (/^(\d+|[一二三四五六七八九十]+)[.．、]/.test(more[0]) || table.goals.length === 0 || texts.length > 1) table.goals.push(...more);
        else table.goals[table.goals.length - 1] = joinWrapped(table.goals[table.goals.length - 1], piece);
      }
      return "goals";
    }
    if (last === "name") {
      table.name = joinWrapped(table.name, text);
      return "name";
    }
    if (/^(单位|金额单位)[：:]/.test(squash(text)) || /^[（(]?\d{4}年度?[）)]?$/.test(squash(text))) return last;
    // `预算单位:东莞市交通运输局` in one cell: a field written with its label.
    const fields = texts.length === 1 ? readFieldLine(text) : [];
    if (fields.length > 0 && fields.every((f) => f.kind !== "fundsHeading")) {
      for (const f of fields) {
        if (f.kind === "department") table.department ??= f.value;
        else if (f.kind !== "ignore" && f.kind !== "fundsHeading" && f.value) applyHead(f.kind, f.label, [f.value], row, table, moneyUnit, warn);
      }
      return last;
    }
    // The table's own title in its first row (`部门预算项目绩效目标申报表(2023年度)`).
    if (texts.length === 1 && /(表|表[（(]\d{4}年度?[）)])$/.test(squash(text)) && text.length <= 80) return last;
    // The caption row of a two-column head table (`| 项目 | 内容 |`).
    if (texts.every((c) => /^(项目|内容|栏目|填报内容)$/.test(squash(c)))) return last;
    warn(row, `表头部分无法识别，未导入：${shorten(cells.join("\t"))}`);
    return last;
  }
  let current = last;
  for (let k = 0; k < cells.length; k++) {
    const label = labels[k];
    if (!label) continue;
    current = label;
    // The value is the next non-empty cell, unless that cell is itself a label; goals take every such cell.
    const values: string[] = [];
    for (let j = k + 1; j < cells.length; j++) {
      if (!cells[j]) continue;
      if (labels[j] !== null) break;
      values.push(cells[j]);
      if (label !== "goals") break;
    }
    applyHead(label, cells[k], values, row, table, moneyUnit, warn);
    table.hasHead = table.hasHead || label !== "ignore";
  }
  return current;
}

function applyHead(
  label: HeadLabel,
  labelCell: string,
  values: string[],
  row: FormRow,
  table: ParsedTable,
  moneyUnit: MoneyUnit,
  warn: (row: FormRow, message: string) => void,
): void {
  const value = values[0] ?? "";
  const unit = statedUnit(labelCell.replace(/^.*?(?=[（(])/, "")) ?? moneyUnit;
  const amount = (field: keyof Budget) => {
    if (!value) return;
    const v = parseAmount(value, unit === "亿元" ? "亿元" : unit);
    if (v === undefined) warn(row, `${squash(labelCell)}「${shorten(value)}」不是金额，按空白处理`);
    table.budget[field] = v ?? null;
  };
  if (label === "code") table.code = squash(value);
  else if (label === "name") table.name = value;
  else if (label === "total") amount("total");
  else if (label === "fiscal") amount("fiscal");
  else if (label === "other") amount("other");
  else if (label === "purpose") table.purpose = value;
  else if (label === "goals") {
    for (const v of values) table.goals.push(...splitGoals(v));
  } else if (label === "department" && value) {
    table.department ??= value;
  } else if (label === "note" && value) {
    table.notes.push(`${squash(labelCell).replace(/^[*＊★☆※]+/, "")}：${value}`);
  } else if (label === "plan" && value) {
    const plan = planInOneCell(value);
    if (plan) table.spendingPlan = plan;
    else warn(row, `资金支出计划的数值无法识别（${shorten(value)}），按空白处理`);
  }
}

const CONTENT = ["name", "description", "value", "basis"] as const;

function readRow(
  cells: string[],
  columns: Column[],
  row: FormRow,
  afterBreak: boolean,
  table: ParsedTable,
  warn: (row: FormRow, message: string) => void,
  /** The row is whole even without a value of its own (another project's column holds one). */
  whole = false,
  /** What the mid:* columns hold: 中期, or 长期 (a block captioned 长期绩效指标). */
  periodLabel = "中期",
): void {
  const get = (col: Column) => at(cells, columns, col);
  const carried = (col: Column) => Boolean(row.carried?.[columns.indexOf(col)]);
  if (cells.every((c) => !c)) return;
  const l1 = get("level1");
  const l2 = get("level2");
  const filled = CONTENT.filter((c) => get(c));
  const prev = table.indicators[table.indicators.length - 1];
  const ownLabels = (l1 && !carried("level1")) || (l2 && !carried("level2"));

  // The rest of a cell a page break (or a wrap) cut: no labels of its own, and not a complete row.
  if (prev && !whole && !ownLabels && (!get("name") || !get("value")) && filled.length <= 2 && !hasStructured(cells, columns)) {
    if (filled.length === 0) {
      if (!afterBreak) warn(row, `无法识别的表格行，未导入：${shorten(cells.join("\t"))}`);
      return;
    }
    for (const col of CONTENT) if (get(col)) prev[col] = joinWrapped(prev[col], get(col));
    return;
  }

  const ind: Indicator = { level1: "", level2: "", name: "", description: "", value: "", basis: "" };
  ind.level1 = l1 ? squash(l1) : (prev?.level1 ?? "");
  ind.level2 = l2 ? squash(l2) : l1 && !carried("level1") ? "" : (prev?.level2 ?? "");
  if (l1 && !carried("level1") && !l2 && prev && !prev.level1) {
    // A 一级 written in the middle of its merged block (a web copy): it is the 一级 of the rows above that had
    // none, and this row stays under their 二级.
    for (let i = table.indicators.length - 1; i >= 0 && !table.indicators[i].level1; i--) table.indicators[i].level1 = ind.level1;
    ind.level2 = prev.level2;
  }
  const mid: string[] = [];
  columns.forEach((col, k) => {
    const text = cells[k] ?? "";
    if (col === "name" || col === "description" || col === "value" || col === "basis") ind[col] = text;
    else if (col.startsWith("mid:")) {
      if (text) mid.push(text);
    } else if (col === "unit" || col === "direction" || col === "nature" || col === "operator" || col === "weight" || col === "target") setStructured(ind, col, text);
  });
  if (mid.length > 0) table.notes.push(`${periodLabel}：${mid.join(" ")}`);
  // A block of the 中期/长期 set alone: its rows are notes, no indicator of the year.
  if (!columns.includes("value") && !columns.includes("name") && !columns.includes("level2")) return;
  if (get("value")) composeValue(ind, get("value"), Boolean(get("unit")));
  else if (ind.target !== undefined) composeValue(ind, String(ind.target), Boolean(get("unit")));
  const extra = cells.slice(columns.length).filter(Boolean);
  if (extra.length > 0) {
    ind.basis = joinWrapped(ind.basis, extra.join(" "));
    warn(row, `多出的单元格「${shorten(extra.join(" "))}」已并入指标值确定依据`);
  }
  if (!ind.level1 && !ind.level2) warn(row, `指标行缺少一级、二级指标：${shorten(cells.join("\t"))}`);
  else if (!ind.name && !ind.value && !asLevel2(ind.level2)) warn(row, `指标行没有三级指标和指标值：${shorten(cells.join("\t"))}`);
  table.indicators.push(ind);
}

function hasStructured(cells: string[], columns: Column[]): boolean {
  return columns.some((c, k) => (c === "unit" || c === "operator" || c === "weight") && cells[k]);
}

/** Structured fields given as their own columns (指标性质, 指标方向, 计量单位, 分值, 计算符号). */
export function setStructured(ind: Indicator, col: Column, text: string): void {
  const t = squash(text);
  if (!t) return;
  const direction = DIRECTION_WORD.exec(t);
  const op = operatorOfWord(t);
  if (col === "unit") ind.unit = t;
  else if (col === "weight") {
    const n = Number(t.replace(/[%％分]$/, ""));
    if (Number.isFinite(n)) ind.weight = n;
  } else if (direction) ind.direction = direction[1] as "正向" | "反向";
  else if (NATURE_WORD.test(t)) ind.nature = t as "定量" | "定性";
  // Budget systems put the comparison sign in 指标性质 (or a 计算符号 column): ≥ | 95 | %.
  else if (op) ind.operator = op;
  else if (col === "target") {
    const n = parseNumber(t.replace(/[%％]$/, ""));
    if (n !== null) ind.target = n;
  }
}

/**
 * A value split over columns (≥ | 95 | %) is composed back into the text a person reads ("≥95%"), and the
 * number kept as `target`; a value that already says its operator or unit is left as written.
 */
function composeValue(ind: Indicator, valueCell: string, hasUnitColumn: boolean): void {
  const v = squash(valueCell);
  const number = parseNumber(v);
  if (number !== null && (ind.operator || ind.unit)) {
    ind.target = number;
    // A number in the 计量单位 column (乌海's Excel date serial) is no unit to write after the value.
    const unit = ind.unit && !/^(无|—|-)$/.test(ind.unit) && !/^[\d,，.]+$/.test(ind.unit) ? ind.unit : "";
    // As the printed form shows it: ≥ | 80 | % → ≥80%; an equals sign is not written (＝ | 11 | 个 → 11个).
    const op = ind.operator ? operatorOfWord(ind.operator) : null;
    ind.value = `${op && op !== "=" ? operatorSymbol(op) : ""}${valueCell.trim()}${unit}`;
    return;
  }
  if (hasUnitColumn && number === null && v) {
    const parsed = parseValue(v);
    if (parsed.kind !== "quantitative") return;
    ind.target = parsed.number;
    // `≥3` with 计量单位 个 reads `≥3个`: the shown value keeps its unit.
    const unit = ind.unit ?? "";
    if (unit && /\d$/.test(v) && !/^(无|—|-)$/.test(unit)) ind.value = `${valueCell.trim()}${unit}`;
  }
}

export function shorten(text: string, max = 40): string {
  const t = trimStartOf(trimEndOf(text.replace(/\t+/g, " | ").replace(/[ \u3000]+/g, " "), " |"), " |");
  return t.length > max ? `${t.slice(0, max)}…` : t;
}
