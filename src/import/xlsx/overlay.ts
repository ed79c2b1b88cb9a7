// Our own export read back: what a person sees wins. The hidden `_jixiao` copy holds what the sheets cannot
// (explanations, 目录, Part 1, ids, structured fields); every field the sheets show — on a project sheet or in
// 指标明细 — is taken from the sheets when it differs from the copy, and the import says what changed. An edit
// in either sheet is kept; when both sheets were edited differently, the project sheet wins and a warning says so.
import type { ImportWarning, Indicator, JixiaoDocument, Project } from "../../domain/schema.js";

const squash = (s: unknown) => (typeof s === "string" ? s.replace(/\s+/g, "") : JSON.stringify(s ?? null));
const TEXT_FIELDS = ["level1", "level2", "name", "description", "value", "basis"] as const;

export interface VisibleProject {
  project: Project;
  sheet: string;
}

/** A project's shown fields, for comparison (whitespace-insensitive, amounts as numbers). */
function headOf(p: Project): Record<string, string> {
  return {
    项目编码: squash(p.code),
    项目名称: squash(p.name),
    预算数: squash(p.budget.total),
    财政资金: squash(p.budget.fiscal),
    其他资金: squash(p.budget.other),
    资金用途: squash(p.purpose),
    绩效目标: squash(p.goals.join("")),
  };
}

function rowsOf(p: Project): string[] {
  return p.indicators.map((i) => TEXT_FIELDS.map((f) => squash(i[f])).join("|"));
}

function matches(a: Project, b: Project): boolean {
  return (a.code !== "" && a.code === b.code) || (a.code === "" && b.code === "" && squash(a.name) === squash(b.name));
}

/** The sheets' version of one hidden project: which of them differ from it, and how. */
function edited(hidden: Project, candidate: VisibleProject | undefined): string[] {
  if (!candidate) return [];
  const changes: string[] = [];
  const a = headOf(hidden);
  const b = headOf(candidate.project);
  // A field the sheet leaves empty is one it does not show (指标明细 has no 财政资金 column), not an edit.
  for (const key of Object.keys(a)) if (a[key] !== b[key] && b[key] !== "" && b[key] !== "null") changes.push(key);
  const ra = rowsOf(hidden);
  const rb = rowsOf(candidate.project);
  if (ra.length !== rb.length) changes.push(`指标行数（${ra.length} → ${rb.length}）`);
  else ra.forEach((r, i) => r !== rb[i] && changes.push(`第 ${i + 1} 行指标`));
  return changes;
}

function apply(hidden: Project, from: Project): Project {
  const out: Project = {
    ...hidden,
    code: from.code || hidden.code,
    name: from.name || hidden.name,
    budget: {
      total: from.budget.total ?? hidden.budget.total,
      fiscal: from.budget.fiscal ?? hidden.budget.fiscal,
      other: from.budget.other ?? hidden.budget.other,
    },
  };
  if (from.purpose) out.purpose = from.purpose;
  if (from.goals.length > 0) out.goals = from.goals;
  if (Object.values(from.spendingPlan).some((v) => v !== null)) out.spendingPlan = from.spendingPlan;
  if (from.indicators.length !== hidden.indicators.length) out.indicators = from.indicators;
  else {
    out.indicators = hidden.indicators.map((h, i): Indicator => {
      const v = from.indicators[i];
      if (TEXT_FIELDS.every((f) => squash(h[f]) === squash(v[f]))) return h;
      // The row was edited: its text as the sheet says it; structured fields only where the sheet has them.
      return { ...(h.id ? { id: h.id } : {}), ...v };
    });
  }
  return out;
}

/**
 * Overlay the sheets on the hidden copy. `forms` are the project sheets, `flat` the projects of 指标明细;
 * both in the order read.
 */
export function overlaySheets(hidden: JixiaoDocument, forms: VisibleProject[], flat: VisibleProject[], warnings: ImportWarning[]): JixiaoDocument {
  const projects = hidden.projects.map((h, k) => {
    const form = forms.find((f) => matches(f.project, h)) ?? forms[k];
    const row = flat.find((f) => matches(f.project, h)) ?? flat[k];
    const formChanges = edited(h, form);
    const flatChanges = edited(h, row);
    if (formChanges.length === 0 && flatChanges.length === 0) return h;
    const label = h.name || h.code || `第 ${k + 1} 个项目`;
    if (formChanges.length > 0 && flatChanges.length > 0 && edited(form!.project, row).length > 0) {
      warnings.push({
        line: null,
        message: `导出后表格内容被修改：项目“${label}”在工作表“${form!.sheet}”和“${row!.sheet}”中改得不一样，已按工作表“${form!.sheet}”导入`,
      });
    }
    const source = formChanges.length > 0 ? form! : row!;
    const changes = formChanges.length > 0 ? formChanges : flatChanges;
    warnings.push({
      line: null,
      message: `导出后表格内容被修改：项目“${label}”的${changes.slice(0, 5).join("、")}${changes.length > 5 ? " 等" : ""}与导出时不同，已按工作表“${source.sheet}”的内容导入`,
    });
    return apply(h, source.project);
  });
  const doc: JixiaoDocument = { ...hidden, projects };
  if (warnings.length > 0) doc.importWarnings = [...(hidden.importWarnings ?? []), ...warnings];
  return doc;
}
