// npm run eval: draft every eval case (offline by default; the configured model when JIXIAO_LLM_* /
// OPENAI_* is set, unless --offline), print a table and write evals/results.json.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createLlmGenerator, draftProject, llmConfigFromEnv, type TextGenerator } from "../src/draft/index.js";
import { detectKind, isKindOf } from "../src/draft/library/index.js";
import { allCases, type EvalCase } from "./cases.js";
import { missedFacts, qualityTable, runQuality } from "./quality.js";
import { measureDraft, summarize, type DraftMetrics, type EvalSummary } from "./metrics.js";

export interface EvalRow {
  id: string;
  source: EvalCase["source"];
  drafter: string;
  kind: string;
  kindOk?: boolean;
  valuesHit?: number;
  valuesExpected?: number;
  metrics: DraftMetrics;
  error?: string;
}

export async function runEval(opts: { generator?: TextGenerator } = {}): Promise<{ rows: EvalRow[]; summary: EvalSummary }> {
  const rows: EvalRow[] = [];
  for (const c of allCases()) {
    const result = await draftProject(c.input, opts.generator ? { generator: opts.generator } : {});
    const kind = detectKind(c.input.name, c.input.summary);
    const row: EvalRow = { id: c.id, source: c.source, drafter: result.drafterLabel, kind: kind.label, metrics: measureDraft(c.input, result) };
    // A specialised kind counts as its parent (学校改造 is an 工程建设/改造).
    if (c.expect?.kind) row.kindOk = isKindOf(kind, c.expect.kind);
    if (c.expect?.values?.length) {
      const values = new Set(result.project.indicators.map((i) => i.value.replace(/\s+/g, "")));
      row.valuesExpected = c.expect.values.length;
      row.valuesHit = c.expect.values.filter((v) => values.has(v.replace(/\s+/g, ""))).length;
    }
    rows.push(row);
  }
  return { rows, summary: summarize(rows) };
}

function table(rows: EvalRow[]): string {
  const head = ["case", "kind", "err", "warn", "mandatory", "grounded", "dup", "confirm", "rounds", "expected"];
  const lines = rows.map((r) => [
    r.id,
    `${r.kind}${r.kindOk === false ? " ✗" : ""}`,
    r.metrics.errors,
    r.metrics.warnings,
    r.metrics.mandatoryCovered ? "✓" : `✗ ${r.metrics.missingLevel2.join("、")}`,
    `${r.metrics.groundedNumbers}/${r.metrics.numbers}`,
    r.metrics.duplicates,
    r.metrics.needsConfirmation,
    r.metrics.rounds,
    r.valuesExpected ? `${r.valuesHit}/${r.valuesExpected}` : "",
  ]);
  return [head, ...lines].map((cols) => cols.join("\t")).join("\n");
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const config = process.argv.includes("--offline") ? null : llmConfigFromEnv();
  const generator = config ? createLlmGenerator(config) : undefined;
  const started = performance.now();
  const { rows, summary } = await runEval({ generator });
  const ms = Math.round(performance.now() - started);
  console.log(table(rows));
  console.log(`\n起草方式：${generator ? `模型 ${generator.label}` : "离线指标库"}，${rows.length} 个案例，用时 ${ms} ms`);
  console.log(JSON.stringify(summary, null, 2));
  // Draft quality on the annotated set (offline drafter: the figures the issue's targets are about).
  const quality = await runQuality();
  console.log(`\n起草质量（evals/quality/cases.json，离线）：\n${qualityTable(quality.rows)}`);
  if (process.argv.includes("--missed")) console.log(missedFacts(quality.rows).join("\n"));
  console.log(JSON.stringify(quality.summary, null, 2));
  const holdout = await runQuality("holdout");
  console.log(`\n起草质量（evals/quality/holdout.json，改动后新写、未用于调整）：\n${qualityTable(holdout.rows)}`);
  if (process.argv.includes("--missed")) console.log(missedFacts(holdout.rows).join("\n"));
  console.log(JSON.stringify(holdout.summary, null, 2));
  const out = join(dirname(fileURLToPath(import.meta.url)), "results.json");
  writeFileSync(out, `${JSON.stringify({ measuredAt: new Date().toISOString(), drafter: generator?.label ?? "offline", summary, rows, quality: quality.summary, qualityHoldout: holdout.summary }, null, 2)}\n`);
  console.log(`已写入 ${out}`);
}
