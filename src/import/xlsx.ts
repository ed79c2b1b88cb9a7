// The Excel importer: our own files (lossless, through the hidden `_jixiao` sheet), budget-system exports
// (one flat sheet, several projects, operator/number/unit in their own columns) and tables people typed
// (a title row, merged cells, the official form or a plain indicator table). Amounts end in 万元.
import ExcelJS from "exceljs";
import { InputError } from "../domain/errors.js";
import { ProjectSchema, type ImportWarning, type JixiaoDocument, type Project } from "../domain/schema.js";
import { toDocument } from "./json.js";
import { cellRef } from "./xlsx/cells.js";
import { guardWorkbook } from "./xlsx/guard.js";
import { readFormHeader } from "./xlsx/form.js";
import { findAmountUnit, findHeaderRow, type Column, type HeaderRow } from "./xlsx/header.js";
import { readMeta } from "./xlsx/meta.js";
import { indicatorFromRow, isIndicatorRow, readRawRows, type RawRow } from "./xlsx/rows.js";
import { overlaySheets, type VisibleProject } from "./xlsx/overlay.js";
import { isReviewSheet } from "./xlsx/review.js";

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

function toWanYuan(n: number | null | undefined, unit: "元" | "万元"): number | null {
  if (n === null || n === undefined) return null;
  return unit === "元" ? Number((n / 10000).toFixed(6)) : n;
}

function emptyProject(seq: number): Project {
  return ProjectSchema.parse({ seq });
}

function sheetIsEmpty(ws: ExcelJS.Worksheet): boolean {
  let empty = true;
  ws.eachRow((row) => {
    row.eachCell((cell) => {
      if (cell.value !== null && cell.value !== "") empty = false;
    });
  });
  return empty;
}

function requireColumns(header: HeaderRow, sheet: string, file: string): void {
  const missing: string[] = [];
  if (header.columns.level1 === undefined) missing.push("一级指标");
  if (header.columns.name === undefined) missing.push("三级指标");
  if (header.columns.value === undefined && header.columns.target === undefined) missing.push("指标值（或目标值）");
  if (missing.length) {
    throw new InputError(`${file}：工作表“${sheet}”第${header.row}行（${cellRef(header.row, 1)} 起）的表头缺少“${missing.join("”“")}”列`);
  }
}

interface SheetResult {
  projects: Project[];
  department: { code: string; name: string } | null;
}

/** Rows of one project → indicators, 一级/二级 carried down, non-indicator rows warned about. */
function indicatorsOf(rows: RawRow[], sheet: string, warnings: ImportWarning[]) {
  const carry = { level1: "", level2: "" };
  const out = [];
  for (const raw of rows) {
    if (!isIndicatorRow(raw)) {
      const text = [...new Set(Object.values(raw.text).filter(Boolean))].join(" ");
      warnings.push({ line: raw.row, message: `工作表“${sheet}”第${raw.row}行不是指标行，已跳过：${text.slice(0, 40)}` });
      continue;
    }
    if (raw.text.level1 && raw.text.level1 !== carry.level1) carry.level2 = "";
    const ind = indicatorFromRow(raw, carry, sheet, warnings);
    carry.level1 = ind.level1;
    carry.level2 = ind.level2;
    out.push(ind);
  }
  return out;
}

function readFormSheet(ws: ExcelJS.Worksheet, header: HeaderRow, seq: number, warnings: ImportWarning[]): SheetResult {
  const form = readFormHeader(ws, header, ws.name, warnings);
  const unit = form.amountUnit ?? header.amountUnit ?? findAmountUnit(ws, 1, header.row) ?? "万元";
  const project = emptyProject(seq);
  Object.assign(project, form.fields);
  const titleSeq = form.title.match(/^(\d+)[.．、]/);
  if (titleSeq) project.seq = Number(titleSeq[1]);
  if (form.title) project.tableTitle = form.title;
  if (unit === "元") {
    project.budget = {
      total: toWanYuan(project.budget.total, unit),
      fiscal: toWanYuan(project.budget.fiscal, unit),
      other: toWanYuan(project.budget.other, unit),
    };
  }
  project.indicators = indicatorsOf(readRawRows(ws, header), ws.name, warnings);
  if (!project.name && !project.code) {
    project.name = ws.name;
    warnings.push({ line: null, message: `工作表“${ws.name}”没有“项目名称”，已用工作表名作项目名称` });
  }
  return { projects: [project], department: form.department };
}

