// `jixiao history PROJECT_ID [--db FILE] [--format text|json]` — a stored project's changes, oldest first: the
// revision before each change, when, and what it did. The MCP tool `undo` (toRevision) goes back to any of them.
import type { Command } from "commander";
import { writeOut } from "./common.js";
import { checkTextOrJson, DB_OPTION_HELP, localTime, openCliWorkspace, requireStoredProject } from "./projects.js";

interface HistoryOptions {
  db?: string;
  format?: string;
}

export async function runHistory(projectId: string, opts: HistoryOptions): Promise<void> {
  const format = checkTextOrJson(opts.format);
  const { workspace, dbPath } = await openCliWorkspace(opts.db);
  try {
    await requireStoredProject(workspace, projectId, dbPath);
    const { project } = await workspace.getProject(projectId);
    const { revision, entries } = await workspace.history(projectId);
    if (format === "json") {
      await writeOut(`${JSON.stringify({ id: projectId, name: project.name, code: project.code, revision, entries }, null, 2)}\n`);
      return;
    }
    const head = `项目“${project.name}”（${projectId}），当前版本 ${revision}`;
    if (entries.length === 0) {
      await writeOut(`${head}\n还没有修改记录\n`);
      return;
    }
    const lines = entries.map(
      (e) => `版本 ${e.revision} → ${e.revision + 1}  ${localTime(e.at)}  ${e.description || "（未记录）"}  [${e.action}]`,
    );
    await writeOut(`${head}，共 ${entries.length} 条修改（最早的在前）\n${lines.join("\n")}\n`);
  } finally {
    await workspace.close();
  }
}

export function registerHistory(program: Command): void {
  program
    .command("history")
    .description("列出一个项目的修改历史（版本、时间、修改内容），最早的在前")
    .argument("<projectId>", "项目 id（形如 p_xxxxxxxxxx），见 jixiao projects")
    .option("--db <file>", DB_OPTION_HELP)
    .option("--format <format>", "输出格式：text 或 json", "text")
    .action((projectId: string, opts: HistoryOptions) => runHistory(projectId, opts));
}
