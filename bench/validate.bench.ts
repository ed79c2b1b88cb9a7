// Checking at scale. In-process: validate() on 1,000 and 10,000 synthetic projects against JSON.parse of the same
// document (alternated pairs), and each rule's own cost. As a user runs it: `jixiao check --format json` of a
// 100,000-project Document JSON (~900,000 rows) against a bare JSON.parse of the same file, both child processes
// measured by their CPU time, with the check's peak memory; and a ~600 MB document (checked, or refused with a
// reason). `--quick`: 10,000 projects for the file figures, 3 pairs, no 600 MB document.
import type { JixiaoDocument } from "../src/domain/schema.js";
import { validate, validateWith } from "../src/rules/engine.js";
import { RULES } from "../src/rules/registry.js";
import type { Rule } from "../src/rules/types.js";
import { documentFile, seedDocument, syntheticDocument } from "./documents.js";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { alternate, CLI, describeRatio, median, nodeCost, QUICK, REPO, round } from "./measure.js";

export { syntheticDocument } from "./documents.js";

const PAIRS = QUICK ? 3 : 5;

function ms(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

async function inProcess(seed: JixiaoDocument, projects: number) {
  const doc = syntheticDocument(seed, projects);
  const rows = doc.projects.reduce((n, p) => n + p.indicators.length, 0);
  const text = JSON.stringify(doc);
  const r = await alternate(() => ms(() => validate(doc)), () => ms(() => JSON.parse(text)), PAIRS);
  return { rows, findings: validate(doc).findings.length, r, rowsPerS: Math.round(rows / (r.a_median / 1000)) };
}

/**
 * Each rule's own time inside one full run over 10,000 projects (its check() calls timed where they run, so the
 * rows, caches and JIT are as in production), the median of 3 runs; the rest is the engine (rows, findings, sort).
 */
function ruleCosts(seed: JixiaoDocument): Record<string, number> {
  const doc = syntheticDocument(seed, 10_000);
  const spent: Record<string, number[]> = {};
  const totals: number[] = [];
  for (let run = 0; run < 4; run++) {
    const acc: Record<string, number> = {};
    const timed = RULES.map((rule) =>
      Object.assign(Object.create(rule) as Rule, {
        check: (ctx: never) => {
          const t0 = performance.now();
          const hits = (rule.check as (c: never) => unknown)(ctx);
          acc[rule.id] = (acc[rule.id] ?? 0) + performance.now() - t0;
          return hits;
        },
      }),
    );
    const total = ms(() => validateWith(timed, doc));
    if (run === 0) continue; // warm-up
    totals.push(total);
    for (const [id, t] of Object.entries(acc)) (spent[id] ??= []).push(t);
  }
  const costs = Object.entries(spent).map(([id, ts]) => [id, round(median(ts), 1)] as [string, number]);
  costs.sort((a, b) => b[1] - a[1]);
  const inRules = costs.reduce((sum, [, t]) => sum + t, 0);
  return { total_ms: round(median(totals), 0), engine_ms: round(median(totals) - inRules, 0), ...Object.fromEntries(costs) };
}

/** `jixiao check FILE --format json` against `JSON.parse(readFileSync(FILE, "utf8"))`, CPU of each child. */
async function checkFile(projects: number) {
  const file = documentFile(projects);
  let peakMb = 0;
  let status: number | null = null;
  const r = await alternate(
    () => {
      const c = nodeCost([CLI, "check", file.path, "--format", "json"]);
      peakMb = Math.max(peakMb, c.peakMb);
      status = c.status;
      return c.cpuMs;
    },
    () => nodeCost(["-e", `JSON.parse(require("fs").readFileSync(${JSON.stringify(file.path)}, "utf8"))`]).cpuMs,
    PAIRS,
  );
  return { file, r, peakMb: round(peakMb, 0), status };
}

/**
 * The check's CPU split into its phases (bench/check-phases.mjs), the median of PAIRS runs of each: reading the
 * file, the rules with every bucket of findings made, and the JSON report written — the report's share is the
 * `json` run's time after reading less the `rules` run's. Alternated, as the ratios are.
 */
function checkPhases(path: string): { read_ms: number; rules_ms: number; report_ms: number } {
  const phase = (mode: "rules" | "json") => {
    const r = spawnSync(process.execPath, [join(REPO, "bench", "check-phases.mjs"), path, mode], { encoding: "utf8", maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`check-phases ${mode} 失败：${r.stderr.slice(0, 300)}`);
    return JSON.parse(r.stdout) as { read: number; after: number };
  };
  const reads: number[] = [];
  const rules: number[] = [];
  const withReport: number[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const a = phase("rules");
    const b = phase("json");
    reads.push(a.read, b.read);
    rules.push(a.after);
    withReport.push(b.after);
  }
  return { read_ms: round(median(reads), 0), rules_ms: round(median(rules), 0), report_ms: round(median(withReport) - median(rules), 0) };
}

export async function run(): Promise<Record<string, number | object>> {
  const seed = seedDocument();
  const small = await inProcess(seed, 1_000);
  const large = await inProcess(seed, 10_000);
  console.log(describeRatio("validate 1,000 个项目 / JSON.parse", small.r));
  console.log(describeRatio("validate 10,000 个项目 / JSON.parse", large.r));
  const rules = ruleCosts(seed);

  const big = await checkFile(QUICK ? 10_000 : 100_000);
  const label = QUICK ? "10k" : "100k";
  console.log(describeRatio(`check --format json ${label} 个项目（CPU）/ JSON.parse 同一文件`, big.r));
  const phases = checkPhases(big.file.path);
  console.log(`check ${label} 各阶段 CPU（中位数）：读入 ${phases.read_ms} ms，规则 ${phases.rules_ms} ms，JSON 报告 ${phases.report_ms} ms`);
  const figures: Record<string, number | object> = {
    rows_per_s: large.rowsPerS,
    ratio_vs_json_parse: large.r.ratio,
    ratio_vs_json_parse_spread: large.r.spread,
    rows_per_s_1000: small.rowsPerS,
    ratio_vs_json_parse_1000: small.r.ratio,
    ratio_vs_json_parse_1000_spread: small.r.spread,
    [`ratio_vs_json_parse_${label}`]: big.r.ratio,
    [`ratio_vs_json_parse_${label}_spread`]: big.r.spread,
    [`check_cpu_ms_${label}`]: big.r.a_median,
    [`json_parse_cpu_ms_${label}`]: big.r.b_median,
    [`peak_mb_${label}`]: big.peakMb,
    [`peak_vs_file_${label}`]: round(big.peakMb / (big.file.bytes / 1024 / 1024)),
    [`peak_kb_per_project_${label}`]: round((big.peakMb * 1024) / (QUICK ? 10_000 : 100_000), 1),
    [`check_phase_cpu_ms_${label}`]: phases,
    rule_ms_10k: rules,
    detail: {
      rows: large.rows,
      rows_1000: small.rows,
      findings: large.findings,
      validate_ms: large.r.a_median,
      json_parse_ms: large.r.b_median,
      validate_ms_1000: small.r.a_median,
      json_parse_ms_1000: small.r.b_median,
      [`file_mb_${label}`]: round(big.file.bytes / 1024 / 1024, 0),
      [`rows_${label}`]: big.file.rows,
      [`check_exit_${label}`]: big.status ?? -1,
    },
  };
  if (!QUICK) {
    // A whole province and more: 160,000 projects, ~660 MB — past what one string can hold.
    const huge = documentFile(160_000);
    const c = nodeCost([CLI, "check", huge.path, "--format", "json"]);
    const fileMb = round(huge.bytes / 1024 / 1024, 0);
    figures.huge_document = { file_mb: fileMb, exit: c.status ?? -1, cpu_ms: round(c.cpuMs, 0), peak_mb: round(c.peakMb, 0), stderr: c.stderr };
    console.log(`check ${fileMb} MB：退出码 ${c.status}，CPU ${round(c.cpuMs, 0)} ms，峰值内存 ${round(c.peakMb, 0)} MB ${c.stderr}`);
  }
  return figures;
}
