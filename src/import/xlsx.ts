// The Excel importer: every visible sheet goes through the Excel reader (readers/xlsx.ts, one cell grid per
// sheet) and the one form reader — budget-system exports (one flat sheet, several projects, operator | number |
// unit in their own columns), tables people typed (the official form or a plain indicator table) and our own
// files, whose hidden `_jixiao` copy fills only what the sheets cannot hold (xlsx/overlay.ts). Amounts end in 万元.
import ExcelJS from "exceljs";
import { headerColumns } from "../domain/columns.js";
import { InputError, NoTableError } from "../domain/errors.js";
import type { ImportWarning, JixiaoDocument, Project } from "../domain/schema.js";
import { readForm } from "./form/reader.js";
import { toDocument } from "./json.js";
import { readSheet, shownText, tableSheets } from "./readers/xlsx.js";
import { guardWorkbook } from "./xlsx/guard.js";
import { readMeta } from "./xlsx/meta.js";
import { overlaySheets, type VisibleProject } from "./xlsx/overlay.js";

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

async function loadWorkbook(buffer: Buffer, file: string): Promise<ExcelJS.Workbook> {
  if (buffer.subarray(0, 8).equals(OLE_MAGIC)) {
    // Encrypted .xlsx files are OLE containers, as are old .xls files renamed.
    throw new InputError(`${file}：文件设有打开密码（或是旧版 .xls 格式），无法读取；请在 Excel 中取消密码并另存为 .xlsx 后再导入`);
  }
  if (!buffer.subarray(0, 4).equals(ZIP_MAGIC)) throw new InputError(`${file}：不是有效的 .xlsx 文件（文件头不符，可能已损坏）`);
  await guardWorkbook(buffer, file);
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs' type wants its own Buffer flavour; a Node Buffer is what it reads.
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new InputError(`${file}：Excel 文件已损坏，无法读取（${(e as Error).message.split("\n")[0]}）`);
  }
  return wb;
}

/** A sheet whose indicator header has the project in its own columns (指标明细, a budget-system export). */
function isFlatSheet(ws: ExcelJS.Worksheet): boolean {
  // exceljs counts columns by visiting every cell of the sheet: read it once, not once per cell.
  const width = ws.columnCount;
  const last = Math.min(ws.rowCount, 30);
  for (let r = 1; r <= last; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(shownText(row.getCell(c)));
    const columns = headerColumns(cells);
    if (columns) return columns.includes("projectName") || columns.includes("projectCode");
  }
  return false;
}

export async function importXlsx(buffer: Buffer, file = "输入"): Promise<JixiaoDocument> {
  const wb = await loadWorkbook(buffer, file);
  const warnings: ImportWarning[] = [];
  const meta = readMeta(wb);
  let hidden: JixiaoDocument | null = null;
  if (meta) {
    try {
      hidden = toDocument(JSON.parse(meta.json), file);
    } catch {
      warnings.push({ line: null, message: "隐藏工作表 _jixiao 中的原始数据已损坏，已按表格内容导入" });
    }
  }
  const { forms, flat, department, sheetWarnings, problem } = readSheets(wb, file);
  // Our own export: the sheets a person sees win over the hidden copy wherever they differ from it.
  if (hidden) return overlaySheets(hidden, forms, flat, warnings);

  const projects: Project[] = [];
  // Our own export repeats each project in 指标明细: the form sheet, read first, wins.
  for (const { project: p, sheet } of [...forms, ...flat]) {
    const same = projects.find((q) => (p.code && q.code === p.code) || (!p.code && !q.code && q.name === p.name));
    if (!same) projects.push(p);
    else if (same.indicators.length !== p.indicators.length) {
      sheetWarnings.push({ line: null, message: `工作表“${sheet}”中的项目“${p.name || p.code}”与前面工作表中的同一项目指标行数不同，已采用前者` });
    }
  }
  if (!projects.length) throw problem ?? new InputError(`${file}：工作簿中没有内容（所有工作表都是空的）`);
  projects.forEach((p, i) => (p.seq = i + 1));
  warnings.push(...sheetWarnings);
  for (const p of projects) if (!p.indicators.length) warnings.push({ line: null, message: `项目“${p.name || p.code}”没有指标行` });
  const doc = toDocument({ unit: "万元", toc: [], projects, department }, file);
  if (warnings.length) doc.importWarnings = warnings;
  return doc;
}

/** Every visible sheet that holds a table, read through the one form reader: project sheets and flat sheets apart. */
function readSheets(wb: ExcelJS.Workbook, file: string) {
  const forms: VisibleProject[] = [];
  const flat: VisibleProject[] = [];
  const sheetWarnings: ImportWarning[] = [];
  let department: JixiaoDocument["department"] = undefined;
  const skipped: string[] = [];
  let problem: InputError | null = null;
  for (const ws of tableSheets(wb)) {
    let doc: JixiaoDocument;
    try {
      doc = readForm(readSheet(ws, file));
    } catch (e) {
      if (!(e instanceof NoTableError)) throw e;
      skipped.push(ws.name);
      problem ??= new InputError(`${file}：工作表“${ws.name}”中找不到指标表头（应有“一级指标”“二级指标”“三级指标”“指标值”或“目标值”等列）`);
      continue;
    }
    if (doc.department && !department) department = doc.department;
    // A sheet of one row per indicator with the project in its own columns is the flat layout (指标明细).
    const into = doc.projects.length > 0 && isFlatSheet(ws) ? flat : forms;
    for (const project of doc.projects) {
      const warnings = project.importWarnings ?? [];
      delete project.importWarnings;
      sheetWarnings.push(...warnings);
      into.push({ project, sheet: ws.name });
    }
  }
  for (const name of skipped) sheetWarnings.push({ line: null, message: `工作表“${name}”不是绩效目标表（找不到指标表头），已跳过` });
  return { forms, flat, department, sheetWarnings, problem };
}
