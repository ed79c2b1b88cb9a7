// An Excel workbook (exceljs) as SourceDocuments, one per visible sheet: the lines above the table that are
// one text across the row (the title, `105001 承德…`, `单位：万元`) as paragraphs, the rest as one cell grid
// with merges as spans. Cells read as a person sees them: a formula's cached result, a percent-formatted 0.8
// as 80%, a date as 2024-12-31. The form reader does the rest, as for every other format.
import type ExcelJS from "exceljs";
import type { CellGrid, GridCell, GridRow, SourceBlock, SourceDocument } from "../grid.js";
import { cellRef, valueText } from "../xlsx/cells.js";
import { isReviewSheet } from "../xlsx/review.js";
import { headerColumns } from "../../domain/columns.js";
import { headLabel } from "../form/table.js";

/** The sheets a person reads: visible, not empty, not our 审核意见 list. */
export function tableSheets(wb: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  return wb.worksheets.filter((ws) => ws.state === "visible" && ws.actualRowCount > 0 && !isReviewSheet(ws) && hasText(ws));
}

function hasText(ws: ExcelJS.Worksheet): boolean {
  let any = false;
  ws.eachRow((row) => row.eachCell((cell) => {
    if (!any && shownText(cell) !== "") any = true;
  }));
  return any;
}

/** What the cell shows. */
export function shownText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  const result = typeof v === "object" && v !== null && "result" in v ? (v as { result?: unknown }).result : v;
  if (typeof result === "number" && /%/.test(cell.numFmt ?? "")) return `${Number((result * 100).toFixed(6))}%`;
  return valueText(v).replace(/\r\n?/g, "\n").trim();
}

export function readSheet(ws: ExcelJS.Worksheet, file: string): SourceDocument {
  const width = ws.columnCount;
  const rows: GridRow[] = [];
  const blocks: SourceBlock[] = [];
  let tableStarted = false;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: GridCell[] = [];
    const texts: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      const master = cell.master;
      if (cell.isMerged && master.address !== cell.address) continue; // covered by a merge that starts before
      let colspan = 1;
      while (c + colspan <= width && row.getCell(c + colspan).master.address === cell.address && row.getCell(c + colspan).isMerged) colspan++;
      let rowspan = 1;
      while (r + rowspan <= ws.rowCount && ws.getRow(r + rowspan).getCell(c).master.address === cell.address && ws.getRow(r + rowspan).getCell(c).isMerged) rowspan++;
      const text = shownText(cell);
      if (text) texts.push(text);
      cells.push({ text, rowspan, colspan, source: { sheet: ws.name, ref: cellRef(r, c) } });
      c += colspan - 1;
    }
    // Lines above the table (the title, `105001 承德…`, `单位：万元`, `填报单位：…`): rows before the first one
    // that holds a head label (项目名称 …) or the indicator header are paragraphs.
    if (!tableStarted && !texts.some((t) => headLabel(t) !== null && headLabel(t) !== "ignore") && headerColumns(texts) === null) {
      for (const text of texts) blocks.push({ kind: "paragraph", text, source: { sheet: ws.name, ref: cellRef(r, 1) } });
      continue;
    }
    tableStarted = true;
    rows.push({ cells, source: { sheet: ws.name, ref: `第${r}行`, line: r } });
  }
  const grid: CellGrid = { rows, source: { sheet: ws.name } };
  if (rows.length > 0) blocks.push({ kind: "table", grid });
  return { name: file, blocks, warnings: [] };
}
