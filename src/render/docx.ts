// The whole 部门预算绩效文本 as a Word document (.docx), in the printed layout: cover, 目录 with page numbers,
// 第一部分, and per project its 关于…的说明 then, on a new page, its table with merged 一级/二级 cells. A4.
//
// Page numbers in the 目录 are PAGEREF fields to a bookmark on each heading, marked dirty: Word fills them
// when the file opens (it asks to update fields), LibreOffice computes them on layout. They carry no cached
// number, so a reader that takes the shown text (ours, see import/readers/docx.ts) sees `1.…绩效目标表` as the
// 目录 line, exactly as the text gives it.
import {
  AlignmentType, BorderStyle, Bookmark, Document, Footer, LeaderType, Packer, PageNumber, PageReference, Paragraph,
  ShadingType, Table, TableCell, TableRow, TabStopType, TextRun, VerticalAlignTable, WidthType, type DocxElement,
} from "./docx-lib.js";
import type { JixiaoDocument } from "../domain/schema.js";
import type { Finding } from "../rules/types.js";
import { buildDocumentView, type SectionView } from "./document.js";
import type { CellMarks, CellView, NoteView, ProjectView } from "./view.js";

export interface DocxOptions {
  findings?: Finding[];
  profile?: JixiaoDocument["profile"];
  regenerateExplanation?: boolean;
}

// A4 in twentieths of a point, margins as the HTML print stylesheet (18 mm top/bottom, 15 mm left/right).
const MM = 56.7;
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: Math.round(18 * MM), bottom: Math.round(18 * MM), left: Math.round(15 * MM), right: Math.round(15 * MM) };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** The 7-column grid of the official table (same shares as the HTML colgroup). */
const COLUMN_SHARES = [11, 13, 17, 10, 11.5, 15.5, 22];
const COLUMNS = COLUMN_SHARES.map((s) => Math.round((TEXT_WIDTH * s) / 100));

const SONG = "宋体";
const HEI = "黑体";
/** Half-points: body 10.5 pt (五号), table 9.5 pt, notes 9 pt. */
const SIZE = { body: 21, table: 19, note: 18, h1: 44, h2: 32, h3: 26, h4: 22, tableTitle: 28 };
const FILL: Record<string, string> = { error: "FDE2E2", warning: "FFF3CD", info: "E3F0FB" };
const SEVERITY_COLOR: Record<string, string> = { error: "B00020", warning: "8A6100", info: "1F5F99" };

const font = (eastAsia: string) => ({ ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia });

/** A bookmark name Word accepts: letters, digits and `_`, starting with a letter. */
const bookmarkOf = (anchor: string) => `jx_${anchor.replace(/[^A-Za-z0-9]/g, "_")}`;

/** Characters XML 1.0 forbids (control characters from a pasted source) would make Word refuse the file. */
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const xmlSafe = (text: string) => text.replace(XML_FORBIDDEN, "");

function run(text: string, opts: { bold?: boolean; size?: number; eastAsia?: string; color?: string } = {}): DocxElement {
  return new TextRun({ text: xmlSafe(text), bold: opts.bold, size: opts.size, font: opts.eastAsia ? font(opts.eastAsia) : undefined, color: opts.color });
}

/** Lines of a text as runs with breaks between them (a cell or paragraph keeps its line breaks). */
function lines(text: string, size?: number, bold?: boolean): DocxElement[] {
  return xmlSafe(text).split(/\r?\n/).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, size, bold }));
}

function heading(text: string, level: 1 | 2 | 3 | 4, bookmark?: string, pageBreakBefore = false): DocxElement {
  const size = [SIZE.h1, SIZE.h2, SIZE.h3, SIZE.h4][level - 1];
  const eastAsia = level <= 3 ? HEI : SONG;
  const textRun = run(text, { bold: level === 4 || level === 1, size, eastAsia });
  return new Paragraph({
    children: bookmark ? [new Bookmark({ id: bookmark, children: [textRun] })] : [textRun],
    alignment: level <= 2 ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { before: level <= 2 ? 240 : 120, after: level <= 2 ? 180 : 60 },
    pageBreakBefore,
    keepNext: true,
  });
}

