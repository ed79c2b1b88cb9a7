// cost-over-budget: a total-cost value above the project budget, after unit conversion (元 vs 万元).
import { isCostRow, isMoney, q } from "./value-common.js";
import type { ProjectRule, RuleHit } from "./types.js";

/** Amounts are compared in 元; allow rounding of decimals of 万元. */
const EPSILON = 0.5;

function yuan(amount: number): string {
  return amount >= 10000 ? `${+(amount / 10000).toFixed(4)}万元` : `${+amount.toFixed(2)}元`;
}

const rule: ProjectRule = {
  id: "cost-over-budget",
  severity: "error",
  scope: "project",
  description: "成本指标的总金额超过项目预算数（按单位换算后比较）",
  docs: `## 说明
成本指标的总金额不能超过项目预算数。比较前统一换算为元：预算 0.5 万元 = 5000 元，因此“年使用费 5000元”不超预算；
预算 118 万元时“118万元”也不超。只检查成本指标下的总金额，单价（元/人）不与预算比较。

## 依据
财预〔2021〕101号（《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》，通知原文 http://lsrwf.cn/news/708af42006d811ec81694b356a0c000d）成本指标段落（https://qddinggu.cn/caishui/35371.html）：成本指标应与预算相匹配，总成本不超过预算数；金额按元、万元换算后比较。

## 错误示例
预算数 118 万元：
| 三级指标 | 指标值 |
|---|---|
| 项目总成本 | ≤200万元 |

## 正确示例
预算数 0.5 万元：
| 三级指标 | 指标值 |
|---|---|
| 年使用费 | 5000元 |`,
  check(ctx) {
    const total = ctx.project.budget.total;
    if (total === null || !Number.isFinite(total) || total <= 0) return [];
    const limit = total * 10000;
    const hits: RuleHit[] = [];
    for (const row of ctx.rows) {
      if (!isCostRow(row)) continue;
      const p = row.parsed;
      if (p.kind !== "quantitative" || !isMoney(p, true) || p.normalized <= limit + EPSILON) continue;
      hits.push({
        indicator: row.index,
        field: "value",
        message: `成本指标“${q(row.indicator.name)}”的指标值“${q(row.indicator.value)}”（${yuan(p.normalized)}）超过项目预算数${total}万元`,
        hint: `成本不超过预算数 ${total} 万元；核对单位（元/万元）和数值`,
      });
    }
    return hits;
  },
};

export default rule;
