import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { Workspace } from "../../workspace/index.js";
import { findingsText, guard, normalizedText, ok, summaryText } from "../result.js";
import { indicatorPatchSchema, mutationOutputShape, normalizedSchema, projectIdSchema, revisionSchema } from "../schemas.js";

export function register(server: McpServer, workspace: Workspace): void {
  server.registerTool(
    "update_indicator",
    {
      title: "修改指标",
      description: "按指标 id 修改一条指标（指标值、名称、依据等），返回新版本和检查结果。Patch one indicator by id.",
      inputSchema: z.object({
        projectId: projectIdSchema,
        indicatorId: z.string().min(1).describe("指标 id（形如 i_xxxxxxxxxx），见 get_project 或检查结果中的 indicatorId"),
        patch: indicatorPatchSchema,
        revision: revisionSchema,
      }),
      outputSchema: { ...mutationOutputShape, normalized: normalizedSchema },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
    },
    ({ projectId, indicatorId, patch, revision }) =>
      guard(async () => {
        const r = await workspace.updateIndicator(projectId, indicatorId, patch, revision);
        return ok(
          { ...r },
          `已修改指标 ${indicatorId}，项目版本 ${r.revision}。检查：${summaryText(r.summary)}。\n${normalizedText(r.normalized)}${findingsText(r.findings)}`,
        );
      }),
  );
}
