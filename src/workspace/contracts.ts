// The workspace's contracts, written once with zod: what each call takes and returns. Types come from z.infer;
// the MCP tools' input and output schemas are these same objects (src/mcp/schemas.ts re-exports them).
import { z } from "zod";
import { ProjectSchema } from "../domain/schema.js";
import { PROFILE_IDS, SEVERITIES } from "../domain/vocabulary.js";

export const profileSchema = z
  .enum(PROFILE_IDS)
  .describe("指标体系 profile：legacy（产出/效益/满意度，成本在产出下）或 mof2021（财预〔2021〕101号，成本单列为一级）");

export const projectIdSchema = z.string().min(1).describe("项目 id（形如 p_xxxxxxxxxx），由 create_project / import_document / list_projects 给出");

export const revisionSchema = z
  .number()
  .int()
  .positive()
  .optional()
  .describe(
    "你读到的项目版本号 revision（get_project / list_projects 给出）。若项目已被他人修改则拒绝写入（防止覆盖），请重新读取后再改；" +
      "在多人共用的 HTTP 服务器上每次修改都必须给出",
  );

const amount = (what: string) => z.number().min(0).describe(`${what}，单位：万元`);

// Models often pass the budget as a bare number (budget: 2): read it as the total rather than fail the call.
export const budgetInputSchema = z.preprocess(
  (v) => (typeof v === "number" ? { total: v } : v),
  z
    .object({
      total: amount("预算数（合计）"),
      fiscal: amount("财政资金").nullable().optional(),
      other: amount("其他资金").nullable().optional(),
    })
    .describe("预算数 = 财政资金 + 其他资金（万元），如 {\"total\": 2, \"fiscal\": 2}；只给数字时视为预算数合计"),
);

const percent = (month: string) => z.number().min(0).max(100).nullable().optional().describe(`截至${month}累计支出比例（%）`);

export const spendingPlanInputSchema = z
  .object({ mar: percent("3月底"), jun: percent("6月底"), oct: percent("10月底"), dec: percent("12月底") })
  .describe("资金支出计划：各时点累计支出百分比，12月底应为 100");

export const indicatorInputSchema = z.object({
  level1: z.string().optional().describe("一级指标，如 产出指标；省略时按二级指标和指标体系推断（与二级不符时以二级为准）"),
  level2: z
    .string()
    .min(1)
    .describe("二级指标，如 数量指标、质量指标、时效指标、成本指标、社会效益指标、服务对象满意度指标；简写（时效、满意度）会规范为标准名称"),
  name: z.string().min(1).describe("三级指标名称，如 培训次数"),
  value: z.string().min(1).describe("指标值，要可衡量：如 ≥4次、≥95%、2023年12月底前、≤2万元；不要写占位符或重复指标名"),
  description: z.string().optional().describe("绩效指标描述；省略时同三级指标名称"),
  basis: z.string().optional().describe("指标值确定依据，写来源：年度工作计划、预算批复、合同、历史数据等"),
  unit: z.string().optional().describe("计量单位（可选），如 次、%、万元；省略时由指标值推断"),
  direction: z.enum(["正向", "反向"]).optional().describe("指标方向（可选）：正向 = 越高越好，反向 = 越低越好"),
  weight: z.number().min(0).max(100).optional().describe("分值/权重（可选），如 10"),
});
export type IndicatorInput = z.infer<typeof indicatorInputSchema>;

export const indicatorPatchSchema = indicatorInputSchema
  .partial()
  .strict()
  .describe("要修改的字段（只给要改的）：level1、level2、name、value、description、basis、unit、direction、weight");
export type IndicatorPatch = z.infer<typeof indicatorPatchSchema>;

export const createProjectSchema = z.object({
  name: z.string().min(1).describe("项目名称，如 基层统计人员业务培训"),
  code: z.string().optional().describe("项目编码（可选）"),
  budget: budgetInputSchema,
  summary: z.string().optional().describe("项目概况：做什么、为什么、面向谁"),
  purpose: z.string().optional().describe("资金用途"),
  goals: z.array(z.string()).optional().describe("绩效目标，每条一句具体、可衡量的目标"),
  spendingPlan: spendingPlanInputSchema.optional(),
  profile: profileSchema.optional(),
  indicators: z
    .array(indicatorInputSchema)
    .max(200)
    .optional()
    .describe("可选：同时添加的指标行（与 add_indicators 相同；一级可省略，简写会规范，按指标体系顺序排列）"),
});
export type CreateProjectInput = z.infer<typeof createProjectSchema>;

