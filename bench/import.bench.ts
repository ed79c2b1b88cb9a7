// Import speed: the seed 绩效文本 parsed in-process (warm-up, then the median of 60 runs).
import { readFileSync } from "node:fs";
import { importText } from "../src/import/text.js";

export async function run(): Promise<Record<string, number>> {
  const text = readFileSync(new URL("../examples/chengde-gxq-2023.txt", import.meta.url), "utf8");
  for (let i = 0; i < 10; i++) importText(text, { file: "seed.txt" });
  const times: number[] = [];
  for (let i = 0; i < 60; i++) {
    const start = performance.now();
    importText(text, { file: "seed.txt" });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = (times[29] + times[30]) / 2;
  return { seed_ms: Math.round(median * 100) / 100 };
}
