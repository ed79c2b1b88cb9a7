// `jixiao import FILE [--format json]`: read a 绩效文本 (.txt), Excel (.xlsx) or Document JSON file and print
// the Document JSON. Unreadable input exits 2 with one Chinese line (runMain maps InputError).
// Never invents: a text with no table is refused (exit 2). Only with an explicit --draft is a project
// description drafted into a table — through the configured LLM endpoint when there is one, else offline.
import type { Command } from "commander";
import { NoTableError } from "../domain/errors.js";
import type { JixiaoDocument } from "../domain/schema.js";
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
    // The drafter (openai, handlebars) loads only when a draft is asked for.
    const { createLlmGenerator, draftFromProseWith, llmConfigFromEnv } = await import("../draft/index.js");
    const llm = llmConfigFromEnv();
    const doc = await draftFromProseWith(text, { file: input.name, generator: llm ? createLlmGenerator(llm) : undefined });
    for (const w of doc.importWarnings ?? []) process.stderr.write(`jixiao: ${w.message}\n`);
    return doc;
  }
}

export function registerImport(program: Command): void {
  program
    .command("import")
    .description("把绩效文本（.txt/.md）、Excel（.xlsx）、Word（.docx）、PDF、网页（.html）或文档 JSON 读成文档 JSON 输出")
    .argument("<file>", "要导入的文件；- 表示从标准输入读取")
    .option("--format <format>", "输出格式：json", "json")
    .option("--draft", "文本中没有绩效目标表时，按项目文字起草一张（默认报错退出，不编造内容）", false)
    .action(async (file: string, opts: { format: string; draft: boolean }) => {
      if (opts.format !== "json") fail(`不支持的输出格式“${opts.format}”（可用：json）`);
      const doc = await importOrDraft(file, opts.draft);
      await writeOut(`${JSON.stringify(doc, null, 2)}\n`);
    });
}