function body(text: string, opts: { color?: string; indent?: boolean } = {}): DocxElement {
  return new Paragraph({
    children: [run(text, { color: opts.color })],
    alignment: AlignmentType.JUSTIFIED,
    indent: opts.indent === false ? undefined : { firstLine: 2 * SIZE.body * 10 },
    spacing: { line: 360 },
  });
}

/** A 目录 line: the title, a dotted leader to the right margin, and the page of its bookmark. */
function tocLine(text: string, bookmark: string | null, extra: DocxElement[] = []): DocxElement {
  const children: DocxElement[] = [run(text), ...extra];
  if (bookmark) children.push(new TextRun({ children: ["\t"] }), new PageReference(bookmark));
  return new Paragraph({ children, tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.DOT }], spacing: { line: 360 } });
}

// ---- the table ----

const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const BORDERS = { top: border, bottom: border, left: border, right: border };

/** Superscript note numbers after a marked cell's text. */
function noteRefs(marks: CellMarks): DocxElement[] {
  return marks.nums.length ? [new TextRun({ text: marks.nums.join(","), superScript: true, bold: true, color: "B00020", size: 14 })] : [];
}

interface CellSpec {
  text: string;
  marks?: CellMarks;
  header?: boolean;
  left?: boolean;
  columnSpan?: number;
  rowSpan?: number;
}

function tableCell(spec: CellSpec, gridIndex: number): DocxElement {
  const span = spec.columnSpan ?? 1;
  const width = COLUMNS.slice(gridIndex, gridIndex + span).reduce((a, b) => a + b, 0);
  const marks = spec.marks;
  return new TableCell({
    children: [
      new Paragraph({
        children: [...lines(spec.text, SIZE.table, spec.header), ...(marks ? noteRefs(marks) : [])],
        alignment: spec.left ? AlignmentType.LEFT : AlignmentType.CENTER,
      }),
    ],
    columnSpan: spec.columnSpan,
    rowSpan: spec.rowSpan,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    borders: BORDERS,
    margins: { top: 40, bottom: 40, left: 45, right: 45 },
    shading: marks?.severity ? { type: ShadingType.CLEAR, color: "auto", fill: FILL[marks.severity] } : undefined,
  });
}

/** A row of cells laid on the 7-column grid; `skip` is how many grid columns a rowspan from above covers. */
function tableRow(cells: CellSpec[], opts: { skip?: number; header?: boolean } = {}): DocxElement {
  let at = opts.skip ?? 0;
  const built = cells.map((c) => {
    const cell = tableCell(c, at);
    at += c.columnSpan ?? 1;
    return cell;
  });
  return new TableRow({ children: built, tableHeader: opts.header, cantSplit: true });
}

function gridTable(rows: DocxElement[]): DocxElement {
  return new Table({ rows, columnWidths: COLUMNS, width: { size: TEXT_WIDTH, type: WidthType.DXA } });
}

const head = (text: string, extra: Partial<CellSpec> = {}): CellSpec => ({ text, header: true, ...extra });
const data = (c: CellView, extra: Partial<CellSpec> = {}, marked = true): CellSpec => ({ text: c.text, marks: marked ? c.marks : undefined, ...extra });

function headTable(view: ProjectView): DocxElement {
  const planHeads = view.plan.map((p, i) => head(p.label, { columnSpan: i >= 2 ? 2 : 1 }));
  const planCells = view.plan.map((p, i) => data(p.cell, { columnSpan: i >= 2 ? 2 : 1 }));
  return gridTable([
    tableRow([head("项目编码"), data(view.code, { columnSpan: 2 }), head("项目名称"), data(view.name, { columnSpan: 3, left: true })]),
    tableRow([
      head("预算规模及资金用途", { rowSpan: 2 }),
      head("预算数"), data(view.budget.total),
      head("其中：财政资金"), data(view.budget.fiscal),
      head("其他资金"), data(view.budget.other),
    ]),
    tableRow([data(view.purpose, { columnSpan: 6, left: true })], { skip: 1 }),
    tableRow([head("资金支出计划（%）", { rowSpan: 2 }), ...planHeads]),
    tableRow(planCells, { skip: 1 }),
    tableRow([head("绩效目标"), data(view.goals, { columnSpan: 6, left: true })]),
  ]);
}

