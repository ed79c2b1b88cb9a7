// weight-sum: weights (分值) given but not adding up to 100 (or 90 with 预算执行率 scored apart), or a 一级 split
// different from the profile's usual one.
import type { ProjectRule, RuleHit } from "./types.js";

const EPSILON = 1e-6;
/** 预算执行率 usually takes the 10 points outside the table. */
const TOTALS = [100, 90];

function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}

const rule: ProjectRule = {
  id: "weight-sum",
  severity: "warning",
  scope: "project",
  options: { split: { type: "numbers-by-text" } },
  description: "指标分值（权重）合计不是100（或预算执行率单列时的90），或一级指标分值分配与指标体系不符",
  docs: `## 说明
预算系统中每个指标带分值，用于年终自评打分。分值合计应为100；预算执行率单列10分时，表中指标合计为90。
合计为90时，各一级指标的分值应符合指标体系的通常分配（常用体系：产出50、效益30、满意度10；财预〔2021〕101号：成本20、产出30、效益30、满意度10），
可用配置项 \`split\`（如 {"产出指标": 50}）改写。部分指标有分值、部分没有时也报告。不填分值的表不检查。“无”行不计。

## 依据
预算管理一体化系统中指标分值合计100分，常见为产出50、效益30、满意度10，另10分给预算执行率（各地绩效目标导入模板；test/fixtures/corpus/doc06 的权重列）。

## 错误示例
产出指标 4×10 分，效益指标 4×5 分，满意度指标 10 分——合计 70 分。

## 正确示例
产出指标 4×12.5 分，效益指标 3×10 分，满意度指标 10 分——合计 90 分，预算执行率 10 分单列。`,
  check(ctx) {
    const rows = ctx.rows.filter((r) => !r.empty);
    const weighted = rows.filter((r) => typeof r.indicator.weight === "number" && Number.isFinite(r.indicator.weight));
    if (weighted.length === 0) return [];
    const hits: RuleHit[] = [];
    const missing = rows.length - weighted.length;
    if (missing > 0) {
      hits.push({
        field: "weight",
        message: `${missing}项指标未填分值，其余${weighted.length}项填了`,
        hint: "为每项指标填写分值，或全部不填",
      });
    }
    const total = weighted.reduce((n, r) => n + r.indicator.weight!, 0);
    const matched = TOTALS.find((t) => Math.abs(total - t) < EPSILON);
    if (matched === undefined) {
      hits.push({
        field: "weight",
        message: `指标分值合计为${fmt(total)}，应为100（或预算执行率单列时为90）`,
        hint: "调整各指标分值，使合计为100；预算执行率单列10分时合计为90",
      });
      return hits;
    }
    if (matched !== 90) return hits;
    const configured = ctx.config.split;
    const split: Record<string, number> =
      configured && typeof configured === "object" ? (configured as Record<string, number>) : (ctx.profile.weights as Record<string, number>);
    const byLevel1 = new Map<string, number>();
    for (const r of weighted) if (r.level1) byLevel1.set(r.level1, (byLevel1.get(r.level1) ?? 0) + r.indicator.weight!);
    const off = Object.entries(split).filter(([l1, w]) => Math.abs((byLevel1.get(l1) ?? 0) - w) > EPSILON);
    if (off.length > 0) {
      hits.push({
        field: "weight",
        message: `一级指标分值为${off.map(([l1]) => `${l1}${fmt(byLevel1.get(l1) ?? 0)}分`).join("、")}，与通常分配不符`,
        hint: `通常分配为${Object.entries(split).map(([l1, w]) => `${l1}${w}分`).join("、")}`,
      });
    }
    return hits;
  },
};

export default rule;
