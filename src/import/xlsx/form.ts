// The official form layout (our project sheets, and tables people type after the printed form): a title,
// a department line, a header block of labelled cells (项目编码, 项目名称, 预算数, 财政资金, 其他资金,
// 资金用途, 3月底…12月底, 绩效目标), then the indicator table.
import type ExcelJS from "exceljs";
import type { ImportWarning, Project } from "../../domain/schema.js";
import { cellNumber, cellRef, cellText, labelKey } from "./cells.js";
import type { HeaderRow } from "./header.js";

type FormLabel = "code" | "name" | "budget" | "fiscal" | "other" | "purpose" | "goals" | "budgetAndPurpose" | "mar" | "jun" | "oct" | "dec";

const FORM_LABELS: Record<string, FormLabel> = {
  项目编码: "code", 项目代码: "code", 项目名称: "name", 预算数: "budget", 预算金额: "budget", 财政资金: "fiscal",
  财政拨款: "fiscal", 其他资金: "other", 资金用途: "purpose", 绩效目标: "goals", 年度绩效目标: "goals", 年度目标: "goals",
  预算规模及资金用途: "budgetAndPurpose", "3月底": "mar", "6月底": "jun", "10月底": "oct", "12月底": "dec",
};

export interface FormHeader {
  fields: Partial<Project>;
  /** The unit a money label states (预算金额（元）), which outranks the sheet's 单位： line. */
  amountUnit: "元" | "万元" | null;
  title: string;
  department: { code: string; name: string } | null;
}

/** The first cell right of `cell` that is not part of the same merged range. */
function rightOf(ws: ExcelJS.Worksheet, r: number, c: number): ExcelJS.Cell | null {
  const master = ws.getRow(r).getCell(c).master.address;
  for (let k = c + 1; k <= ws.columnCount; k++) {
    const cell = ws.getRow(r).getCell(k);
    if (cell.master.address !== master) return cell;
  }
  return null;
}

/** The cell below the label's merged range, in the label's column. */
function below(ws: ExcelJS.Worksheet, r: number, c: number): ExcelJS.Cell | null {
  const master = ws.getRow(r).getCell(c).master.address;
  for (let k = r + 1; k <= ws.rowCount; k++) {
    const cell = ws.getRow(k).getCell(c);
    if (cell.master.address !== master) return cell;
  }
  return null;
}

function percentOf(cell: ExcelJS.Cell | null): number | null {
  if (!cell) return null;
  const v = cell.value;
  // A percent-formatted number cell holds 1 for 100%.
  if (typeof v === "number") return /%/.test(cell.numFmt ?? "") ? Number((v * 100).toFixed(6)) : v;
  return cellNumber(cell);
}

export function readFormHeader(ws: ExcelJS.Worksheet, header: HeaderRow, sheet: string, warnings: ImportWarning[]): FormHeader {
  const fields: Partial<Project> = {};
  const plan: Record<string, number | null> = {};
  let title = "";
  let department: FormHeader["department"] = null;
  let amountUnit: FormHeader["amountUnit"] = null;
  const seen = new Set<string>();
  for (let r = 1; r < header.row; r++) {
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = ws.getRow(r).getCell(c);
      if (seen.has(cell.master.address)) continue;
      seen.add(cell.master.address);
      const text = cellText(cell);
      if (!text) continue;
      const label = FORM_LABELS[labelKey(text)];
      if (!label) {
        if (!title && /绩效目标表/.test(text)) title = text.replace(/\s+/g, " ").trim();
        const dept = text.match(/^(\d{3,})\s+(\S.*)$/);
        if (!department && dept) department = { code: dept[1], name: dept[2].trim() };
        const unit = text.match(/^(?:填报单位|单位名称|预算单位)[:：]\s*(\S.*)$/);
        if (!department && unit) department = { code: "", name: unit[1].trim() };
        continue;
      }
      const value = rightOf(ws, r, c);
      switch (label) {
        case "code":
          fields.code = value ? cellText(value) : "";
          break;
        case "name":
          fields.name = value ? cellText(value) : "";
          break;
        case "budget":
        case "fiscal":
        case "other": {
          const n = value ? cellNumber(value) : null;
          const stated = text.replace(/\s+/g, "").match(/[（(](万元|元)[）)]/);
          if (stated) amountUnit ??= stated[1] as "元" | "万元";
          if (value && n === null && cellText(value)) {
            warnings.push({ line: r, message: `工作表“${sheet}”${cellRef(Number(value.row), Number(value.col))}：${text}“${cellText(value)}”不是金额，已留空` });
          }
          fields.budget = { ...(fields.budget ?? { total: null, fiscal: null, other: null }), [label === "budget" ? "total" : label]: n };
          break;
        }
        case "purpose":
          fields.purpose = value ? cellText(value) : "";
          break;
        case "budgetAndPurpose": {
          // Official layout: the purpose sits on the row below 预算数, right of this label.
          const next = r + 1 < header.row ? rightOf(ws, r + 1, c) : null;
          if (next && fields.purpose === undefined) fields.purpose = cellText(next);
          break;
        }
        case "goals": {
          const goals = value ? cellText(value) : "";
          fields.goals = goals ? goals.split(/\n+/).map((g) => g.trim()).filter(Boolean) : [];
          break;
        }
        default:
          plan[label] = percentOf(below(ws, r, c));
      }
    }
  }
  if (Object.keys(plan).length) {
    fields.spendingPlan = { mar: plan.mar ?? null, jun: plan.jun ?? null, oct: plan.oct ?? null, dec: plan.dec ?? null };
  }
  return { fields, title, department, amountUnit };
}
