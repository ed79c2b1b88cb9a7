import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { Workspace } from "../../workspace/index.js";
import { findingsText, guard, ok, summaryText } from "../result.js";
import { findingSchema, profileSchema, projectIdSchema, summarySchema } from "../schemas.js";

export function register(server: McpServer, workspace: Workspace): void {
  server.registerTool(
    "validate_project",
    {
      title: "检查项目",
      description: "按规则检查项目的绩效目标表，返回每个问题的位置、说明和修改建议。Validate a project; fix every error.",
      inputSchema: z.object({ projectId: projectIdSchema, profile: profileSchema.optional() }),
      outputSchema: { profile: profileSchema, findings: z.array(findingSchema), summary: summarySchema },
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
    },
    ({ projectId, profile }) =>
      guard(async () => {
        const r = await workspace.validateProject(projectId, profile);
        const next = r.summary.error > 0 ? "请逐条修改错误（update_indicator / update_project），再次检查。" : "没有错误，可以用 render_project 生成表格。";
        return ok(
          { profile: r.profile, findings: r.findings, summary: r.summary },
          `检查结果（${r.profile}）：${summaryText(r.summary)}。${next}\n${findingsText(r.findings)}`,
        );
      }),
  );
}
