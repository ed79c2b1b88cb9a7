import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { pathToFileURL } from "node:url";
import { basename } from "node:path";
import { z } from "zod";
import type { Workspace } from "../../workspace/index.js";
import { RENDER_FORMATS } from "../../workspace/contracts.js";
import { guard, ok } from "../result.js";
import { projectIdSchema, renderResultShape } from "../schemas.js";

export function register(server: McpServer, workspace: Workspace): void {
  server.registerTool(
    "render_project",
    {
      title: "生成表格",
      description: "生成项目绩效目标表：markdown 直接返回；html（打印）/xlsx（上传）写入导出目录并返回文件链接。Render the table.",
      inputSchema: z.object({
        projectId: projectIdSchema,
        format: z.enum(RENDER_FORMATS).describe("markdown：在对话中显示；html：打印版；xlsx：Excel 文件"),
      }),
      outputSchema: renderResultShape,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
    },
    ({ projectId, format }) =>
      guard(async () => {
        const r = await workspace.renderProject(projectId, format);
        if (r.format === "markdown") return ok({ ...r }, r.markdown ?? "");
        const path = r.path!;
        return ok({ ...r }, `已生成 ${format.toUpperCase()} 文件：${path}（${r.bytes} 字节）`, [
          { type: "resource_link", uri: pathToFileURL(path).href, name: basename(path), mimeType: r.mimeType },
        ]);
      }),
  );
}
