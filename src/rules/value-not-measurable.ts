// value-not-measurable: a 指标值 with no number, deadline, range or accepted grade (按单位完成, 为…做出贡献).
import { gradeOnRate, isEffectRow, q } from "./value-common.js";
import { SATISFACTION_RE } from "./vocabulary/measures.js";
import type { ProjectRule, RowContext, RuleHit } from "./types.js";

const YEAR_RE = /(?:19|20)\d{2}\s*年?/g;
/** Made once: a regex literal in a function is a new RegExp on every call. */
const DIGIT_RE = /\d/;

/** Text whose only digits are a year (2023年经济发展) holds no target. */
function holdsANumber(raw: string, hasNumber: boolean): boolean {
  if (!hasNumber) return false;
  if (!DIGIT_RE.test(raw)) return true; // a Chinese numeral count: 三次, 两个
  return DIGIT_RE.test(raw.replace(YEAR_RE, ""));
}

/** The text is not measurable and no more specific rule reports it. */
export function notMeasurable(row: RowContext): boolean {
  const p = row.parsed;
  if (p.kind === "grade") return gradeOnRate(row);
  if (p.kind !== "text" || p.question) return false;
  // 财预〔2021〕101号 lets 社会成本 and 生态环境成本 be described in words (无明显负面影响).
  if (row.level2 === "社会成本指标" || row.level2 === "生态环境成本指标") return false;
  if (holdsANumber(p.raw, p.hasNumber)) return false;
  // Placeholders, questions, copied names, costs and vague 时效 values are judged by the value rules before this
  // one (registry order; the engine keeps the first hit on the value).
  return true;
}

const rule: ProjectRule = {
  id: "value-not-measurable",
  severity: "error",
  scope: "project",
  exclusive: "value",
  description: "指标值不可衡量：没有数值、时限、区间或规定等级",
  docs: `## 说明
可考核的指标值是：数值（≥4次、≥95%、≤50万元）、时限（2023年12月底前）、区间（90%-95%），
或封闭等级表中的定性等级（达到预期、显著提升、有效改善、良好……），以及“符合国家标准”这类对照成文标准的表述。
“按单位完成”“为可再生能源做出贡献”无法判断是否达成。比率和满意度指标（……率、满意度）写等级（高、良好、满意）也无法衡量，
应写百分比（“全覆盖”“零事故”这类代表确定数值的等级除外）。产出、成本、满意度指标为错误；效益指标常用定性表述，为警告。
财预〔2021〕101号体系的社会成本、生态环境成本指标允许文字描述，不检查。

优先级（同一问题只报一次）：占位符 → value-placeholder，问句 → value-question，照抄名称 → value-repeats-name，
成本行 → cost-not-money，时效行的“按时完成”“及时” → timeliness-vague；其余才报本规则。

## 依据
财预〔2021〕101号（《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》，通知原文 http://lsrwf.cn/news/708af42006d811ec81694b356a0c000d）附件：指标值应清晰、可衡量，定量指标写数值，定性指标分级分档；绩效目标审核评分清单（https://m.qiqiwenku.com/doc/736905.html）把不可衡量的指标值列为扣分项。实例见种子文档（承德高新区2023年部门预算绩效文本，examples/chengde-gxq-2023.txt）（按单位完成）。

## 错误示例
| 二级指标 | 三级指标 | 指标值 |
|---|---|---|
| 质量指标 | 完成经济调查单位数据质量 | 按单位完成 |
| 经济效益指标 | 项目建成效果 | 为可再生能源做出贡献 |
| 服务对象满意度指标 | 群众满意度 | 满意 |

## 正确示例
| 二级指标 | 三级指标 | 指标值 |
|---|---|---|
| 质量指标 | 调查数据审核准确率 | ≥96% |
| 生态效益指标 | 清洁能源替代效果 | 显著提升 |`,
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const row of ctx.rows) {
      if (!notMeasurable(row)) continue;
      const effect = isEffectRow(row);
      const satisfaction = row.level1 === "满意度指标" || SATISFACTION_RE.test(row.measureName);
      const rate = row.parsed.kind === "grade";
      const hit: RuleHit = {
        indicator: row.index,
        field: "value",
        message: rate
          ? `比率类指标“${q(row.indicator.name)}”的指标值“${q(row.indicator.value)}”是等级，不是比率，无法衡量`
          : `三级指标“${q(row.indicator.name)}”的指标值“${q(row.indicator.value)}”不可衡量`,
        hint: satisfaction
          ? "满意度写抽样调查的比率目标，如“≥90%”"
          : rate
            ? "比率类指标写百分比目标，如“≥95%”“=100%”"
            : effect
              ? "给出量化目标（如“带动企业研发投入增长≥5%”），确难量化时用规定等级（显著提升、有效改善、达到预期）"
              : "写出数值、比率、金额或完成时限，如“≥95%”“≥4次”“≤50万元”“2023年12月底前”",
      };
      if (effect) hit.severity = "warning";
      hits.push(hit);
    }
    return hits;
  },
};

export default rule;
