// Contracts of the validator (the Finding of docs/contracts.md).
import type { Indicator, JixiaoDocument, Project } from "../domain/schema.js";
import type { Profile } from "../domain/taxonomy.js";
import type { ParsedValue } from "../domain/value.types.js";
import type { RuleOptions } from "./options.js";

export type Severity = "error" | "warning" | "info";

export interface Finding {
  rule: string;
  severity: Severity;
  /** 项目编码, or `#<seq>` for a project without one; null for a document-level finding. */
  project: string | null;
  /** 0-based row index in the project's indicators (无 rows included), or null. */
  indicator: number | null;
  /** The field the finding is about: value, name, basis, level1, level2, goals, budget, spendingPlan, code, toc … */
  field: string | null;
  message: string;
  hint: string;
  /** A certain replacement for the field (`100 百分号` → `100%`). */
  fix?: string;
}

/** What a rule reports; the engine fills rule, severity and project. */
export interface RuleHit {
  indicator?: number | null;
  field?: string | null;
  message: string;
  hint: string;
  fix?: string;
  /** Overrides the rule's default severity for this hit (value-not-measurable: warning under 效益). */
  severity?: Severity;
  /** For document-level rules that point at a project. */
  project?: string | null;
}

export interface RuleConfig {
  /** Thresholds a rule reads, e.g. { satisfactionFloor: 80 }. */
  [key: string]: unknown;
}

/** One indicator row as rules see it: the row, its index, its parse and its canonical labels. */
export interface RowContext {
  index: number;
  indicator: Indicator;
  /**
   * The effective value: the 指标值 text completed from the structured fields (`95` with 计量单位 `%` → `95%`;
   * an empty text with ≥ | 95 | % → `≥95%`). Equal to indicator.value when the fields add nothing.
   */
  value: string;
  /** The parse of `value`, made once per row; every value rule reads this. */
  parsed: ParsedValue;
  /** Canonical labels (alias table applied); null when unknown. */
  level1: string | null;
  level2: string | null;
  /** True for a 无 row (name or value 无). */
  empty: boolean;
  /** The row as written when its levels were shifted one column (indicator then holds the labels as meant). */
  shiftedFrom?: Indicator;
  // Texts derived from the cells, computed once per row and shared by the rules (row.ts).
  /** measureName(name): the 三级 name without its （%） tag and blanks. */
  readonly measureName: string;
  /** squash(name): the 三级 name without whitespace. */
  readonly squashedName: string;
  /** bare(name), bare(description), bare(value): reduced for comparison (no blanks, punctuation, symbols). */
  readonly bareName: string;
  readonly bareDescription: string;
  readonly bareValue: string;
  /** normalizeValueText(value): width and blanks normalized. */
  readonly normalizedValue: string;
  /** normalizeValueText(name + description). */
  readonly normalizedNameDescription: string;
}

export interface ProjectContext {
  project: Project;
  profile: Profile;
  rows: RowContext[];
  config: RuleConfig;
  /** The document's budget year (Document.year), or null when the document does not say. */
  year?: number | null;
}

export interface DocumentContext {
  document: JixiaoDocument;
  profile: Profile;
  /**
   * The projects without their rows: rows are built project by project and dropped once its rules ran, so a
   * 900,000-row document is never held as rows at once.
   */
  projects: Omit<ProjectContext, "rows" | "config">[];
  config: RuleConfig;
}

interface RuleBase {
  id: string;
  severity: Severity;
  /** One Chinese line: what the rule checks. */
  description: string;
  /** Markdown documentation: rationale, where the judgement comes from (## 依据), a bad and a better example. */
  docs: string;
  /**
   * The row field this rule judges exclusively (e.g. "value"): of the exclusive rules, the engine keeps only the
   * first hit per (row, field) in registry order, so one problem of a value is reported once.
   */
  exclusive?: string;
  /** The rule's options (`.jixiaorc.json` thresholds), checked when the config is loaded; none when absent. */
  options?: RuleOptions;
}

export interface ProjectRule extends RuleBase {
  scope: "project";
  check(ctx: ProjectContext): RuleHit[];
}

export interface DocumentRule extends RuleBase {
  scope: "document";
  check(ctx: DocumentContext): RuleHit[];
}

export type Rule = ProjectRule | DocumentRule;

export interface ValidateOptions {
  /** Profile id; auto-detected from the labels when absent. */
  profile?: "legacy" | "mof2021";
  config?: JixiaoConfig;
}

/** `.jixiaorc.json`: markdownlint-like — a rule id maps to false (off), a severity, or an object. */
export interface JixiaoConfig {
  profile?: "legacy" | "mof2021";
  rules?: Record<string, boolean | Severity | ({ severity?: Severity; enabled?: boolean } & RuleConfig)>;
}

export interface Report {
  profile: "legacy" | "mof2021";
  findings: Finding[];
  summary: { error: number; warning: number; info: number };
}
