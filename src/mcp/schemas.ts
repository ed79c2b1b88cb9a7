// The tools' zod schemas: the workspace contracts themselves (src/workspace/contracts.ts), so a tool's input and
// output schema can never drift from what the service takes and returns.
export {
  budgetInputSchema,
  createProjectSchema,
  damagedRowSchema,
  findingSchema,
  historyEntrySchema,
  importResultShape,
  indicatorInputSchema,
  indicatorPatchSchema,
  listItemSchema,
  mutationOutputShape,
  normalizedSchema,
  profileSchema,
  projectIdSchema,
  projectListShape,
  projectPatchSchema,
  renderResultShape,
  revisionSchema,
  spendingPlanInputSchema,
  summarySchema,
} from "../workspace/contracts.js";
export { ProjectSchema as projectOutputSchema } from "../domain/schema.js";
