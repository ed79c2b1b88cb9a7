// cost-zero: a cost of 0 (0元, 0万元, ≤0万元) — usually a small unit cost rounded away in 万元.
import { isCostContext, isMoney, q } from "./value-common.js";
import type { ProjectRule, RuleHit } from "./types.js";

const rule: ProjectRule = {
  id: "cost-zero",
  severity: "warning",
  scope: "project",
  description: "成本指标的金额为0（常是小额单价按万元四舍五入所致）",
  docs: `## 说明
成本为0的项目不需要预算。“0万元”“≤0万元”通常是把几百元的单价按万元取整造成的，应改用元或元/人表示。
只检查金额（元、万元、元/人）；“预算超支率 ≤0%”是比率，不属于本规则。

## 依据
成本为0多为把较小的单价四舍五入成“万元”（test/fixtures/corpus/doc04，内蒙古：0.125万元/人写成0万元）。

## 错误示例
| 三级指标 | 指标值 |
|---|---|
| 人均培训成本 | 0万元 |
| 项目总成本 | ≤0万元 |

## 正确示例
| 三级指标 | 指标值 |
|---|---|
| 人均培训成本 | ≤300元/人 |
| 预算超支率 | ≤0% |`,
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const row of ctx.rows) {
      const p = row.parsed;
      if (p.kind !== "quantitative" || p.normalized !== 0) continue;
      const money = isMoney(p, true) || p.unitKind === "unitCost";
      if (!money || !isCostContext(row)) continue;
      hits.push({
        indicator: row.index,
        field: "value",
        message: `成本指标“${q(row.indicator.name)}”的金额“${q(row.indicator.value)}”为0`,
        hint: "写出实际成本；金额较小时用“元”或“元/人”表示，不要按万元取整为0",
      });
    }
    return hits;
  },
};

export default rule;
