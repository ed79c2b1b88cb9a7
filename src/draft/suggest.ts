// suggest_indicators: library rows for a project, ranked with the same kind choice draft_project uses.
import { InputError } from "../domain/errors.js";
import type { ProfileId } from "../domain/schema.js";
import { KINDS, kindById, labelsFor, rankTemplates, roleOf } from "./library/index.js";
import type { Suggestion } from "./types.js";

/** Library indicators that suit a summary (and optionally a kind and a 二级), best first. */
export function suggestIndicators(query: { summary: string; name?: string; kind?: string; level2?: string; profile?: ProfileId; limit?: number }): Suggestion[] {
  const profile = query.profile ?? "legacy";
  const limit = query.limit ?? 20;
  if (query.kind && !kindById(query.kind)) {
    throw new InputError(`未知的项目类型“${query.kind}”，可选：${KINDS.map((k) => k.label).join("、")}`);
  }
  if (query.level2 && !roleOf(query.level2)) {
    throw new InputError(`未知的二级指标“${query.level2}”，如 数量指标、质量指标、时效指标、成本指标、社会效益指标、服务对象满意度指标`);
  }
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  for (const { kind, template } of rankTemplates({ ...query, profile })) {
    if (seen.has(template.name)) continue;
    seen.add(template.name);
    const value = template.value
      .replace("{n}", template.slot ? `${template.slot.default}${template.slot.defaultUnit}` : "")
      .replace("{budget}", "预算数（万元）")
      .replace("{perUnit}", "按文件标准（元/人）")
      .replace("{rate}", "补助标准（元/人）")
      .replace("{deadline}", "预算年度12月底前");
    out.push({ kind: kind.label, ...labelsFor(template.role, profile), name: template.name, value, description: template.description, basis: template.basis });
    if (out.length >= limit) break;
  }
  return out;
}
