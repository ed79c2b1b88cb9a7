// MCP prompts: draft_targets (from a project description) and review_table (an existing project). Texts in prompts/.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { Workspace } from "../workspace/index.js";
import { readPrompt } from "./package-root.js";

export function registerPrompts(server: McpServer, workspace: Workspace): void {
  server.registerPrompt(
    "draft_targets",
    {
      title: "起草绩效目标表",
      description: "根据项目概况起草完整的绩效目标表（新建项目、添加指标、检查并修正、生成表格）",
      argsSchema: {
        name: z.string().describe("项目名称"),
        summary: z.string().describe("项目概况：做什么、为什么、面向谁、规模"),
        budget: z.string().optional().describe("预算数（万元）"),
      },
    },
    ({ name, summary, budget }) => ({
      messages: [
        {
          role: "user",
          content: { type: "text", text: readPrompt("mcp-draft-targets.md", { name, summary, budget: budget ?? "（未提供，请询问）" }) },
        },
      ],
    }),
  );

  server.registerPrompt(
    "review_table",
    {
      title: "审核绩效目标表",
      description: "像财政局审核人员一样审核一个已保存的项目，逐条说明问题并给出修改",
      argsSchema: { projectId: z.string().describe("项目 id（list_projects 可查）") },
    },
    async ({ projectId }) => {
      const view = await workspace.getProject(projectId);
      const table = (await workspace.renderProject(projectId, "markdown", { withFindings: true })).markdown ?? "";
      const findings = view.findings.map((f) => `- [${f.severity}] ${f.rule}${f.indicatorId ? `（${f.indicatorId}）` : ""}：${f.message} ${f.hint}`);
      return {
        messages: [
          {
            role: "user",
            content: {
              type: "text",
              text: readPrompt("mcp-review-table.md", {
                projectId,
                name: view.project.name,
                revision: String(view.revision),
                table,
                findings: findings.join("\n") || "（规则检查未发现问题）",
              }),
            },
          },
        ],
      };
    },
  );
}
