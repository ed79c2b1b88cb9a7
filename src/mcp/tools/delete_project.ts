import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { Workspace } from "../../workspace/index.js";
import { guard, ok } from "../result.js";
import { projectIdSchema, revisionSchema } from "../schemas.js";

export function register(server: McpServer, workspace: Workspace): void {
  server.registerTool(
    "delete_project",
    {
      title: "删除项目",
      description:
        "删除一个项目及其修改历史（不可撤销）。用于误建、重复导入或存储记录已损坏的项目。Delete a project and its history.",
      inputSchema: z.object({ projectId: projectIdSchema, revision: revisionSchema }),
      outputSchema: { deleted: z.string(), name: z.string().nullable() },
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false },
    },
    ({ projectId, revision }) =>
      guard(async () => {
        const r = await workspace.deleteProject(projectId, revision);
        return ok({ ...r }, `已删除项目${r.name ? `“${r.name}”` : ""}（${r.deleted}）及其修改历史。`);
      }),
  );
}
