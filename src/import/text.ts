// The 绩效文本 text importer: PDF-extracted 部门预算绩效文本 (tab-separated tables, like the seed) and copies
// of web pages and Word tables (cells separated by spaces, one cell per line, or run together), and Markdown
// pipe tables (chat answers, our own `render --to md` / `draft` output pasted back).
// Unreadable input → InputError; a partly unreadable table → the project with importWarnings.
import { DocumentSchema, type JixiaoDocument, type Project } from "../domain/schema.js";
import { InputError, NoTableError } from "../domain/errors.js";
import { readFrontMatter } from "./text/front.js";
import { toLines } from "./text/lines.js";
import { readLooseProjects } from "./text/loose.js";
import { hasMarkdownIndicatorTable, markdownYear, readMarkdownProjects } from "./text/markdown.js";
import { readTabbedProjects, type DocumentHead } from "./text/tabbed.js";

export interface TextImportOptions {
  /** File name used in messages and kept as the Document's source. */
  file?: string;
}

export function importText(text: string, opts: TextImportOptions = {}): JixiaoDocument {
  const file = opts.file ?? "输入";
  const lines = toLines(text);
  const front = readFrontMatter(lines);
  const head: DocumentHead = {};

  let projects: Project[] = readTabbedProjects(lines, front.bodyStart, head);
  // Markdown pipe tables (a chat answer, our own rendered Markdown pasted back).
  const markdown = !projects.some((p) => p.indicators.length > 0) && hasMarkdownIndicatorTable(lines, front.bodyStart);
  if (markdown) {
    projects = readMarkdownProjects(lines, front.bodyStart, head);
    // The cover scan would take any year in the first lines, table cells included (a deadline 2026年12月底前).
    front.year = markdownYear(lines, front.bodyStart) ?? undefined;
  }
  if (!projects.some((p) => p.indicators.length > 0)) {
    const loose = readLooseProjects(lines, front.bodyStart, head);
    if (loose.some((p) => p.indicators.length > 0)) projects = loose;
  }
  // A Markdown indicator table with no rows yet (a new project rendered before its first indicator) is a table.
  if (!projects.some((p) => p.indicators.length > 0) && !(markdown && projects.length > 0)) {
    throw new NoTableError(
      `${file}：未找到绩效目标表（需要含“一级指标、二级指标、三级指标、指标值”表头的表格）`,
    );
  }

  const doc: JixiaoDocument = {
    source: opts.file,
    department: head.department,
    preparedBy: front.preparedBy,
    reviewedBy: front.reviewedBy,
    year: front.year ?? null,
    unit: head.unit ?? "万元",
    toc: front.toc,
    overall: front.overall,
    projects,
  };
  for (const key of Object.keys(doc) as (keyof JixiaoDocument)[]) if (doc[key] === undefined) delete doc[key];
  return DocumentSchema.parse(doc);
}
