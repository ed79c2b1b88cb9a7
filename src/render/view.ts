// The view model every template renders: a project's header block, its indicator rows with the rowspans
// of merged 一级/二级 cells, and the findings overlay (marked cells + numbered notes).
import { isEmptyRow, projectRef } from "../domain/project.js";
import type { Project } from "../domain/schema.js";
import { squash } from "../domain/taxonomy.js";
import { composeValueText } from "../domain/value.js";
import type { Finding, Severity } from "../rules/types.js";
import { formatAmount, formatPercent, SEVERITY_LABEL, SPENDING_MONTHS, tableTitleOf } from "./format.js";

/** Finding marks on one cell: the note numbers and the worst severity (for the CSS class). */
export interface CellMarks {
  nums: number[];
  severity: Severity | null;
}

export interface CellView {
  text: string;
  marks: CellMarks;
}

export interface SpanCellView extends CellView {
  rowspan: number;
}

export interface RowView {
  index: number;
  /** Present on the first row of a run of equal 一级 (or 二级) cells only. */
  level1: SpanCellView | null;
  level2: SpanCellView | null;
  name: CellView;
  description: CellView;
  value: CellView;
  basis: CellView;
  empty: boolean;
}

export interface NoteView {
  num: number;
  severity: Severity;
  severityLabel: string;
  rule: string;
  where: string;
  message: string;
  hint: string;
  fix: string;
}

export interface ProjectView {
  anchor: string;
  ref: string;
  title: string;
  code: CellView;
  name: CellView;
  budget: { total: CellView; fiscal: CellView; other: CellView };
  purpose: CellView;
  plan: { label: string; cell: CellView }[];
  goals: CellView & { lines: string[] };
  /** Marks for findings about the explanation (declared counts, narrative). */
  explanationMarks: CellMarks;
  rows: RowView[];
  notes: NoteView[];
}

const SEVERITY_RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

const ROW_FIELDS = new Set(["level1", "level2", "name", "description", "value", "basis"]);
/** Structured value fields are shown inside the 指标值 cell. */
const VALUE_FIELDS = new Set(["unit", "operator", "target", "direction", "weight", "nature", "value"]);

const FIELD_LABEL: Record<string, string> = {
  level1: "一级指标", level2: "二级指标", name: "三级指标", description: "绩效指标描述", value: "指标值",
  basis: "指标值确定依据", unit: "计量单位", operator: "指标性质", target: "目标值", direction: "指标方向",
  weight: "分值", nature: "指标性质", code: "项目编码", budget: "预算数", purpose: "资金用途",
  spendingPlan: "资金支出计划", goals: "绩效目标", narrativeIndicators: "绩效指标说明", declaredCounts: "绩效指标说明",
};

type HeaderKey = "code" | "name" | "budget" | "purpose" | "spendingPlan" | "goals" | "explanation";

function headerKeyOf(field: string | null): HeaderKey | null {
  if (!field) return null;
  const root = field.split(/[.[]/)[0];
  if (root === "code" || root === "name" || root === "purpose" || root === "goals") return root;
  if (root === "budget") return "budget";
  if (root === "spendingPlan") return "spendingPlan";
  if (root === "narrativeIndicators" || root === "declaredCounts" || root === "narrativeGoals") return "explanation";
  return null;
}

function rowFieldOf(field: string | null): keyof Pick<RowView, "level1" | "level2" | "name" | "description" | "value" | "basis"> {
  if (field && ROW_FIELDS.has(field)) return field as "level1";
  if (field && VALUE_FIELDS.has(field)) return "value";
  return "name";
}

function emptyMarks(): CellMarks {
  return { nums: [], severity: null };
}

function addMark(marks: CellMarks, num: number, severity: Severity): void {
  if (!marks.nums.includes(num)) marks.nums.push(num);
  if (!marks.severity || SEVERITY_RANK[severity] > SEVERITY_RANK[marks.severity]) marks.severity = severity;
}

function mergeMarks(target: CellMarks, source: CellMarks): void {
  for (const n of source.nums) addMark(target, n, source.severity ?? "info");
}

function cell(text: string): CellView {
  return { text, marks: emptyMarks() };
}


/** Findings of one project, in the order the notes are numbered: project-level first, then by row. */
export function findingsOf(project: Project, findings: Finding[] = []): Finding[] {
  const ref = projectRef(project);
  return findings
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.project === ref)
    .sort((a, b) => (a.f.indicator ?? -1) - (b.f.indicator ?? -1) || a.i - b.i)
    .map(({ f }) => f);
}

