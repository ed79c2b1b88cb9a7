import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { Workspace } from "../../workspace/index.js";
import { findingsText, guard, ok, summaryText } from "../result.js";
import { historyEntrySchema, mutationOutputShape, projectIdSchema, revisionSchema } from "../schemas.js";

export function register(server: McpServer, workspace: Workspace): void {
  server.registerTool(
    "undo",
    {
      title: "撤销",
      description:
        "撤销项目最近一次修改（可多次调用，逐步后退），或用 toRevision 一次回到更早的某个版本（版本号见 get_project 的 history: true）。" +
        "撤销本身也记入修改历史，可以再撤销。Undo the last change, or go back to an earlier revision.",
      inputSchema: z.object({
        projectId: projectIdSchema,
        revision: revisionSchema,
        toRevision: z
          .number()
          .int()
          .positive()
          .optional()
          .describe("要回到的版本号（修改历史中某条的 revision，即那次修改之前的版本）；省略则撤销最近一次修改"),
      }),
      outputSchema: {
        ...mutationOutputShape,
        undone: historyEntrySchema.describe("被撤销的最早一次修改（其 revision 即恢复到的版本）"),
        undoneChanges: z.array(historyEntrySchema).describe("本次撤销的全部修改，最早的在前"),
        restoredRevision: z.number().describe("恢复到的版本号（内容与该版本相同，新版本号见 revision）"),
      },
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false },
    },
    ({ projectId, revision, toRevision }) =>
      guard(async () => {
        const r = await workspace.undo(projectId, revision, toRevision);
        const what = r.undoneChanges.map((c) => c.description || c.action).join("；");
        return ok(
          { ...r },
          `已撤销 ${r.undoneChanges.length} 项修改（${what}），内容恢复到版本 ${r.restoredRevision}（新版本号 ${r.revision}；` +
            `如需取消本次撤销，用 undo 加 toRevision: ${r.revision - 1}）。检查：${summaryText(r.summary)}。\n` +
            findingsText(r.findings),
        );
      }),
  );
}
