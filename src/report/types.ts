// What every report formatter reads: one checked file.
import type { JixiaoDocument } from "../domain/schema.js";
import type { Report } from "../rules/types.js";

export interface CheckResult {
  /** The path as the user gave it (shown in reports). */
  file: string;
  document: JixiaoDocument;
  report: Report;
}

export type ReportFormat = "text" | "json" | "markdown";

export interface FormatOptions {
  /** ANSI colors (text format only); the CLI turns them on for a TTY without NO_COLOR. */
  color?: boolean;
}
