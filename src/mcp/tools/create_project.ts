import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { Workspace } from "../../workspace.js";
import { findingsText, guard, normalizedText, ok, summaryText } from "../result.js";
import {
  budgetInputSchema,
  indicatorInputSchema,
  mutationOutputShape,
  normalizedSchema,
  profileSchema,
  spendingPlanInputSchema,
} from "../schemas.js";

export function register(server: McpServer, workspace: Workspace): void {
  server.registerTool(
    "create_project",
    {
      title: "新建项目",
      description: "新建一个预算项目（绩效目标表），返回项目 id、版本和检查结果。Create a budget project; then add indicators.",
      inputSchema: z.object({
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
      }),
      outputSchema: {
        ...mutationOutputShape,
        added: z.array(z.string()).describe("随项目添加的指标 id，按输入顺序"),
        normalized: normalizedSchema,
      },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
    },
    (args) =>
      guard(() => {
        const r = workspace.createProject(args);
        return ok(
          { ...r },
          `已创建项目“${r.project.name}”，id ${r.project.id}，版本 ${r.revision}` +
            (r.added.length > 0 ? `，含 ${r.added.length} 条指标` : "") +
            `。检查：${summaryText(r.summary)}。\n` +
            (r.added.length > 0 ? normalizedText(r.normalized) : "下一步：用 add_indicators 添加绩效指标。\n") +
            findingsText(r.findings),
        );
      }),
  );
}
