// Eval cases: every project of the seed (its 项目概况 + 资金安排 as the summary, its budget) and the
// hand-written cases in evals/cases/*.json across the project kinds.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DraftInput } from "../src/draft/index.js";

export interface EvalCase {
  id: string;
  source: "seed" | "written";
  input: DraftInput;
  expect?: { kind?: string; values?: string[] };
}

const here = dirname(fileURLToPath(import.meta.url));
const GOLD = join(here, "..", "examples", "chengde-gxq-2023.gold.json");

interface GoldProject {
  code: string;
  name: string;
  summary: string;
  funding: string;
  budget: { total: number | null };
}

export function seedCases(): EvalCase[] {
  const gold = JSON.parse(readFileSync(GOLD, "utf8")) as { projects: GoldProject[] };
  return gold.projects.map((p, i) => ({
    id: `seed-${String(i + 1).padStart(2, "0")}`,
    source: "seed" as const,
    input: {
      name: p.name,
      summary: [p.summary, p.funding].filter(Boolean).join("\n"),
      ...(p.budget.total !== null ? { budget: p.budget.total } : {}),
      code: p.code,
    },
  }));
}

export function writtenCases(): EvalCase[] {
  const dir = join(here, "cases");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const c = JSON.parse(readFileSync(join(dir, f), "utf8"));
      const input: DraftInput = { name: c.name, summary: c.summary };
      if (typeof c.budget === "number") input.budget = c.budget;
      if (c.profile) input.profile = c.profile;
      if (Array.isArray(c.spendingMonths)) input.spendingMonths = c.spendingMonths;
      return { id: c.id ?? f.replace(/\.json$/, ""), source: "written" as const, input, expect: c.expect };
    });
}

export function allCases(): EvalCase[] {
  return [...seedCases(), ...writtenCases()];
}