function indicatorTable(view: ProjectView): DocxElement {
  const header = tableRow(
    [head("一级指标"), head("二级指标"), head("三级指标"), head("绩效指标描述", { columnSpan: 2 }), head("指标值"), head("指标值确定依据")],
    { header: true },
  );
  const rows = view.rows.map((r) => {
    const cells: CellSpec[] = [];
    if (r.level1) cells.push(data(r.level1, { rowSpan: r.level1.rowspan }));
    if (r.level2) cells.push(data(r.level2, { rowSpan: r.level2.rowspan }));
    cells.push(data(r.name, { left: true }), data(r.description, { columnSpan: 2, left: true }), data(r.value), data(r.basis, { left: true }));
    // The docx library lays a rowspan's covered cells itself; the skip only keeps our width lookup on the grid.
    return tableRow(cells, { skip: (r.level1 ? 0 : 1) + (r.level2 ? 0 : 1) });
  });
  return gridTable([header, ...rows]);
}

function noteParagraph(n: Pick<NoteView, "num" | "severity" | "severityLabel" | "message" | "hint" | "fix" | "rule"> & { where?: string }): DocxElement {
  const text = `${n.where ? `${n.where}：` : ""}${n.message}${n.hint ? ` 修改建议：${n.hint}` : ""}${n.fix ? `（可改为：${n.fix}）` : ""}`;
  return new Paragraph({
    children: [
      run(`${n.num}. `, { size: SIZE.note }),
      run(`[${n.severityLabel}] `, { size: SIZE.note, bold: true, color: SEVERITY_COLOR[n.severity] }),
      run(text, { size: SIZE.note }),
      run(` ${n.rule}`, { size: 16, color: "666666" }),
    ],
    spacing: { before: 40 },
  });
}

function projectBlocks(section: Extract<SectionView, { project: object }>, marked: boolean, first: boolean): DocxElement[] {
  const { view, explanation } = section;
  const out: DocxElement[] = [];
  out.push(heading(explanation.title, 3, bookmarkOf(view.anchor), !first));
  for (const [h, texts] of [
    ["一、项目基本情况", null],
    ["（一）项目概况", [explanation.overview]],
    ["（二）资金安排情况", [explanation.funding]],
    ["二、绩效目标和指标设置情况", null],
    ["（一）绩效目标", explanation.goals],
    ["（二）绩效指标", [explanation.indicators]],
    ["（三）评价标准", [explanation.evaluation]],
  ] as [string, string[] | null][]) {
    out.push(heading(h, 4));
    for (const t of texts ?? []) out.push(body(t));
  }
  if (marked && view.explanationMarks.nums.length) {
    out.push(body(`（绩效指标说明见审核意见 ${view.explanationMarks.nums.join(",")}）`, { color: "B00020", indent: false }));
  }
  out.push(
    new Paragraph({
      children: [run(view.title, { bold: true, size: SIZE.tableTitle })],
      alignment: AlignmentType.CENTER,
      pageBreakBefore: true,
      spacing: { after: 120 },
      keepNext: true,
    }),
    new Paragraph({
      children: [run(view.departmentLine, { size: 20 }), new TextRun({ children: ["\t"] }), run("单位：万元", { size: 20 })],
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
      keepNext: true,
    }),
    headTable(view),
    indicatorTable(view),
  );
  if (marked) for (const n of view.notes) out.push(noteParagraph(n));
  return out;
}

