// Files made from a stored project: the tables render_project writes and the exports the CLI prints — md,
// printable html, xlsx, docx, or a one-project Document JSON that `jixiao check` reads back. Clean by default
// (a table to hand in); `withFindings` overlays the review marks and notes.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { InputError } from "../domain/errors.js";
import type { JixiaoDocument, Project } from "../domain/schema.js";
import { documentOf } from "../domain/vocabulary.js";
import type { Report } from "../rules/types.js";
import type { StoredProject } from "../store/types.js";
import { EXPORT_FORMATS, type ExportFormat, type RenderFormat, type RenderResult } from "./contracts.js";
import { safeFileName } from "./ids.js";

export interface OutputOptions {
  /** Mark the offending cells and add numbered review notes (default: a clean table). */
  withFindings?: boolean;
}

export interface RenderOptions extends OutputOptions {
  /** Write html/xlsx/docx under the exports folder (a local server); off, only the bytes come back. */
  writeFile?: boolean;
}

export interface ExportResult {
  format: ExportFormat;
  /** Text for md/html/json, bytes for xlsx. */
  content: string | Buffer;
  mimeType: string;
  /** A safe default file name: `<项目名称>-<id>.<format>`. */
  fileName: string;
}

const MIME = {
  markdown: "text/markdown",
  md: "text/markdown",
  html: "text/html",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  json: "application/json",
} as const;

type Judge = (project: Project) => Report;

export async function renderProject(
  row: StoredProject,
  format: RenderFormat,
  exportsDir: string,
  judge: Judge,
  opts: RenderOptions = {},
): Promise<RenderResult> {
  if (format === "markdown") {
    const { content } = await exportProject(row, "md", undefined, judge, opts);
    return { format, markdown: content as string, mimeType: MIME.markdown };
  }
  const { content, fileName } = await exportProject(row, format, undefined, judge, opts);
  const bytes = typeof content === "string" ? Buffer.byteLength(content) : content.length;
  if (!opts.writeFile) return { format, content, fileName, bytes, mimeType: MIME[format] };
  await mkdir(exportsDir, { recursive: true });
  const path = join(exportsDir, fileName);
  await writeFile(path, content);
  return { format, content, fileName, path, bytes, mimeType: MIME[format] };
}

export async function exportProject(
  row: StoredProject,
  format: string,
  meta: Omit<JixiaoDocument, "projects"> | undefined,
  judge: Judge,
  opts: OutputOptions = {},
): Promise<ExportResult> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new InputError(`不支持的导出格式“${String(format)}”，可选：${EXPORT_FORMATS.join("、")}`);
  }
  const f = format as ExportFormat;
  const { project } = row;
  const fileName = `${safeFileName(project.name || "项目")}-${row.id}.${f}`;
  if (f === "json") {
    return { format: f, content: `${JSON.stringify(documentOf(project, meta), null, 2)}\n`, mimeType: MIME.json, fileName };
  }
  const report = judge(project);
  const renderOpts = { findings: opts.withFindings ? report.findings : undefined, profile: report.profile, department: meta?.department };
  const { renderProjectDocx, renderProjectHtml, renderProjectMarkdown, renderProjectXlsx } = await import("../render/index.js");
  if (f === "md") return { format: f, content: renderProjectMarkdown(project, renderOpts), mimeType: MIME.md, fileName };
  if (f === "html") return { format: f, content: renderProjectHtml(project, renderOpts), mimeType: MIME.html, fileName };
  if (f === "docx") return { format: f, content: await renderProjectDocx(project, renderOpts), mimeType: MIME.docx, fileName };
  return { format: f, content: await renderProjectXlsx(project, renderOpts), mimeType: MIME.xlsx, fileName };
}
