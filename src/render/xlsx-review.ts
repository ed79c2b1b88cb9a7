// The findings overlay of the Excel export: which cell of a project sheet carries which numbered note
// (the numbering of the HTML overlay, from buildProjectView), the note texts, and the 审核意见 sheet that
// lists every finding in report order.
import type ExcelJS from "exceljs";
import { projectRef } from "../domain/project.js";
import type { JixiaoDocument, Project } from "../domain/schema.js";
import type { Finding } from "../rules/types.js";
import { formatAmount, formatPercent, SEVERITY_LABEL, SPENDING_MONTHS } from "./format.js";
import { buildProjectView, findingsOf, type NoteView, type ProjectView } from "./view.js";
import { REVIEW_COLUMNS } from "./xlsx-layout.js";
import { fitHeight, put, type CellValue } from "./xlsx-style.js";

export interface Overlay {
  /** Each project's view (marks and numbered notes), by position in the document. */
  views: ProjectView[];
  /** The note a finding became in its project's view. */
  noteOf: Map<Finding, NoteView>;
}

export function buildOverlay(doc: JixiaoDocument, findings: Finding[]): Overlay {
  const noteOf = new Map<Finding, NoteView>();
  const views = doc.projects.map((project) => {
    const view = buildProjectView(project, findings);
    findingsOf(project, findings).forEach((f, i) => noteOf.set(f, view.notes[i]));
    return view;
  });
  return { views, noteOf };
}

/** One cell's note: its findings, numbered as in the HTML overlay. */
export function noteText(notes: NoteView[]): string {
  return notes
    .map((n) => {
      let text = `${n.num}. [${n.severityLabel}] ${n.message}`;
      if (n.hint) text += `\n修改建议：${n.hint}`;
      if (n.fix) text += `\n建议改为：${n.fix}`;
      return text;
    })
    .join("\n\n");
}

const PROJECT_FIELD_LABEL: Record<string, string> = {
  code: "项目编码", name: "项目名称", budget: "预算数", purpose: "资金用途", spendingPlan: "资金支出计划",
  goals: "绩效目标", narrativeGoals: "绩效目标说明", narrativeIndicators: "绩效指标说明", declaredCounts: "绩效指标说明",
  toc: "目录",
};

function rootOf(field: string | null): string {
  return field ? field.split(/[.[]/)[0] : "";
}

/** What the cell a finding is about says, as written. */
export function originalText(project: Project | undefined, f: Finding): string {
  if (!project) return "";
  if (f.indicator !== null) {
    const ind = project.indicators[f.indicator];
    if (!ind) return "";
    const v = (ind as unknown as Record<string, unknown>)[f.field ?? "name"];
    return v === undefined || v === null || typeof v === "object" ? ind.value : String(v);
  }
  switch (rootOf(f.field)) {
    case "code":
      return project.code;
    case "name":
      return project.name;
    case "purpose":
      return project.purpose;
    case "goals":
      return project.goals.join("\n");
    case "budget": {
      const b = project.budget;
      return `预算数 ${formatAmount(b.total) || "（空）"}；财政资金 ${formatAmount(b.fiscal) || "（空）"}；其他资金 ${formatAmount(b.other) || "（空）"}`;
    }
    case "spendingPlan":
      return SPENDING_MONTHS.map((m) => `${m.label} ${formatPercent(project.spendingPlan[m.key]) || "（空）"}`).join("；");
    case "narrativeIndicators":
    case "declaredCounts":
      return project.narrativeIndicators;
    case "narrativeGoals":
      return project.narrativeGoals.join("\n");
    default:
      return "";
  }
}

/** Widths in characters (a CJK character counts about two), in REVIEW_COLUMNS order. */
const REVIEW_WIDTHS = [6, 14, 18, 8, 18, 24, 7, 38, 34, 14];

/** The 审核意见 sheet: one row per finding, in the order of the report. */
export function writeReviewSheet(ws: ExcelJS.Worksheet, doc: JixiaoDocument, findings: Finding[], overlay: Overlay): void {
  ws.columns = REVIEW_WIDTHS.map((width) => ({ width }));
  ws.pageSetup = {
    paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1",
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
  ws.views = [{ state: "frozen", ySplit: 1, activeCell: "A2" }];
  const head = ws.getRow(1);
  REVIEW_COLUMNS.forEach((label, i) => put(head.getCell(i + 1), label, "bold"));
  head.height = 20;

  const byRef = new Map<string, Project>();
  for (const p of doc.projects) if (!byRef.has(projectRef(p))) byRef.set(projectRef(p), p);

  findings.forEach((f, i) => {
    const project = f.project === null ? undefined : byRef.get(f.project);
    const ind = project && f.indicator !== null ? project.indicators[f.indicator] : undefined;
    const note = overlay.noteOf.get(f);
    const where: CellValue = ind
      ? (f.indicator as number) + 1
      : (PROJECT_FIELD_LABEL[rootOf(f.field)] ?? (note?.where || (f.project === null ? "文档" : "项目")));
    const hint = f.fix ? `${f.hint}${f.hint ? "\n" : ""}建议改为：${f.fix}` : f.hint;
    const values: CellValue[] = [
      i + 1,
      f.project ?? "",
      project ? project.name : f.project === null ? "（整个文档）" : "",
      where,
      ind ? ind.name : "",
      originalText(project, f),
      SEVERITY_LABEL[f.severity] ?? f.severity,
      f.message,
      hint,
      f.rule,
    ];
    const row = ws.getRow(i + 2);
    values.forEach((v, c) => {
      const look = c === 0 || c === 3 || c === 6 ? "topCenter" : "top";
      put(row.getCell(c + 1), v === "" ? null : v, look, c === 6 ? f.severity : null);
    });
    fitHeight(row, values.map((v, c) => [v, REVIEW_WIDTHS[c]] as [CellValue, number]));
  });
  if (!findings.length) {
    ws.mergeCells(2, 1, 2, REVIEW_COLUMNS.length);
    put(ws.getCell("A2"), "未发现问题。", "left");
    ws.getRow(2).height = 20;
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, findings.length + 1), column: REVIEW_COLUMNS.length } };
}
