import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { Workspace } from "../../workspace.js";
import { findingsText, guard, ok, summaryText } from "../result.js";
import { mutationOutputShape, projectIdSchema, revisionSchema } from "../schemas.js";

export function register(server: McpServer, workspace: Workspace): void {
  server.registerTool(
    "undo",
    {
      title: "撤销",
      description: "撤销项目最近一次修改（可多次撤销），恢复为修改前的内容。Undo the last change of a project.",
      inputSchema: z.object({ projectId: projectIdSchema, revision: revisionSchema }),
      outputSchema: {
        ...mutationOutputShape,
        undone: z.object({ revision: z.number(), action: z.string(), at: z.string() }),
      },
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false },
    },
    ({ projectId, revision }) =>
      guard(() => {
        const r = workspace.undo(projectId, revision);
        return ok(
          { ...r },
          `已撤销 ${r.undone.action}，内容恢复到版本 ${r.undone.revision}（新版本号 ${r.revision}）。检查：${summaryText(r.summary)}。\n` +
            findingsText(r.findings),
        );
      }),
  );
}
