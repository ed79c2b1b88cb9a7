// Certain fixes applied: a finding's `fix` is the replacement of one field (`90%` → `≥90%` under 指标值),
// which the rule is sure of. Applying them is pure — a new Document (or Project), and the list of changes
// made, each with the text before and after, for a dry run, a history entry or a message.
import { projectRef } from "../domain/project.js";
import type { Indicator, JixiaoDocument, Project } from "../domain/schema.js";
import type { Finding } from "./types.js";

/** Indicator fields a fix may replace (text cells of a row). */
const INDICATOR_FIELDS = new Set(["level1", "level2", "name", "description", "value", "basis", "unit"]);
/** Project fields a fix may replace (single text fields of the header). */
const PROJECT_FIELDS = new Set(["code", "name", "purpose", "summary", "funding", "evaluationBasis"]);

export interface AppliedFix {
  rule: string;
  /** 项目编码 or `#<seq>`. */
  project: string;
  /** 0-based indicator row, or null for a project field. */
  indicator: number | null;
  /** The indicator's 三级指标 name, to say which row it was. */
  indicatorName: string;
  field: string;
  before: string;
  after: string;
}

/** The findings that carry a certain fix of a field this module knows how to write. */
export function fixableFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter(
    (f) =>
      f.fix !== undefined &&
      f.project !== null &&
      f.field !== null &&
      (f.indicator !== null ? INDICATOR_FIELDS.has(f.field) : PROJECT_FIELDS.has(f.field)),
  );
}

/**
 * A project with the certain fixes of its findings applied. Two fixes of one cell that disagree are both left
 * out (neither is certain then); a fix equal to the current text changes nothing and is not listed.
 */
export function applyProjectFixes(project: Project, findings: readonly Finding[]): { project: Project; applied: AppliedFix[] } {
  const ref = projectRef(project);
  const wanted = new Map<string, { finding: Finding; fix: string } | null>();
  for (const f of fixableFindings(findings)) {
    if (f.project !== ref) continue;
    const key = `${f.indicator ?? "p"}:${f.field}`;
    const seen = wanted.get(key);
    if (seen === undefined) wanted.set(key, { finding: f, fix: f.fix! });
    else if (seen !== null && seen.fix !== f.fix) wanted.set(key, null);
  }
  const next = structuredClone(project);
  const applied: AppliedFix[] = [];
  for (const entry of wanted.values()) {
    if (!entry) continue;
    const { finding, fix } = entry;
    const field = finding.field!;
    const row = finding.indicator !== null ? next.indicators[finding.indicator] : undefined;
    if (finding.indicator !== null && !row) continue;
    const target = (row ?? next) as unknown as Record<string, unknown>;
    const before = typeof target[field] === "string" ? (target[field] as string) : "";
    if (before === fix) continue;
    target[field] = fix;
    // A rewritten 指标值 is the whole value: structured columns derived from the old text would contradict it.
    if (row && field === "value") clearDerivedValueFields(row);
    applied.push({
      rule: finding.rule,
      project: ref,
      indicator: finding.indicator,
      indicatorName: row?.name ?? "",
      field,
      before,
      after: fix,
    });
  }
  applied.sort((a, b) => (a.indicator ?? -1) - (b.indicator ?? -1));
  return { project: next, applied };
}

/** A Document with every project's certain fixes applied. */
export function applyDocumentFixes(doc: JixiaoDocument, findings: readonly Finding[]): { document: JixiaoDocument; applied: AppliedFix[] } {
  const applied: AppliedFix[] = [];
  const projects = doc.projects.map((p) => {
    const r = applyProjectFixes(p, findings);
    applied.push(...r.applied);
    return r.project;
  });
  return { document: { ...doc, projects }, applied };
}

function clearDerivedValueFields(row: Indicator): void {
  // The unit column stays: a fix never moves the unit out of a separate 计量单位 column (value-unit's fix is
  // only offered when the text holds the whole value).
  delete row.operator;
  delete row.target;
}

const FIELD_LABEL: Record<string, string> = {
  level1: "一级指标", level2: "二级指标", name: "三级指标", description: "绩效指标描述", value: "指标值",
  basis: "指标值确定依据", unit: "计量单位", code: "项目编码", purpose: "资金用途", summary: "项目概况",
  funding: "资金安排情况", evaluationBasis: "评价标准",
};

/** One line per change: `13081123P… 第2行（培训次数）指标值：“90%” → “≥90%”（value-unit）`. */
export function describeFix(fix: AppliedFix): string {
  const where = fix.indicator !== null ? ` 第${fix.indicator + 1}行${fix.indicatorName ? `（${fix.indicatorName}）` : ""}` : "";
  return `${fix.project}${where} ${FIELD_LABEL[fix.field] ?? fix.field}：“${fix.before}” → “${fix.after}”（${fix.rule}）`;
}
