// `jixiao import FILE [--format json]`: read a 绩效文本 (.txt), Excel (.xlsx) or Document JSON file and print
// the Document JSON. Unreadable input exits 2 with one Chinese line (runMain maps InputError).
import type { Command } from "commander";
import { importFile } from "../import/index.js";
import { fail, writeOut } from "./common.js";

export function registerImport(program: Command): void {
  program
    .command("import")
    .description("把绩效文本（.txt）、Excel（.xlsx）或文档 JSON 读成文档 JSON 输出")
    .argument("<file>", "要导入的文件")
    .option("--format <format>", "输出格式：json", "json")
    .action(async (file: string, opts: { format: string }) => {
      if (opts.format !== "json") fail(`不支持的输出格式“${opts.format}”（可用：json）`);
      const doc = await importFile(file);
      await writeOut(`${JSON.stringify(doc, null, 2)}\n`);
    });
}
