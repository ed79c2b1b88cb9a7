// What every report formatter reads: one checked file.
import type { JixiaoDocument, ProfileId } from "../domain/schema.js";
import type { Finding, Report } from "../rules/types.js";

export interface CheckResult {
  /** The path as the user gave it (shown in reports). */
  file: string;
  document: JixiaoDocument;
  report: Report;
}

/** A checked file whose findings come bucket by bucket (validateInBuckets): a JSON report writes them as they come. */
export interface StreamedResult {
  file: string;
  document: JixiaoDocument;
  profile: ProfileId;
  buckets: Iterable<Finding[]>;
}

export type ReportFormat = "text" | "json" | "markdown";

export interface FormatOptions {
  /** ANSI colors (text format only); the CLI turns them on for a TTY without NO_COLOR. */
  color?: boolean;
}
