// quantity-only-rates: every 数量指标 row of a project is a rate (完成率, 覆盖率): the table counts no output of
// what the money buys (how many schools repaired, how many people trained).
import { q } from "./value-common.js";
import { RATE_NAME_RE } from "./vocabulary/measures.js";
import type { ProjectRule, RowContext, RuleHit } from "./types.js";

function isRate(row: RowContext): boolean {
  const p = row.parsed;
  if ((p.kind === "quantitative" || p.kind === "range") && (p.unitKind === "percent" || p.unitKind === "permille")) return true;
  return RATE_NAME_RE.test(row.measureName) && !((p.kind === "quantitative" || p.kind === "range") && p.unitKind !== "none");
}

const rule: ProjectRule = {
  id: "quantity-only-rates",
  severity: "warning",
  scope: "project",
  description: "数量指标全部是比率（完成率、覆盖率），没有考核资金买到的产出数量",
  docs: `## 说明
数量指标反映“提供多少产品或服务”：改造学校几所、培训多少人次、发放多少户。只写“改造覆盖率100%”“任务完成率100%”，
看不出做了多少，也无法与预算对照。至少设一项以个、所、人次、户、公里等计量的数量指标；比率可以保留。
项目没有数量指标时由 required-level2-missing 报告。

## 依据
财预〔2021〕101号附件：数量指标反映预期提供的公共产品或服务数量（如培训人次、改造面积）；审核中“数量指标只有比率”
是常见退回理由（评审清单 https://m.qiqiwenku.com/doc/736905.html）。实际表格：test/fixtures/corpus/doc02（湖北，只有“改造覆盖率100%”）。

## 错误示例
| 二级指标 | 三级指标 | 指标值 |
|---|---|---|
| 数量指标 | 农村义务教育学校改造覆盖率 | 100% |

## 正确示例
| 二级指标 | 三级指标 | 指标值 |
|---|---|---|
| 数量指标 | 改造薄弱学校数量 | ≥3所 |
| 数量指标 | 农村义务教育学校改造覆盖率 | 100% |`,
  check(ctx) {
    const quantity = ctx.rows.filter((r) => !r.empty && r.level2 === "数量指标");
    if (quantity.length === 0 || !quantity.every(isRate)) return [];
    const first = quantity[0];
    const hit: RuleHit = {
      indicator: first.index,
      field: "level2",
      message: `数量指标只有比率（${quantity.map((r) => `“${q(r.indicator.name)}”`).join("、")}），没有考核产出的数量`,
      hint: "增加以个、所、人次、户、公里等计量的数量指标，如“改造学校数量 ≥3所”",
    };
    return [hit];
  },
};

export default rule;
