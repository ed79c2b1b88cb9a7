// validate() throughput on a synthetic document built from the seed's rows (10,000 projects ≈ 90,000 rows,
// and 1,000 projects), against JSON.parse of the same document serialized — the cost floor of reading it at all.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseDocumentJson } from "../src/import/json.js";
import type { JixiaoDocument, Project } from "../src/domain/schema.js";
import { validate } from "../src/rules/engine.js";

const SEED = fileURLToPath(new URL("../examples/chengde-gxq-2023.gold.json", import.meta.url));

/** N projects cycling through the seed's, each with its own valid code and name (deterministic). */
export function syntheticDocument(seed: JixiaoDocument, projects: number): JixiaoDocument {
  const out: Project[] = [];
  for (let i = 0; i < projects; i++) {
    const base = seed.projects[i % seed.projects.length];
    const serial = String(i + 1).padStart(6, "0");
    out.push({
      ...structuredClone(base),
      seq: i + 1,
      // 13081123P + 11 digits + check letter: the seed's prefix with a running serial in the middle.
      code: `${base.code.slice(0, 9)}${base.code.slice(9, 14)}${serial}${base.code.slice(-1)}`,
      name: `${base.name}（${Math.floor(i / seed.projects.length) + 1}）`,
    });
  }
  return { ...seed, toc: [], projects: out };
}

function timeIt(fn: () => void, runs: number): { best: number; median: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { best: times[0], median: times[Math.floor(times.length / 2)] };
}

function measure(seed: JixiaoDocument, projects: number, runs: number) {
  const doc = syntheticDocument(seed, projects);
  const rows = doc.projects.reduce((n, p) => n + p.indicators.length, 0);
  const text = JSON.stringify(doc);
  validate(doc); // warm-up: JIT and label caches
  JSON.parse(text);
  const v = timeIt(() => validate(doc), runs);
  const p = timeIt(() => JSON.parse(text), runs);
  return {
    rows,
    findings: validate(doc).findings.length,
    validateMs: v,
    parseMs: p,
    // Best of the runs: on a shared machine the median mostly measures the neighbours.
    rowsPerS: Math.round(rows / (v.best / 1000)),
    ratio: Math.round((v.best / p.best) * 100) / 100,
  };
}

export async function run(): Promise<Record<string, number | object>> {
  const seed = parseDocumentJson(readFileSync(SEED, "utf8"), "seed");
  const small = measure(seed, 1_000, 7);
  // 7 runs, not 5: best-of needs a few more draws on a shared CI machine (the work per run is unchanged).
  const large = measure(seed, 10_000, 7);
  const round = (t: { best: number; median: number }) => ({ best: Math.round(t.best), median: Math.round(t.median) });
  const figures = {
    rows_per_s: large.rowsPerS,
    ratio_vs_json_parse: large.ratio,
    rows_per_s_1000: small.rowsPerS,
    ratio_vs_json_parse_1000: small.ratio,
    detail: {
      rows: large.rows,
      rows_1000: small.rows,
      findings: large.findings,
      validate_ms: round(large.validateMs),
      json_parse_ms: round(large.parseMs),
      validate_ms_1000: round(small.validateMs),
      json_parse_ms_1000: round(small.parseMs),
      // Linear growth: 10× the rows should take about 10× the time.
      growth_10x: Math.round((large.validateMs.best / small.validateMs.best) * 10) / 10,
    },
  };
  console.log(
    `validate: ${large.rows} 行 ${figures.rows_per_s} 行/秒，JSON.parse 的 ${large.ratio} 倍；` +
      `${small.rows} 行 ${small.rowsPerS} 行/秒，${small.ratio} 倍；10 倍数据耗时 ${figures.detail.growth_10x} 倍`,
  );
  return figures;
}
