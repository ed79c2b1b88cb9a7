// CLI start-up: `jixiao check` of the seed .txt against `node -e 0`, CPU time of each child, alternated pairs;
// and the peak memory of `check folder/` with 10 and 1,000 files.
// Needs the built CLI (npm run bench builds it first).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { alternate, CLI, describeRatio, nodeCost, QUICK, REPO, round } from "./measure.js";

export async function run(): Promise<Record<string, number | object>> {
  const seed = join(REPO, "examples/chengde-gxq-2023.txt");
  const r = await alternate(() => nodeCost([CLI, "check", seed]).cpuMs, () => nodeCost(["-e", "0"]).cpuMs, QUICK ? 5 : 11);
  console.log(describeRatio("check 种子 .txt（CPU）/ node -e 0", r));
  const folders = folderPeaks();
  console.log(`check 文件夹峰值内存：${JSON.stringify(folders)}`);
  return { check_txt_ratio_vs_node: r.ratio, check_txt_ratio_vs_node_spread: r.spread, check_txt_cpu_ms: r.a_median, node_cpu_ms: r.b_median, ...folders };
}

/** Old space 16 MB, young 1 MB: room for one seed document and its report, not for a thousand. */
const SMALL_HEAP = ["--max-old-space-size=16", "--max-semi-space-size=1"];

/** `check folder/` of 10 and of 1,000 Document JSON files (the seed's): peak memory should not grow with the count. */
export function folderPeaks(): Record<string, number> {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-bench-folder-"));
  try {
    const seed = readFileSync(join(REPO, "examples/chengde-gxq-2023.gold.json"));
    const peaks: Record<string, number> = {};
    for (const count of QUICK ? [10, 100] : [10, 1000]) {
      const folder = join(dir, String(count));
      mkdirSync(folder);
      for (let i = 0; i < count; i++) writeFileSync(join(folder, `${String(i).padStart(4, "0")}.json`), seed);
      peaks[`folder_peak_mb_${count}`] = round(nodeCost([CLI, "check", folder, "--format", "json"]).peakMb, 0);
      // The same run in a small fixed heap: V8 lets an unbounded heap grow between major collections, so the
      // peak above rises with the run's length even when nothing is kept; here a file kept per file would not
      // fit (the run would die), and the peak is what the work itself needs.
      const capped = nodeCost([...SMALL_HEAP, CLI, "check", folder, "--format", "json"]);
      peaks[`folder_peak_mb_${count}_small_heap`] = capped.status === 0 || capped.status === 1 ? round(capped.peakMb, 0) : -1;
    }
    return peaks;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
