import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { Workspace } from "../../workspace/index.js";
import { findingsText, guard, historyText, ok, summaryText } from "../result.js";
import { historyEntrySchema, mutationOutputShape, projectIdSchema } from "../schemas.js";

export function register(server: McpServer, workspace: Workspace): void {
  server.registerTool(
    "get_project",
    {
      title: "读取项目",
      description:
        "读取项目的全部数据（含指标 id 和当前版本 revision）及检查结果；history: true 时另附修改历史（每个版本改了什么），供 undo 的 toRevision 选择。" +
        "Read a project with its revision and findings, optionally its change history.",
      inputSchema: z.object({
        projectId: projectIdSchema,
        history: z
          .boolean()
          .optional()
          .describe(
            "为 true 时附上修改历史：每条含修改前的版本号 revision、时间、修改内容（如“添加 3 条指标”“撤销到版本 5”），最早的在前；用 undo 的 toRevision 可回到其中任一版本。默认不附",
          ),
      }),
      outputSchema: {
        ...mutationOutputShape,
        documentId: z.string().nullable(),
        createdAt: z.string(),
        updatedAt: z.string(),
        history: z.array(historyEntrySchema).optional().describe("修改历史（history: true 时给出），最早的在前，最多保留最近 50 条"),
      },
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
    },
    ({ projectId, history }) =>
      guard(async () => {
        const r = await workspace.getProject(projectId);
        const p = r.project;
        const rows = p.indicators.map((i) => `- ${i.id}｜${i.level1}｜${i.level2}｜${i.name}｜${i.value}｜${i.basis}`);
        let text =
          `项目“${p.name}”（${p.id}），版本 ${r.revision}，预算 ${p.budget.total ?? "未填"} 万元，${p.indicators.length} 条指标。\n` +
          `绩效目标：${p.goals.join("；") || "（无）"}\n指标（id｜一级｜二级｜三级｜指标值｜依据）：\n${rows.join("\n") || "（无）"}\n` +
          `检查：${summaryText(r.summary)}\n${findingsText(r.findings)}`;
        if (!history) return ok({ ...r }, text);
        const entries = (await workspace.history(projectId)).entries;
        text +=
          `\n修改历史（共 ${entries.length} 条，最早的在前；undo 加 toRevision 可回到“版本 N → N+1”中的 N）：\n` + historyText(entries);
        return ok({ ...r, history: entries }, text);
      }),
  );
}
