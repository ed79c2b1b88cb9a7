import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { Workspace } from "../../workspace.js";
import { findingsText, guard, ok, summaryText } from "../result.js";
import { mutationOutputShape, projectIdSchema } from "../schemas.js";

export function register(server: McpServer, workspace: Workspace): void {
  server.registerTool(
    "get_project",
    {
      title: "读取项目",
      description: "读取项目的全部数据（含指标 id 和当前版本 revision）及检查结果。Read a project with its revision and findings.",
      inputSchema: z.object({ projectId: projectIdSchema }),
      outputSchema: {
        ...mutationOutputShape,
        documentId: z.string().nullable(),
        createdAt: z.string(),
        updatedAt: z.string(),
      },
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
    },
    ({ projectId }) =>
      guard(() => {
        const r = workspace.getProject(projectId);
        const p = r.project;
        const rows = p.indicators.map((i) => `- ${i.id}｜${i.level1}｜${i.level2}｜${i.name}｜${i.value}｜${i.basis}`);
        return ok(
          { ...r },
          `项目“${p.name}”（${p.id}），版本 ${r.revision}，预算 ${p.budget.total ?? "未填"} 万元，${p.indicators.length} 条指标。\n` +
            `绩效目标：${p.goals.join("；") || "（无）"}\n指标（id｜一级｜二级｜三级｜指标值｜依据）：\n${rows.join("\n") || "（无）"}\n` +
            `检查：${summaryText(r.summary)}\n${findingsText(r.findings)}`,
        );
      }),
  );
}
