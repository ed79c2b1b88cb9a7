// Rendering entry points (Markdown for chat, HTML for print, Excel for upload). (Being implemented.)
import type { JixiaoDocument, Project, ProfileId } from "../domain/schema.js";
import type { Finding } from "../rules/types.js";

export type RenderFormat = "markdown" | "html" | "xlsx";

export interface RenderOptions {
  /** Findings to overlay (offending cells marked, numbered notes with message and hint). */
  findings?: Finding[];
  profile?: ProfileId;
  /** Generate the 关于…绩效目标指标的说明 block from the data even where the project has one. */
  regenerateExplanation?: boolean;
}

export function renderProjectMarkdown(project: Project, _opts: RenderOptions = {}): string {
  return `| 三级指标 | 指标值 |\n|---|---|\n${project.indicators.map((i) => `| ${i.name} | ${i.value} |`).join("\n")}\n`;
}

export function renderProjectHtml(project: Project, _opts: RenderOptions = {}): string {
  return `<table>${project.indicators.length}</table>`;
}

export async function renderProjectXlsx(_project: Project, _opts: RenderOptions = {}): Promise<Buffer> {
  throw new Error("not implemented");
}

export function renderDocumentMarkdown(doc: JixiaoDocument, opts: RenderOptions = {}): string {
  return doc.projects.map((p) => renderProjectMarkdown(p, opts)).join("\n");
}

export function renderDocumentHtml(doc: JixiaoDocument, _opts: RenderOptions = {}): string {
  return `<html>${doc.projects.length}</html>`;
}

export async function renderDocumentXlsx(_doc: JixiaoDocument, _opts: RenderOptions = {}): Promise<Buffer> {
  throw new Error("not implemented");
}
