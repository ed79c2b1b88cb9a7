// Preloaded into a benchmarked child (node --import): at exit it writes its own CPU time and peak memory to
// JIXIAO_BENCH_COST_FILE. Plain JS, so the child needs no loader.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  const file = process.env.JIXIAO_BENCH_COST_FILE;
  if (!file) return;
  const usage = process.resourceUsage();
  writeFileSync(file, JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, peakMb: usage.maxRSS / 1024 }));
});
