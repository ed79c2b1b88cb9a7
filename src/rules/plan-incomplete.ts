// plan-incomplete: the 资金支出计划 does not reach 100% at 12月底, or is not filled at all.
import { PLAN_POINTS } from "./plan-not-cumulative.js";
import type { ProjectRule } from "./types.js";

const rule: ProjectRule = {
  id: "plan-incomplete",
  severity: "warning",
  scope: "project",
  description: "资金支出计划未填写，或12月底累计支出不是100%",
  docs: `## 说明
年度预算原则上在当年支出完毕，12月底的累计支出应为100%。12月底空白而其他时点有数、12月底低于100%，
或整个支出计划都没有填写时报告。超过100%由 plan-not-cumulative 报告。

## 依据
资金支出计划（3月底/6月底/10月底/12月底累计%）是申报表的必填栏，12月底应为100%（各地申报表样表；种子文档的资金支出计划栏）。

## 错误示例
3月底 空白 | 6月底 100% | 10月底 100% | 12月底 空白

## 正确示例
3月底 空白 | 6月底 100% | 10月底 100% | 12月底 100%`,
  check(ctx) {
    const plan = ctx.project.spendingPlan;
    const filled = PLAN_POINTS.filter(([key]) => plan[key] !== null && plan[key] !== undefined);
    if (filled.length === 0) {
      return [{ field: "spendingPlan", message: "未填写资金支出计划", hint: "填写3月底、6月底、10月底、12月底的累计支出百分比，12月底为100%" }];
    }
    const dec = plan.dec;
    if (dec === null || dec === undefined) {
      return [{ field: "spendingPlan", message: "资金支出计划12月底为空", hint: "填写12月底累计支出百分比，一般为100%" }];
    }
    if (dec < 100 - 1e-6) {
      return [
        {
          field: "spendingPlan",
          message: `资金支出计划12月底为${dec}%，年底未支出完毕`,
          hint: "12月底累计支出应为100%；确需跨年支出的，在说明中写明原因",
        },
      ];
    }
    return [];
  },
};

export default rule;