export function buildProjectView(project: Project, findings: Finding[] = [], anchor = `p-${project.seq}`): ProjectView {
  const ref = projectRef(project);
  const view: ProjectView = {
    anchor,
    ref,
    title: tableTitleOf(project),
    code: cell(project.code),
    name: cell(project.name),
    budget: {
      total: cell(formatAmount(project.budget.total)),
      fiscal: cell(formatAmount(project.budget.fiscal)),
      other: cell(formatAmount(project.budget.other)),
    },
    purpose: cell(project.purpose),
    plan: SPENDING_MONTHS.map((m) => ({ label: m.label, cell: cell(formatPercent(project.spendingPlan[m.key])) })),
    goals: { ...cell(project.goals.join("\n")), lines: project.goals },
    explanationMarks: emptyMarks(),
    rows: [],
    notes: [],
  };

  const rows: RowView[] = project.indicators.map((ind, index) => ({
    index,
    level1: null,
    level2: null,
    name: cell(ind.name),
    description: cell(ind.description),
    // The shown value is composed from the structured columns where the text lacks them (95 | % → 95%).
    value: cell(composeValueText(ind)),
    basis: cell(ind.basis),
    empty: isEmptyRow(ind),
  }));
  // Marks on 一级/二级 are collected per row first, then merged into the spanning cell.
  const level1Marks = rows.map(() => emptyMarks());
  const level2Marks = rows.map(() => emptyMarks());

  findingsOf(project, findings).forEach((f, i) => {
    const num = i + 1;
    let where = "";
    if (f.indicator !== null && f.indicator >= 0 && f.indicator < rows.length) {
      const target = rowFieldOf(f.field);
      const row = rows[f.indicator];
      if (target === "level1") addMark(level1Marks[f.indicator], num, f.severity);
      else if (target === "level2") addMark(level2Marks[f.indicator], num, f.severity);
      else addMark(row[target].marks, num, f.severity);
      const label = f.field ? (FIELD_LABEL[f.field] ?? f.field) : "";
      const name = project.indicators[f.indicator].name.trim();
      where = `第${f.indicator + 1}行${name ? `（${name}）` : ""}${label ? ` ${label}` : ""}`;
    } else {
      const key = headerKeyOf(f.field);
      if (key === "budget") addMark(view.budget.total.marks, num, f.severity);
      else if (key === "spendingPlan") view.plan.forEach((p) => addMark(p.cell.marks, num, f.severity));
      else if (key === "explanation") addMark(view.explanationMarks, num, f.severity);
      else if (key) addMark(view[key].marks, num, f.severity);
      where = f.field ? (FIELD_LABEL[f.field.split(/[.[]/)[0]] ?? f.field) : "项目";
    }
    view.notes.push({
      num,
      severity: f.severity,
      severityLabel: SEVERITY_LABEL[f.severity] ?? f.severity,
      rule: f.rule,
      where,
      message: f.message,
      hint: f.hint,
      fix: f.fix ?? "",
    });
  });

  // Runs of equal 一级, and of equal 二级 within them, become one cell with a rowspan.
  let i = 0;
  while (i < rows.length) {
    const l1 = squash(project.indicators[i].level1);
    let end = i + 1;
    while (end < rows.length && squash(project.indicators[end].level1) === l1) end++;
    const l1Cell: SpanCellView = { text: project.indicators[i].level1, rowspan: end - i, marks: emptyMarks() };
    for (let k = i; k < end; k++) mergeMarks(l1Cell.marks, level1Marks[k]);
    rows[i].level1 = l1Cell;
    let j = i;
    while (j < end) {
      const l2 = squash(project.indicators[j].level2);
      let end2 = j + 1;
      while (end2 < end && squash(project.indicators[end2].level2) === l2) end2++;
      const l2Cell: SpanCellView = { text: project.indicators[j].level2, rowspan: end2 - j, marks: emptyMarks() };
      for (let k = j; k < end2; k++) mergeMarks(l2Cell.marks, level2Marks[k]);
      rows[j].level2 = l2Cell;
      j = end2;
    }
    i = end;
  }
  view.rows = rows;
  return view;
}
