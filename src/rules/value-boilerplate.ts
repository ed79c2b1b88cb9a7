// value-boilerplate: the same value on most rows of a project (≥95% on five of eight): a value copied down the
// table instead of set per indicator.
import { q } from "./value-common.js";
import type { RuleOptions } from "./options.js";
import type { ProjectRule, RowContext, RuleHit } from "./types.js";

const OPTIONS: RuleOptions = {
  /** At least this many rows carry the value. */
  minRows: { type: "number", integer: true, min: 2 },
  /** …and they are at least this share of the project's rows (0–1). */
  minShare: { type: "number", above: 0, max: 1 },
};

const DEFAULT_MIN_ROWS = 5;
const DEFAULT_MIN_SHARE = 0.6;

const OTHER_AT_LEAST_RE = /＞|>=|≧/g;

/** The text holds a spelling OTHER_AT_LEAST_RE replaces (＞, >=, ≧): one walk over its character codes. */
function holdsOtherAtLeast(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0xff1e || c === 0x2267 || (c === 0x3e && s.charCodeAt(i + 1) === 0x3d)) return true;
  }
  return false;
}

/** A row's value as compared: normalized width and blanks (shared by the row), and one spelling of > and ≥. */
function comparedValue(row: RowContext): string {
  const s = row.normalizedValue;
  // Test before replacing: most values spell neither way.
  return holdsOtherAtLeast(s) ? s.replace(OTHER_AT_LEAST_RE, (m) => (m === "＞" ? ">" : "≥")) : s;
}

const rule: ProjectRule = {
  id: "value-boilerplate",
  severity: "warning",
  scope: "project",
  options: OPTIONS,
  description: "同一项目的大多数指标使用同一个指标值（如八项中五项都是“≥95%”），指标值像是照抄的",
  docs: `## 说明
指标值应按每个指标的实际情况设定。同一个值（“≥95%”）出现在一个项目的大多数行上——数量、质量、效益、满意度都写“≥95%”——
说明目标值是照抄的模板，而不是测算出来的。默认：至少5行且占项目指标（“无”行除外）的60%以上时报告一次。“100%”“=100%”是许多比率（合格率、到位率）的自然目标，不计。
可在配置中调整：\`{"rules": {"value-boilerplate": {"minRows": 4, "minShare": 0.5}}}\`。

## 依据
财预〔2021〕101号附件要求指标值依据历史数据、计划标准或行业标准测算并写明确定依据；实际表格：
test/fixtures/corpus/doc06（四川 井研县，多数行为“≥ 95 %”）。

## 错误示例
| 三级指标 | 指标值 |
|---|---|
| 促进村集体经济发展 | ≥95% |
| 保护生态环境卫生 | ≥95% |
| 项目维持时效 | ≥95% |
| 人民群众满意度 | ≥95% |
| 保障村社区正常运转 | ≥95% |

## 正确示例
| 三级指标 | 指标值 |
|---|---|
| 村级组织正常运转率 | =100% |
| 村集体经济收入增长率 | ≥5% |
| 人民群众满意度 | ≥90% |`,
  check(ctx) {
    const minRows = (ctx.config.minRows as number | undefined) ?? DEFAULT_MIN_ROWS;
    const minShare = (ctx.config.minShare as number | undefined) ?? DEFAULT_MIN_SHARE;
    // A share above one half (the default) lets only a value on most rows be reported: a majority vote finds
    // that one candidate without a map of every value.
    return minShare > 0.5 ? majorityHits(ctx.rows, minRows, minShare) : everyHit(ctx.rows, minRows, minShare);
  },
};

/** Rows counted: not 无, not empty, not a placeholder. */
function isCounted(row: RowContext): boolean {
  return !row.empty && row.parsed.kind !== "empty" && row.parsed.kind !== "placeholder";
}

/** 100% is the natural target of many rates (合格率, 到位率, 发放准确率): repeated, it is no copied template. */
function isFullRate(value: string): boolean {
  return /^=?100%$/.test(value);
}

function hitOf(counted: number, value: string, indexes: readonly number[]): RuleHit {
  return {
    indicator: null,
    field: "value",
    message: `${counted}项指标中有${indexes.length}项的指标值都是“${q(value)}”（第${indexes.map((i) => i + 1).join("、")}行）`,
    hint: "按每个指标的历史数据、计划或标准分别测算目标值，并写明确定依据",
  };
}

/** Every value on enough rows, in first-seen order (any share). Exported with majorityHits for the test pinning them. */
export function everyHit(rows: readonly RowContext[], minRows: number, minShare: number): RuleHit[] {
  // Value → the rows carrying it, in first-seen order.
  const counts = new Map<string, number[]>();
  let counted = 0;
  for (const row of rows) {
    if (!isCounted(row)) continue;
    counted++;
    const key = comparedValue(row);
    const list = counts.get(key);
    if (list) list.push(row.index);
    else counts.set(key, [row.index]);
  }
  const hits: RuleHit[] = [];
  for (const [value, indexes] of counts) {
    if (isFullRate(value)) continue;
    if (indexes.length < minRows || indexes.length < counted * minShare) continue;
    hits.push(hitOf(counted, value, indexes));
  }
  return hits;
}

/** The one value on more than half of the rows, when it is on enough of them (a share above one half). */
export function majorityHits(rows: readonly RowContext[], minRows: number, minShare: number): RuleHit[] {
  // Boyer–Moore vote: a value on more than half of the counted rows is the candidate left at the end.
  let candidate = "";
  let votes = 0;
  let counted = 0;
  for (const row of rows) {
    if (!isCounted(row)) continue;
    counted++;
    const key = comparedValue(row);
    if (votes === 0) candidate = key;
    votes += key === candidate ? 1 : -1;
  }
  if (counted < minRows || isFullRate(candidate)) return [];
  let carried = 0;
  for (const row of rows) if (isCounted(row) && comparedValue(row) === candidate) carried++;
  if (carried < minRows || carried < counted * minShare) return [];
  const indexes: number[] = [];
  for (const row of rows) if (isCounted(row) && comparedValue(row) === candidate) indexes.push(row.index);
  return [hitOf(counted, candidate, indexes)];
}

export default rule;
