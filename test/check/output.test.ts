// `check` output byte for byte as recorded (scripts/record-check-outputs.ts): speed work must not change a
// single character of a report, in text or JSON, for one file or a folder.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { OUTPUT_CASES, pinnedOutput } from "./output-cases.js";

describe("check output is unchanged", () => {
  for (const c of OUTPUT_CASES) {
    it(c.args.slice(1).join(" "), async () => {
      const expected = readFileSync(`test/fixtures/check-output/${c.name}`, "utf8");
      expect(pinnedOutput(await runCli(c.args))).toBe(expected);
    });
  }
});
