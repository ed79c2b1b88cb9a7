// What a change did, in Chinese, for the history (添加 3 条指标：甲、乙、丙; 修改指标 i_… 的指标值：4 次 → ≥4次).
import type { Project } from "../domain/schema.js";
import type { IndicatorPatch } from "./contracts.js";

/** A cell value shortened for a one-line change description. */
export function clip(value: unknown, max = 24): string {
  if (value === undefined || value === null || value === "") return "（空）";
  const text = String(value).replace(/\s+/g, " ").trim();
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** `：甲、乙、丙` for up to three rows (…等 beyond), by id in `project`. */
export function namesOf(project: Project, ids: string[]): string {
  const names = ids.map((id) => project.indicators.find((i) => i.id === id)?.name).filter((n): n is string => Boolean(n));
  if (names.length === 0) return "";
  return `：${names.slice(0, 3).map((n) => clip(n, 16)).join("、")}${names.length > 3 ? " 等" : ""}`;
}

const INDICATOR_FIELD_LABELS: Record<string, string> = {
  level1: "一级指标",
  level2: "二级指标",
  name: "三级指标名称",
  description: "指标描述",
  value: "指标值",
  basis: "依据",
  unit: "单位",
  direction: "方向",
  weight: "权重",
};

export function describeIndicatorUpdate(before: Project, after: Project, indicatorId: string, patch: IndicatorPatch): string {
  const old = before.indicators.find((i) => i.id === indicatorId) as Record<string, unknown> | undefined;
  const now = after.indicators.find((i) => i.id === indicatorId) as Record<string, unknown> | undefined;
  const changes = Object.keys(patch)
    .filter((k) => (patch as Record<string, unknown>)[k] !== undefined && Object.hasOwn(INDICATOR_FIELD_LABELS, k))
    .filter((k) => old?.[k] !== now?.[k])
    .map((k) => `${INDICATOR_FIELD_LABELS[k]}：${clip(old?.[k])} → ${clip(now?.[k])}`);
  const name = typeof old?.name === "string" && old.name ? `（${clip(old.name, 16)}）` : "";
  return changes.length === 0 ? `修改指标 ${indicatorId}${name}：内容未变` : `修改指标 ${indicatorId} 的${changes.join("；")}`;
}

const PROJECT_FIELD_LABELS: Record<string, string> = {
  name: "项目名称",
  code: "项目编码",
  summary: "项目概况",
  purpose: "资金用途",
  funding: "资金安排情况",
  evaluationBasis: "评价标准",
  profile: "指标体系",
};
const BUDGET_LABELS: Record<string, string> = { total: "预算数", fiscal: "财政资金", other: "其他资金" };
const PLAN_LABELS: Record<string, string> = { mar: "3月底支出", jun: "6月底支出", oct: "10月底支出", dec: "12月底支出" };

export function describeProjectUpdate(before: Project, after: Project): string {
  const changes: string[] = [];
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  for (const [key, label] of Object.entries(PROJECT_FIELD_LABELS)) {
    if (b[key] !== a[key]) changes.push(`${label}：${clip(b[key])} → ${clip(a[key])}`);
  }
  if (JSON.stringify(before.goals) !== JSON.stringify(after.goals)) {
    changes.push(`绩效目标：${before.goals.length} 条 → ${after.goals.length} 条`);
  }
  for (const [key, label] of Object.entries(BUDGET_LABELS)) {
    const x = (before.budget as Record<string, unknown>)[key];
    const y = (after.budget as Record<string, unknown>)[key];
    if (x !== y) changes.push(`${label}：${clip(x)} → ${clip(y)} 万元`);
  }
  for (const [key, label] of Object.entries(PLAN_LABELS)) {
    const x = (before.spendingPlan as Record<string, unknown>)[key];
    const y = (after.spendingPlan as Record<string, unknown>)[key];
    if (x !== y) changes.push(`${label}：${clip(x)} → ${clip(y)}%`);
  }
  return changes.length === 0 ? "修改项目：内容未变" : `修改${changes.join("；")}`;
}