/** A flat table: one row per indicator; project columns filled on each project's first row only, or on all. */
function readFlatSheet(ws: ExcelJS.Worksheet, header: HeaderRow, firstSeq: number, warnings: ImportWarning[], file: string): SheetResult {
  const unit = header.amountUnit ?? findAmountUnit(ws, 1, header.row) ?? "万元";
  const rows = readRawRows(ws, header);
  const projects: Project[] = [];
  const groups: RawRow[][] = [];
  let unitName = "";
  let key = "";
  for (const raw of rows) {
    const t = raw.text;
    if (t.unitName && !unitName) unitName = t.unitName;
    const rowKey = t.code || t.projectName ? `${t.code ?? ""}|${t.projectName ?? ""}` : "";
    if (rowKey && rowKey !== key) {
      key = rowKey;
      const project = emptyProject(firstSeq + projects.length);
      project.code = t.code ?? "";
      project.name = t.projectName ?? "";
      project.budget = {
        total: toWanYuan(raw.numbers.budget, unit),
        fiscal: toWanYuan(raw.numbers.fiscal, unit),
        other: toWanYuan(raw.numbers.other, unit),
      };
      project.purpose = t.purpose ?? "";
      project.goals = t.goal ? t.goal.split(/\n+/).map((g) => g.trim()).filter(Boolean) : [];
      projects.push(project);
      groups.push([]);
    }
    if (!projects.length) {
      throw new InputError(`${file}：工作表“${ws.name}”${cellRef(raw.row, header.columns.projectName ?? header.columns.code ?? 1)} 应有项目名称或项目编码（第一行指标没有所属项目）`);
    }
    groups[groups.length - 1].push(raw);
  }
  projects.forEach((p, i) => {
    p.indicators = indicatorsOf(groups[i], ws.name, warnings);
  });
  return { projects, department: unitName ? { code: "", name: unitName } : null };
}

function isProjectColumn(c: Column): boolean {
  return c === "projectName" || c === "code";
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
  warnings.push(...sheetWarnings);
  for (const p of projects) if (!p.indicators.length) warnings.push({ line: null, message: `项目“${p.name || p.code}”没有指标行` });
  const doc = toDocument({ unit: "万元", toc: [], projects, department }, file);
  if (warnings.length) doc.importWarnings = warnings;
  return doc;
}

/** Every visible sheet that holds a table: project sheets (the official form) and flat sheets, apart. */
function readSheets(wb: ExcelJS.Workbook, file: string) {
  const forms: VisibleProject[] = [];
  const flat: VisibleProject[] = [];
  const sheetWarnings: ImportWarning[] = [];
  let department: JixiaoDocument["department"] = undefined;
  const skipped: string[] = [];
  let problem: InputError | null = null;
  for (const ws of wb.worksheets) {
    // 审核意见 (the findings list of a marked-up export) is a report about the tables, not a table.
    if (ws.state !== "visible" || sheetIsEmpty(ws) || isReviewSheet(ws)) continue;
    const header = findHeaderRow(ws);
    if (!header) {
      skipped.push(ws.name);
      problem ??= new InputError(
        `${file}：工作表“${ws.name}”前 30 行中找不到指标表头（应有“一级指标”“二级指标”“三级指标”“指标值”或“目标值”等列）`,
      );
      continue;
    }
    requireColumns(header, ws.name, file);
    const isFlat = Object.keys(header.columns).some((c) => isProjectColumn(c as Column));
    const seq = forms.length + flat.length + 1;
    const result = isFlat ? readFlatSheet(ws, header, seq, sheetWarnings, file) : readFormSheet(ws, header, seq, sheetWarnings);
    if (result.department && !department) department = result.department;
    (isFlat ? flat : forms).push(...result.projects.map((project) => ({ project, sheet: ws.name })));
  }
  for (const name of skipped) sheetWarnings.push({ line: null, message: `工作表“${name}”不是绩效目标表（找不到指标表头），已跳过` });
  return { forms, flat, department, sheetWarnings, problem };
}
