// The whole 部门预算绩效文本 as one view: cover, 目录 (every entry an in-page link), Part 1, and each
// project's explanation and table. With findings (a review copy), a 目录 entry without a table is flagged and
// gets a placeholder section; a clean copy lists the entry as the department wrote it, and nothing more.
import { projectRef } from "../domain/project.js";
import type { JixiaoDocument, Project, ProfileId } from "../domain/schema.js";
import { detectProfile } from "../domain/taxonomy.js";
import type { Finding } from "../rules/types.js";
import { explainProject, type Explanation } from "./explain.js";
import { SEVERITY_LABEL, tableTitleOf } from "./format.js";
import { buildProjectView, type NoteView, type ProjectView } from "./view.js";

export interface TocView {
  no: number;
  title: string;
  /** The section's anchor; "" when the entry has no section (a clean copy of an entry without a table). */
  target: string;
  /** The text has no table for this entry. */
  missing: boolean;
  /** Show the missing table as a review mark (only with findings). */
  flagged: boolean;
}

export type SectionView =
  | { project: Project; view: ProjectView & { departmentLine: string }; explanation: Explanation }
  | { project: null; anchor: string; title: string };

export interface DocumentView {
  title: string;
  departmentName: string;
  year: number | null;
  preparedBy: string;
  reviewedBy: string;
  overall: JixiaoDocument["overall"];
  toc: TocView[];
  sections: SectionView[];
  documentNotes: Omit<NoteView, "where">[];
  /** Findings were given: a review copy with marks and notes. */
  marked: boolean;
}

/** A 目录 title or project name reduced to what identifies it: no numbering, spaces or 绩效目标表 suffix. */
export function tocKey(title: string): string {
  return title
    .replace(/\s+/g, "")
    .replace(/^\d+[.．、]/, "")
    .replace(/绩效目标表$/, "");
}

export function departmentLine(doc: Pick<JixiaoDocument, "department">): string {
  return doc.department ? `${doc.department.code} ${doc.department.name}`.trim() : "";
}

export function buildDocumentView(
  doc: JixiaoDocument,
  opts: { findings?: Finding[]; profile?: ProfileId; regenerateExplanation?: boolean } = {},
): DocumentView {
  const findings = opts.findings ?? [];
  const marked = opts.findings !== undefined;
  const profile = opts.profile ?? doc.profile ?? detectProfile(doc);
  const deptLine = departmentLine(doc);
  const anchors = doc.projects.map((_, i) => `p-${i + 1}`);
  const byKey = new Map<string, number>();
  doc.projects.forEach((p, i) => {
    for (const key of [tocKey(p.name), p.tableTitle ? tocKey(p.tableTitle) : ""]) {
      if (key && !byKey.has(key)) byKey.set(key, i);
    }
  });

  const projectSection = (i: number): SectionView => {
    const project = doc.projects[i];
    const view = { ...buildProjectView(project, findings, anchors[i]), departmentLine: deptLine };
    const explanation = explainProject(project, { profile, year: doc.year, regenerate: opts.regenerateExplanation });
    return { project, view, explanation };
  };

  const toc: TocView[] = [];
  const sections: SectionView[] = [];
  const used = new Set<number>();
  for (const entry of doc.toc) {
    const i = byKey.get(tocKey(entry.title));
    if (i !== undefined && !used.has(i)) {
      used.add(i);
      toc.push({ no: entry.no, title: entry.title, target: anchors[i], missing: false, flagged: false });
      sections.push(projectSection(i));
    } else if (marked) {
      const anchor = `toc-missing-${entry.no}`;
      toc.push({ no: entry.no, title: entry.title, target: anchor, missing: true, flagged: true });
      sections.push({ project: null, anchor, title: `${entry.no}.${entry.title}` });
    } else {
      toc.push({ no: entry.no, title: entry.title, target: "", missing: true, flagged: false });
    }
  }
  // Projects the 目录 does not list still get an entry, numbered after it.
  let next = toc.reduce((max, t) => Math.max(max, t.no), 0);
  doc.projects.forEach((p, i) => {
    if (used.has(i)) return;
    next++;
    toc.push({ no: next, title: tableTitleOf({ ...p, seq: 0 }), target: anchors[i], missing: false, flagged: false });
    sections.push(projectSection(i));
  });

  // Document-level findings, and any finding naming a project the document lacks, go under the 目录.
  const refs = new Set(doc.projects.map((p) => projectRef(p)));
  const documentNotes = findings
    .filter((f) => f.project === null || !refs.has(f.project))
    .map((f, i) => ({
      num: i + 1,
      severity: f.severity,
      severityLabel: SEVERITY_LABEL[f.severity] ?? f.severity,
      rule: f.rule,
      message: f.project ? `${f.project}：${f.message}` : f.message,
      hint: f.hint,
      fix: f.fix ?? "",
    }));

  const departmentName = doc.department?.name ?? "";
  return {
    title: `${departmentName}${doc.year ? `${doc.year}年` : ""}部门预算绩效文本`,
    departmentName,
    year: doc.year ?? null,
    preparedBy: doc.preparedBy ?? "",
    reviewedBy: doc.reviewedBy ?? "",
    overall: doc.overall ?? { goal: "", subGoals: [], safeguards: [] },
    toc,
    sections,
    documentNotes,
    marked,
  };
}
