// Where the CPU of `check --format json` goes, phase by phase, in one child process over the built code:
// reading the file into a Document, the rules (every bucket of findings made, nothing written), and the JSON report
// (the same buckets written to /dev/null as `check` writes them). `node bench/check-phases.mjs FILE rules|json`
// prints {read, after} in CPU ms (all threads, as process.cpuUsage counts them); the caller subtracts.
import { openSync, writeSync } from "node:fs";

const [file, mode] = process.argv.slice(2);
const dist = new URL("../dist/", import.meta.url);
const { importFile } = await import(new URL("import/index.js", dist).href);
const { validateInBuckets } = await import(new URL("rules/engine.js", dist).href);
const { reportStream } = await import(new URL("report/stream.js", dist).href);

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const start = cpu();
const document = await importFile(file);
const read = cpu() - start;
const { profile, buckets } = validateInBuckets(document, {});
const before = cpu();
if (mode === "rules") {
  for (const bucket of buckets) if (bucket.length < 0) throw new Error("unreachable");
} else {
  const devNull = openSync("/dev/null", "w");
  const report = reportStream("json", { color: false, single: true }, async (text) => {
    writeSync(devNull, text);
  });
  await report.add({ file, document, profile, buckets });
  await report.end();
}
process.stdout.write(JSON.stringify({ read, after: cpu() - before }));
