// Drafting with a model (OpenAI-compatible endpoint or MCP sampling): prompt → JSON → zod → validate →
// findings sent back verbatim → retry, at most MAX_ROUNDS rounds; the best draft wins.
import { z } from "zod";
import type { Indicator, ProfileId, Project, SpendingPlan } from "../domain/schema.js";
import { validateProject } from "../rules/engine.js";
import type { Finding } from "../rules/types.js";
import { draftOffline } from "./offline.js";
import { repairPrompt, systemPrompt, userPrompt, type UserPromptInput } from "./prompts.js";
import type { DraftInput, DraftResult, Suggestion, TextGenerator } from "./types.js";
import { detectKind } from "./library/index.js";

export const MAX_ROUNDS = 3;

const ModelIndicatorSchema = z.object({
  level1: z.string(),
  level2: z.string(),
  name: z.string().min(1),
  description: z.string().default(""),
  value: z.string(),
  basis: z.string().default(""),
  needsConfirmation: z.string().nullable().optional(),
});

const ModelDraftSchema = z.object({
  goals: z.array(z.string()).min(1),
  indicators: z.array(ModelIndicatorSchema).min(1),
  spendingPlan: z
    .object({ mar: z.number().nullable(), jun: z.number().nullable(), oct: z.number().nullable(), dec: z.number().nullable() })
    .partial()
    .optional(),
});
export type ModelDraft = z.infer<typeof ModelDraftSchema>;

/** The JSON schema sent as response_format (strict: every property required, nulls where optional). */
export const DRAFT_JSON_SCHEMA: Record<string, unknown> = {
  type: "object",
  additionalProperties: false,
  required: ["goals", "indicators", "spendingPlan"],
  properties: {
    goals: { type: "array", items: { type: "string" } },
    indicators: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["level1", "level2", "name", "description", "value", "basis", "needsConfirmation"],
        properties: {
          level1: { type: "string" },
          level2: { type: "string" },
          name: { type: "string" },
          description: { type: "string" },
          value: { type: "string" },
          basis: { type: "string" },
          needsConfirmation: { type: ["string", "null"] },
        },
      },
    },
    spendingPlan: {
      type: "object",
      additionalProperties: false,
      required: ["mar", "jun", "oct", "dec"],
      properties: { mar: { type: ["number", "null"] }, jun: { type: ["number", "null"] }, oct: { type: ["number", "null"] }, dec: { type: ["number", "null"] } },
    },
  },
};

export type ValidateFn = (project: Project, profile: ProfileId) => Finding[];

const defaultValidate: ValidateFn = (project, profile) => validateProject(project, { profile }).findings;

/** Parse a model answer: the JSON object, tolerating a ```json fence or text around it. */
export function parseModelDraft(text: string): { ok: true; draft: ModelDraft } | { ok: false; error: string } {
  const start = text.indexOf("{");
  const end = text.lastIndexOf("}");
  if (start < 0) return { ok: false, error: "输出中没有 JSON 对象" };
  let data: unknown;
  try {
    // A cut-off answer has no closing brace: parse it whole so the error says where it broke.
    data = JSON.parse(end > start ? text.slice(start, end + 1) : text.slice(start));
  } catch (e) {
    return { ok: false, error: `JSON 语法错误（${e instanceof Error ? e.message : String(e)}）` };
  }
  const parsed = ModelDraftSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `JSON 结构不符合要求：${issue.path.join(".") || "根对象"} ${issue.message}` };
  }
  return { ok: true, draft: parsed.data };
}

