// Column labels of indicator tables as people and budget systems write them.
import type ExcelJS from "exceljs";
import { cellText, labelKey } from "./cells.js";

export type Column =
  | "unitName" | "code" | "projectName" | "budget" | "fiscal" | "other" | "goal" | "purpose"
  | "level1" | "level2" | "name" | "description" | "nature" | "direction" | "target" | "unit" | "weight"
  | "value" | "basis";

const LABELS: Record<Column, string[]> = {
  unitName: ["单位名称", "预算单位", "预算单位名称", "部门名称", "填报单位"],
  code: ["项目编码", "项目代码", "项目编号"],
  projectName: ["项目名称"],
  budget: ["预算数", "预算金额", "项目金额", "资金总额", "年度预算数", "预算资金", "项目预算", "项目总额", "年度资金总额"],
  fiscal: ["财政资金", "财政拨款"],
  other: ["其他资金"],
  goal: ["年度目标", "绩效目标", "年度绩效目标", "总体目标", "项目绩效目标"],
  purpose: ["资金用途"],
  level1: ["一级指标"],
  level2: ["二级指标"],
  name: ["三级指标", "指标名称", "三级指标名称"],
  description: ["绩效指标描述", "指标描述", "指标解释", "指标说明"],
  nature: ["指标性质", "指标类型", "运算符号", "符号", "比较符号"],
  direction: ["指标方向"],
  target: ["目标值", "指标目标值", "年度目标值"],
  unit: ["计量单位", "度量单位", "单位"],
  weight: ["分值", "权重", "指标分值", "指标权重", "权重分值"],
  value: ["指标值", "年度指标值"],
  basis: ["指标值确定依据", "确定依据", "指标值设定依据", "指标值确定依据说明", "依据"],
};

const BY_LABEL = new Map<string, Column>();
for (const [column, labels] of Object.entries(LABELS)) for (const l of labels) BY_LABEL.set(l, column as Column);

export function columnOfLabel(text: string): Column | null {
  return BY_LABEL.get(labelKey(text)) ?? null;
}

export interface HeaderRow {
  row: number;
  columns: Partial<Record<Column, number>>;
  /** The amount unit a header states (预算数（元）). */
  amountUnit: "元" | "万元" | null;
}

const INDICATOR_COLUMNS: Column[] = ["level1", "level2", "name", "value", "target"];

/** The first row (within the first `limit`) that labels at least three indicator columns. */
export function findHeaderRow(ws: ExcelJS.Worksheet, limit = 30): HeaderRow | null {
  const last = Math.min(ws.rowCount, limit);
  for (let r = 1; r <= last; r++) {
    const row = ws.getRow(r);
    const columns: Partial<Record<Column, number>> = {};
    let amountUnit: HeaderRow["amountUnit"] = null;
    const seenMasters = new Set<string>();
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = row.getCell(c);
      // A label merged over several columns counts once, at its first column.
      if (seenMasters.has(cell.master.address)) continue;
      seenMasters.add(cell.master.address);
      const text = cellText(cell);
      const column = text ? columnOfLabel(text) : null;
      if (column && columns[column] === undefined) {
        columns[column] = c;
        if (column === "budget" || column === "fiscal" || column === "other") {
          const unit = text.match(/[（(]\s*(万元|元)\s*[）)]/);
          if (unit) amountUnit = unit[1] as "元" | "万元";
        }
      }
    }
    if (INDICATOR_COLUMNS.filter((k) => columns[k] !== undefined).length >= 3) return { row: r, columns, amountUnit };
  }
  return null;
}

/** `金额单位：元`, `单位：万元` anywhere in the given rows. */
export function findAmountUnit(ws: ExcelJS.Worksheet, fromRow: number, toRow: number): "元" | "万元" | null {
  for (let r = fromRow; r <= toRow; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= ws.columnCount; c++) {
      const m = cellText(row.getCell(c)).replace(/\s+/g, "").match(/(?:金额)?单位[:：](万元|元)/);
      if (m) return m[1] as "元" | "万元";
    }
  }
  return null;
}
