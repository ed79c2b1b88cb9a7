import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import type { Workspace } from "../../workspace/index.js";
import { RENDER_FORMATS } from "../../workspace/contracts.js";
import { guard, ok } from "../result.js";
import { projectIdSchema, renderResultShape } from "../schemas.js";

const FORMATS = ["markdown", "html", "xlsx", "docx"] as const;

export function register(server: McpServer, workspace: Workspace): void {
  server.registerTool(
    "render_project",
    {
      title: "生成表格",
      description:
        "生成项目绩效目标表：markdown 直接返回；html（打印）/xlsx（上传）/docx（Word 绩效文本）作为嵌入资源随回复返回" +
        "（本机 stdio 服务器另写入导出目录）。默认是可上交的干净表格；withFindings: true 时标出问题并附审核意见。Render the table.",
      inputSchema: z.object({
        projectId: projectIdSchema,
        format: z.enum(RENDER_FORMATS).describe("markdown：在对话中显示；html：打印版；xlsx：Excel 文件；docx：Word 文件"),
        withFindings: z.boolean().optional().describe("true：在表格中标出检查发现的问题并附编号说明（审核用）；默认 false（干净的表格）"),
      }),
      outputSchema: renderResultShape,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
    },
    ({ projectId, format, withFindings }) =>
      guard(async () => {
        // A server reached over HTTP never hands out paths on its own disk: the file travels in the reply.
        const r = await workspace.renderProject(projectId, format, { withFindings, writeFile: !workspace.remote });
        const { content, ...structured } = r;
        if (r.format === "markdown") return ok({ ...structured }, r.markdown ?? "");
        const name = r.fileName!;
        const uri = r.path ? pathToFileURL(r.path).href : `jixiao://exports/${encodeURIComponent(name)}`;
        const resource =
          typeof content === "string"
            ? { uri, mimeType: r.mimeType, text: content }
            : { uri, mimeType: r.mimeType, blob: Buffer.from(content!).toString("base64") };
        const where = r.path ? `：${r.path}` : `“${name}”（见嵌入的文件）`;
        return ok({ ...structured }, `已生成 ${format.toUpperCase()} 文件${where}（${r.bytes} 字节）`, [
          { type: "resource", resource },
          ...(r.path ? [{ type: "resource_link" as const, uri, name, mimeType: r.mimeType }] : []),
        ]);
      }),
  );
}
