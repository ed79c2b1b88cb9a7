// cost-consistency: a unit cost × its matching count cannot fit the budget (≤200元/人 × ≥5000人 = 100万元 on a
// 20万元 project): one of the three numbers is wrong.
import { q } from "./value-common.js";
import type { ProjectRule, RowContext, RuleHit } from "./types.js";

/** Products above the budget by more than this share are reported (rounding of 万元 budgets). */
const TOLERANCE = 0.05;

function countOf(row: RowContext, per: string): number | null {
  const p = row.parsed;
  if (p.kind !== "quantitative" || p.unitKind !== "count" && p.unitKind !== "measure") return null;
  return p.unit === per ? p.normalized : null;
}

const rule: ProjectRule = {
  id: "cost-consistency",
  severity: "warning",
  scope: "project",
  description: "单价乘以对应的数量超出项目预算",
  docs: `## 说明
成本指标写单价（≤200元/人、1600元/亩）、数量指标写同一单位的数量（≥500人、≥800亩）时，二者相乘应在预算之内。
乘积超出预算（超出5%以上）说明单价、数量或预算数中有一个写错了。单位须一致（元/人 与 人，元/亩 与 亩）才比较；
取同一单位中最大的数量。

## 依据
财预〔2021〕101号附件：成本指标与产出数量、预算相匹配（单位成本 × 数量 = 总成本）；实际表格：
test/fixtures/corpus/doc07（宁夏，17600株 × 28.40元 ≈ 50万元，与预算一致）。

## 错误示例
预算数 20万元：
| 二级指标 | 三级指标 | 指标值 |
|---|---|---|
| 数量指标 | 培训人数 | ≥5000人 |
| 成本指标 | 人均培训成本 | ≤200元/人 |

## 正确示例
预算数 20万元：
| 二级指标 | 三级指标 | 指标值 |
|---|---|---|
| 数量指标 | 培训人数 | ≥800人 |
| 成本指标 | 人均培训成本 | ≤200元/人 |`,
  check(ctx) {
    const budget = ctx.project.budget.total;
    if (budget === null || budget <= 0) return [];
    const hits: RuleHit[] = [];
    for (const row of ctx.rows) {
      const p = row.parsed;
      if (row.empty || p.kind !== "quantitative" || p.unitKind !== "unitCost" || !p.per) continue;
      let count: { value: number; row: RowContext } | null = null;
      for (const other of ctx.rows) {
        if (other === row || other.empty) continue;
        const n = countOf(other, p.per);
        if (n !== null && (count === null || n > count.value)) count = { value: n, row: other };
      }
      if (count === null) continue;
      const totalWan = (p.normalized * count.value) / 1e4;
      if (totalWan <= budget * (1 + TOLERANCE)) continue;
      hits.push({
        indicator: row.index,
        field: "value",
        message: `单价“${q(row.value)}”×数量“${q(count.row.value)}”（第${count.row.index + 1}行）约${+totalWan.toFixed(2)}万元，超出预算${budget}万元`,
        hint: "核对单价、数量和预算数，使单价×数量不超过预算",
      });
    }
    return hits;
  },
};

export default rule;
