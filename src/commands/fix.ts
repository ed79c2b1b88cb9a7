// `jixiao fix FILE [-o OUT]` — the document with every certain fix applied (a finding's `fix`: `90%` → `≥90%`),
// written in the input's own format: .json, .md, .html, .xlsx, .docx. A plain-text or PDF 绩效文本 cannot be
// written back in its own layout, so it becomes Markdown unless -o names another format. Never over the input.
import { extname, join, dirname, parse } from "node:path";
import type { Command } from "commander";
import { loadConfig } from "../config.js";
import { InputError } from "../domain/errors.js";
import type { JixiaoDocument } from "../domain/schema.js";
import { importFile, STDIN } from "../import/index.js";
import { applyDocumentFixes, describeFix, type AppliedFix } from "../rules/fixes.js";
import { validate } from "../rules/engine.js";
import { writeOutFile } from "./common.js";

/** Formats a fixed document can be written in, by file extension. */
const WRITERS: Record<string, (doc: JixiaoDocument) => Promise<string | Buffer> | string> = {
  ".json": (doc) => `${JSON.stringify(doc, null, 2)}\n`,
  // The renderers load when a fixed copy is written, not with every command.
  ".md": async (doc) => (await import("../render/index.js")).renderDocumentMarkdown(doc),
  ".html": async (doc) => (await import("../render/index.js")).renderDocumentHtml(doc),
  ".xlsx": async (doc) => (await import("../render/index.js")).renderDocumentXlsx(doc),
  ".docx": async (doc) => (await import("../render/index.js")).renderDocumentDocx(doc),
};
/** Inputs whose own layout cannot be written back: their fixed copy is Markdown by default. */
const AS_MARKDOWN = new Set([".txt", ".pdf", ".htm", ""]);

interface FixOptions {
  output?: string;
  profile?: "legacy" | "mof2021";
  config?: string;
}

/** The certain fixes of a document and the document they give (nothing written). */
export function fixDocument(doc: JixiaoDocument, opts: { file?: string; profile?: FixOptions["profile"]; config?: string } = {}): { document: JixiaoDocument; applied: AppliedFix[] } {
  const config = opts.file && opts.file !== STDIN ? loadConfig({ inputPath: opts.file, ...(opts.config ? { configPath: opts.config } : {}) }).config : undefined;
  const report = validate(doc, { ...(config ? { config } : {}), ...(opts.profile ? { profile: opts.profile } : {}) });
  return applyDocumentFixes(doc, report.findings);
}

export function fixedOutputPath(file: string, output: string | undefined): string {
  if (output) {
    const ext = extname(output).toLowerCase();
    if (!WRITERS[ext]) {
      throw new InputError(`无法写成 ${output}：修正后的文档可写为 ${Object.keys(WRITERS).join("、")}（纯文本和 PDF 不能按原版式写回）`);
    }
    return output;
  }
  const inputExt = file === STDIN ? "" : extname(file).toLowerCase();
  const ext = WRITERS[inputExt] ? inputExt : AS_MARKDOWN.has(inputExt) ? ".md" : ".json";
  const name = file === STDIN ? "标准输入" : parse(file).name;
  return join(file === STDIN ? "." : dirname(file), `${name}-已修正${ext}`);
}

export async function runFix(file: string, opts: FixOptions): Promise<void> {
  const out = fixedOutputPath(file, opts.output);
  const { document, applied } = fixDocument(await importFile(file), { file, profile: opts.profile, config: opts.config });
  await writeOutFile(out, await WRITERS[extname(out).toLowerCase()](document), [file]);
  process.stderr.write(applied.length ? `已应用 ${applied.length} 处确定的修正：\n${applied.map((f) => `  ${describeFix(f)}`).join("\n")}\n` : "没有可自动修正的问题，已原样写出\n");
}

export function registerFix(program: Command): void {
  program
    .command("fix")
    .description("应用检查结果中确定的修正（如“90%”→“≥90%”），按输入文件的格式写出新文件，不覆盖输入文件")
    .argument("<FILE>", "输入文件（.json、.md、.html、.xlsx、.docx；.txt/.pdf 写成 .md）；- 表示从标准输入读取")
    .option("-o, --output <OUT>", "输出文件，格式按扩展名：.json、.md、.html、.xlsx、.docx（默认：输入文件旁的 <文件名>-已修正.<同格式>）")
    .option("--profile <profile>", "指标体系：legacy | mof2021（默认自动识别）")
    .option("--config <file>", "配置文件（默认从文件所在目录向上查找 .jixiaorc.json）")
    .action((file: string, opts: FixOptions) => runFix(file, opts));
}
