// The Excel writer: one sheet per project in the official layout, the flat 指标明细 sheet in the
// budget-system column layout, and a hidden `_jixiao` sheet holding the Document JSON so our own file
// reads back losslessly. Every cell is a plain string or number — never a formula. With findings, the
// offending cells are filled and noted (numbered as in the HTML) and a 审核意见 sheet lists them all.
import ExcelJS from "exceljs";
import type { JixiaoDocument, Project } from "../domain/schema.js";
import { composeValueText } from "../domain/value.js";
import type { Finding, Severity } from "../rules/types.js";
import { formatPercent, SPENDING_MONTHS, tableTitleOf } from "./format.js";
import { departmentLine } from "./document.js";
import { structuredValue } from "./structured.js";
import type { CellMarks, ProjectView } from "./view.js";
import { FLAT_COLUMNS, FLAT_SHEET, flatDigest, META_CHUNK, META_MAGIC, META_SHEET, REVIEW_SHEET } from "./xlsx-layout.js";
import { buildOverlay, noteText, writeReviewSheet } from "./xlsx-review.js";
import { removalsMessage, xlsxSafe } from "./xlsx-text.js";
import { fitHeight, FONT, LEFT, lookOf, put, textWidth, type Cell, type CellValue, type Look } from "./xlsx-style.js";

/**
 * Widths in characters (a CJK character counts about two). 75 in all: with 0.5-inch side margins an A4
 * portrait page fits them at ~98 %, so the 10.5 pt text prints at ≥ 10 pt (122 printed at ~6 pt).
 */
const FORM_WIDTHS = [9, 10, 14, 8, 10, 10, 14];
/** Side margins of a printed project sheet, in inches. */
const FORM_MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };

export interface XlsxOptions {
  department?: JixiaoDocument["department"];
  /** Findings to mark: filled cells with numbered notes, and the 审核意见 sheet. */
  findings?: Finding[];
  /** Told what the writer had to change to make a valid workbook (characters XML forbids, removed). */
  onWarning?: (message: string) => void;
}

function amount(value: number | null): CellValue {
  return value === null ? null : value;
}

/** A legal, unique worksheet name (≤31 chars, none of \ / ? * [ ] :). */
function sheetName(wanted: string, used: Set<string>): string {
  const clean = wanted.replace(/[\\/?*[\]:]/g, "_").replace(/^'+|'+$/g, "").trim() || "项目";
  let name = clean.slice(0, 31);
  for (let n = 2; used.has(name.toLowerCase()); n++) {
    const suffix = `(${n})`;
    name = clean.slice(0, 31 - suffix.length) + suffix;
  }
  used.add(name.toLowerCase());
  return name;
}

/** A note box about 40 characters wide (20 CJK), tall enough for its text. */
const NOTE_WIDTH = 40;
const NOTE_LINE_PT = 14;

/**
 * Attach a note sized to its text. exceljs draws every note box two default columns by four rows, which
 * cuts a long note off when Excel or WPS shows it; its VML writer takes an `anchor` (columns and rows
 * from the sheet's top left) from the comment model, which the public API does not expose, so the model
 * of this note is given one. Should exceljs change, the note keeps its default size.
 */
function setNote(ws: ExcelJS.Worksheet, cell: Cell, text: string): void {
  cell.note = text;
  const row = Number(cell.row);
  const col = Number(cell.col);
  let right = col;
  for (let width = 0; width < NOTE_WIDTH; right++) width += ws.getColumn(right + 1).width ?? 9;
  const lines = text.split("\n").reduce((n, p) => n + Math.max(1, Math.ceil(textWidth(p) / (NOTE_WIDTH - 4))), 0);
  const top = Math.max(row - 2, 0);
  let bottom = top;
  for (let height = 0; height < lines * NOTE_LINE_PT + 10; bottom++) height += ws.findRow(bottom + 1)?.height ?? 15;
  const comment = (cell as unknown as { _comment?: { model: object } })._comment;
  if (!comment) return;
  const model = comment.model;
  Object.defineProperty(comment, "model", { value: { ...model, anchor: { left: col + 0.1, top, right, bottom } }, configurable: true });
}

const SEVERITY_RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/**
 * Fills and notes of one project sheet. Each marked cell gets its worst severity's fill and one note
 * listing its findings, numbered as in the HTML overlay; a finding marked on several cells (资金支出计划)
 * is written in the first one's note only. Findings with no cell of their own (the explanation, a
 * project-level finding without a field) go on the title.
 */
class Marker {
  private readonly cells: [Cell, number[]][] = [];
  constructor(
    private readonly ws: ExcelJS.Worksheet,
    private readonly view: ProjectView | null,
  ) {}

  put(cell: Cell, value: CellValue, look: Look, marks: CellMarks | null): void {
    put(cell, value, look, marks?.severity ?? null);
    if (marks?.nums.length) this.cells.push([cell, marks.nums]);
  }

