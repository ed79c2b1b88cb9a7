import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { Workspace } from "../../workspace/index.js";
import { findingsText, guard, ok, summaryText } from "../result.js";
import { mutationOutputShape, projectIdSchema, projectPatchSchema, revisionSchema } from "../schemas.js";

export function register(server: McpServer, workspace: Workspace): void {
  server.registerTool(
    "update_project",
    {
      title: "修改项目",
      description: "修改项目字段（名称、编码、概况、预算、支出计划、绩效目标等），返回新版本和检查结果。Patch project fields.",
      inputSchema: z.object({ projectId: projectIdSchema, patch: projectPatchSchema, revision: revisionSchema }),
      outputSchema: mutationOutputShape,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
    },
    ({ projectId, patch, revision }) =>
      guard(async () => {
        const r = await workspace.updateProject(projectId, patch, revision);
        return ok({ ...r }, `已修改项目“${r.project.name}”，版本 ${r.revision}。检查：${summaryText(r.summary)}。\n${findingsText(r.findings)}`);
      }),
  );
}
