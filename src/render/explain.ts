// The 关于…绩效目标指标的说明 block, generated from the data. Its 绩效指标 paragraph is written from the
// indicator rows themselves (无 rows not counted), so the counts and the named indicators always agree
// with the table.
import { isEmptyRow } from "../domain/project.js";
import type { Project, ProfileId } from "../domain/schema.js";
import { canonicalLabel, detectProjectProfile, PROFILES } from "../domain/taxonomy.js";
import { formatAmount, trimNumber } from "./format.js";

export interface Explanation {
  title: string;
  /** （一）项目概况 */
  overview: string;
  /** （二）资金安排情况 */
  funding: string;
  /** （一）绩效目标, one paragraph per goal */
  goals: string[];
  /** （二）绩效指标 */
  indicators: string;
  /** （三）评价标准 */
  evaluation: string;
  /** True when a part was generated rather than taken from the project. */
  generated: boolean;
}

export const DEFAULT_EVALUATION = "上述工作活动的绩效目标、指标和评价标准具体设置情况详见列表。";

/**
 * `此项工作活动共设置N项绩效指标。其中：产出指标N项，分别为…；效益指标N项，分别为…；满意度指标N项，分别为…。`
 * Groups follow the profile's 一级 order; a 一级 with no real row is left out; unknown 一级 labels come last
 * under their own spelling.
 */
export function explainIndicators(project: Pick<Project, "indicators">, profile?: ProfileId): string {
  const profileId = profile ?? detectProjectProfile(project as Project);
  const order: string[] = [...PROFILES[profileId].level1];
  const groups = new Map<string, string[]>();
  let total = 0;
  for (const ind of project.indicators) {
    if (isEmptyRow(ind)) continue;
    const label = canonicalLabel(ind.level1) ?? (ind.level1.trim() || "其他指标");
    if (!order.includes(label)) order.push(label);
    const names = groups.get(label) ?? [];
    names.push(ind.name.trim() || ind.description.trim() || "（未命名）");
    groups.set(label, names);
    total++;
  }
  if (total === 0) return "此项工作活动尚未设置绩效指标。";
  const parts = order
    .filter((label) => groups.has(label))
    .map((label) => {
      const names = groups.get(label)!;
      return `${label}${names.length}项，${names.length > 1 ? "分别为" : "为"}${names.join("、")}`;
    });
  return `此项工作活动共设置${total}项绩效指标。其中：${parts.join("；")}。`;
}

function generatedFunding(project: Project, year?: number | null): string {
  const { total, fiscal, other } = project.budget;
  if (total === null && fiscal === null && other === null) return "资金安排情况未填写。";
  const yearText = year ? `${year}年` : "";
  const amount = total ?? (fiscal ?? 0) + (other ?? 0);
  const split: string[] = [];
  if (fiscal !== null) split.push(`财政资金${trimNumber(fiscal)}万元`);
  if (other !== null && other !== 0) split.push(`其他资金${trimNumber(other)}万元`);
  const splitText = split.length ? `，其中${split.join("、")}` : "";
  const purpose = project.purpose.trim() ? `，主要用于${project.purpose.trim().replace(/[。；;，,]+$/, "")}` : "";
  return `${yearText}该项目安排预算资金共计${formatAmount(amount).replace(/\.?0+$/, "") || "0"}万元${splitText}${purpose}。`;
}

function explanationTitle(project: Project): string {
  return `关于${project.name || "本项目"}绩效目标指标的说明`;
}

/**
 * The explanation of a project: its own text where it has one, generated from the data where a part is
 * missing, or wholly generated with `regenerate`.
 */
export function explainProject(
  project: Project,
  opts: { profile?: ProfileId; year?: number | null; regenerate?: boolean } = {},
): Explanation {
  const regenerate = opts.regenerate ?? false;
  const own = (text: string) => (!regenerate && text.trim() ? text : null);
  const ownGoals = !regenerate && project.narrativeGoals.some((g) => g.trim()) ? project.narrativeGoals : null;
  const goalsFromTable = project.goals.filter((g) => g.trim());
  const parts = {
    title: (!regenerate && project.explanationTitle) || explanationTitle(project),
    overview: own(project.summary) ?? (project.purpose.trim() || "项目概况未填写。"),
    funding: own(project.funding) ?? generatedFunding(project, opts.year),
    goals: ownGoals ?? (goalsFromTable.length ? goalsFromTable : ["绩效目标未填写。"]),
    indicators: own(project.narrativeIndicators) ?? explainIndicators(project, opts.profile),
    evaluation: own(project.evaluationBasis) ?? DEFAULT_EVALUATION,
  };
  const generated =
    regenerate || !project.summary.trim() || !project.funding.trim() || !ownGoals || !project.narrativeIndicators.trim();
  return { ...parts, generated };
}
