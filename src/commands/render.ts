// `jixiao render FILE --to md|html|xlsx|docx [-o OUT] [--with-findings] [--project CODE]` — clean unless
// --with-findings (then the review marks and notes are added).
import { basename } from "node:path";
import type { Command } from "commander";
import { InputError } from "../domain/errors.js";
import { projectRef } from "../domain/project.js";
import type { JixiaoDocument } from "../domain/schema.js";
import { importFile } from "../import/index.js";
import type { RenderOptions } from "../render/index.js";
import { validate } from "../rules/engine.js";
import { besideInput, writeOut, writeOutFile } from "./common.js";

const FORMATS = ["md", "html", "xlsx", "docx"] as const;
type Format = (typeof FORMATS)[number];

interface RenderCliOptions {
  to: string;
  output?: string;
  withFindings?: boolean;
  project?: string;
  profile?: "legacy" | "mof2021";
  regenerateExplanation?: boolean;
}

/** Keep only the project asked for (by 项目编码, `#seq` or exact name). */
function selectProject(doc: JixiaoDocument, wanted: string, file: string): JixiaoDocument {
  const project = doc.projects.find(
    (p) => p.code === wanted || projectRef(p) === wanted || `#${p.seq}` === wanted || p.name === wanted,
  );
  if (!project) {
    const known = doc.projects.slice(0, 5).map((p) => projectRef(p)).join("、");
    throw new InputError(`${file}：找不到项目“${wanted}”（可用项目编码、#序号或项目名称，例如 ${known}）`);
  }
  return { ...doc, toc: [], projects: [project] };
}

export async function runRender(file: string, opts: RenderCliOptions): Promise<void> {
  const to = opts.to as Format;
  if (!FORMATS.includes(to)) throw new InputError(`--to 应为 md、html、xlsx 或 docx，收到“${opts.to}”`);
  if (opts.profile && opts.profile !== "legacy" && opts.profile !== "mof2021") {
    throw new InputError(`--profile 应为 legacy 或 mof2021，收到“${opts.profile}”`);
  }
  // Loaded here, not at start: exceljs and handlebars cost more than a whole `check` of a .txt.
  const { renderDocumentDocx, renderDocumentHtml, renderDocumentMarkdown, renderDocumentXlsx, renderProjectHtml, renderProjectMarkdown } =
    await import("../render/index.js");
  let doc = await importFile(file);
  if (opts.project) doc = selectProject(doc, opts.project, basename(file));
  const renderOpts: RenderOptions = {
    profile: opts.profile,
    regenerateExplanation: opts.regenerateExplanation,
    department: doc.department,
    onWarning: (message) => process.stderr.write(`jixiao: ${message}\n`),
  };
  if (opts.withFindings) renderOpts.findings = validate(doc, { profile: opts.profile }).findings;
  const single = Boolean(opts.project);

  if (to === "xlsx" || to === "docx") {
    const out = opts.output ?? (file === "-" ? `绩效目标表.${to}` : besideInput(file, `.${to}`));
    const bytes = to === "xlsx" ? await renderDocumentXlsx(doc, renderOpts) : await renderDocumentDocx(doc, renderOpts);
    await writeOutFile(out, bytes, [file]);
    return;
  }
  const text =
    to === "md"
      ? single ? renderProjectMarkdown(doc.projects[0], renderOpts) : renderDocumentMarkdown(doc, renderOpts)
      : single ? renderProjectHtml(doc.projects[0], renderOpts) : renderDocumentHtml(doc, renderOpts);
  if (opts.output) {
    await writeOutFile(opts.output, text, [file]);
  } else {
    await writeOut(text);
  }
}

export function registerRender(program: Command): void {
  program
    .command("render")
    .description("生成绩效目标表：Markdown（对话）、可打印 HTML、Excel（上传）、Word 绩效文本；默认是干净的表格")
    .argument("<FILE>", "输入文件（.txt 绩效文本、.json 文档、.xlsx）；- 表示从标准输入读取")
    .requiredOption("--to <format>", "输出格式：md | html | xlsx | docx")
    .option("-o, --output <OUT>", "输出文件（md/html 默认输出到标准输出；xlsx/docx 默认写到输入文件旁的 <文件名>-绩效目标表.xlsx/.docx；不会覆盖输入文件）")
    .option("--with-findings", "在表格中标出检查发现的问题，并附编号说明（md/html/docx 在表下；xlsx 为单元格底色和批注，另加“审核意见”工作表）；默认不标")
    .option("--project <CODE>", "只输出一个项目（项目编码、#序号或项目名称）")
    .option("--profile <profile>", "指标体系：legacy | mof2021（默认自动识别）")
    .option("--regenerate-explanation", "按表格数据重新生成“绩效目标指标的说明”")
    .action((file: string, opts: RenderCliOptions) => runRender(file, opts));
}
