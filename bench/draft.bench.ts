// Offline drafting speed (target: under 10 ms per draft) and the eval summary of the offline drafter.
import { draftProject } from "../src/draft/index.js";
import { allCases } from "../evals/cases.js";
import { runEval } from "../evals/run.js";

const ROUNDS = 20;

export async function run(): Promise<Record<string, number | object>> {
  const cases = allCases();
  // Warm-up: first calls compile regexes and load the rule registry.
  for (const c of cases) await draftProject(c.input);
  const started = performance.now();
  for (let i = 0; i < ROUNDS; i++) for (const c of cases) await draftProject(c.input);
  const ms = (performance.now() - started) / (ROUNDS * cases.length);
  const { summary } = await runEval();
  return { ms_per_draft: Math.round(ms * 1000) / 1000, eval: summary };
}
