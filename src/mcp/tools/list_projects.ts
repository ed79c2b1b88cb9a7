import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { Workspace } from "../../workspace/index.js";
import { guard, ok } from "../result.js";
import { projectListShape } from "../schemas.js";

/** One page by default: enough for a bureau's projects, small enough for a chat client's context. */
const DEFAULT_LIMIT = 200;

export function register(server: McpServer, workspace: Workspace): void {
  server.registerTool(
    "list_projects",
    {
      title: "项目列表",
      description: "列出已保存的项目（可按名称、编码、概况关键词筛选，可分页），给出 id 和版本。List stored projects.",
      inputSchema: z.object({
        query: z.string().max(200).optional().describe("关键词（名称、项目编码或概况中的文字）；省略则列出全部"),
        offset: z.number().int().min(0).optional().describe("跳过前面多少个项目（分页），默认 0"),
        limit: z.number().int().min(1).max(1000).optional().describe(`最多列出多少个项目，默认 ${DEFAULT_LIMIT}`),
      }),
      outputSchema: projectListShape,
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
    },
    ({ query, offset, limit }) =>
      guard(async () => {
        const start = offset ?? 0;
        const list = await workspace.listProjects(query, { offset: start, limit: limit ?? DEFAULT_LIMIT });
        const { projects, total, nextOffset } = list;
        const damaged = list.damaged ?? [];
        const lines = projects.map((p) => `- ${p.id}｜${p.name}｜${p.code || "无编码"}｜${p.indicatorCount} 条指标｜版本 ${p.revision}`);
        const broken = damaged.length > 0 ? `\n另有 ${damaged.length} 个项目记录已损坏，无法读取：${damaged.map((d) => `${d.id}（${d.reason}）`).join("；")}。可用 delete_project 删除。` : "";
        const more = nextOffset !== undefined ? `\n还有 ${total - nextOffset} 个项目：用 offset: ${nextOffset} 列出下一页。` : "";
        const text =
          projects.length === 0 && damaged.length === 0
            ? query ? `没有匹配“${query}”的项目。` : "还没有项目：用 create_project 新建，或用 import_document 导入。"
            : `共 ${total} 个项目${start > 0 || nextOffset !== undefined ? `（本页 ${projects.length} 个）` : ""}：\n${lines.join("\n")}${broken}${more}`;
        return ok({ ...list }, text);
      }),
  );
}
