// cost-not-money: a 成本 row whose value is not an amount of money (调研成果完成率 ≥60 百分比; 资金到位).
import { costNotMoney, isCostControlRate, isMoneyCostRow, q } from "./value-common.js";
import { normalizeValueText } from "../domain/value.js";
import type { RowContext } from "./types.js";
import type { ProjectRule, RuleHit } from "./types.js";

/** A money-cost row holding a cost-control rate (成本控制率 100%, 预算执行率 ≥90%): a rate, not an amount. */
function isControlRate(row: RowContext): boolean {
  const p = row.parsed;
  if (!isMoneyCostRow(row) || !isCostControlRate(row.measureName)) return false;
  return (p.kind === "quantitative" || p.kind === "range") && (p.unitKind === "percent" || p.unitKind === "none");
}

const rule: ProjectRule = {
  id: "cost-not-money",
  severity: "error",
  scope: "project",
  exclusive: "value",
  description: "成本指标的指标值不是金额（或单价、成本控制率）",
  docs: `## 说明
成本指标考核“花多少钱”，指标值应是金额（≤50万元）或单价（≤200元/人）。完成率、“资金到位”之类放在成本指标下
无法考核成本（错误）。成本控制率（成本控制率100%、预算执行率≥90%、超支率≤0%）是比率，对照预算说明不了花多少钱，
为警告：可以保留，但应另设金额类成本指标。
适用于常用体系的“成本指标”二级和财预〔2021〕101号体系的“经济成本指标”（社会成本、生态环境成本可以定性描述）。
占位符、问句、照抄名称的值分别由对应规则报告，本规则不重复；本规则命中的行也不再报“不可衡量”。

## 依据
财预〔2021〕101号附件：成本指标反映预期提供的公共产品或服务所产生的成本，包括经济成本（以金额计）、社会成本、
生态环境成本（成本指标段落：https://qddinggu.cn/caishui/35371.html）；评审清单把以比率代替金额的成本指标列为问题
（https://m.qiqiwenku.com/doc/736905.html）。

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
| 成本指标 | 项目总成本 | ≤2万元 |`,
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const row of ctx.rows) {
      if (isControlRate(row)) {
        hits.push({
          indicator: row.index,
          field: "value",
          severity: "warning",
          message: `成本指标“${q(row.indicator.name)}”是控制率（${q(row.value)}），没有说明花多少钱`,
          hint: "成本指标写金额上限或单价（如“≤50万元”“≤200元/人”）；预算执行率等可保留，但应另设金额类成本指标",
        });
        continue;
      }
      if (!costNotMoney(row)) continue;
      const p = row.parsed;
      // ≤28.40/株: a unit cost whose 元 was forgotten — the amount is there, the unit is not.
      if (p.kind === "quantitative" && p.unitKind === "none" && !p.scaled && /^\/[^\d]{1,4}$/.test(p.suffix ?? "")) {
        const fix = normalizeValueText(row.value).replace(p.suffix!, `元${p.suffix}`);
        hits.push({
          indicator: row.index,
          field: "value",
          severity: "warning",
          message: `成本指标“${q(row.indicator.name)}”的单价“${q(row.value)}”缺少金额单位“元”`,
          hint: `改为“${fix}”`,
          fix,
        });
        continue;
      }
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
