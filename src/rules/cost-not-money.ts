// cost-not-money: a 成本 row whose value is not an amount of money (调研成果完成率 ≥60 百分比; 资金到位).
import { costNotMoney, q } from "./value-common.js";
import type { ProjectRule, RuleHit } from "./types.js";

const rule: ProjectRule = {
  id: "cost-not-money",
  severity: "error",
  scope: "project",
  exclusive: "value",
  description: "成本指标的指标值不是金额（或单价、成本控制率）",
  docs: `## 说明
成本指标考核“花多少钱”，指标值应是金额（≤50万元）、单价（≤200元/人）或明确的成本控制率
（预算执行率、超支率、成本节约率、预算控制率，以%计）。完成率、“资金到位”之类放在成本指标下无法考核成本。
适用于常用体系的“成本指标”二级和财预〔2021〕101号体系的“经济成本指标”（社会成本、生态环境成本可以定性描述）。
占位符、问句、照抄名称的值分别由对应规则报告，本规则不重复；本规则命中的行也不再报“不可衡量”。

## 错误示例
| 二级指标 | 三级指标 | 指标值 |
|---|---|---|
| 成本指标 | 调研成果完成率 | ≥60 百分比 |
| 成本指标 | 型煤购买资金 | 资金到位 |

## 正确示例
| 二级指标 | 三级指标 | 指标值 |
|---|---|---|
| 成本指标 | 年使用费 | 5000元 |
| 成本指标 | 型煤购买单价 | ≤1000元/吨 |
| 成本指标 | 预算超支率 | ≤0% |`,
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const row of ctx.rows) {
      if (!costNotMoney(row)) continue;
      hits.push({
        indicator: row.index,
        field: "value",
        message: `成本指标“${q(row.indicator.name)}”的指标值“${q(row.indicator.value)}”不是金额`,
        hint: "成本指标写金额上限（如“≤50万元”）或单价（如“≤200元/人”）；比率类考核请移到质量或时效指标下",
      });
    }
    return hits;
  },
};

export default rule;
