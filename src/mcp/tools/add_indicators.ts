import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { Workspace } from "../../workspace/index.js";
import { findingsText, guard, normalizedText, ok, summaryText } from "../result.js";
import { indicatorInputSchema, mutationOutputShape, normalizedSchema, projectIdSchema, revisionSchema } from "../schemas.js";

export function register(server: McpServer, workspace: Workspace): void {
  server.registerTool(
    "add_indicators",
    {
      title: "添加指标",
      description:
        "向项目添加一条或多条绩效指标（一级指标可省略，按二级推断；产出、时效等简写会规范为 产出指标、时效指标），新行按指标体系顺序插入，返回新指标 id 和检查结果。Add indicator rows.",
      inputSchema: z.object({
        projectId: projectIdSchema,
        indicators: z.array(indicatorInputSchema).min(1).max(200).describe("要添加的指标行"),
        revision: revisionSchema,
      }),
      outputSchema: {
        ...mutationOutputShape,
        added: z.array(z.string()).describe("新指标的 id，按输入顺序"),
        normalized: normalizedSchema,
      },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
    },
    ({ projectId, indicators, revision }) =>
      guard(async () => {
        const r = await workspace.addIndicators(projectId, indicators, revision);
        return ok(
          { ...r },
          `已添加 ${r.added.length} 条指标（${r.added.join("、")}），项目版本 ${r.revision}。检查：${summaryText(r.summary)}。\n` +
            normalizedText(r.normalized) +
            findingsText(r.findings),
        );
      }),
  );
}
