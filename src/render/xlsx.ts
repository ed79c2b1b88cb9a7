// The Excel writer: one sheet per project in the official layout, the flat 指标明细 sheet in the
// budget-system column layout, and a hidden `_jixiao` sheet holding the Document JSON so our own file
// reads back losslessly. Every cell is a plain string or number — never a formula.
import ExcelJS from "exceljs";
import type { JixiaoDocument, Project } from "../domain/schema.js";
import { formatPercent, SPENDING_MONTHS, tableTitleOf } from "./format.js";
import { departmentLine } from "./document.js";
import { structuredValue } from "./structured.js";
import { FLAT_COLUMNS, FLAT_SHEET, flatDigest, META_CHUNK, META_MAGIC, META_SHEET } from "./xlsx-layout.js";

type Cell = ExcelJS.Cell;
type CellValue = string | number | null;

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" },
};
const CENTER: Partial<ExcelJS.Alignment> = { vertical: "middle", horizontal: "center", wrapText: true };
const LEFT: Partial<ExcelJS.Alignment> = { vertical: "middle", horizontal: "left", wrapText: true };
const FONT = { name: "宋体", size: 10.5 };
const BOLD = { name: "宋体", size: 10.5, bold: true };
/** Widths in characters (a CJK character counts about two). */
const FORM_WIDTHS = [12, 14, 24, 14, 16, 18, 24];

export interface XlsxOptions {
  department?: JixiaoDocument["department"];
}

type Look = "center" | "left" | "bold" | "amount";

// One shared style object per look: exceljs caches style ids by object identity, which keeps a
// 1,000-sheet workbook fast. Never mutate a cell's style after assigning one of these.
const LOOKS: Record<Look, Partial<ExcelJS.Style>> = {
  center: { font: FONT, alignment: CENTER, border: THIN },
  left: { font: FONT, alignment: LEFT, border: THIN },
  bold: { font: BOLD, alignment: CENTER, border: THIN },
  amount: { font: FONT, alignment: CENTER, border: THIN, numFmt: "0.00" },
};

/**
 * Assign a plain value. A string is always stored as a shared string (exceljs writes formulas only for
 * `{ formula }` objects), so `=100%` stays text.
 */
function put(cell: Cell, value: CellValue, look: Look = "center"): void {
  cell.value = value;
  cell.style = LOOKS[look];
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

/** Display width in Excel character units: a CJK (full-width) character takes two. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return width;
}

const LINE_PT = 14;

/**
 * Set a row's height from its wrapped text. Excel, WPS and LibreOffice open rows at the default height
 * (they do not auto-fit on load), so without this a wrapped cell shows one line over the next row.
 * `cells` pairs each cell's text with the width it is shown in (merged columns added up).
 */
function fitHeight(row: ExcelJS.Row, cells: [CellValue | undefined, number][]): void {
  let lines = 1;
  for (const [value, width] of cells) {
    if (value === null || value === undefined || value === "") continue;
    const usable = Math.max(2, width - 2);
    const count = String(value)
      .split("\n")
      .reduce((n, paragraph) => n + Math.max(1, Math.ceil(textWidth(paragraph) / usable)), 0);
    lines = Math.max(lines, count);
  }
  row.height = lines * LINE_PT + 4;
}

function writeProjectSheet(ws: ExcelJS.Worksheet, project: Project, deptLine: string): void {
  ws.columns = FORM_WIDTHS.map((width) => ({ width }));
  ws.pageSetup = { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "9:9" };
  const at = (ref: string) => ws.getCell(ref);

  ws.mergeCells("A1:G1");
  at("A1").value = tableTitleOf(project);
  at("A1").font = { name: "宋体", size: 14, bold: true };
  at("A1").alignment = CENTER;
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
  put(at("B3"), project.code);
  put(at("D3"), "项目名称", "bold");
  ws.mergeCells("E3:G3");
  put(at("E3"), project.name, "left");
  const [wA, wB, wC, wD, wE, wF, wG] = FORM_WIDTHS;
  fitHeight(ws.getRow(3), [[project.code, wB + wC], [project.name, wE + wF + wG]]);

  ws.mergeCells("A4:A5");
  put(at("A4"), "预算规模及资金用途", "bold");
  put(at("B4"), "预算数", "bold");
  put(at("C4"), amount(project.budget.total), "amount");
  put(at("D4"), "其中：财政资金", "bold");
  put(at("E4"), amount(project.budget.fiscal), "amount");
  put(at("F4"), "其他资金", "bold");
  put(at("G4"), amount(project.budget.other), "amount");
  ws.mergeCells("B5:G5");
  put(at("B5"), project.purpose, "left");
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
    put(at(`${planCols[i]}7`), formatPercent(project.spendingPlan[m.key]) || null);
  });

  put(at("A8"), "绩效目标", "bold");
  ws.mergeCells("B8:G8");
  put(at("B8"), project.goals.join("\n"), "left");
  fitHeight(ws.getRow(8), [[project.goals.join("\n"), wB + wC + wD + wE + wF + wG]]);

  const head = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "", "指标值", "指标值确定依据"];
  head.forEach((label, i) => put(ws.getRow(9).getCell(i + 1), label || null, "bold"));
  ws.mergeCells("D9:E9");

  const first = 10;
  project.indicators.forEach((ind, i) => {
    const row = ws.getRow(first + i);
    put(row.getCell(1), ind.level1);
    put(row.getCell(2), ind.level2);
    put(row.getCell(3), ind.name, "left");
    put(row.getCell(4), ind.description, "left");
    put(row.getCell(5), null);
    put(row.getCell(6), ind.value);
    put(row.getCell(7), ind.basis, "left");
    ws.mergeCells(first + i, 4, first + i, 5);
    fitHeight(row, [[ind.level2, wB], [ind.name, wC], [ind.description, wD + wE], [ind.value, wF], [ind.basis, wG]]);
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
    cell.style = LOOKS.bold;
  });
  ws.views = [{ state: "frozen", ySplit: 1 }];
  for (const values of rows) ws.addRow(values.map((v) => (v === "" ? null : v)));
}

function writeMetaSheet(ws: ExcelJS.Worksheet, doc: JixiaoDocument, digest: string): void {
  ws.state = "hidden";
  const json = JSON.stringify(doc);
  ws.getCell("A1").value = META_MAGIC;
  ws.getCell("B1").value = digest;
  for (let i = 0, row = 2; i < json.length; i += META_CHUNK, row++) ws.getCell(`A${row}`).value = json.slice(i, i + META_CHUNK);
}

export async function writeDocumentXlsx(doc: JixiaoDocument, opts: XlsxOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "jixiao";
  const used = new Set<string>([FLAT_SHEET.toLowerCase(), META_SHEET.toLowerCase(), "history"]);
  const deptLine = departmentLine({ department: doc.department ?? opts.department });
  for (const project of doc.projects) {
    const name = sheetName(`${project.seq > 0 ? `${project.seq}.` : ""}${project.name}`, used);
    writeProjectSheet(wb.addWorksheet(name), project, deptLine);
  }
  const rows = flatRows(doc);
  writeFlatSheet(wb.addWorksheet(FLAT_SHEET), rows);
  writeMetaSheet(wb.addWorksheet(META_SHEET), doc, flatDigest(rows.map((r) => r.map(digestText))));
  // Fast deflate: most of the time of a large workbook went into the strongest compression.
  return Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: "DEFLATE", compressionOptions: { level: 1 } } } as ExcelJS.XlsxWriteOptions));
}
