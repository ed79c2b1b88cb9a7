// category-mismatch: the 三级 wording belongs to another 二级 (a quality measure under 数量, a count under 时效,
// satisfaction outside 满意度). Cue words only, conservative: no false alarms on ordinary tables.
import type { ProjectRule, RowContext, RuleHit } from "./types.js";
import {
  COST_HEAD,
  COUNT_CUES,
  COUNT_SUFFIX,
  OUTPUT_RATE_CUES,
  QUALITY_CUES,
  SATISFACTION_CUES,
  SAVING_CUES,
  TIME_CUES,
} from "./vocabulary/categories.js";
import { LOWER_COUNT_RE } from "./vocabulary/measures.js";
import { AnyWord } from "./any-word.js";

// One word search per cue list, built once (a regex alternation per list is slower on every 三级 name).
const COUNT = new AnyWord(COUNT_CUES);
const QUALITY = new AnyWord(QUALITY_CUES);
const TIME = new AnyWord(TIME_CUES);
const SATISFACTION = new AnyWord(SATISFACTION_CUES);
const OUTPUT_RATE = new AnyWord(OUTPUT_RATE_CUES);
const SAVING = new AnyWord(SAVING_CUES);

const BENEFITS = new Set(["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"]);
const SATISFACTION_LEVEL2 = "服务对象满意度指标";

type Kind = "数量" | "质量" | "时效" | "成本" | "满意度" | "产出";

interface Verdict {
  belongs: Kind;
  why: string;
}

function isCount(name: string): boolean {
  return COUNT.test(name) || COUNT_SUFFIX.test(name);
}

/** A cost wording that is not a saving (降低成本 is a benefit's). */
function isCost(name: string): boolean {
  return COST_HEAD.test(name) && !SAVING.test(name);
}

/** The 二级 the wording belongs to when it clearly is not the row's own; null when it fits or is unclear. */
function misplaced(name: string, level2: string): Verdict | null {
  if (level2 !== SATISFACTION_LEVEL2 && level2 !== "满意度指标" && SATISFACTION.test(name)) {
    return { belongs: "满意度", why: "是满意度表述" };
  }
  // Each cue is tested only where the row's 二级 asks about it, in the order below (most rows need one or two).
  switch (level2) {
    case "数量指标":
      if (isCount(name)) return null;
      if (QUALITY.test(name)) return { belongs: "质量", why: "是质量方面的表述" };
      if (TIME.test(name)) return { belongs: "时效", why: "是时效方面的表述" };
      if (isCost(name)) return { belongs: "成本", why: "是成本方面的表述" };
      return null;
    case "质量指标":
      // 安全事故次数, 投诉件数: a count of failures measures quality.
      if (QUALITY.test(name) || LOWER_COUNT_RE.test(name)) return null;
      if (TIME.test(name)) return { belongs: "时效", why: "是时效方面的表述" };
      if (isCount(name)) return { belongs: "数量", why: "是数量方面的表述" };
      if (isCost(name)) return { belongs: "成本", why: "是成本方面的表述" };
      return null;
    case "时效指标":
      if (TIME.test(name)) return null;
      if (isCount(name)) return { belongs: "数量", why: "是数量方面的表述" };
      if (QUALITY.test(name)) return { belongs: "质量", why: "是质量方面的表述" };
      if (isCost(name)) return { belongs: "成本", why: "是成本方面的表述" };
      return null;
    default:
      // Benefits may speak of quality or cost (提高数据质量, 降低行政成本); only plain output rates are out of place.
      if (BENEFITS.has(level2) && OUTPUT_RATE.test(name)) return { belongs: "产出", why: "是产出（质量或时效）方面的表述" };
      return null;
  }
}

const TARGET: Record<Kind, string> = {
  数量: "数量指标",
  质量: "质量指标",
  时效: "时效指标",
  成本: "成本指标",
  满意度: "服务对象满意度指标",
  产出: "产出指标下的质量或时效指标",
};

const rule: ProjectRule = {
  id: "category-mismatch",
  severity: "warning",
  scope: "project",
  description: "三级指标的表述属于另一个二级指标（如质量表述放在数量指标下）",
  docs: `## 说明
二级指标决定了怎样考核：数量指标数“多少”，质量指标看“好不好”，时效指标看“何时”，满意度只在满意度指标下。
放错类别的指标会和它所在类别的考核方法对不上。本规则只凭明确的提示词判断，宁可漏报也不误报：
数量指标下写了质量、时效或成本（且没有“数量、次数、户数”之类的计数词）；质量指标下写了时效、计数或成本；
时效指标下写了计数或质量（且没有“及时、时间、按期”之类的时效词）；满意度表述出现在满意度指标之外；
效益指标下写了准确率、合格率、及时率这类产出指标。成本指标行不在此检查（由 cost-not-money 负责）。“无”行只报 empty-row。

## 依据
财预〔2021〕101号（《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》，通知原文 http://lsrwf.cn/news/708af42006d811ec81694b356a0c000d）附件对二级指标含义的界定：数量指标反映数量，质量指标反映标准和水平，时效指标反映及时程度，满意度指标反映认可程度。实例见种子文档（承德高新区2023年部门预算绩效文本，examples/chengde-gxq-2023.txt）（数量指标下“确保型煤质量”）。

## 错误示例
| 二级指标 | 三级指标 | 指标值 |
|---|---|---|
| 数量指标 | 确保型煤质量 | 配送合格的型煤 |
| 生态效益指标 | 结果准确性 | 结果准确性 |

## 正确示例
| 二级指标 | 三级指标 | 指标值 |
|---|---|---|
| 数量指标 | 型煤配送户数 | ≥1.1万户 |
| 质量指标 | 型煤抽检合格率 | ≥95% |
| 时效指标 | 按期完成率 | =100% |`,
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const row of ctx.rows) {
      const hit = checkRow(row);
      if (hit) hits.push(hit);
    }
    return hits;
  },
};

function checkRow(row: RowContext): RuleHit | null {
  if (row.empty || row.level2 === null || row.level2 === "成本指标") return null;
  const name = row.squashedName;
  if (name === "") return null;
  const verdict = misplaced(name, row.level2);
  if (!verdict) return null;
  const written = row.indicator.level2.trim() || row.level2;
  return {
    indicator: row.index,
    field: "level2",
    message: `三级指标“${row.indicator.name.trim()}”${verdict.why}，却列在“${written}”下`,
    hint: `移到“${TARGET[verdict.belongs]}”下，或改写成“${written}”该考核的内容`,
  };
}

export default rule;
