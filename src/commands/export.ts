// `jixiao export PROJECT_ID [--db FILE] --to md|html|xlsx|docx|json [-o OUT] [--with-findings]` — a stored
// project's table as the MCP render_project makes it (md, printable html, xlsx, docx; clean unless
// --with-findings), or as Document JSON (which `jixiao check` reads back). md/html/json go to stdout unless -o;
// xlsx/docx are written to -o or `<项目名称>-<id>.<格式>` in the working folder.
import type { Command } from "commander";
import { InputError } from "../domain/errors.js";
import type { ExportFormat } from "../workspace/contracts.js";
import { writeOut, writeOutFile } from "./common.js";
import { DB_OPTION_HELP, openCliWorkspace, requireStoredProject } from "./projects.js";

interface ExportOptions {
  db?: string;
  to: string;
  output?: string;
  withFindings?: boolean;
}

export async function runExport(projectId: string, opts: ExportOptions): Promise<void> {
  // The workspace contracts (zod schemas built at load) load with the command, not with every start.
  const { EXPORT_FORMATS } = await import("../workspace/contracts.js");
  if (!(EXPORT_FORMATS as readonly string[]).includes(opts.to)) {
    throw new InputError(`--to 应为 ${EXPORT_FORMATS.join("、")} 之一，收到“${opts.to}”`);
  }
  const { workspace, dbPath } = await openCliWorkspace(opts.db);
  try {
    await requireStoredProject(workspace, projectId, dbPath);
    const r = await workspace.exportProject(projectId, opts.to as ExportFormat, { withFindings: opts.withFindings });
    const out = opts.output ?? (r.format === "xlsx" || r.format === "docx" ? r.fileName : undefined);
    if (!out) {
      await writeOut(r.content);
      return;
    }
    // The database is this command's input: never written over, nor its WAL companions.
    await writeOutFile(out, r.content, [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]);
  } finally {
    await workspace.close();
  }
}

export function registerExport(program: Command): void {
  program
    .command("export")
    .description("导出数据库中的一个项目：Markdown、可打印 HTML、Excel、Word 或文档 JSON；默认是干净的表格")
    .argument("<projectId>", "项目 id（形如 p_xxxxxxxxxx），见 jixiao projects")
    .option("--db <file>", DB_OPTION_HELP)
    .requiredOption("--to <format>", "输出格式：md | html | xlsx | docx | json")
    .option("-o, --output <OUT>", "输出文件（md/html/json 默认输出到标准输出；xlsx/docx 默认写到 <项目名称>-<id>.xlsx/.docx）")
    .option("--with-findings", "在表格中标出检查发现的问题，并附编号说明；默认不标")
    .action((projectId: string, opts: ExportOptions) => runExport(projectId, opts));
}
