// direction-conflict: the 指标方向 field contradicts the value's comparison (正向 with ≤) or the measure
// itself (正向 on 差错率, 反向 on 满意度).
import { isCostContext, isMoney, q } from "./value-common.js";
import { measureDirection } from "./vocabulary/measures.js";
import type { ProjectRule, RuleHit } from "./types.js";

const MEANING = { 正向: "越高越好", 反向: "越低越好" } as const;

const rule: ProjectRule = {
  id: "direction-conflict",
  severity: "error",
  scope: "project",
  description: "指标方向（正向/反向）与指标值的比较符或指标性质矛盾",
  docs: `## 说明
预算系统中“正向”表示越高越好（目标写≥），“反向”表示越低越好（目标写≤）。正向配“≤”、反向配“≥”，
或满意度标为反向、差错率标为正向，系统会按错误方向打分。
指标名称能判断方向时（满意度、合格率为正向；差错率、超支率及成本金额为反向）以名称为准：方向字段与名称一致而比较符写反，
是指标值的问题，由 value-direction 报告，本规则不重复；名称看不出方向时，检查方向字段与比较符是否一致。

## 依据
预算管理一体化系统的“指标方向”列：正向指标越高越好、反向指标越低越好，系统据此计分（各地一体化系统绩效指标导入模板；test/fixtures/corpus/doc04 的指标方向列）。

## 错误示例
| 三级指标 | 指标值 | 指标方向 |
|---|---|---|
| 数据差错率 | ≤1% | 正向 |
| 培训人数 | ≤50人 | 正向 |

## 正确示例
| 三级指标 | 指标值 | 指标方向 |
|---|---|---|
| 数据差错率 | ≤1% | 反向 |
| 培训人数 | ≥50人 | 正向 |`,
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const row of ctx.rows) {
      const direction = row.indicator.direction;
      if (!direction) continue;
      // A cost (money in a cost row or under a cost name) is lower-is-better too.
      const cost = isCostContext(row) && (isMoney(row.parsed, true) || (row.parsed.kind === "quantitative" && row.parsed.unitKind === "unitCost"));
      const measure = measureDirection(row.measureName) ?? (cost ? "lower" : null);
      const name = q(row.indicator.name);
      if (measure) {
        const expected = measure === "higher" ? "正向" : "反向";
        if (direction !== expected) {
          hits.push({
            indicator: row.index,
            field: "direction",
            message: `“${name}”${MEANING[expected]}，指标方向却标为“${direction}”`,
            hint: `指标方向改为“${expected}”`,
            fix: expected,
          });
        }
        continue;
      }
      const p = row.parsed;
      if (p.kind !== "quantitative" || p.operator === null || p.operator === "=") continue;
      const implied = p.operator === ">=" || p.operator === ">" ? "正向" : "反向";
      if (implied === direction) continue;
      hits.push({
        indicator: row.index,
        field: "direction",
        message: `指标方向“${direction}”与指标值“${q(row.indicator.value)}”的比较符矛盾`,
        hint: `${direction}指标${MEANING[direction]}，目标应写“${direction === "正向" ? "≥" : "≤"}”；若目标值无误，指标方向改为“${implied}”`,
      });
    }
    return hits;
  },
};

export default rule;
