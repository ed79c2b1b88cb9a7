// The report written file by file (report/stream.ts) is byte for byte the report formatted at once, in every
// format, for one file, several, and none.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocumentJson } from "../../src/import/json.js";
import { formatReport, type CheckResult, type ReportFormat } from "../../src/report/index.js";
import { reportStream } from "../../src/report/stream.js";
import { validate, validateInBuckets } from "../../src/rules/engine.js";
import type { StreamedResult } from "../../src/report/types.js";

const seed = parseDocumentJson(readFileSync("examples/chengde-gxq-2023.gold.json", "utf8"), "seed.json");
const one: CheckResult = { file: "seed.json", document: seed, report: validate(seed) };
const clean: CheckResult = { file: "empty.json", document: { ...seed, projects: [] }, report: { profile: "legacy", findings: [], summary: { error: 0, warning: 0, info: 0 } } };

async function streamed(results: (CheckResult | StreamedResult)[], format: ReportFormat, single: boolean): Promise<string> {
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

describe("a report written bucket by bucket (validateInBuckets)", () => {
  // A copy of the first project at the end (its code and goals repeated) and a broken 目录 entry: document rules
  // whose findings sort before every project's, or with a project written long before the one they are about.
  const doc = {
    ...seed,
    toc: [...seed.toc, { no: 99, title: "不存在的项目绩效目标表", page: "错误！未定义书签。" }],
    projects: [...seed.projects, { ...seed.projects[0], seq: seed.projects.length + 1 }],
  };
  const inBuckets = (): StreamedResult => {
    const { profile, buckets } = validateInBuckets(doc);
    return { file: "copied.json", document: doc, profile, buckets };
  };
  const whole: CheckResult = { file: "copied.json", document: doc, report: validate(doc) };

  it("puts document findings where the whole report has them", () => {
    const findings = whole.report.findings;
    expect(findings[0]).toMatchObject({ rule: "toc-broken-entry", project: null });
    const first = seed.projects[0].code;
    const duplicate = findings.findIndex((f) => f.rule === "code-duplicate");
    const copied = findings.findIndex((f) => f.rule === "goal-copied");
    const second = findings.findIndex((f) => f.project === seed.projects[1].code);
    // Both point at the first project's code, so they sort with the first project, before the second one's.
    expect(findings[duplicate].project).toBe(first);
    expect(findings[copied].project).toBe(first);
    expect(duplicate).toBeLessThan(second);
    expect(copied).toBeLessThan(second);
  });

  for (const format of ["json", "text", "markdown"] as const) {
    it(`${format}: the same bytes as the report formatted at once`, async () => {
      expect(await streamed([inBuckets()], format, true)).toBe(formatReport([whole], format, { single: true }));
      expect(await streamed([inBuckets(), clean, inBuckets()], format, false)).toBe(formatReport([whole, clean, whole], format, { single: false }));
    });
  }
});
