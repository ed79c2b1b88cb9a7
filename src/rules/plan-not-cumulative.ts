// plan-not-cumulative: the 资金支出计划 is a cumulative percentage — it cannot decrease, go below 0 or above 100.
import type { ProjectRule, RuleHit } from "./types.js";

export const PLAN_POINTS = [
  ["mar", "3月底"],
  ["jun", "6月底"],
  ["oct", "10月底"],
  ["dec", "12月底"],
] as const;

const EPSILON = 1e-6;

const rule: ProjectRule = {
  id: "plan-not-cumulative",
  severity: "error",
  scope: "project",
  description: "资金支出计划不是累计进度：后一时点低于前一时点，或超过100%、小于0",
  docs: `## 说明
资金支出计划填写的是截至3月底、6月底、10月底、12月底累计支出占预算的百分比，只能逐期持平或增加，且在 0–100% 之间。
出现下降通常是把当期支出当成了累计数。空白时点跳过（与前一个已填时点比较）。

## 依据
资金支出计划是累计百分比，只能递增且不超过100%（各地申报表样表；种子文档的资金支出计划栏）。

## 错误示例
3月底 25% | 6月底 50% | 10月底 25% | 12月底 100%

## 正确示例
3月底 25% | 6月底 50% | 10月底 75% | 12月底 100%`,
  check(ctx) {
    const hits: RuleHit[] = [];
    const plan = ctx.project.spendingPlan;
    let previous: { label: string; value: number } | null = null;
    for (const [key, label] of PLAN_POINTS) {
      const value = plan[key];
      if (value === null || value === undefined) continue;
      if (value > 100 + EPSILON || value < -EPSILON) {
        hits.push({
          field: "spendingPlan",
          message: `资金支出计划${label}为${value}%，超出0–100%`,
          hint: "填写截至该时点累计支出占预算的百分比，最大为100%",
        });
      }
      if (previous && value < previous.value - EPSILON) {
        hits.push({
          field: "spendingPlan",
          message: `资金支出计划${label}为${value}%，低于${previous.label}的${previous.value}%，不是累计数`,
          hint: "各时点填写截至该时点的累计支出百分比，逐期持平或增加",
        });
      }
      previous = { label, value };
    }
    return hits;
  },
};

export default rule;
