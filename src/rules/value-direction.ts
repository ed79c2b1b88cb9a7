// value-direction: the comparison points the wrong way for the measure (准确率 ≤96%, 项目总成本 ≥118万元).
import { directionIssue, q } from "./value-common.js";
import type { ProjectRule, RuleHit } from "./types.js";

const WHAT: Record<string, string> = {
  higher: "越高越好的指标（满意度、合格率、准确率、完成率等）不应写“≤/<”",
  lower: "越低越好的指标（差错率、超支率、投诉率等）不应写“≥/>”",
  cost: "成本、费用是上限，不应写“≥/>”",
};

const rule: ProjectRule = {
  id: "value-direction",
  severity: "error",
  scope: "project",
  exclusive: "value",
  description: "指标值的比较方向与指标性质相反（满意度写≤，成本或差错率写≥）",
  docs: `## 说明
满意度、合格率、准确率、完成率、覆盖率、及时率等越高越好，目标应写“≥”；成本、费用、单价，以及差错率、超支率、
投诉率、事故率等越低越好，目标应写“≤”。方向写反，目标就变成了“最多96%准确”“至少花118万元”。
能确定本意时给出修正值（符号翻转，单位写成标准形式）；“≤100%”翻转后是“≥100%”，本身也不规范，故不给修正值。
“=”和不带比较符的值不检查。

## 依据
比率的方向由其含义决定：合格率、满意度越高越好（写≥），差错率、成本越低越好（写≤）（财预〔2021〕101号（《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》，通知原文 http://lsrwf.cn/news/708af42006d811ec81694b356a0c000d）附件的指标取值示例）。实例见种子文档（承德高新区2023年部门预算绩效文本，examples/chengde-gxq-2023.txt）（准确率 ≤96%）。

## 错误示例
| 三级指标 | 指标值 |
|---|---|
| 调查数据审核准确率 | ≤96% |
| 社会公众满意度 | ≤100 百分比 |
| 项目总成本 | ≥118万元 |

## 正确示例
| 三级指标 | 指标值 |
|---|---|
| 调查数据审核准确率 | ≥96% |
| 社会公众满意度 | ≥90% |
| 项目总成本 | ≤118万元 |
| 预算超支率 | ≤0% |`,
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const row of ctx.rows) {
      const issue = directionIssue(row);
      if (!issue) continue;
      const hit: RuleHit = {
        indicator: row.index,
        field: "value",
        message: `指标值“${q(row.indicator.value)}”与“${q(row.indicator.name)}”的方向相反：${WHAT[issue.measure]}`,
        hint: issue.fix
          ? `改为“${issue.fix}”`
          : issue.measure === "higher"
            ? "改为下限目标，如“≥90%”"
            : "改为上限目标，如“≤”加数值",
      };
      if (issue.fix) hit.fix = issue.fix;
      hits.push(hit);
    }
    return hits;
  },
};

export default rule;
