// required-level2-missing: a mandatory 二级 of the profile has no (non-无) row in the project.
import { canonicalLabel } from "../domain/taxonomy.js";
import type { ProjectRule, RuleHit } from "./types.js";

const rule: ProjectRule = {
  id: "required-level2-missing",
  severity: "error",
  scope: "project",
  description: "缺少指标体系要求的二级指标",
  docs: `## 说明
一张完整的绩效目标表至少要有数量、质量、时效、成本、社会效益和服务对象满意度指标（legacy；mof2021 为经济成本、数量、质量、时效、社会效益、服务对象满意度）。
国家没有成文的必备清单，必备集合是指标体系的设置，可在配置中用 \`required\` 改写，例如
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
    const required = Array.isArray(configured)
      ? configured.filter((x): x is string => typeof x === "string").map((x) => canonicalLabel(x) ?? x)
      : ctx.profile.requiredLevel2;
    const present = new Set<string>();
    for (const row of ctx.rows) if (!row.empty && row.level2 !== null) present.add(row.level2);
    const hits: RuleHit[] = [];
    for (const level2 of required) {
      if (present.has(level2)) continue;
      hits.push({
        indicator: null,
        field: "level2",
        message: `缺少必备的二级指标“${level2}”`,
        hint: `在表中增加至少一项“${level2}”的三级指标，写明可衡量的指标值`,
      });
    }
    return hits;
  },
};

export default rule;
