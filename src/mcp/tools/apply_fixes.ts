import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { describeFix } from "../../rules/fixes.js";
import type { Workspace } from "../../workspace/index.js";
import { findingsText, guard, ok, summaryText } from "../result.js";
import { mutationOutputShape, projectIdSchema, revisionSchema } from "../schemas.js";

const appliedFixSchema = z.object({
  rule: z.string(),
  project: z.string(),
  indicator: z.number().nullable().describe("0 起的指标行号；项目字段为 null"),
  indicatorName: z.string(),
  field: z.string(),
  before: z.string(),
  after: z.string(),
});

export function register(server: McpServer, workspace: Workspace): void {
  server.registerTool(
    "apply_fixes",
    {
      title: "应用确定的修正",
      description:
        "把检查结果中带确定修正值（fix）的问题一次性改好（如“90 百分比”→“90%”、“≤96%”→“≥96%”），作为一次修改记入历史，可用 undo 一步撤销。" +
        "其余问题仍需逐条修改。Apply every certain fix of the project's findings as one undoable change.",
      inputSchema: z.object({ projectId: projectIdSchema, revision: revisionSchema }),
      outputSchema: { ...mutationOutputShape, applied: z.array(appliedFixSchema).describe("做了的修改，每条含原值和新值") },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
    },
    ({ projectId, revision }) =>
      guard(async () => {
        const r = await workspace.applyFixes(projectId, revision);
        return ok(
          { ...r },
          `已应用 ${r.applied.length} 处确定的修正（新版本号 ${r.revision}，可用 undo 撤销）：\n${r.applied.map((f) => `- ${describeFix(f)}`).join("\n")}\n` +
            `检查：${summaryText(r.summary)}。\n${findingsText(r.findings)}`,
        );
      }),
  );
}