/** The model's draft as a Project: name, code, summary and budget always come from the input, not the model. */
export function toProject(input: DraftInput, draft: ModelDraft, profile: ProfileId): Project {
  const indicators: Indicator[] = draft.indicators.map((i) => {
    const ind: Indicator = {
      level1: i.level1.trim(),
      level2: i.level2.trim(),
      name: i.name.trim(),
      description: i.description.trim(),
      value: i.value.trim(),
      basis: i.basis.trim(),
    };
    if (i.needsConfirmation && i.needsConfirmation.trim()) ind.needsConfirmation = i.needsConfirmation.trim();
    return ind;
  });
  const plan: SpendingPlan = { mar: null, jun: null, oct: null, dec: null, ...(draft.spendingPlan ?? {}) };
  return {
    seq: 1,
    code: input.code ?? "",
    name: input.name.trim(),
    summary: input.summary.trim(),
    funding: input.budget !== undefined ? `该项目安排预算资金共计${input.budget}万元。` : "",
    narrativeGoals: [],
    narrativeIndicators: "",
    evaluationBasis: "",
    budget: { total: input.budget ?? null, fiscal: null, other: null },
    purpose: "",
    spendingPlan: plan,
    goals: draft.goals.map((g) => g.trim()).filter(Boolean),
    indicators,
    profile,
  };
}

function count(findings: Finding[], severity: Finding["severity"]): number {
  return findings.filter((f) => f.severity === severity).length;
}

function better(a: Finding[], b: Finding[]): boolean {
  return count(a, "error") < count(b, "error") || (count(a, "error") === count(b, "error") && count(a, "warning") < count(b, "warning"));
}

export function confirmations(project: Project): DraftResult["needsConfirmation"] {
  return project.indicators.flatMap((ind, indicator) =>
    ind.needsConfirmation ? [{ indicator, name: ind.name, value: ind.value, question: ind.needsConfirmation }] : [],
  );
}

export function librarySuggestions(input: DraftInput, profile: ProfileId): { kind: string; suggestions: Suggestion[] } {
  // The offline draft is the library applied to this input: the best context a model can get.
  const offline = draftOffline({ ...input, profile });
  return {
    kind: offline.kind.label,
    suggestions: offline.project.indicators.map((i) => ({
      kind: offline.kind.label,
      level1: i.level1,
      level2: i.level2,
      name: i.name,
      value: i.value,
      basis: i.basis,
    })),
  };
}

/** Draft with a model: up to MAX_ROUNDS rounds of validate-and-repair; falls back to offline if nothing parses. */
export async function draftWithModel(
  input: DraftInput,
  generator: TextGenerator,
  opts: { validate?: ValidateFn; maxRounds?: number } = {},
): Promise<DraftResult> {
  const profile: ProfileId = input.profile ?? "legacy";
  const check = opts.validate ?? defaultValidate;
  const maxRounds = opts.maxRounds ?? MAX_ROUNDS;
  const { kind, suggestions } = librarySuggestions(input, profile);
  const ctx: UserPromptInput = { input, kind, suggestions };
  const system = systemPrompt(profile);

  let best: { project: Project; findings: Finding[] } | null = null;
  let previous = "";
  let feedback: { findings: Finding[]; parseError?: string } | null = null;
  let rounds = 0;
  while (rounds < maxRounds) {
    rounds++;
    const user = feedback ? repairPrompt({ ...ctx, previous, ...feedback }) : userPrompt(ctx);
    const answer = await generator.generate({ system, user, jsonSchema: DRAFT_JSON_SCHEMA });
    previous = answer.length > 20000 ? `${answer.slice(0, 20000)}…` : answer;
    const parsed = parseModelDraft(answer);
    if (!parsed.ok) {
      feedback = { findings: [], parseError: parsed.error };
      continue;
    }
    const project = toProject(input, parsed.draft, profile);
    const findings = check(project, profile);
    if (!best || better(findings, best.findings)) best = { project, findings };
    if (count(findings, "error") === 0) break;
    feedback = { findings };
  }

  if (!best) {
    const offline = draftOffline({ ...input, profile });
    return {
      project: offline.project,
      findings: check(offline.project, profile),
      rounds,
      drafter: "offline",
      drafterLabel: `离线起草（${generator.label} 在 ${rounds} 轮内未返回可解析的 JSON）`,
      needsConfirmation: confirmations(offline.project),
    };
  }
  return {
    project: best.project,
    findings: best.findings,
    rounds,
    drafter: generator.kind,
    drafterLabel: generator.label,
    needsConfirmation: confirmations(best.project),
  };
}
