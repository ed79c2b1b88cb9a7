// CLI start-up: `jixiao check` of the seed .txt against `node -e 0`, CPU time of each child, alternated pairs.
// Needs the built CLI (npm run bench builds it first).
import { join } from "node:path";
import { alternate, CLI, describeRatio, nodeCost, QUICK, REPO } from "./measure.js";

export async function run(): Promise<Record<string, number | object>> {
  const seed = join(REPO, "examples/chengde-gxq-2023.txt");
  const r = await alternate(() => nodeCost([CLI, "check", seed]).cpuMs, () => nodeCost(["-e", "0"]).cpuMs, QUICK ? 5 : 11);
  console.log(describeRatio("check 种子 .txt（CPU）/ node -e 0", r));
  return { check_txt_ratio_vs_node: r.ratio, check_txt_ratio_vs_node_spread: r.spread, check_txt_cpu_ms: r.a_median, node_cpu_ms: r.b_median };
}
