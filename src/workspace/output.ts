// Files made from a stored project: the tables render_project writes (findings overlaid) and the exports the CLI
// prints — md, printable html, xlsx, or a one-project Document JSON that `jixiao check` reads back.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { InputError } from "../domain/errors.js";
import type { JixiaoDocument, Project } from "../domain/schema.js";
import { documentOf } from "../domain/vocabulary.js";
import type { Report } from "../rules/types.js";
import type { StoredProject } from "../store/types.js";
import { EXPORT_FORMATS, type ExportFormat, type RenderResult } from "./contracts.js";
import { safeFileName } from "./ids.js";

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
  json: "application/json",
} as const;

type Judge = (project: Project) => Report;

export async function renderProject(row: StoredProject, format: "markdown" | "html" | "xlsx", exportsDir: string, judge: Judge): Promise<RenderResult> {
  if (format === "markdown") {
    const { content } = await exportProject(row, "md", undefined, judge);
    return { format, markdown: content as string, mimeType: MIME.markdown };
  }
  const { content, fileName } = await exportProject(row, format, undefined, judge);
  await mkdir(exportsDir, { recursive: true });
  const path = join(exportsDir, fileName);
  await writeFile(path, content);
  const bytes = typeof content === "string" ? Buffer.byteLength(content) : content.length;
  return { format, path, bytes, mimeType: MIME[format] };
}

export async function exportProject(
  row: StoredProject,
  format: string,
  meta: Omit<JixiaoDocument, "projects"> | undefined,
  judge: Judge,
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
  const opts = { findings: report.findings, profile: report.profile };
  const { renderProjectHtml, renderProjectMarkdown, renderProjectXlsx } = await import("../render/index.js");
  if (f === "md") return { format: f, content: renderProjectMarkdown(project, opts), mimeType: MIME.md, fileName };
  if (f === "html") return { format: f, content: renderProjectHtml(project, opts), mimeType: MIME.html, fileName };
  return { format: f, content: await renderProjectXlsx(project, opts), mimeType: MIME.xlsx, fileName };
}
