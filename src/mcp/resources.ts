// Resources: the rule catalog and each rule's docs, each stored project as JSON and as a Markdown table.
import { ResourceTemplate, type McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { isInputError } from "../domain/errors.js";
import { SEVERITY_LABEL } from "../domain/vocabulary.js";
import { RULES } from "../rules/registry.js";
import type { Workspace } from "../workspace/index.js";

export function registerResources(server: McpServer, workspace: Workspace): void {
  server.registerResource(
    "rules",
    "jixiao://rules",
    { title: "检查规则目录", description: "全部检查规则：id、默认严重级别、说明", mimeType: "application/json" },
    (uri) => ({
      contents: [
        {
          uri: uri.href,
          mimeType: "application/json",
          text: JSON.stringify(
            RULES.map((r) => ({ id: r.id, severity: r.severity, description: r.description, docs: `jixiao://rules/${r.id}` })),
            null,
            2,
          ),
        },
      ],
    }),
  );

  server.registerResource(
    "rule",
    new ResourceTemplate("jixiao://rules/{id}", {
      list: () => ({
        resources: RULES.map((r) => ({ uri: `jixiao://rules/${r.id}`, name: r.id, description: r.description, mimeType: "text/markdown" })),
      }),
      complete: { id: (prefix) => RULES.map((r) => r.id).filter((id) => id.startsWith(prefix)) },
    }),
    { title: "规则说明", description: "一条规则的说明：为什么、错误示例和改进示例", mimeType: "text/markdown" },
    (uri, { id }) => {
      const rule = RULES.find((r) => r.id === String(id));
      if (!rule) throw new Error(`没有规则“${String(id)}”，请读取 jixiao://rules 查看规则列表`);
      const text = `# ${rule.id}（${SEVERITY_LABEL[rule.severity]}）\n\n${rule.description}\n\n${rule.docs}\n`;
      return { contents: [{ uri: uri.href, mimeType: "text/markdown", text }] };
    },
  );

  const listProjects = (suffix: string, mimeType: string) => async () => ({
    resources: (await workspace.listProjects()).projects.map((p) => ({
      uri: `jixiao://projects/${p.id}${suffix}`,
      name: suffix ? `${p.name}（表格）` : p.name,
      mimeType,
    })),
  });

  server.registerResource(
    "project",
    new ResourceTemplate("jixiao://projects/{id}", { list: listProjects("", "application/json") }),
    { title: "项目数据", description: "一个项目的全部数据（JSON，含 revision）", mimeType: "application/json" },
    (uri, { id }) =>
      readOrExplain(async () => {
        const view = await workspace.getProject(String(id));
        const text = JSON.stringify({ project: view.project, revision: view.revision, summary: view.summary }, null, 2);
        return { contents: [{ uri: uri.href, mimeType: "application/json", text }] };
      }),
  );

  server.registerResource(
    "project-table",
    new ResourceTemplate("jixiao://projects/{id}/table", { list: listProjects("/table", "text/markdown") }),
    { title: "项目绩效目标表", description: "一个项目的绩效目标表（Markdown）", mimeType: "text/markdown" },
    async (uri, { id }) =>
      readOrExplain(async () => {
        const r = await workspace.renderProject(String(id), "markdown", { withFindings: true });
        return { contents: [{ uri: uri.href, mimeType: "text/markdown", text: r.markdown ?? "" }] };
      }),
  );
}

/** Resource reads have no isError: an input problem becomes a protocol error carrying the Chinese message. */
async function readOrExplain<T>(read: () => T | Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (isInputError(e)) throw new Error(e.message);
    throw e;
  }
}
