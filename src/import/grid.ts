// The one intermediate every format reader produces: a document as a sequence of blocks, each a paragraph
// (a line of prose: a title, a narrative sentence, a `项目名称：…` line) or a table as a cell grid. The form
// reader (import/form/) turns any such document into Documents, whatever format it came from.
import type { ImportWarning } from "../domain/schema.js";

/** Where a cell or a block came from, for warnings a person can find again. */
export interface SourcePosition {
  /** 1-based line of a text file (or of the text a PDF page was turned into). */
  line?: number;
  /** 1-based page of a PDF. */
  page?: number;
  /** Sheet name of a workbook. */
  sheet?: string;
  /** A1-style cell reference (xlsx) or `表N 第R行第C列` (docx/html). */
  ref?: string;
}

export interface GridCell {
  text: string;
  /** Rows this cell covers (merged vertically: docx vMerge, html rowspan, xlsx merge); default 1. */
  rowspan?: number;
  /** Columns this cell covers (docx gridSpan, html colspan, xlsx merge); default 1. */
  colspan?: number;
  source?: SourcePosition;
}

export interface GridRow {
  /** The cells as the format has them: a merged cell once, with its span; covered positions are absent. */
  cells: GridCell[];
  source?: SourcePosition;
  /** A page break or blank line lies before this row: a cell cut by it may continue here (text, PDF). */
  breakBefore?: boolean;
  /** What the reader could not be sure of in this row (a value it could not find …), for importWarnings. */
  warning?: string;
}

export interface CellGrid {
  rows: GridRow[];
  source?: SourcePosition;
}

export type SourceBlock =
  | { kind: "paragraph"; text: string; source?: SourcePosition }
  | { kind: "table"; grid: CellGrid };

/** What a format reader returns: blocks in reading order, plus what it could not read (with positions). */
export interface SourceDocument {
  /** File name used in messages. */
  name: string;
  blocks: SourceBlock[];
  warnings: ImportWarning[];
}

/** A cell of a span-expanded grid: merged cells repeated over every position they cover. */
export interface DenseCell {
  text: string;
  /** This position is covered by a merged cell that starts above (rowspan) or to the left (colspan). */
  covered: "none" | "row" | "col";
  source?: SourcePosition;
}

/**
 * Expand spans into a rectangular matrix: a cell merged down repeats its text on the rows below (a merged
 * 一级/二级 label carried down); a cell merged right leaves the covered columns empty, so a label cell followed
 * by a wide value cell reads as one label and one value.
 */
export function expandGrid(grid: CellGrid): DenseCell[][] {
  const out: DenseCell[][] = [];
  grid.rows.forEach((row, r) => {
    const dense: DenseCell[] = (out[r] ??= []);
    let c = 0;
    for (const cell of row.cells) {
      while (dense[c]) c++; // skip positions a cell above already covers
      const rowspan = Math.max(1, cell.rowspan ?? 1);
      const colspan = Math.max(1, cell.colspan ?? 1);
      for (let dr = 0; dr < rowspan; dr++) {
        const target = (out[r + dr] ??= []);
        for (let dc = 0; dc < colspan; dc++) {
          if (target[c + dc]) continue;
          target[c + dc] = {
            text: dc === 0 ? cell.text : "",
            covered: dr === 0 && dc === 0 ? "none" : dr > 0 ? "row" : "col",
            source: cell.source ?? row.source,
          };
        }
      }
      c += colspan;
    }
  });
  const width = Math.max(0, ...out.map((r) => r.length));
  return out.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? { text: "", covered: "none" as const }));
}