  /** Write the notes; returns the severity the title cell should show (null: unmarked). */
  finish(title: Cell): Severity | null {
    if (!this.view?.notes.length) return null;
    const byNum = new Map(this.view.notes.map((n) => [n.num, n]));
    const written = new Set<number>();
    for (const [cell, nums] of this.cells) {
      const fresh = [...nums].sort((a, b) => a - b).filter((n) => !written.has(n) && byNum.has(n));
      fresh.forEach((n) => written.add(n));
      if (fresh.length) setNote(this.ws, cell, noteText(fresh.map((n) => byNum.get(n)!)));
    }
    const rest = this.view.notes.filter((n) => !written.has(n.num));
    if (!rest.length) return null;
    setNote(this.ws, title, noteText(rest));
    return rest.reduce<Severity>((worst, n) => (SEVERITY_RANK[n.severity] > SEVERITY_RANK[worst] ? n.severity : worst), "info");
  }
}

function writeProjectSheet(ws: ExcelJS.Worksheet, project: Project, deptLine: string, view: ProjectView | null = null): void {
  ws.columns = FORM_WIDTHS.map((width) => ({ width }));
  ws.pageSetup = { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "9:9", margins: FORM_MARGINS };
  const at = (ref: string) => ws.getCell(ref);
  const mark = new Marker(ws, view);

  ws.mergeCells("A1:G1");
  at("A1").value = tableTitleOf(project);
  at("A1").style = lookOf("title");
  ws.mergeCells("A2:E2");
  at("A2").value = deptLine;
  at("A2").font = FONT;
  at("A2").alignment = LEFT;
  ws.mergeCells("F2:G2");
  at("F2").value = "单位：万元";
  at("F2").font = FONT;
  at("F2").alignment = { vertical: "middle", horizontal: "right" };

  put(at("A3"), "项目编码", "bold");
  ws.mergeCells("B3:C3");
  mark.put(at("B3"), project.code, "center", view?.code.marks ?? null);
  put(at("D3"), "项目名称", "bold");
  ws.mergeCells("E3:G3");
  mark.put(at("E3"), project.name, "left", view?.name.marks ?? null);
  const [wA, wB, wC, wD, wE, wF, wG] = FORM_WIDTHS;
  fitHeight(ws.getRow(3), [[project.code, wB + wC], [project.name, wE + wF + wG]]);

  ws.mergeCells("A4:A5");
  put(at("A4"), "预算规模及资金用途", "bold");
  put(at("B4"), "预算数", "bold");
  mark.put(at("C4"), amount(project.budget.total), "amount", view?.budget.total.marks ?? null);
  put(at("D4"), "其中：财政资金", "bold");
  put(at("E4"), amount(project.budget.fiscal), "amount");
  put(at("F4"), "其他资金", "bold");
  put(at("G4"), amount(project.budget.other), "amount");
  ws.mergeCells("B5:G5");
  mark.put(at("B5"), project.purpose, "left", view?.purpose.marks ?? null);
  fitHeight(ws.getRow(4), [["其中：财政资金", wD]]);
  fitHeight(ws.getRow(5), [[project.purpose, wB + wC + wD + wE + wF + wG]]);

  ws.mergeCells("A6:A7");
  put(at("A6"), "资金支出计划（%）", "bold");
  ws.mergeCells("D6:E6");
  ws.mergeCells("F6:G6");
  ws.mergeCells("D7:E7");
  ws.mergeCells("F7:G7");
  const planCols = ["B", "C", "D", "F"];
  SPENDING_MONTHS.forEach((m, i) => {
    put(at(`${planCols[i]}6`), m.label, "bold");
    mark.put(at(`${planCols[i]}7`), formatPercent(project.spendingPlan[m.key]) || null, "center", view?.plan[i].cell.marks ?? null);
  });

  put(at("A8"), "绩效目标", "bold");
  ws.mergeCells("B8:G8");
  mark.put(at("B8"), project.goals.join("\n"), "left", view?.goals.marks ?? null);
  fitHeight(ws.getRow(8), [[project.goals.join("\n"), wB + wC + wD + wE + wF + wG]]);

  const head = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "", "指标值", "指标值确定依据"];
  head.forEach((label, i) => put(ws.getRow(9).getCell(i + 1), label || null, "bold"));
  ws.mergeCells("D9:E9");

  const first = 10;
  project.indicators.forEach((ind, i) => {
    const row = ws.getRow(first + i);
    const marks = view?.rows[i];
    mark.put(row.getCell(1), ind.level1, "center", marks?.level1?.marks ?? null);
    mark.put(row.getCell(2), ind.level2, "center", marks?.level2?.marks ?? null);
    mark.put(row.getCell(3), ind.name, "left", marks?.name.marks ?? null);
    mark.put(row.getCell(4), ind.description, "left", marks?.description.marks ?? null);
    put(row.getCell(5), null, "left", marks?.description.marks.severity ?? null);
    const shown = composeValueText(ind);
    mark.put(row.getCell(6), shown, "center", marks?.value.marks ?? null);
    mark.put(row.getCell(7), ind.basis, "left", marks?.basis.marks ?? null);
    ws.mergeCells(first + i, 4, first + i, 5);
    fitHeight(row, [[ind.level2, wB], [ind.name, wC], [ind.description, wD + wE], [shown, wF], [ind.basis, wG]]);
    void wA;
  });
  // Runs of equal 一级, and of equal 二级 within them, are merged like the printed form.
  const key = (s: string) => s.replace(/\s+/g, "");
  let i = 0;
  while (i < project.indicators.length) {
    let end = i + 1;
    while (end < project.indicators.length && key(project.indicators[end].level1) === key(project.indicators[i].level1)) end++;
    if (end - i > 1) ws.mergeCells(first + i, 1, first + end - 1, 1);
    let j = i;
    while (j < end) {
      let end2 = j + 1;
      while (end2 < end && key(project.indicators[end2].level2) === key(project.indicators[j].level2)) end2++;
      if (end2 - j > 1) ws.mergeCells(first + j, 2, first + end2 - 1, 2);
      j = end2;
    }
    i = end;
  }
  const titleSeverity = mark.finish(at("A1"));
  if (titleSeverity) at("A1").style = lookOf("title", titleSeverity);
}

