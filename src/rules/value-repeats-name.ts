// value-repeats-name: the 指标值 restates the 三级 name or description (提高数据质量 → 提高数据质量).
import { q, repeatedField } from "./value-common.js";
import type { ProjectRule, RuleHit } from "./types.js";

const rule: ProjectRule = {
  id: "value-repeats-name",
  severity: "error",
  scope: "project",
  exclusive: "value",
  description: "指标值照抄三级指标名称或指标描述，没有数值、时限或等级",
  docs: `## 说明
指标值应回答“做到多少”，照抄指标名称（或与名称互相包含）等于没有写目标。比较时忽略空格和标点；
取名称中的片段只有在足以复述名称时才算照抄（“平台运行情况”写“运行情况”）；一两个字的词（“群众满意度”写“满意”）
不算照抄，而是不可衡量，由 value-not-measurable 报告。
含有数字、日期或等级的值不算照抄。本规则命中的值不再报“不可衡量”“成本不是金额”“时效表述模糊”（同一问题只报一次）；
占位符和问句分别由 value-placeholder、value-question 报告。

## 依据
指标值照抄名称，没有给出目标（绩效目标审核评分清单（https://m.qiqiwenku.com/doc/736905.html）；种子文档（承德高新区2023年部门预算绩效文本，examples/chengde-gxq-2023.txt）：提高数据质量 → 提高数据质量）。

## 错误示例
| 三级指标 | 指标值 |
|---|---|
| 提高数据质量 | 提高数据质量 |
| 预算控制数 | 预算控制数 |
| 促进项目建设 | 促进项目建设 |

## 正确示例
| 三级指标 | 指标值 |
|---|---|
| 调查数据差错率 | ≤1% |
| 预算控制数 | ≤50万元 |
| 带动开工项目数 | ≥3个 |`,
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const row of ctx.rows) {
      const field = repeatedField(row);
      if (!field) continue;
      const copied = field === "name" ? `三级指标“${q(row.indicator.name)}”` : `指标描述“${q(row.indicator.description)}”`;
      hits.push({
        indicator: row.index,
        field: "value",
        message: `指标值“${q(row.indicator.value)}”照抄了${copied}，没有给出目标`,
        hint: "写出可考核的目标值：数量（≥3个）、比率（≥95%）、金额（≤50万元）、时限（2023年12月底前）或等级（显著提升）",
      });
    }
    return hits;
  },
};

export default rule;