export const projectPatchSchema = z
  .object({
    name: z.string().min(1).optional().describe("项目名称"),
    code: z.string().optional().describe("项目编码"),
    summary: z.string().optional().describe("项目概况"),
    purpose: z.string().optional().describe("资金用途"),
    funding: z.string().optional().describe("资金安排情况"),
    evaluationBasis: z.string().optional().describe("评价标准/依据"),
    goals: z.array(z.string()).optional().describe("绩效目标（整体替换），每条一句具体、可衡量的目标"),
    budget: z
      .object({ total: amount("预算数").optional(), fiscal: amount("财政资金").nullable().optional(), other: amount("其他资金").nullable().optional() })
      .optional()
      .describe("预算（只改给出的字段），万元"),
    spendingPlan: spendingPlanInputSchema.optional(),
    profile: profileSchema.optional(),
  })
  .strict()
  .describe("要修改的项目字段；指标请用 add_indicators / update_indicator / remove_indicators 修改");
export type ProjectPatch = z.infer<typeof projectPatchSchema>;

// ---- results --------------------------------------------------------------------------------------------

export const findingSchema = z.object({
  rule: z.string(),
  severity: z.enum(SEVERITIES),
  project: z.string().nullable(),
  indicator: z.number().nullable(),
  indicatorId: z.string().optional(),
  field: z.string().nullable(),
  message: z.string(),
  hint: z.string(),
  fix: z.string().optional(),
});
/** A finding with the stable id of the indicator it points at, so a client can call update_indicator directly. */
export type WorkspaceFinding = z.infer<typeof findingSchema>;

export const summarySchema = z.object({ error: z.number(), warning: z.number(), info: z.number() });
export type FindingSummary = z.infer<typeof summarySchema>;

export const mutationOutputShape = {
  project: ProjectSchema,
  revision: z.number(),
  findings: z.array(findingSchema),
  summary: summarySchema,
};
export const mutationResultSchema = z.object(mutationOutputShape);
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const labelNormalizationSchema = z.object({
  indicatorId: z.string(),
  field: z.enum(["level1", "level2"]),
  from: z.string(),
  to: z.string(),
  reason: z.string(),
});
/** A 一级/二级 label the workspace rewrote to the profile's canonical label (产出 → 产出指标). */
export type LabelNormalization = z.infer<typeof labelNormalizationSchema>;

export const normalizedSchema = z
  .array(labelNormalizationSchema)
  .describe("被规范的一级/二级指标名称（如 产出 → 产出指标）；为空表示全部按指标体系的写法给出");

export const listItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  revision: z.number(),
  indicatorCount: z.number(),
  budgetTotal: z.number().nullable(),
  documentId: z.string().nullable(),
  department: z.string().nullable().optional().describe("所属部门（多部门共用的服务器上）"),
  updatedAt: z.string(),
});
export type ProjectListItem = z.infer<typeof listItemSchema>;

export const damagedRowSchema = z.object({ id: z.string(), reason: z.string() });

export const projectListShape = {
  projects: z.array(listItemSchema),
  total: z.number().describe("符合条件的项目总数（含本页之外的）"),
  nextOffset: z.number().optional().describe("还有更多时，下一页的 offset"),
  damaged: z.array(damagedRowSchema).optional().describe("存储记录已损坏、无法读取的项目（可用 delete_project 删除）"),
};
/** One page of a list; damaged rows are named apart, never hiding the others. */
export type ProjectList = z.infer<z.ZodObject<typeof projectListShape>>;

export const historyEntrySchema = z.object({
  revision: z.number().describe("修改前的版本号；undo 的 toRevision 取这个值即恢复到修改前的内容"),
  action: z.string().describe("修改所用的操作，如 add_indicators、update_indicator、undo"),
  description: z.string().describe("这次修改做了什么（中文）；空字符串表示旧版本未记录"),
  at: z.string().describe("修改时间（ISO 8601，UTC）"),
  undoTo: z.number().optional().describe("撤销操作恢复到的版本"),
});
/** One stored change: the project as it was at `revision`, then `action` made revision + 1. */
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const importResultShape = {
  documentId: z.string(),
  profile: profileSchema,
  projects: z.array(listItemSchema.extend({ summary: summarySchema })),
  documentFindings: z.array(findingSchema),
  summary: summarySchema,
  importWarnings: z.array(z.object({ line: z.number().nullable(), message: z.string() })),
};
export type ImportResult = z.infer<z.ZodObject<typeof importResultShape>>;

export const RENDER_FORMATS = ["markdown", "html", "xlsx", "docx"] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

export const renderResultShape = {
  format: z.enum(RENDER_FORMATS),
  /** Markdown inline. */
  markdown: z.string().optional(),
  /** The suggested file name. */
  fileName: z.string().optional(),
  /** html/xlsx/docx written to disk by a local server: where. */
  path: z.string().optional(),
  bytes: z.number().optional(),
  mimeType: z.string(),
};
/** What a render returns; `content` (the file, embedded in the reply) is not part of the structured output. */
export type RenderResult = z.infer<z.ZodObject<typeof renderResultShape>> & { content?: string | Buffer };

export const EXPORT_FORMATS = ["md", "html", "xlsx", "docx", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
