import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { Workspace } from "../../workspace.js";
import { findingsText, guard, ok, summaryText } from "../result.js";
import { budgetInputSchema, mutationOutputShape, profileSchema, spendingPlanInputSchema } from "../schemas.js";

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
      }),
      outputSchema: mutationOutputShape,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
    },
    (args) =>
      guard(() => {
        const r = workspace.createProject(args);
        return ok(
          { ...r },
          `已创建项目“${r.project.name}”，id ${r.project.id}，版本 ${r.revision}。检查：${summaryText(r.summary)}。\n` +
            `下一步：用 add_indicators 添加绩效指标。\n${findingsText(r.findings)}`,
        );
      }),
  );
}
