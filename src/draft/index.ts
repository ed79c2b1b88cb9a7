// Drafting entry points: offline (default, no network), an OpenAI-compatible endpoint, or the MCP client's
// model (sampling). Every path goes through the same validate; model paths through the repair loop.
import { InputError } from "../domain/errors.js";
import type { ProfileId } from "../domain/schema.js";
import { validateProject } from "../rules/engine.js";
import { KINDS, kindById, labelsFor, rankTemplates, roleOf } from "./library/index.js";
import { confirmations, draftWithModel, type ValidateFn } from "./model.js";
import { draftOffline } from "./offline.js";
import type { DraftInput, DraftResult, Suggestion, TextGenerator } from "./types.js";

export type { DraftInput, DraftResult, Suggestion, TextGenerator } from "./types.js";
export { draftFromProse, draftFromProseWith } from "./prose.js";
export { createLlmGenerator, llmConfigFromEnv } from "./llm.js";
export { draftOffline } from "./offline.js";
export { MAX_ROUNDS } from "./model.js";

/**
 * Draft a project. With a generator (LLM endpoint or MCP sampling) the model drafts and repairs its draft
 * against the rules; without one the offline drafter builds it from the indicator library.
 */
export async function draftProject(
  input: DraftInput,
  opts: { generator?: TextGenerator; validate?: ValidateFn; maxRounds?: number } = {},
): Promise<DraftResult> {
  const profile: ProfileId = input.profile ?? "legacy";
  if (opts.generator) {
    // Input problems (no name, bad budget) are reported before any model call.
    draftOffline({ ...input, profile });
    return draftWithModel({ ...input, profile }, opts.generator, opts);
  }
  const { project } = draftOffline({ ...input, profile });
  const findings = opts.validate ? opts.validate(project, profile) : validateProject(project, { profile }).findings;
  return { project, findings, rounds: 1, drafter: "offline", drafterLabel: "离线起草（指标库）", needsConfirmation: confirmations(project) };
}

/** Library indicators that suit a summary (and optionally a kind and a 二级), best first. */
export function suggestIndicators(query: { summary: string; kind?: string; level2?: string; profile?: ProfileId; limit?: number }): Suggestion[] {
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
      .replace("{perUnit}", "预算数÷人数（元/人）")
      .replace("{rate}", "补助标准（元/人）")
      .replace("{deadline}", "当年12月底前");
    out.push({ kind: kind.label, ...labelsFor(template.role, profile), name: template.name, value, description: template.description, basis: template.basis });
    if (out.length >= limit) break;
  }
  return out;
}
