// Report formatters over checked files: text (terminal), json (docs/contracts.md), markdown (审核意见).
import { formatJson } from "./json.js";
import { formatMarkdown } from "./markdown.js";
import { formatText } from "./text.js";
import type { CheckResult, FormatOptions, ReportFormat } from "./types.js";

export type { CheckResult, FormatOptions, ReportFormat } from "./types.js";
export { toJsonReport, type JsonReport } from "./json.js";
export { formatText, formatJson, formatMarkdown };

export const REPORT_FORMATS: readonly ReportFormat[] = ["text", "json", "markdown"];

/**
 * Format the results of one `check` run. `single` (json only): the user named one file, so print one
 * object rather than an array.
 */
export function formatReport(results: readonly CheckResult[], format: ReportFormat, opts: FormatOptions & { single?: boolean } = {}): string {
  if (format === "json") return formatJson(results, opts.single ?? results.length === 1);
  if (format === "markdown") return formatMarkdown(results);
  return formatText(results, opts);
}
