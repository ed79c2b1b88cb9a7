// npm run bench: runs every section, prints its figures and merges them into bench-results.json.
import { readFileSync, writeFileSync, existsSync, readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
const resultsPath = join(here, "..", "bench-results.json");
const only = process.argv.slice(2).filter((a) => !a.startsWith("--"));

const sections = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .map((f) => f.replace(/\.bench\.ts$/, ""))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

const results: Record<string, unknown> = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, "utf8")) : {};
for (const name of sections) {
  const mod = await import(pathToFileURL(join(here, `${name}.bench.ts`)).href);
  const figures: Record<string, unknown> = await mod.run();
  for (const [key, value] of Object.entries(figures)) {
    results[`${name}.${key}`] = value;
    console.log(`${name}.${key}\t${typeof value === "object" ? JSON.stringify(value) : value}`);
  }
}
results.measuredAt = new Date().toISOString();
writeFileSync(resultsPath, JSON.stringify(results, null, 2) + "\n");
console.log(`\n已写入 ${resultsPath}`);
