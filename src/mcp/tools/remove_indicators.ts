import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { Workspace } from "../../workspace/index.js";
import { findingsText, guard, ok, summaryText } from "../result.js";
import { mutationOutputShape, projectIdSchema, revisionSchema } from "../schemas.js";

export function register(server: McpServer, workspace: Workspace): void {
  server.registerTool(
    "remove_indicators",
    {
      title: "删除指标",
      description: "按 id 删除项目中的指标（任一 id 不存在则都不删；可用 undo 撤销）。Remove indicator rows by id.",
      inputSchema: z.object({
        projectId: projectIdSchema,
        indicatorIds: z.array(z.string().min(1)).min(1).describe("要删除的指标 id 列表"),
        revision: revisionSchema,
      }),
      outputSchema: { ...mutationOutputShape, removed: z.array(z.string()) },
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false },
    },
    ({ projectId, indicatorIds, revision }) =>
      guard(async () => {
        const r = await workspace.removeIndicators(projectId, indicatorIds, revision);
        return ok(
          { ...r },
          `已删除 ${r.removed.length} 条指标，项目版本 ${r.revision}。检查：${summaryText(r.summary)}。\n${findingsText(r.findings)}`,
        );
      }),
  );
}
