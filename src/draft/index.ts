// Drafting entry points: offline (default, no network), an OpenAI-compatible endpoint, or the MCP client's
// model (sampling). Every path goes through the same validate; model paths through the repair loop.
import type { ProfileId } from "../domain/schema.js";
import { validateProject } from "../rules/engine.js";
import { confirmations, draftWithModel, type ValidateFn } from "./model.js";
import { draftOffline, draftReport } from "./offline.js";
import type { DraftInput, DraftResult, TextGenerator } from "./types.js";

export type { DraftInput, DraftResult, Suggestion, TextGenerator } from "./types.js";
export { draftFromProse, draftFromProseWith } from "./prose.js";
export { createLlmGenerator, llmConfigFromEnv } from "./llm.js";
export { draftOffline } from "./offline.js";
export { MAX_ROUNDS } from "./model.js";
export { suggestIndicators } from "./suggest.js";

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
  const offline = draftOffline({ ...input, profile });
  const project = offline.project;
  const findings = opts.validate ? opts.validate(project, profile) : validateProject(project, { profile }).findings;
  return {
    project, findings, rounds: 1, drafter: "offline", drafterLabel: "离线起草（指标库）", needsConfirmation: confirmations(project), ...draftReport(offline),
  };
}

