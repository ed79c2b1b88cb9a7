// timeliness-vague: a 时效 value with no date, rate or duration: punctuality in words (按时完成, 及时兑现) or an amount.
import { isTimelinessRow, isVagueTimeliness, q } from "./value-common.js";
import type { ProjectRule, RowContext, RuleHit } from "./types.js";

const NOT_TIME_UNITS = new Set(["count", "money", "unitCost", "measure"]);

/** A count per period (每日1次, 1次/周, 每月2次): a frequency, which is a timing target. */
const FREQUENCY_PREFIX_RE = /(?:每|日均|周均|月均)(?:个)?(?:日|天|周|星期|月|季度?|年|半年|工作日)$/;
const PERIOD_RE = /^(?:日|天|周|星期|月|季度?|年|半年|工作日)$/;

function isFrequency(row: RowContext): boolean {
  const p = row.parsed;
  if (p.kind !== "quantitative" || p.unitKind !== "count") return false;
  return FREQUENCY_PREFIX_RE.test(p.prefix ?? "") || PERIOD_RE.test(p.per ?? "");
}

/** A 时效 value that is an amount (完成1.1万户配送): a quantity, but no date, rate or duration. */
function amountInTimeliness(row: RowContext): boolean {
  const p = row.parsed;
  return isTimelinessRow(row) && (p.kind === "quantitative" || p.kind === "range") && NOT_TIME_UNITS.has(p.unitKind) && !isFrequency(row);
}

const rule: ProjectRule = {
  id: "timeliness-vague",
  severity: "info",
  scope: "project",
  exclusive: "value",
  description: "时效指标只写“按时完成”“及时”或一个数量，没有具体时限、及时率或时长",
  docs: `## 说明
时效指标考核“何时完成”，应写明时限（2023年12月底前、6月30日前）、及时率（≥95%）或时长（≤15个工作日）。
“按时完成”“及时兑现”没有说明按什么时间，无法核对；“完成1.1万户配送”是数量，也没有时限。本规则命中的行不再报“不可衡量”；照抄名称的值
（规定时间内完成 → 规定时间内完成）由 value-repeats-name 报告。时效行写等级（较好、达标）同样没有时限，也由本规则报告；“日产日清”这类本身说明时限的表述和频次
（每日1次、2次/周）不报。

## 依据
财预〔2021〕101号（《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》，通知原文 http://lsrwf.cn/news/708af42006d811ec81694b356a0c000d）附件：时效指标反映完成的及时程度，应写明时限或时长；“按时完成”“及时”无法考核。实例见种子文档（承德高新区2023年部门预算绩效文本，examples/chengde-gxq-2023.txt）（及时兑现）。

## 错误示例
| 三级指标 | 指标值 |
|---|---|
| 按照调查时间完成经济普查 | 按时完成 |
| 按照要求时间内兑现资金 | 及时兑现 |
| 及时配送到户 | 完成 1.1 万户配送 |

## 正确示例
| 三级指标 | 指标值 |
|---|---|
| 经济普查完成时间 | 2023年12月底前 |
| 资金兑现及时率 | ≥95% |
| 型煤配送完成时间 | 2023年11月15日前 |`,
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const row of ctx.rows) {
      const amount = amountInTimeliness(row);
      if (!amount && !isVagueTimeliness(row)) continue;
      hits.push({
        indicator: row.index,
        field: "value",
        message: amount
          ? `时效指标“${q(row.indicator.name)}”的指标值“${q(row.indicator.value)}”是数量，没有时限`
          : `时效指标“${q(row.indicator.name)}”的指标值“${q(row.indicator.value)}”没有具体时限`,
        hint: "写明完成时限（如“2023年12月底前”）、及时率（如“≥95%”）或办理时长（如“≤15个工作日”）",
      });
    }
    return hits;
  },
};

export default rule;
