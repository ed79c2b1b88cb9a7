// Public types of the drafting API (re-exported from index.ts).
import type { Project, ProfileId } from "../domain/schema.js";
import type { Finding } from "../rules/types.js";

export interface DraftInput {
  name: string;
  summary: string;
  /** 预算数 in 万元. */
  budget?: number;
  code?: string;
  profile?: ProfileId;
  /** Months in which money is spent (3, 6, 10, 12), if the user said. */
  spendingMonths?: number[];
  /** The budget year (--year); when absent, the year the description states, else the clock decides. */
  year?: number;
  /** The clock for "next year from September on" (tests inject it); default now. */
  today?: Date;
}

/** The budget year a draft uses and where it comes from: given, stated in the description, or the clock's guess. */
export interface BudgetYear {
  value: number;
  source: "option" | "text" | "clock";
}

/** A quantity the description states that no row carries, and why. */
export interface UnusedFact {
  text: string;
  reason: string;
}

/** The project kind the draft was built with; the runner-up when it scored close. */
export interface KindReport {
  id: string;
  label: string;
  runnerUp?: { id: string; label: string };
}

/** A model that turns a prompt into text: an OpenAI-compatible endpoint or MCP sampling. */
export interface TextGenerator {
  kind: "llm" | "sampling";
  /** Human-readable name for "which drafter was used" (model name or client name). */
  label: string;
  generate(request: { system: string; user: string; jsonSchema?: Record<string, unknown> }): Promise<string>;
}

export interface DraftResult {
  project: Project;
  findings: Finding[];
  rounds: number;
  drafter: "offline" | "llm" | "sampling";
  drafterLabel: string;
  /** Values that are library defaults, with the question to ask the user. */
  needsConfirmation: { indicator: number; name: string; value: string; question: string }[];
  kind: KindReport;
  year: BudgetYear;
  unusedFacts: UnusedFact[];
}

export interface Suggestion {
  kind: string;
  level1: string;
  level2: string;
  name: string;
  value: string;
  description?: string;
  basis?: string;
}
