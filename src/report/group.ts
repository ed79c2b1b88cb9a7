// Shared helpers of the formatters: severity words, the cell a finding is about, findings grouped by project.
import { isEmptyRow, projectRef } from "../domain/project.js";
import type { Indicator, JixiaoDocument, Project } from "../domain/schema.js";
import type { Finding, Report } from "../rules/types.js";

export { SEVERITY_LABEL } from "../domain/vocabulary.js";

/** `N 个错误，N 个警告，N 个提示` */
export function summaryLine(summary: Report["summary"]): string {
  return `${summary.error} 个错误，${summary.warning} 个警告，${summary.info} 个提示`;
}

export function countSummary(findings: readonly Finding[]): Report["summary"] {
  const summary = { error: 0, warning: 0, info: 0 };
  addToSummary(summary, findings);
  return summary;
}

/** `findings` counted into `summary` by severity: plain counters, not a keyed store per finding (a million pass here). */
export function addToSummary(summary: Report["summary"], findings: readonly Finding[]): void {
  let error = 0;
  let warning = 0;
  for (let i = 0; i < findings.length; i++) {
    const severity = findings[i].severity;
    if (severity === "error") error++;
    else if (severity === "warning") warning++;
  }
  summary.error += error;
  summary.warning += warning;
  summary.info += findings.length - error - warning;
}

const ROW_FIELDS = new Set(["level1", "level2", "name", "description", "value", "basis", "unit", "operator", "direction"]);

export interface ProjectGroup {
  /** null for the document-level group. */
  project: Project | null;
  /** 编码 + 名称 (or 文档 for document-level findings). */
  title: string;
  /** Findings not tied to a row. */
  general: Finding[];
  /** Row findings in row order. */
  rows: Finding[];
}

/** Findings grouped in document order: document-level first, then each project that has findings. */
export function groupFindings(document: JixiaoDocument, findings: readonly Finding[]): ProjectGroup[] {
  const byRef = new Map<string, ProjectGroup>();
  const docGroup: ProjectGroup = { project: null, title: "文档", general: [], rows: [] };
  const groups: ProjectGroup[] = [];
  for (const project of document.projects) {
    const ref = projectRef(project);
    if (byRef.has(ref)) continue;
    const group: ProjectGroup = { project, title: projectTitle(project), general: [], rows: [] };
    byRef.set(ref, group);
    groups.push(group);
  }
  for (const f of findings) {
    const group = f.project === null ? docGroup : byRef.get(f.project);
    if (!group) {
      docGroup.general.push(f);
      continue;
    }
    if (f.indicator === null) group.general.push(f);
    else group.rows.push(f);
  }
  return [docGroup, ...groups].filter((g) => g.general.length + g.rows.length > 0);
}

export function projectTitle(project: Project): string {
  return [project.code || `第${project.seq}个项目`, project.name || "（未命名项目）"].join(" ");
}

export function rowOf(document: JixiaoDocument, finding: Finding): Indicator | undefined {
  if (finding.indicator === null || finding.project === null) return undefined;
  const project = document.projects.find((p) => projectRef(p) === finding.project);
  return project?.indicators[finding.indicator];
}

/** The text the finding objects to: the row's cell for a row field, else null. */
export function offendingCell(document: JixiaoDocument, finding: Finding): string | null {
  const row = rowOf(document, finding);
  if (!row) return null;
  const field = finding.field && ROW_FIELDS.has(finding.field) ? finding.field : "value";
  if (finding.rule === "empty-row" && isEmptyRow(row)) return row.value || row.name;
  const cell = (row as Record<string, unknown>)[field];
  return cell === undefined || cell === null ? null : String(cell);
}

/** 第N行 (1-based, as a reviewer counts rows of the table). */
export function rowLabel(finding: Finding): string {
  return finding.indicator === null ? "" : `第${finding.indicator + 1}行`;
}

/** Import warnings of the document and its projects, each as one line of text. */
export function importWarningLines(document: JixiaoDocument): string[] {
  const lines: string[] = [];
  const at = (line: number | null) => (line === null ? "" : `（原文第${line}行）`);
  for (const w of document.importWarnings ?? []) lines.push(`${w.message}${at(w.line)}`);
  for (const p of document.projects) {
    for (const w of p.importWarnings ?? []) lines.push(`${projectTitle(p)}：${w.message}${at(w.line)}`);
  }
  return lines;
}

export function totalRows(document: JixiaoDocument): number {
  return document.projects.reduce((n, p) => n + p.indicators.length, 0);
}
