import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { MAX_IMPORT_TEXT_CHARS, MAX_INPUT_FILE_BYTES } from "../../domain/limits.js";
import type { Workspace } from "../../workspace/index.js";
import { findingsText, guard, ok, summaryText } from "../result.js";
import { importResultShape } from "../schemas.js";

export function register(server: McpServer, workspace: Workspace): void {
  server.registerTool(
    "import_document",
    {
      title: "导入文档",
      description: "导入部门预算绩效文本（.txt/.json/.xlsx 文件路径，或粘贴的文本），保存其中每个项目并检查。Import a document.",
      inputSchema: z.object({
        path: z.string().optional().describe(`文件路径（须在服务器允许的目录内，普通文件，至多 ${MAX_INPUT_FILE_BYTES / 1024 / 1024} MiB）；与 text 二选一`),
        text: z.string().optional().describe(`粘贴的绩效文本内容，至多 ${MAX_IMPORT_TEXT_CHARS.toLocaleString("en-US")} 字符；与 path 二选一`),
      }),
      outputSchema: importResultShape,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
    },
    ({ path, text }) =>
      guard(async () => {
        const r = await workspace.importDocument({ path, text });
        const lines = r.projects.map((p) => `- ${p.id}｜${p.name}｜${p.indicatorCount} 条指标｜${summaryText(p.summary)}`);
        const doc = r.documentFindings.length > 0 ? `\n文档级问题：\n${findingsText(r.documentFindings)}` : "";
        return ok(
          { ...r },
          `已导入 ${r.projects.length} 个项目（文档 ${r.documentId}，指标体系 ${r.profile}），合计：${summaryText(r.summary)}。\n` +
            `${lines.join("\n")}${doc}\n用 validate_project 查看某个项目的问题明细。`,
        );
      }),
  );
}
