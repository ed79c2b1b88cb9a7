// Measuring on a shared machine: every ratio comes from alternated runs (A B A B …), each pair giving one ratio;
// the figure is the median, printed with the spread (lowest–highest pair) beside it. Child processes report their
// own CPU time and peak memory (bench/cpu-report.mjs), so start-up and the work are both counted, and nothing else.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("..", import.meta.url));
export const CLI = join(REPO, "dist", "cli.js");
const CPU_REPORT = join(REPO, "bench", "cpu-report.mjs");

/** `npm run bench -- --quick`: smaller documents and fewer pairs, for a look; the closing figures come from a full run. */
export const QUICK = process.argv.includes("--quick");

export interface Ratio {
  /** Median of the per-pair ratios A/B. */
  ratio: number;
  /** Lowest and highest per-pair ratio. */
  spread: [number, number];
  a_median: number;
  b_median: number;
  pairs: number;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Run a and b alternately `pairs` times (after one warm-up each); a and b return a cost (ms, or CPU ms). */
export async function alternate(a: () => number | Promise<number>, b: () => number | Promise<number>, pairs: number): Promise<Ratio> {
  await a();
  await b();
  const as: number[] = [];
  const bs: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < pairs; i++) {
    const x = await a();
    const y = await b();
    as.push(x);
    bs.push(y);
    ratios.push(x / y);
  }
  return {
    ratio: round(median(ratios)),
    spread: [round(Math.min(...ratios)), round(Math.max(...ratios))],
    a_median: round(median(as), 1),
    b_median: round(median(bs), 1),
    pairs,
  };
}

export function describeRatio(name: string, r: Ratio, unit = "ms"): string {
  return `${name}: ${r.ratio}×（${r.pairs} 对交替运行的中位数，范围 ${r.spread[0]}–${r.spread[1]}；${r.a_median} ${unit} 对 ${r.b_median} ${unit}）`;
}

export interface ChildCost {
  /** User + system CPU of the child, ms. */
  cpuMs: number;
  /** Peak resident memory of the child, MB. */
  peakMb: number;
  status: number | null;
  /** The start of what the child wrote to stderr (a refusal's reason). */
  stderr: string;
}

/** Run `node <args>` with stdout to /dev/null; its CPU and peak memory as it measured them itself at exit. */
export function nodeCost(args: string[], opts: { cwd?: string } = {}): ChildCost {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-bench-cpu-"));
  const out = join(dir, "cost.json");
  try {
    const r = spawnSync(process.execPath, ["--import", CPU_REPORT, ...args], {
      cwd: opts.cwd ?? REPO,
      env: { ...process.env, JIXIAO_BENCH_COST_FILE: out, NO_COLOR: "1" },
      stdio: ["ignore", "ignore", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    });
    const cost = JSON.parse(readFileSync(out, "utf8")) as { cpuMs: number; peakMb: number };
    return { ...cost, status: r.status, stderr: String(r.stderr ?? "").slice(0, 300) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