/** The 绩效文本 as .docx bytes; with findings, marked cells are shaded and numbered notes follow each table. */
export async function renderDocumentDocx(doc: JixiaoDocument, opts: DocxOptions = {}): Promise<Buffer> {
  const view = buildDocumentView(doc, opts);
  const marked = view.marked;
  const children: DocxElement[] = [];

  // Cover
  children.push(
    new Paragraph({ children: [], spacing: { before: 2400 } }),
    new Paragraph({ children: [run(view.departmentName, { bold: true, size: SIZE.h1, eastAsia: HEI })], alignment: AlignmentType.CENTER }),
    new Paragraph({
      children: [run(`${view.year ? `${view.year} 年` : ""}部门预算绩效文本`, { bold: true, size: SIZE.h1, eastAsia: HEI })],
      alignment: AlignmentType.CENTER,
      spacing: { after: 1200 },
    }),
  );
  for (const line of [view.preparedBy && `${view.preparedBy}编制`, view.reviewedBy && `${view.reviewedBy}审核`]) {
    if (line) children.push(new Paragraph({ children: [run(line, { size: 28 })], alignment: AlignmentType.CENTER }));
  }

  // 目录
  children.push(heading("目　录", 2, undefined, true), heading("第一部分　部门整体绩效目标", 4));
  children.push(
    tocLine("一、总体绩效目标", bookmarkOf("overall-goal")),
    tocLine("二、分项绩效目标", bookmarkOf("overall-subgoals")),
    tocLine("三、工作保障措施", bookmarkOf("overall-safeguards")),
    heading("第二部分　预算项目绩效目标", 4),
  );
  for (const entry of view.toc) {
    const missingTag = entry.flagged ? [run("（未附绩效目标表）", { color: "B00020", size: SIZE.note })] : [];
    // A clean document has no placeholder section for an entry without a table: its line has no page.
    const target = entry.target ? bookmarkOf(entry.target) : null;
    children.push(tocLine(`${entry.no}.${entry.title}`, target, missingTag));
  }
  if (marked && view.documentNotes.length) {
    children.push(heading("文档问题", 4));
    for (const n of view.documentNotes) children.push(noteParagraph(n));
  }

  // 第一部分
  const overall = view.overall ?? { goal: "", subGoals: [], safeguards: [] };
  const placeholder = () => body("（未填写）", { indent: false });
  children.push(heading("第一部分　部门整体绩效目标", 2, undefined, true));
  children.push(heading("一、总体绩效目标", 3, bookmarkOf("overall-goal")));
  children.push(overall.goal ? body(overall.goal) : placeholder());
  children.push(heading("二、分项绩效目标", 3, bookmarkOf("overall-subgoals")));
  if (overall.subGoals.length === 0) children.push(placeholder());
  overall.subGoals.forEach((g, i) => {
    children.push(heading(`${i + 1}. ${g.title}`, 4));
    if (g.targets.length) children.push(body(`绩效目标：${g.targets.map((t, k) => `${ORDINALS[k] ?? k + 1}是${t}。`).join("")}`));
  });
  children.push(heading("三、工作保障措施", 3, bookmarkOf("overall-safeguards")));
  if (overall.safeguards.length === 0) children.push(placeholder());
  overall.safeguards.forEach((s, i) => children.push(body(`（${ORDINALS[i] ?? i + 1}）${s.title}。${s.text}`)));

  // 第二部分
  children.push(heading("第二部分　预算项目绩效目标", 2, undefined, true));
  let first = true;
  for (const section of view.sections) {
    if (section.project) {
      children.push(...projectBlocks(section, marked, first));
      first = false;
    } else {
      children.push(heading(section.title, 3, bookmarkOf(section.anchor), !first));
      children.push(body("目录列有此项，但文本中没有对应的绩效目标表。", { color: "B00020", indent: false }));
      first = false;
    }
  }

  const document = new Document({
    creator: "jixiao",
    title: view.title,
    features: { updateFields: true },
    styles: { default: { document: { run: { font: font(SONG), size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: { size: PAGE, margin: { ...MARGIN, header: 500, footer: 500 } },
        },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], size: 18 })] })],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

const ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** A single project's table and explanation as .docx (the department line above the table). */
export async function renderProjectDocx(project: JixiaoDocument["projects"][number], opts: DocxOptions & { department?: JixiaoDocument["department"] } = {}): Promise<Buffer> {
  const doc: JixiaoDocument = { unit: "万元", toc: [], projects: [project], department: opts.department };
  return renderDocumentDocx(doc, opts);
}
