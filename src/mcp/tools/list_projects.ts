import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { Workspace } from "../../workspace.js";
import { guard, ok } from "../result.js";
import { listItemSchema } from "../schemas.js";

export function register(server: McpServer, workspace: Workspace): void {
  server.registerTool(
    "list_projects",
    {
      title: "项目列表",
      description: "列出已保存的项目（可按名称、编码、概况关键词筛选），给出 id 和版本。List stored projects.",
      inputSchema: z.object({ query: z.string().optional().describe("关键词（名称、项目编码或概况中的文字）；省略则列出全部") }),
      outputSchema: { projects: z.array(listItemSchema) },
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
    },
    ({ query }) =>
      guard(() => {
        const projects = workspace.listProjects(query);
        const lines = projects.map((p) => `- ${p.id}｜${p.name}｜${p.code || "无编码"}｜${p.indicatorCount} 条指标｜版本 ${p.revision}`);
        return ok(
          { projects },
          projects.length === 0
            ? query ? `没有匹配“${query}”的项目。` : "还没有项目：用 create_project 新建，或用 import_document 导入。"
            : `共 ${projects.length} 个项目：\n${lines.join("\n")}`,
        );
      }),
  );
}
