// Machine report, as docs/contracts.md states it: one object per file; several files → an array of them.
import type { Finding, Report } from "../rules/types.js";
import type { CheckResult, StreamedResult } from "./types.js";

export interface JsonReport {
  file: string;
  profile: Report["profile"];
  projects: { code: string; name: string; indicators: number }[];
  findings: Finding[];
  summary: Report["summary"];
}

export function toJsonReport(result: CheckResult): JsonReport {
  const { file, profile, projects } = toJsonReportHead({ file: result.file, document: result.document, profile: result.report.profile });
  return { file, profile, projects, findings: result.report.findings, summary: result.report.summary };
}

/** What the report lists before its findings (a streamed report writes these first). */
export function toJsonReportHead(result: Pick<StreamedResult, "file" | "document" | "profile">): Pick<JsonReport, "file" | "profile" | "projects"> {
  return {
    file: result.file,
    profile: result.profile,
    projects: result.document.projects.map((p) => ({ code: p.code, name: p.name, indicators: p.indicators.length })),
  };
}

export function formatJson(results: readonly CheckResult[], single: boolean): string {
  const body = single && results.length === 1 ? toJsonReport(results[0]) : results.map(toJsonReport);
  return JSON.stringify(body, null, 2) + "\n";
}
