// The report written file by file (report/stream.ts) is byte for byte the report formatted at once, in every
// format, for one file, several, and none.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocumentJson } from "../../src/import/json.js";
import { formatReport, type CheckResult, type ReportFormat } from "../../src/report/index.js";
import { reportStream } from "../../src/report/stream.js";
import { validate } from "../../src/rules/engine.js";

const seed = parseDocumentJson(readFileSync("examples/chengde-gxq-2023.gold.json", "utf8"), "seed.json");
const one: CheckResult = { file: "seed.json", document: seed, report: validate(seed) };
const clean: CheckResult = { file: "empty.json", document: { ...seed, projects: [] }, report: { profile: "legacy", findings: [], summary: { error: 0, warning: 0, info: 0 } } };

async function streamed(results: CheckResult[], format: ReportFormat, single: boolean): Promise<string> {
  let out = "";
  const stream = reportStream(format, { single }, async (text) => {
    out += text;
  });
  for (const r of results) await stream.add(r);
  await stream.end();
  return out;
}

describe("reportStream", () => {
  for (const format of ["text", "json", "markdown"] as const) {
    it(`${format}: one file, several files, no file`, async () => {
      expect(await streamed([one], format, true)).toBe(formatReport([one], format, { single: true }));
      expect(await streamed([one, clean, one], format, false)).toBe(formatReport([one, clean, one], format, { single: false }));
      const none = format === "json" ? formatReport([], format, { single: false }) : "";
      expect(await streamed([], format, false)).toBe(none);
    });
  }
});
