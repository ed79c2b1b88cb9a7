// The 审核意见 sheet of a marked-up export lists findings; it is recognised by its header row (whatever
// the tab is called) so an import reads only the tables.
import type ExcelJS from "exceljs";
import { REVIEW_COLUMNS } from "../../render/xlsx-layout.js";
import { cellText, labelKey } from "./cells.js";

export function isReviewSheet(ws: ExcelJS.Worksheet): boolean {
  const row = ws.getRow(1);
  return REVIEW_COLUMNS.every((label, i) => labelKey(cellText(row.getCell(i + 1))) === labelKey(label));
}
