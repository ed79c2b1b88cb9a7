// `jixiao import FILE [--format json]`: read a 绩效文本 (.txt), Excel (.xlsx) or Document JSON file and print
// the Document JSON. Unreadable input exits 2 with one Chinese line (runMain maps InputError).
// A text with no table at all (a project description) is drafted into a table instead — through the
// configured LLM endpoint when there is one, else offline — unless --no-draft.
import type { Command } from "commander";
import { NoTableError } from "../domain/errors.js";
import type { JixiaoDocument } from "../domain/schema.js";
import { createLlmGenerator, draftFromProseWith, llmConfigFromEnv } from "../draft/index.js";
import { decodeText, importBytes, readInputBytes } from "../import/index.js";
import { fail, writeOut } from "./common.js";

async function importOrDraft(file: string, draft: boolean): Promise<JixiaoDocument> {
  // Read once: standard input (`-`) cannot be read a second time for the draft.
  const input = await readInputBytes(file);
  try {
    return await importBytes(input);
  } catch (e) {
    if (!(e instanceof NoTableError) || !draft) throw e;
    const text = decodeText(input.buffer);
    const llm = llmConfigFromEnv();
    const doc = await draftFromProseWith(text, { file: input.name, generator: llm ? createLlmGenerator(llm) : undefined });
    for (const w of doc.importWarnings ?? []) process.stderr.write(`jixiao: ${w.message}\n`);
    return doc;
  }
}

export function registerImport(program: Command): void {
  program
    .command("import")
    .description("把绩效文本（.txt）、Excel（.xlsx）或文档 JSON 读成文档 JSON 输出；没有表格的项目文字会起草成表")
    .argument("<file>", "要导入的文件；- 表示从标准输入读取")
    .option("--format <format>", "输出格式：json", "json")
    .option("--no-draft", "文本中没有绩效目标表时报错，而不是按文字起草")
    .action(async (file: string, opts: { format: string; draft: boolean }) => {
      if (opts.format !== "json") fail(`不支持的输出格式“${opts.format}”（可用：json）`);
      const doc = await importOrDraft(file, opts.draft);
      await writeOut(`${JSON.stringify(doc, null, 2)}\n`);
    });
}
