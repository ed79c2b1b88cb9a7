// The text reader: a 绩效文本 or a copied web/Word page as plain text → SourceDocument. Per block it finds the
// layout: tab-separated rows (PDF extraction, the seed), pipe rows (Markdown, web copies that kept `|`, rows
// wrapped over lines), and, where an indicator header appears in plain lines, rows separated by spaces, cells
// run together, one cell per line, or the table written as prose (text-layouts.ts). Everything else is a
// paragraph for the form reader (titles, explanations, `项目名称：…` lines).
import { headerColumns } from "../../domain/columns.js";
import type { CellGrid, GridRow, SourceBlock, SourceDocument } from "../grid.js";
import { cleanCell, squash, toLines, type Line } from "../form/lines.js";
import { headLabel } from "../form/table.js";
import { decodeCell, isPipeRow, isSeparatorRow, splitPipeRow } from "./pipes.js";
import { unflatten } from "./text-flattened.js";
import { readLayoutTable } from "./text-layouts.js";

export function readText(text: string, name: string): SourceDocument {
  const lines = unflatten(toLines(text));
  const blocks: SourceBlock[] = [];
  const paragraph = (line: Line, text = line.raw) => blocks.push({ kind: "paragraph", text: stripMarkdown(text), source: { line: line.no } });
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.text) {
      i++;
      continue;
    }
    if (line.raw.includes("\t")) {
      const end = tabRunEnd(lines, i);
      const grid = tabGrid(lines.slice(i, end));
      if (isFormTable(grid)) blocks.push({ kind: "table", grid });
      else lines.slice(i, end).forEach((l) => l.text && paragraph(l, l.raw.replace(/\t+/g, " ")));
      i = end;
      continue;
    }
    const next = lines[i + 1]?.text ?? "";
    if (isPipeRow(line.text) && (line.text.startsWith("|") || isSeparatorRow(next) || isPipeRow(next))) {
      let end = i;
      while (end < lines.length && lines[end].text && isPipeRow(lines[end].text)) end++;
      const grid = pipeGrid(lines.slice(i, end));
      if (isFormTable(grid)) blocks.push({ kind: "table", grid });
      else lines.slice(i, end).forEach((l) => paragraph(l, splitPipeRow(l.text).map(decodeCell).filter(Boolean).join(" ")));
      i = end;
      continue;
    }
    const layout = readLayoutTable(lines, i);
    if (layout) {
      blocks.push({ kind: "table", grid: layout.grid });
      i = layout.end;
      continue;
    }
    paragraph(line);
    i++;
  }
  return { name, blocks, warnings: [] };
}

/** `## 标题` → `标题`, `**项目名称**：…` → `项目名称：…`: Markdown a chat answer wraps around the form. */
function stripMarkdown(text: string): string {
  const heading = /^\s*#{1,6}\s+(.*)$/.exec(text);
  if (heading) return decodeCell(heading[1]);
  return text.includes("**") ? text.replace(/\*\*/g, "") : text;
}

/** A table block is a form when some row is an indicator header or holds a head label (项目名称 …). */
function isFormTable(grid: CellGrid): boolean {
  return grid.rows.some((r) => {
    const cells = r.cells.map((c) => c.text);
    if (cells.filter((c) => /^\d{1,2}月(底|末)?$/.test(squash(c))).length >= 2) return true; // a spending plan
    return headerColumns(cells) !== null || cells.some((c) => /^(项目编码|项目名称|项目代码)$/.test(squash(c)) || (headLabel(c) !== null && headLabel(c) !== "ignore" && cells.length <= 3 && cells.length > 1));
  });
}

/** Lines of a tab run from `start`; blank lines inside a run are page breaks. */
function tabRunEnd(lines: Line[], start: number): number {
  let end = start + 1;
  for (let j = start + 1; j < lines.length; j++) {
    if (!lines[j].text) continue;
    if (!lines[j].raw.includes("\t")) break;
    end = j + 1;
  }
  return end;
}

function tabGrid(run: Line[]): CellGrid {
  const rows: GridRow[] = [];
  let blank = false;
  for (const line of run) {
    if (!line.text) {
      blank = true;
      continue;
    }
    rows.push({ cells: line.raw.split("\t").map((t) => ({ text: cleanCell(t) })), source: { line: line.no }, breakBefore: blank });
    blank = false;
  }
  return { rows, source: { line: run[0]?.no } };
}

/**
 * Pipe rows; a row a web copy wrapped over lines (a line ending in a single `|` with fewer cells than the
 * table) is joined with the lines after it.
 */
function pipeGrid(run: Line[]): CellGrid {
  const rows: GridRow[] = [];
  const width = Math.max(...run.map((l) => splitPipeRow(l.text).length));
  let pending: { text: string; no: number } | null = null;
  for (const line of run) {
    if (isSeparatorRow(line.text)) continue;
    const text: string = pending ? `${pending.text}${line.text}` : line.text;
    const no: number = pending?.no ?? line.no;
    const cells = splitPipeRow(text);
    if (/[^|]\s*\|$/.test(text) && !/\|\s*\|$/.test(text) && cells.length < width && line !== run[run.length - 1]) {
      pending = { text, no };
      continue;
    }
    pending = null;
    rows.push({ cells: cells.map((c) => ({ text: decodeCell(c) })), source: { line: no } });
  }
  if (pending) rows.push({ cells: splitPipeRow(pending.text).map((c) => ({ text: decodeCell(c) })), source: { line: pending.no } });
  return { rows, source: { line: run[0]?.no } };
}
