// How stored rows are shown: list items, findings with indicator ids, counts by severity, and the refusal
// of a write that named a stale revision.
import type { Project } from "../domain/schema.js";
import { SEVERITIES } from "../domain/vocabulary.js";
import type { Finding } from "../rules/types.js";
import type { StoredProject } from "../store/types.js";
import type { FindingSummary, ProjectListItem, WorkspaceFinding } from "./contracts.js";
import { TEXT_LIMITS } from "./limits.js";

export function conflictMessage(row: StoredProject, given: number, latest: number): string {
  return (
    `项目“${row.project.name}”（${row.id}）已被修改：当前版本为 ${latest}，你提交的版本是 ${given}。` +
    `为避免覆盖他人的修改，本次操作未执行。请先用 get_project 重新读取，再基于最新内容修改（revision: ${latest}）`
  );
}

export function withIndicatorIds(findings: Finding[], project: Project): WorkspaceFinding[] {
  return findings.map((f) => {
    const id = f.indicator !== null ? project.indicators[f.indicator]?.id : undefined;
    return id ? { ...f, indicatorId: id } : f;
  });
}

export function summarize(findings: Finding[]): FindingSummary {
  const s = Object.fromEntries(SEVERITIES.map((k) => [k, 0])) as FindingSummary;
  for (const f of findings) s[f.severity]++;
  return s;
}

export function groupByProject(findings: Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.project === null) continue;
    map.set(f.project, [...(map.get(f.project) ?? []), f]);
  }
  return map;
}

export function listItem(row: StoredProject): ProjectListItem {
  return {
    id: row.id,
    // A name stored before the length limits existed must not make every list unreadable (10 MB names did).
    name: row.project.name.length > TEXT_LIMITS.label ? `${row.project.name.slice(0, TEXT_LIMITS.label)}…（共 ${row.project.name.length} 字符）` : row.project.name,
    code: row.project.code.slice(0, TEXT_LIMITS.label),
    revision: row.revision,
    indicatorCount: row.project.indicators.length,
    budgetTotal: row.project.budget.total,
    documentId: row.documentId,
    department: row.department,
    updatedAt: row.updatedAt,
  };
}
