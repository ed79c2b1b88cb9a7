// The LLM prompts: Handlebars files in prompts/ (next to package.json, shipped with the package), filled with
// the profile, the rule catalog and the library's suggestions. Plain text prompts: no HTML escaping.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packagePath } from "../paths.js";
import Handlebars from "handlebars";
import type { ProfileId } from "../domain/schema.js";
import { PROFILES } from "../domain/taxonomy.js";
import { RULES } from "../rules/registry.js";
import type { Finding } from "../rules/types.js";
import type { Suggestion } from "./types.js";

const PROMPTS_DIR = packagePath("prompts");

const hb = Handlebars.create();
hb.registerHelper("isNumber", (v: unknown) => typeof v === "number");
hb.registerHelper("inc", (v: unknown) => (typeof v === "number" ? v + 1 : v));

const cache = new Map<string, Handlebars.TemplateDelegate>();

function prompt(name: "draft-system" | "draft-user" | "draft-repair"): Handlebars.TemplateDelegate {
  let t = cache.get(name);
  if (!t) {
    t = hb.compile(readFileSync(join(PROMPTS_DIR, `${name}.hbs`), "utf8"), { noEscape: true, strict: false });
    cache.set(name, t);
  }
  return t;
}

export function systemPrompt(profileId: ProfileId, year: number): string {
  const p = PROFILES[profileId];
  return prompt("draft-system")({
    year,
    profile: {
      title: p.title,
      levels: p.level1.map((level1) => ({ level1, level2: p.level2[level1] })),
      required: p.requiredLevel2,
    },
    rules: RULES.map((r) => ({ id: r.id, severity: r.severity, description: r.description })),
  });
}

export interface UserPromptInput {
  input: { name: string; summary: string; budget?: number; spendingMonths?: number[] };
  kind: string;
  suggestions: Suggestion[];
  /** The budget year the draft's dates use, and whether it was guessed from the clock. */
  year: number;
  yearGuessed: boolean;
  /** Facts the description states: each must appear in an indicator value. */
  facts: { text: string; kind: string; level2: string }[];
}

export function userPrompt(ctx: UserPromptInput): string {
  const budgetText = ctx.input.budget !== undefined ? `${ctx.input.budget}万元` : "";
  return prompt("draft-user")({ ...ctx, budgetText });
}

export function repairPrompt(
  ctx: UserPromptInput & { previous: string; findings: Finding[]; parseError?: string; missingFacts?: string[]; vagueRows?: string[] },
): string {
  return `${userPrompt(ctx)}\n\n${prompt("draft-repair")(ctx)}`;
}
