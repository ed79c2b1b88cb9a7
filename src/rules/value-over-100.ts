// value-over-100: a percentage above 100, or ≥100% (nothing can exceed 100%: write =100%).
import { over100Issue, q } from "./value-common.js";
import type { ProjectRule, RuleHit } from "./types.js";

const rule: ProjectRule = {
  id: "value-over-100",
  severity: "warning",
  scope: "project",
  exclusive: "value",
  description: "百分比超过100%，或写成“≥100%”（应写“=100%”）",
  docs: `## 说明
比率不可能超过100%，“≥100%”的“大于”部分永远达不到，应写“=100%”；写成“100%”（不带比较符）也可以。
增长率、增幅等增长类指标可以超过100%，不检查；方向写反的值（如差错率≥100%）由 value-direction 报告。

## 依据
比率的上限是100%，“≥100%”的“大于”部分不可能达到（绩效目标审核评分清单（https://m.qiqiwenku.com/doc/736905.html））；实例见种子文档（承德高新区2023年部门预算绩效文本，examples/chengde-gxq-2023.txt）（专款专用率 ≥100%）和 test/fixtures/corpus/doc05。

## 错误示例
| 三级指标 | 指标值 |
|---|---|
| 专款专用率 | ≥100% |
| 区管委会审议通过率 | ≥100 百分比 |
| 资金使用率 | 120% |

## 正确示例
| 三级指标 | 指标值 |
|---|---|
| 专款专用率 | =100% |
| 按期完成率 | 100% |
| 企业营业收入增长率 | ≥120% |`,
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const row of ctx.rows) {
      const issue = over100Issue(row);
      if (!issue) continue;
      const hit: RuleHit = {
        indicator: row.index,
        field: "value",
        message: issue.fix
          ? `指标值“${q(row.indicator.value)}”中的“大于”部分不可能达到，比率最高为100%`
          : `指标值“${q(row.indicator.value)}”超过了100%`,
        hint: issue.fix ? `改为“${issue.fix}”` : "比率不超过100%：核对是否写错数值或单位",
      };
      if (issue.fix) hit.fix = issue.fix;
      hits.push(hit);
    }
    return hits;
  },
};

export default rule;
