import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { Workspace } from "../../workspace/index.js";
import { findingsText, guard, normalizedText, ok, summaryText } from "../result.js";
import { createProjectSchema, mutationOutputShape, normalizedSchema } from "../schemas.js";

export function register(server: McpServer, workspace: Workspace): void {
  server.registerTool(
    "create_project",
    {
      title: "新建项目",
      description: "新建一个预算项目（绩效目标表），返回项目 id、版本和检查结果。Create a budget project; then add indicators.",
      inputSchema: createProjectSchema,
      outputSchema: {
        ...mutationOutputShape,
        added: z.array(z.string()).describe("随项目添加的指标 id，按输入顺序"),
        normalized: normalizedSchema,
      },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
    },
    (args) =>
      guard(async () => {
        const r = await workspace.createProject(args);
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
