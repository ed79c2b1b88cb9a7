// required-level2-missing: a mandatory 二级 of the profile has no (non-无) row in the project.
import { canonicalLabel } from "../domain/taxonomy.js";
import type { ProjectRule, RowContext, RuleHit } from "./types.js";

/** A non-无 row under one of the 二级 labels: a scan that stops at the first (most sets are met by early rows). */
function hasRowIn(rows: readonly RowContext[], labels: readonly string[]): boolean {
  for (const row of rows) if (!row.empty && row.level2 !== null && labels.includes(row.level2)) return true;
  return false;
}

const rule: ProjectRule = {
  id: "required-level2-missing",
  severity: "error",
  scope: "project",
  options: { required: { type: "texts", minItems: 1 } },
  description: "缺少指标体系要求的二级指标",
  docs: `## 说明
一张完整的绩效目标表至少要有数量、质量、时效、成本指标，效益指标下至少一类（经济效益、社会效益、生态效益、可持续影响任选），
以及服务对象满意度指标（legacy；mof2021 为经济成本、数量、质量、时效，效益至少一类，服务对象满意度）。
一个只有经济效益和可持续影响指标的项目不缺效益指标：效益的类别按项目实际选择。

## 依据
国家没有成文的必备二级清单。财预〔2021〕101号要求指标反映成本、产出、效益、满意度，各地项目支出绩效目标申报表样表
在产出下列数量、质量、时效、成本，在满意度下列服务对象满意度；效益的类别“根据项目实际设置”，所以只要求至少一类。
每个必备集合连同出处写在指标体系设置中（src/domain/taxonomy.ts 的 mandatory），可在配置中用 \`required\` 改写，例如
\`{"rules": {"required-level2-missing": {"required": ["数量指标", "质量指标"]}}}\`。
只写“无”的行视为没有该二级指标：“无”明示该类别未设指标，所以必备的二级指标只写“无”时照样报告
（种子文件里的“无”行都在非必备的生态效益指标下）。

## 错误示例
产出指标下只有数量指标和质量指标，没有时效指标、成本指标。

## 正确示例
| 二级指标 | 三级指标 | 指标值 |
|---|---|---|
| 时效指标 | 按期完成率 | =100% |
| 成本指标 | 项目总成本 | ≤2万元 |`,
  check(ctx) {
    const configured = ctx.config.required;
    const sets: string[][] = Array.isArray(configured)
      ? configured.filter((x): x is string => typeof x === "string").map((x) => [canonicalLabel(x) ?? x])
      : ctx.profile.mandatory.map((m) => m.of);
    const hits: RuleHit[] = [];
    for (const set of sets) {
      if (hasRowIn(ctx.rows, set)) continue;
      if (set.length === 1) {
        hits.push({
          indicator: null,
          field: "level2",
          message: `缺少必备的二级指标“${set[0]}”`,
          hint: `在表中增加至少一项“${set[0]}”的三级指标，写明可衡量的指标值`,
        });
      } else {
        hits.push({
          indicator: null,
          field: "level2",
          message: `缺少二级指标：${set.join("、")}至少应有一项`,
          hint: `按项目实际，在${set.join("、")}中选择至少一类设置三级指标`,
        });
      }
    }
    return hits;
  },
};

export default rule;
