// Drafting with a model (OpenAI-compatible endpoint or MCP sampling): prompt → JSON → zod → validate →
// findings sent back verbatim → retry, at most MAX_ROUNDS rounds; the best draft wins.
import { z } from "zod";
import type { Indicator, ProfileId, Project, SpendingPlan } from "../domain/schema.js";
import { validateProject } from "../rules/engine.js";
import type { Finding } from "../rules/types.js";
import { draftOffline, draftReport } from "./offline.js";
import { repairPrompt, systemPrompt, userPrompt, type UserPromptInput } from "./prompts.js";
import type { DraftInput, DraftResult, Suggestion, TextGenerator } from "./types.js";
import { chooseKind, labelsFor } from "./library/index.js";
import { roleOfFact } from "./placement.js";
import { factLabel, valueCarries, type StatedFact } from "./stated.js";
import { suggestIndicators } from "./suggest.js";

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

type Scored = { findings: Finding[]; gaps: { missing: unknown[]; vague: unknown[] } };

/** Fewer errors first, then fewer unplaced facts and vague 效益 rows, then fewer warnings. */
function better(a: Scored, b: Scored): boolean {
  const key = (x: Scored) => [count(x.findings, "error"), gapCount(x.gaps), count(x.findings, "warning")];
  const [ka, kb] = [key(a), key(b)];
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i];
  return false;
}

export function confirmations(project: Project): DraftResult["needsConfirmation"] {
  return project.indicators.flatMap((ind, indicator) =>
    ind.needsConfirmation ? [{ indicator, name: ind.name, value: ind.value, question: ind.needsConfirmation }] : [],
  );
}

/** Library rows as options: templates ranked for the project's name and summary, across kinds. */
export function librarySuggestions(input: DraftInput, profile: ProfileId): { kind: string; suggestions: Suggestion[] } {
  const choice = chooseKind(input.name, input.summary);
  const suggestions = suggestIndicators({ summary: input.summary, name: input.name, profile, limit: 24 });
  const kind = choice.runnerUp ? `${choice.kind.label}或${choice.runnerUp.label}` : choice.kind.label;
  return { kind, suggestions };
}

/** Stated facts no indicator value carries, and 效益 rows whose value is only a grade word. */
export function draftGaps(project: Project, facts: StatedFact[]): { missing: StatedFact[]; vague: Indicator[] } {
  const placeable = facts.filter((f) => f.type !== "budget");
  const missing = placeable.filter((f) => !project.indicators.some((i) => valueCarries(i.value, f)));
  const vague = project.indicators.filter((i) => i.level1.replace(/\s+/g, "") === "效益指标" && !/\d/.test(i.value));
  return { missing, vague };
}

function gapCount(g: { missing: unknown[]; vague: unknown[] }): number {
  return g.missing.length + g.vague.length;
}

/**
 * Draft with a model: the stated facts are required content, library rows are options. Rounds of validate-and-
 * repair go on (at most maxRounds) until there is no error, every fact is placed and no 效益 row is a bare
 * grade word; the best draft wins. Falls back to offline if nothing parses.
 */
export async function draftWithModel(
  input: DraftInput,
  generator: TextGenerator,
  opts: { validate?: ValidateFn; maxRounds?: number } = {},
): Promise<DraftResult> {
  const profile: ProfileId = input.profile ?? "legacy";
  const check = opts.validate ?? defaultValidate;
  const maxRounds = opts.maxRounds ?? MAX_ROUNDS;
  const offline = draftOffline({ ...input, profile });
  const report = draftReport(offline);
  const { kind, suggestions } = librarySuggestions(input, profile);
  const facts = offline.facts.filter((f) => f.type !== "budget");
  const ctx: UserPromptInput = {
    input,
    kind,
    suggestions,
    year: report.year.value,
    yearGuessed: report.year.source === "clock",
    facts: facts.map((f) => ({ text: factLabel(f), kind: FACT_KIND_TEXT[f.type], level2: labelsFor(roleOfFact(f), profile).level2 })),
  };
  const system = systemPrompt(profile, report.year.value);

  let best: { project: Project; findings: Finding[]; gaps: ReturnType<typeof draftGaps> } | null = null;
  let previous = "";
  let feedback: { findings: Finding[]; parseError?: string; missingFacts?: string[]; vagueRows?: string[] } | null = null;
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
    const gaps = draftGaps(project, facts);
    if (!best || better({ findings, gaps }, best)) best = { project, findings, gaps };
    if (count(findings, "error") === 0 && gapCount(gaps) === 0) break;
    feedback = {
      findings,
      missingFacts: gaps.missing.map((f) => `${factLabel(f)}（建议放在 ${labelsFor(roleOfFact(f), profile).level2}）`),
      vagueRows: gaps.vague.map((i) => `${i.level2} / ${i.name}：${i.value}`),
    };
  }

  if (!best) {
    return {
      project: offline.project,
      findings: check(offline.project, profile),
      rounds,
      drafter: "offline",
      drafterLabel: `离线起草（${generator.label} 在 ${rounds} 轮内未返回可解析的 JSON）`,
      needsConfirmation: confirmations(offline.project),
      ...report,
    };
  }
  return {
    project: best.project,
    findings: best.findings,
    rounds,
    drafter: generator.kind,
    drafterLabel: generator.label,
    needsConfirmation: confirmations(best.project),
    ...report,
    unusedFacts: best.gaps.missing.map((f) => ({ text: factLabel(f), reason: "模型草稿未写入任何指标" })),
  };
}

const FACT_KIND_TEXT: Record<StatedFact["type"], string> = {
  count: "数量", area: "面积", length: "长度", duration: "时长/期限", period: "实施期间", deadline: "完成时限",
  "unit-standard": "单位标准", "money-split": "分项资金", "completion-share": "比例", beneficiaries: "受益对象",
  jobs: "带动就业", income: "增收", "output-value": "产值/产量", budget: "预算",
};
