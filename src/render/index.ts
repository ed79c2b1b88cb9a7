// Rendering entry points (Markdown for chat, HTML for print, Excel for upload, Word for the 绩效文本). Every
// output is clean unless `findings` are given: then offending cells are marked and numbered notes added.
import type { JixiaoDocument, Project, ProfileId } from "../domain/schema.js";
import type { Finding } from "../rules/types.js";
import { buildDocumentView, departmentLine } from "./document.js";
import { escapeMarkdown, template } from "./templates.js";
import { buildProjectView } from "./view.js";

export { explainIndicators, explainProject } from "./explain.js";
export type { Explanation } from "./explain.js";

/** The Excel writer, loaded on the first export: exceljs alone costs more than a whole `check` of a .txt. */
async function xlsxWriter() {
  return (await import("./xlsx.js")).writeDocumentXlsx;
}

export type RenderFormat = "markdown" | "html" | "xlsx" | "docx";

/** The Word writer, loaded on the first export (the docx library is large). */
export async function renderDocumentDocx(...args: Parameters<typeof import("./docx.js").renderDocumentDocx>): ReturnType<typeof import("./docx.js").renderDocumentDocx> {
  return (await import("./docx.js")).renderDocumentDocx(...args);
}

export async function renderProjectDocx(...args: Parameters<typeof import("./docx.js").renderProjectDocx>): ReturnType<typeof import("./docx.js").renderProjectDocx> {
  return (await import("./docx.js")).renderProjectDocx(...args);
}

export interface RenderOptions {
  /** Findings to overlay (offending cells marked, numbered notes with message and hint). */
  findings?: Finding[];
  profile?: ProfileId;
  /** Generate the 关于…绩效目标指标的说明 block from the data even where the project has one. */
  regenerateExplanation?: boolean;
  /** Department line above a single project's table (`105001 某某局本级`). */
  department?: JixiaoDocument["department"];
  /** Told what an Excel export had to change to stay a valid workbook (characters XML forbids, removed). */
  onWarning?: (message: string) => void;
}

export function renderProjectMarkdown(project: Project, opts: RenderOptions = {}): string {
  return template("project.md")(buildProjectView(project, opts.findings));
}

export function renderProjectHtml(project: Project, opts: RenderOptions = {}): string {
  const view = { ...buildProjectView(project, opts.findings), departmentLine: departmentLine(opts) };
  return template("project.html")({ project: view });
}

export async function renderProjectXlsx(project: Project, opts: RenderOptions = {}): Promise<Buffer> {
  const doc: JixiaoDocument = { unit: "万元", toc: [], projects: [project], department: opts.department };
  return (await xlsxWriter())(doc, opts);
}

export function renderDocumentMarkdown(doc: JixiaoDocument, opts: RenderOptions = {}): string {
  const view = buildDocumentView(doc, opts);
  const head = `## ${escapeMarkdown(view.title)}\n\n`;
  const notes = view.documentNotes.length
    ? `\n**文档问题**\n\n${view.documentNotes.map((n) => `${n.num}. 【${n.severityLabel}】${escapeMarkdown(n.message)} 修改建议：${escapeMarkdown(n.hint)}`).join("\n")}\n`
    : "";
  const tables = view.sections
    .map((s) => (s.project ? template("project.md")(s.view) : `### ${escapeMarkdown(s.title)}\n\n（目录列有此项，但文本中没有对应的绩效目标表。）\n`))
    .join("\n");
  return head + tables + notes;
}

export function renderDocumentHtml(doc: JixiaoDocument, opts: RenderOptions = {}): string {
  return template("document.html")(buildDocumentView(doc, opts));
}

export async function renderDocumentXlsx(doc: JixiaoDocument, opts: RenderOptions = {}): Promise<Buffer> {
  return (await xlsxWriter())(doc, opts);
}
