// Record the pinned `check` outputs (test/check/output.test.ts compares against them): run it only when a
// change of output is meant, and review the diff.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../test/support/cli.js";
import { OUTPUT_CASES, pinnedOutput } from "../test/check/output-cases.js";

const dir = "test/fixtures/check-output";
for (const c of OUTPUT_CASES) {
  const r = await runCli(c.args);
  writeFileSync(join(dir, c.name), pinnedOutput(r));
  console.log(`${c.name}\texit ${r.code}\t${r.stdout.length} chars`);
}
