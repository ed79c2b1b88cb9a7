// value-question: the 指标值 is a yes/no question (是否按季度更新数据) instead of a target.
import { q } from "./value-common.js";
import type { ProjectRule, RuleHit } from "./types.js";

const rule: ProjectRule = {
  id: "value-question",
  severity: "error",
  scope: "project",
  exclusive: "value",
  description: "指标值写成了是非问句（是否、能否、有无），不是目标值",
  docs: `## 说明
“是否……”“能否……”是考核时要问的问题，不是要达到的目标：评价者无法判断“是否按季度更新数据”达到了什么程度。
问句只报本规则，不再报“不可衡量”。

## 依据
指标值是目标，不是问题；“是否……”无法考核（种子文档（承德高新区2023年部门预算绩效文本，examples/chengde-gxq-2023.txt）：是否按季度更新数据）。

## 错误示例
| 三级指标 | 指标值 |
|---|---|
| 平台是否按季度更新数据 | 是否按季度更新数据 |
| 平台运行情况 | 平台能否正常运行 |

## 正确示例
| 三级指标 | 指标值 |
|---|---|
| 平台数据更新次数 | ≥4次 |
| 平台正常运行率 | ≥98% |`,
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const row of ctx.rows) {
      const p = row.parsed;
      if (p.kind !== "text" || !p.question) continue;
      hits.push({
        indicator: row.index,
        field: "value",
        message: `指标值“${q(p.raw)}”是问句，不是目标值`,
        hint: "改写为可考核的目标：次数（≥4次）、比率（≥98%）、完成时限（2023年12月底前），或等级（达到预期）",
      });
    }
    return hits;
  },
};

export default rule;
