// value-unit: the unit of a 指标值 is missing (50 万; a bare 90 on a 满意度), unfit (满意度 in 件; a 率 in 元),
// or spelt in a nonstandard way with an exact fix (100 百分号 → 100%).
import { normalizeValueText } from "../domain/value.js";
import { isCostContext, q, rewriteValue } from "./value-common.js";
import { RATE_NAME_RE } from "./vocabulary/measures.js";
import type { ProjectRule, RowContext, RuleHit } from "./types.js";

const UNIT_NAMES: Record<string, string> = {
  count: "计数单位",
  money: "金额单位",
  unitCost: "单价单位",
  duration: "时长单位",
  measure: "计量单位",
};

function isRatioName(name: string): boolean {
  return RATE_NAME_RE.test(name);
}

function unitHit(row: RowContext): RuleHit | null {
  const p = row.parsed;
  if (p.kind !== "quantitative" && p.kind !== "range") return null;
  const name = row.measureName;
  // A filled 计量单位 column gives the unit (the engine composed it into the value): nothing is missing and its
  // spelling is the system's; a unit that contradicts the text is value-field-conflict's. Only an unfit unit (满意度
  // in 件) is still this rule's.
  if (row.indicator.unit?.trim()) return unfitUnit(row, p.unitKind, p.unit);
  if (p.kind === "range") {
    if (p.unitKind === "none" && isRatioName(name) && p.normalizedHigh <= 100) {
      return { indicator: row.index, field: "value", message: `指标值“${q(row.indicator.value)}”缺少单位“%”`, hint: "比率类指标写明“%”，如“90%-95%”" };
    }
    if (p.standardUnit) return spelling(row, p.unit, p.standardUnit);
    return null;
  }
  if (p.kind !== "quantitative") return null;
  if (p.unitKind === "none" && p.scaled) {
    // `50 万`: the number is scaled but the unit (元? 户?) was never written.
    const fix = isCostContext(row) ? rewriteValue(p.raw, { append: "元" }) : null;
    const hit: RuleHit = {
      indicator: row.index,
      field: "value",
      message: `指标值“${q(row.indicator.value)}”缺少单位：“万”之后应写明“元”“户”等单位`,
      hint: fix ? `改为“${fix}”` : "写明完整单位，如“50万元”“1.1万户”",
    };
    if (fix) hit.fix = fix;
    return hit;
  }
  if (p.unitKind === "none") {
    if (isRatioName(name)) {
      // A bare 0.8 on a 率 is as likely a fraction typed in Excel (80%) as 0.8%: ask, do not guess.
      if (p.normalized > 0 && p.normalized <= 1) {
        const asPercent = +(p.normalized * 100).toFixed(4);
        return {
          indicator: row.index,
      field: "value",
          message: `指标值“${q(row.indicator.value)}”缺少单位，比率类指标“${q(row.indicator.name)}”应以“%”计：是 ${asPercent}% 还是 ${p.normalized}%？`,
          hint: `按本意写明百分比：小数 ${p.normalized} 即 ${asPercent}%（Excel 中的小数格式常被误当作百分数）`,
        };
      }
      const fix = p.normalized <= 100 ? rewriteValue(p.raw, { append: "%" }) : null;
      const hit: RuleHit = {
        indicator: row.index,
      field: "value",
        message: `指标值“${q(row.indicator.value)}”缺少单位，比率类指标“${q(row.indicator.name)}”应以“%”计`,
        hint: fix ? `改为“${fix}”` : "写明“%”",
      };
      if (fix) hit.fix = fix;
      return hit;
    }
    return { indicator: row.index, field: "value", message: `指标值“${q(row.indicator.value)}”缺少计量单位`, hint: "在数值后写明单位，如“个”“次”“户”“万元”“%”" };
  }
  const unfit = unfitUnit(row, p.unitKind, p.unit);
  if (unfit) return unfit;
  if (p.standardUnit) {
    return spelling(row, p.unit, p.standardUnit);
  }
  return null;
}

/** A rate or satisfaction measure counted in 件, 个, 元 …: the unit cannot measure a rate. */
function unfitUnit(row: RowContext, unitKind: string, unit: string): RuleHit | null {
  const unfitKind = UNIT_NAMES[unitKind];
  if (!unfitKind || !isRatioName(row.measureName)) return null;
  return {
    indicator: row.index,
    field: "value",
    message: `“${q(row.indicator.name)}”是比率类指标，指标值“${q(row.value)}”却使用${unfitKind}“${unit}”`,
    hint: "比率、满意度以“%”计，如“≥90%”；若要考核数量，请改用数量类指标名称（如“××个数”）",
  };
}

function spelling(row: RowContext, unit: string, standard: string): RuleHit {
  const fix = normalizeValueText(row.indicator.value).replace(unit, standard);
  return {
    indicator: row.index,
    field: "value",
    message: `指标值“${q(row.indicator.value)}”的单位“${unit}”不规范，应写“${standard}”`,
    hint: `改为“${fix}”`,
    fix,
  };
}

const rule: ProjectRule = {
  id: "value-unit",
  severity: "warning",
  scope: "project",
  exclusive: "value",
  description: "指标值的单位缺失、不完整、不适合该指标，或写法不规范（100 百分号 → 100%）",
  docs: `## 说明
单位决定数值的含义：“50 万”是万元还是万户？比率写“件”、满意度写“个”都无法考核；“百分比”“百分号”应写作“%”。
- 缺失：“50 万”（成本行中可确定为“50万元”并给出修正值）；比率、满意度只写数字（“≥90”→“≥90%”）；其他只写数字的值。
  比率只写不大于1的小数（“0.8”“0.05”）时，可能是 Excel 中的小数（80%），也可能是0.8%：只提问，不给修正值。
- 不适合：名称为“……率”“满意度”的指标使用件、个、次、元等单位。
- 写法不规范：“100 百分号”→“100%”，“≥90 百分比”→“≥90%”。同一个值若已由 value-direction 或 value-over-100
  给出修正值（修正值已用标准写法），或由 cost-not-money 要求整体改写，本规则不再重复报告（引擎按注册顺序只保留第一条）。
- 预算系统导出的表格有“计量单位”列时，只写数字的指标值（“95”）由该列补全（“95%”），不报缺少单位；
  该列与指标值矛盾时由 value-field-conflict 报告；只有单位不适合指标（满意度以“件”计）时仍报本规则。

## 依据
计量单位按《中华人民共和国法定计量单位》和常用量词（src/domain/units.ts 的单位表及出处）；“百分号”“百分比”应写“%”。实例见种子文档（项目总成本 50 万）和 test/fixtures/corpus/doc08（湖南，“10”“180”无单位）。

## 错误示例
| 三级指标 | 指标值 |
|---|---|
| 项目总成本 | 50 万 |
| 使用率 | 100 百分号 |
| 数据审查合格率 | ≥90 百分比 |
| 服务对象满意度 | ≥5件 |

## 正确示例
| 三级指标 | 指标值 |
|---|---|
| 项目总成本 | ≤50万元 |
| 使用率 | 100% |
| 数据审查合格率 | ≥90% |
| 统计调查户数 | ≥192户 |
| 帮扶农户数 | ≥1.1万户 |`,
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const row of ctx.rows) {
      const hit = unitHit(row);
      if (hit) hits.push(hit);
    }
    return hits;
  },
};

export default rule;
