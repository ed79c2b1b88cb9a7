// goal-not-measured: a number in the 绩效目标 that no indicator carries (a goal of 500户 with no 户 indicator), or an
// indicator that contradicts the goal (a goal of 70% of the main works beside 完成及时率 100%).
import { matchMultiplier, matchUnit } from "../domain/units.js";
import { normalizeValueText, parseValue } from "../domain/value.js";
import { q } from "./value-common.js";
import type { ProjectRule, RowContext, RuleHit } from "./types.js";

interface GoalAmount {
  text: string;
  normalized: number;
  unitKind: string;
}

const NUMBER_RE = /\d+(?:\.\d+)?/g;
/** Units that date a goal (2023年, 6月, 30日) rather than measure it. */
const DATE_UNITS = new Set(["年", "月", "日", "号"]);

/** Characters after a number that make it a list item's number (目标1: / 1. / 1、). */
const LIST_MARKS = ".、:：)）";

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= "0" && ch <= "9";
}

/** The amounts a goal text states: a number with its unit (500户, 80万元, 70%); list numbers and dates skipped. */
export function goalAmounts(goal: string): GoalAmount[] {
  const s = normalizeValueText(goal);
  const out: GoalAmount[] = [];
  // exec on the one global pattern, not matchAll (which clones the pattern on every call); the neighbours of a
  // number are read as characters, without slicing the text.
  NUMBER_RE.lastIndex = 0;
  for (let m = NUMBER_RE.exec(s); m !== null; m = NUMBER_RE.exec(s)) {
    const start = m.index;
    let end = start + m[0].length;
    const next = s[end];
    // 目标1: / 1. / 1、 number a list item.
    if (next !== undefined && LIST_MARKS.includes(next) && !(next === "." && isDigit(s[end + 1]))) continue;
    if (start > 0 && (isDigit(s[start - 1]) || s[start - 1] === ".")) continue;
    const mult = matchUnit(s, end) ? null : matchMultiplier(s, end);
    if (mult) end += mult.text.length;
    const unit = matchUnit(s, end);
    if (!unit || DATE_UNITS.has(unit.unit)) continue;
    const p = parseValue(s.slice(start, end + unit.unit.length));
    if (p.kind !== "quantitative" || p.unitKind === "none") continue;
    out.push({ text: s.slice(start, end + unit.unit.length), normalized: p.normalized, unitKind: p.unitKind });
  }
  return out;
}

function carries(row: RowContext, amount: GoalAmount): boolean {
  const p = row.parsed;
  if (p.kind === "quantitative" && p.unitKind === amount.unitKind && p.normalized === amount.normalized) return true;
  if (p.kind === "range" && p.unitKind === amount.unitKind && p.normalizedLow <= amount.normalized && amount.normalized <= p.normalizedHigh) return true;
  return row.normalizedNameDescription.includes(amount.text);
}

const PARTIAL_COMPLETION_RE = /完成[^，。,；;]{0,12}?(\d+(?:\.\d+)?)%/;

const rule: ProjectRule = {
  id: "goal-not-measured",
  severity: "warning",
  scope: "project",
  description: "绩效目标中的数值没有指标考核，或指标与绩效目标矛盾",
  docs: `## 说明
绩效指标是绩效目标的细化：目标里写了的数（受益500户、产值80万元、完成主体工程70%），应有指标以同样的数考核。
- 目标中的数值（带单位；年份、日期和序号除外）没有任何指标的指标值或名称带有它：报告一次（项目级）。
- 目标说年度只完成一部分（完成……70%），而“完成率”“完成及时率”类指标要求100%：报告该指标。

## 依据
财预〔2021〕101号附件：绩效指标是绩效目标的细化和量化，指标应与目标相对应；实际表格：test/fixtures/corpus/doc05（湖南 岳阳县，
年度目标“完成项目主体工程70%”，指标“项目(工程)完成及时率 ≥100%”）。

## 错误示例
绩效目标：完成项目主体工程70%
| 二级指标 | 三级指标 | 指标值 |
|---|---|---|
| 时效指标 | 项目完成及时率 | ≥100% |

## 正确示例
绩效目标：完成项目主体工程70%
| 二级指标 | 三级指标 | 指标值 |
|---|---|---|
| 数量指标 | 主体工程完成比例 | ≥70% |`,
  check(ctx) {
    const written = ctx.project.goals.join("；");
    if (!/\d/.test(written)) return [];
    // Normalized once for both readings below (goalAmounts finds nothing left to normalize in it).
    const goals = normalizeValueText(written);
    const rows = ctx.rows.filter((r) => !r.empty);
    const hits: RuleHit[] = [];
    const missing = goalAmounts(goals).filter((a) => !rows.some((r) => carries(r, a)));
    const unique = [...new Set(missing.map((a) => a.text))];
    if (unique.length > 0) {
      hits.push({
        indicator: null,
        field: "goals",
        message: `绩效目标中的${unique.map((t) => `“${t}”`).join("、")}没有对应的绩效指标`,
        hint: "为目标中的每个数值设一项指标（同样的数和单位），或修改目标使之与指标一致",
      });
    }
    const partial = PARTIAL_COMPLETION_RE.exec(goals);
    if (partial && Number(partial[1]) < 100) {
      for (const row of rows) {
        const p = row.parsed;
        if (!row.measureName.includes("完成") || p.kind !== "quantitative" || p.unitKind !== "percent" || p.normalized < 100) continue;
        if (p.operator === "<=" || p.operator === "<") continue;
        hits.push({
          indicator: row.index,
          field: "value",
          message: `绩效目标为年度完成${partial[1]}%，指标“${q(row.indicator.name)}”却要求${q(row.value)}`,
          hint: `使指标与目标一致，如改为“≥${partial[1]}%”，或修改绩效目标`,
        });
      }
    }
    return hits;
  },
};

export default rule;
