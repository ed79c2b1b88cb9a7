// `jixiao projects [--db FILE] [--query TEXT] [--format text|json]` — list the projects stored in the database the
// MCP server uses (id, 编码, 名称, revision, updated, error/warning counts). Also the shared plumbing of the
// store-reading commands (history, export): database resolution as `serve` does it, and project lookup.
import type { Command } from "commander";
import { InputError } from "../domain/errors.js";
import type { Workspace } from "../workspace/index.js";
import { writeOut } from "./common.js";

export const DB_OPTION_HELP = "数据库文件（默认 JIXIAO_DB 或 ~/.jixiao/jixiao.db，与 jixiao serve 相同）";

/** The workspace over an existing database, read-only: `--db` > JIXIAO_DB > ~/.jixiao/jixiao.db. */
export async function openCliWorkspace(db: string | undefined): Promise<{ workspace: Workspace; dbPath: string }> {
  const { defaultDbPath, defaultExportsDir, openExistingStore } = await import("../store/index.js");
  const dbPath = defaultDbPath(db);
  const store = await openExistingStore(dbPath);
  // The workspace (and the renderers behind it) loads only for the commands that read the database.
  const { Workspace } = await import("../workspace/index.js");
  return { workspace: new Workspace(store, { exportsDir: defaultExportsDir(dbPath) }), dbPath };
}

/** An InputError naming how to find ids when `projectId` is not in the database. */
export async function requireStoredProject(workspace: Workspace, projectId: string, dbPath: string): Promise<void> {
  if (await workspace.hasProject(projectId)) return;
  throw new InputError(
    `找不到项目“${projectId}”（数据库 ${dbPath}）。用 jixiao projects 列出项目 id（形如 p_xxxxxxxxxx），或 jixiao projects --query 关键词 查找`,
  );
}

export function checkTextOrJson(format: string | undefined): "text" | "json" {
  const f = format ?? "text";
  if (f !== "text" && f !== "json") throw new InputError(`不支持的输出格式“${f}”，可选：text、json`);
  return f;
}

/** An ISO time as local `YYYY-MM-DD HH:mm:ss` for the text output. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

interface ProjectsOptions {
  db?: string;
  query?: string;
  format?: string;
}

export async function runProjects(opts: ProjectsOptions): Promise<void> {
  const format = checkTextOrJson(opts.format);
  const { workspace, dbPath } = await openCliWorkspace(opts.db);
  try {
    const projects = (await workspace.listProjectsWithSummary(opts.query)).map((p) => ({
      id: p.id,
      code: p.code,
      name: p.name,
      revision: p.revision,
      updatedAt: p.updatedAt,
      indicatorCount: p.indicatorCount,
      documentId: p.documentId,
      errors: p.summary.error,
      warnings: p.summary.warning,
    }));
    if (format === "json") {
      await writeOut(`${JSON.stringify({ db: dbPath, projects }, null, 2)}\n`);
      return;
    }
    if (projects.length === 0) {
      await writeOut(
        opts.query ? `没有匹配“${opts.query}”的项目（数据库 ${dbPath}）\n` : `数据库 ${dbPath} 中还没有项目（用 jixiao serve 的 MCP 工具新建或导入）\n`,
      );
      return;
    }
    const lines = projects.map(
      (p) =>
        `${p.id}  ${p.code || "（无编码）"}  ${p.name}  版本 ${p.revision}  更新 ${localTime(p.updatedAt)}  错误 ${p.errors}  警告 ${p.warnings}`,
    );
    await writeOut(`${lines.join("\n")}\n共 ${projects.length} 个项目（数据库 ${dbPath}）\n`);
  } finally {
    await workspace.close();
  }
}

export function registerProjects(program: Command): void {
  program
    .command("projects")
    .description("列出数据库中保存的项目（id、编码、名称、版本、更新时间、错误/警告数）")
    .option("--db <file>", DB_OPTION_HELP)
    .option("--query <text>", "按名称、项目编码或概况中的文字筛选")
    .option("--format <format>", "输出格式：text 或 json", "text")
    .action((opts: ProjectsOptions) => runProjects(opts));
}