/** The flat rows (as written) — also the input of the edit digest. */
export function flatRows(doc: JixiaoDocument): CellValue[][] {
  const unitName = doc.department?.name ?? "";
  const rows: CellValue[][] = [];
  for (const p of doc.projects) {
    const goals = p.goals.join("\n");
    for (const ind of p.indicators) {
      const s = structuredValue(ind);
      rows.push([
        unitName, p.code, p.name, p.budget.total, goals, ind.level1, ind.level2, ind.name,
        s.nature, s.direction, s.target, s.unit, s.weight === "" ? null : s.weight, ind.value, ind.basis, ind.description,
      ]);
    }
  }
  return rows;
}

/** How a flat cell reads back as text, for the digest: numbers as JS prints them, empty as "". */
export function digestText(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}

function writeFlatSheet(ws: ExcelJS.Worksheet, rows: CellValue[][]): void {
  ws.columns = FLAT_COLUMNS.map((header) => ({ header, width: header.length > 4 ? 22 : 14 }));
  ws.getRow(1).eachCell((cell) => {
    cell.style = lookOf("bold");
  });
  ws.views = [{ state: "frozen", ySplit: 1 }];
  // A wide data sheet: printed landscape, all 16 columns on the page width, the header on every page.
  ws.pageSetup = {
    paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1",
    margins: { left: 0.3, right: 0.3, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
  for (const values of rows) ws.addRow(values.map((v) => (v === "" ? null : v)));
}

function writeMetaSheet(ws: ExcelJS.Worksheet, doc: JixiaoDocument, digest: string): void {
  ws.state = "hidden";
  const json = JSON.stringify(doc);
  ws.getCell("A1").value = META_MAGIC;
  ws.getCell("B1").value = digest;
  for (let i = 0, row = 2; i < json.length; i += META_CHUNK, row++) ws.getCell(`A${row}`).value = json.slice(i, i + META_CHUNK);
}

export async function writeDocumentXlsx(given: JixiaoDocument, givenOpts: XlsxOptions = {}): Promise<Buffer> {
  const safe = xlsxSafe(given, givenOpts.findings, givenOpts.department);
  if (safe.removals.length > 0) givenOpts.onWarning?.(removalsMessage(safe.removals));
  const doc = safe.doc;
  const opts: XlsxOptions = { ...givenOpts, findings: safe.findings, department: safe.department };
  const wb = new ExcelJS.Workbook();
  wb.creator = "jixiao";
  const used = new Set<string>([FLAT_SHEET.toLowerCase(), META_SHEET.toLowerCase(), REVIEW_SHEET.toLowerCase(), "history"]);
  const deptLine = departmentLine({ department: doc.department ?? opts.department });
  // With findings, the workbook opens on 审核意见 (first tab); the project sheets follow, marked up.
  const overlay = opts.findings ? buildOverlay(doc, opts.findings) : null;
  const review = opts.findings ? wb.addWorksheet(REVIEW_SHEET, { properties: { tabColor: { argb: "FFC00000" } } }) : null;
  doc.projects.forEach((project, i) => {
    const name = sheetName(`${project.seq > 0 ? `${project.seq}.` : ""}${project.name}`, used);
    writeProjectSheet(wb.addWorksheet(name), project, deptLine, overlay?.views[i] ?? null);
  });
  if (review && overlay) writeReviewSheet(review, doc, opts.findings ?? [], overlay);
  const rows = flatRows(doc);
  writeFlatSheet(wb.addWorksheet(FLAT_SHEET), rows);
  writeMetaSheet(wb.addWorksheet(META_SHEET), doc, flatDigest(rows.map((r) => r.map(digestText))));
  // Fast deflate: most of the time of a large workbook went into the strongest compression.
  return Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: "DEFLATE", compressionOptions: { level: 1 } } } as ExcelJS.XlsxWriteOptions));
}
