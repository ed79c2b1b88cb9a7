// satisfaction-low: a satisfaction target below the floor (config satisfactionFloor, default 80%).
import { q } from "./value-common.js";
import { measureDirection, SATISFACTION_RE } from "./vocabulary/measures.js";
import type { ProjectRule, RuleHit } from "./types.js";

const DEFAULT_FLOOR = 80;

const rule: ProjectRule = {
  id: "satisfaction-low",
  severity: "info",
  scope: "project",
  options: { satisfactionFloor: { type: "number", min: 0, max: 100 } },
  description: "满意度目标低于通常下限（默认80%）",
  docs: `## 说明
满意度目标通常不低于80%（多为≥85%或≥90%）；低于下限的目标说明设定偏低，评审时易被认为“目标值设置不合理”。
下限可在配置中调整：\`{"rules": {"satisfaction-low": {"satisfactionFloor": 85}}}\`。
写“≤”的满意度是方向错误，由 value-direction 报告。

## 依据
满意度目标一般不低于80%（绩效目标审核评分清单（https://m.qiqiwenku.com/doc/736905.html）；共性指标库中的满意度取值 http://www.clix4bitcoin.com/periodical/8/FLASH/data/63.html）。

## 错误示例
| 三级指标 | 指标值 |
|---|---|
| 满意率 | ≥60 百分比 |

## 正确示例
| 三级指标 | 指标值 |
|---|---|
| 企业满意度 | ≥80% |
| 服务对象满意度 | ≥90% |`,
  check(ctx) {
    const configured = ctx.config.satisfactionFloor;
    const floor = typeof configured === "number" && Number.isFinite(configured) ? configured : DEFAULT_FLOOR;
    const hits: RuleHit[] = [];
    for (const row of ctx.rows) {
      const p = row.parsed;
      if (p.kind !== "quantitative" && p.kind !== "range") continue;
      const name = row.measureName;
      // A lower-is-better rate under 满意度 (投诉率 5%) is no satisfaction target.
      const satisfaction = SATISFACTION_RE.test(name) || (row.level1 === "满意度指标" && measureDirection(name) !== "lower");
      if (!satisfaction) continue;
      let target: number | null = null;
      if (p.kind === "quantitative" && (p.unitKind === "percent" || p.unitKind === "permille")) {
        if (p.operator === "<=" || p.operator === "<") continue;
        target = p.normalized;
      } else if (p.kind === "range" && (p.unitKind === "percent" || p.unitKind === "permille") && !p.tolerance) {
        target = p.normalizedLow;
      }
      if (target === null || target >= floor) continue;
      hits.push({
        indicator: row.index,
        field: "value",
        message: `满意度目标“${q(row.indicator.value)}”低于${floor}%`,
        hint: `满意度目标一般不低于${floor}%，如“≥${Math.max(floor, 90)}%”；确有依据时在指标值确定依据中说明`,
      });
    }
    return hits;
  },
};

export default rule;
