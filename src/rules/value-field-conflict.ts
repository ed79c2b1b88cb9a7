// value-field-conflict: the 指标值 text and the structured fields of the row (计量单位, 指标性质, 运算符, 目标值)
// say different things — an amount in 万元 with 计量单位 "%", a 定性 row holding a number, ≤ in the text beside
// an operator column saying ≥. The budget system scores the fields; a reader reads the text: both must agree.
import { operatorOf, parseValue } from "../domain/value.js";
import type { ParsedValue, QuantitativeValue, RangeValue } from "../domain/value.types.js";
import { opSymbol, q } from "./value-common.js";
import type { ProjectRule, RowContext, RuleHit } from "./types.js";

/** How the grammar reads a unit written on its own (the 计量单位 column): its kind and standard spelling. */
function unitReading(unit: string): { kind: string; spelling: string } | null {
  const p = parseValue(`1${unit}`);
  if (p.kind !== "quantitative" || p.unitKind === "none") return null;
  return { kind: p.unitKind, spelling: p.standardUnit ?? p.unit };
}

function textUnit(p: ParsedValue): { kind: string; spelling: string } | null {
  if (p.kind !== "quantitative" && p.kind !== "range") return null;
  if (p.unitKind === "none") return null;
  return { kind: p.unitKind, spelling: p.standardUnit ?? p.unit };
}

function numeric(p: ParsedValue): p is QuantitativeValue | RangeValue {
  return p.kind === "quantitative" || p.kind === "range";
}

function conflicts(row: RowContext): RuleHit[] {
  const ind = row.indicator;
  const hits: RuleHit[] = [];
  const text = parseValue(ind.value, { level2: row.level2 ?? ind.level2 });
  const value = q(ind.value);
  const unit = (ind.unit ?? "").trim();
  if (unit) {
    const written = textUnit(text);
    const column = unitReading(unit);
    if (written && (!column || column.spelling !== written.spelling)) {
      hits.push({
        indicator: row.index,
        field: "unit",
        message: `指标值“${value}”的单位“${written.spelling}”与计量单位“${unit}”不一致`,
        hint: "核对数值和单位，使指标值与计量单位一致（系统按计量单位计分）",
      });
    }
  }
  if (ind.nature === "定性" && numeric(text)) {
    hits.push({
      indicator: row.index,
      field: "nature",
      message: `指标性质为“定性”，指标值“${value}”却是数值`,
      hint: "有数值目标的指标，指标性质改为“定量”；确为定性指标的，指标值写评价等级",
    });
  } else if (ind.nature === "定量" && (text.kind === "grade" || (text.kind === "text" && !text.hasNumber))) {
    hits.push({
      indicator: row.index,
      field: "nature",
      message: `指标性质为“定量”，指标值“${value}”却没有数值`,
      hint: "定量指标写明目标值和单位（如“≥95%”）；无法量化的，指标性质改为“定性”",
    });
  }
  const op = operatorOf(ind.operator);
  if (op && numeric(text) && text.kind === "quantitative" && text.operator && text.operator !== op) {
    hits.push({
      indicator: row.index,
      field: "operator",
      message: `指标值“${value}”的比较符与运算符“${ind.operator}”不一致`,
      hint: `二者取其一：指标值改为“${opSymbol(op)}…”，或运算符改为“${opSymbol(text.operator)}”`,
    });
  }
  if (ind.target !== undefined && text.kind === "quantitative" && text.number !== ind.target && text.normalized !== ind.target) {
    hits.push({
      indicator: row.index,
      field: "target",
      message: `指标值“${value}”的数值与目标值“${ind.target}”不一致`,
      hint: "核对后使指标值与目标值一致",
    });
  }
  return hits;
}

const rule: ProjectRule = {
  id: "value-field-conflict",
  severity: "warning",
  scope: "project",
  description: "指标值文字与计量单位、指标性质、运算符或目标值等结构化字段相互矛盾",
  docs: `## 说明
预算管理一体化系统把一个指标拆成几列：指标性质（定量/定性）、运算符（≥ ≤ ＝）、目标值、计量单位、指标方向。
系统按这些列计分，读表的人读“指标值”文字：两者不一致时，至少有一处写错。本规则报告：
- 单位：指标值写了单位，且与计量单位列不同（“50万元”配计量单位“%”）。写法不同而含义相同（“百分比”与“%”）不算。
- 性质：指标性质为“定性”而指标值是数值；为“定量”而指标值是没有数字的文字或等级。
- 运算符：指标值的比较符与运算符列相反（“≤95%”配运算符“≥”）。
- 目标值：指标值的数字与目标值列不同。
比较符与指标方向（正向/反向）的矛盾由 direction-conflict 报告。
只写数字的指标值（“95”）由计量单位、运算符列补全，不算矛盾，也不再报缺少单位（见 value-unit）。

## 依据
字段含义见财政部《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》（财预〔2021〕101号）附件中
“指标值”“计量单位”“指标方向”的填报说明，以及各地预算管理一体化系统的绩效目标导入模板（指标性质/运算符/目标值/
计量单位/分值列）。

## 错误示例
| 三级指标 | 指标值 | 计量单位 | 指标性质 |
|---|---|---|---|
| 项目总成本 | ≤50万元 | % | 定量 |
| 群众满意度 | ≥90% | % | 定性 |
| 社会效益 | 显著提升 | | 定量 |

## 正确示例
| 三级指标 | 指标值 | 计量单位 | 指标性质 |
|---|---|---|---|
| 项目总成本 | 50 | 万元 | 定量 |
| 群众满意度 | ≥90% | % | 定量 |
| 社会效益 | 显著提升 | | 定性 |`,
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const row of ctx.rows) {
      const ind = row.indicator;
      // Most rows carry no structured field at all: nothing to compare.
      if (!ind.unit && !ind.nature && !ind.operator && ind.target === undefined) continue;
      hits.push(...conflicts(row));
    }
    return hits;
  },
};

export default rule;
