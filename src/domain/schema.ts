// The Document model. Field names follow the gold transcription of the seed
// (examples/chengde-gxq-2023.gold.json) exactly; amounts are in 万元 as in the source.
import { z } from "zod";
import { PROFILE_IDS } from "./vocabulary.js";

const nullableNumber = z.number().nullable();

export const IndicatorSchema = z.object({
  /** Stable id for editing through the workspace/MCP; absent in imported documents until stored. */
  id: z.string().optional(),
  level1: z.string().default(""),
  level2: z.string().default(""),
  name: z.string().default(""),
  description: z.string().default(""),
  value: z.string().default(""),
  basis: z.string().default(""),
  // Structured fields as budget systems hold them (docs/contracts.md); optional, derived by the value grammar.
  unit: z.string().optional(),
  operator: z.string().optional(),
  target: z.number().optional(),
  direction: z.enum(["正向", "反向"]).optional(),
  weight: z.number().optional(),
  nature: z.enum(["定量", "定性"]).optional(),
  /** Set by the drafter when a value is a library default the user must confirm. */
  needsConfirmation: z.string().optional(),
});

export const BudgetSchema = z.object({
  total: nullableNumber.default(null),
  fiscal: nullableNumber.default(null),
  other: nullableNumber.default(null),
});

export const SpendingPlanSchema = z.object({
  mar: nullableNumber.default(null),
  jun: nullableNumber.default(null),
  oct: nullableNumber.default(null),
  dec: nullableNumber.default(null),
});

export const DeclaredCountsSchema = z.object({
  total: nullableNumber.default(null),
  output: nullableNumber.default(null),
  effect: nullableNumber.default(null),
  satisfaction: nullableNumber.default(null),
  cost: nullableNumber.optional(),
});

export const ImportWarningSchema = z.object({
  line: z.number().nullable(),
  message: z.string(),
});

export const ProjectSchema = z.object({
  id: z.string().optional(),
  seq: z.number().int().default(0),
  code: z.string().default(""),
  name: z.string().default(""),
  tableTitle: z.string().optional(),
  explanationTitle: z.string().optional(),
  summary: z.string().default(""),
  funding: z.string().default(""),
  narrativeGoals: z.array(z.string()).default([]),
  narrativeIndicators: z.string().default(""),
  declaredCounts: DeclaredCountsSchema.optional(),
  evaluationBasis: z.string().default(""),
  budget: BudgetSchema.default({ total: null, fiscal: null, other: null }),
  purpose: z.string().default(""),
  spendingPlan: SpendingPlanSchema.default({ mar: null, jun: null, oct: null, dec: null }),
  goals: z.array(z.string()).default([]),
  indicators: z.array(IndicatorSchema).default([]),
  /** Profile chosen for this project when stored alone (workspace); documents carry their own. */
  profile: z.enum(PROFILE_IDS).optional(),
  notes: z.string().optional(),
  importWarnings: z.array(ImportWarningSchema).optional(),
});

export const TocEntrySchema = z.object({
  no: z.number().int(),
  title: z.string(),
  page: z.string().default(""),
});

export const OverallSchema = z.object({
  goal: z.string().default(""),
  subGoals: z.array(z.object({ title: z.string(), targets: z.array(z.string()).default([]) })).default([]),
  safeguards: z.array(z.object({ title: z.string(), text: z.string().default("") })).default([]),
});

export const DocumentSchema = z.object({
  source: z.string().optional(),
  department: z.object({ code: z.string().default(""), name: z.string().default("") }).optional(),
  preparedBy: z.string().optional(),
  reviewedBy: z.string().optional(),
  year: z.number().int().nullable().optional(),
  unit: z.string().default("万元"),
  profile: z.enum(PROFILE_IDS).optional(),
  toc: z.array(TocEntrySchema).default([]),
  overall: OverallSchema.optional(),
  projects: z.array(ProjectSchema).default([]),
  importWarnings: z.array(ImportWarningSchema).optional(),
});

export type Indicator = z.infer<typeof IndicatorSchema>;
export type Budget = z.infer<typeof BudgetSchema>;
export type SpendingPlan = z.infer<typeof SpendingPlanSchema>;
export type DeclaredCounts = z.infer<typeof DeclaredCountsSchema>;
export type ImportWarning = z.infer<typeof ImportWarningSchema>;
export type Project = z.infer<typeof ProjectSchema>;
export type TocEntry = z.infer<typeof TocEntrySchema>;
export type Overall = z.infer<typeof OverallSchema>;
export type JixiaoDocument = z.infer<typeof DocumentSchema>;
export type ProfileId = (typeof PROFILE_IDS)[number];

/** A project with every field at its empty default — the starting point of importers and drafts. */
export function emptyProject(seq = 1): Project {
  return ProjectSchema.parse({ seq });
}

// Kept reachable from here for callers that already load the schemas.
export { isEmptyRow, projectRef } from "./project.js";
