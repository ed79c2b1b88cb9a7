import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { suggestIndicators } from "../../draft/index.js";
import { KINDS } from "../../draft/library/index.js";
import type { Workspace } from "../../workspace/index.js";
import { guard, ok } from "../result.js";
import { profileSchema } from "../schemas.js";

export function register(server: McpServer, _workspace: Workspace): void {
  server.registerTool(
    "suggest_indicators",
    {
      title: "推荐指标",
      description: "按项目概况（可指定项目类型、二级指标）从指标库推荐三级指标、常用指标值和确定依据。Suggest indicators from the library.",
      inputSchema: z.object({
        summary: z.string().min(1).describe("项目概况或关键词，如 组织基层统计人员业务培训4期"),
        name: z.string().optional().describe("项目名称（可选）：与 draft_project 一样参与判断项目类型"),
        kind: z.string().optional().describe(`项目类型（可选）：${KINDS.map((k) => k.label).join("、")}`),
        level2: z.string().optional().describe("只要某个二级指标下的推荐，如 质量指标、服务对象满意度指标"),
        profile: profileSchema.optional(),
      }),
      outputSchema: {
        suggestions: z.array(
          z.object({
            kind: z.string(),
            level1: z.string(),
            level2: z.string(),
            name: z.string(),
            value: z.string(),
            description: z.string().optional(),
            basis: z.string().optional(),
          }),
        ),
      },
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
    },
    ({ summary, name, kind, level2, profile }) =>
      guard(async () => {
        const suggestions = suggestIndicators({ summary, name, kind, level2, profile });
        const lines = suggestions.map((s) => `- [${s.kind}] ${s.level1}/${s.level2}/${s.name}：${s.value}（依据：${s.basis ?? ""}）`);
        const text =
          suggestions.length > 0
            ? `推荐 ${suggestions.length} 项指标（数值为常用默认值，请按项目实际调整）：\n${lines.join("\n")}`
            : `没有找到匹配的推荐；可选项目类型：${KINDS.map((k) => k.label).join("、")}`;
        return ok({ suggestions }, text);
      }),
  );
}
