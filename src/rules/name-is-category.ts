// name-is-category: the 三级 name is only a 一级/二级 label (质量指标, 社会效益) — it names no measure.
import { allCategoryLabels, LABEL_ALIASES, readLabel } from "../domain/taxonomy.js";
import { withoutTrailingNote } from "./structure-util.js";
import type { ProjectRule, RuleHit } from "./types.js";

const SATISFACTION_LABELS = new Set(["满意度指标", "服务对象满意度指标"]);

/** Every label and variant (whitespace-free) → canonical label; built once. */
const LABELS = new Map<string, string>([
  ...allCategoryLabels().map((l): [string, string] => [l, l]),
  ...Object.entries(LABEL_ALIASES),
]);
const LONGEST = Math.max(...[...LABELS.keys()].map((k) => k.length));
/** The labels ending in 指标 by their stem (质量 → 质量指标): a name read with 指标 appended, without building it. */
const BY_STEM = new Map<string, string>(
  [...LABELS].filter(([k]) => k.endsWith("指标")).map(([k, label]): [string, string] => [k.slice(0, -2), label]),
);

/** The category label the name amounts to, or null. */
function categoryOf(squashedName: string): string | null {
  const key = withoutTrailingNote(squashedName);
  if (key === "" || key.length > LONGEST + 4) return null;
  // A variant spelling of a label is still a label: 社会效益类指标, 质量目标.
  const label = LABELS.get(key) ?? (key.endsWith("指标") ? undefined : BY_STEM.get(key)) ?? readLabel(key)?.canonical;
  if (label === undefined) return null;
  // 服务对象满意度 (≥90%) is the standard satisfaction measure itself; only the bare label with 指标 is a category.
  if (SATISFACTION_LABELS.has(label) && !key.endsWith("指标")) return null;
  return label;
}

const rule: ProjectRule = {
  id: "name-is-category",
  severity: "error",
  scope: "project",
  description: "三级指标名称只是一级或二级指标的名称，没有说明考核什么",
  docs: `## 说明
三级指标要写出具体考核的对象（培训次数、数据审核准确率），而不是重复它所属的类别。
名称等于一级/二级指标名称或其常见变体（质量指标、社会效益、可持续效益、社会效益类指标、质量目标）时报告。
“服务对象满意度”“社会公众满意度”本身就是标准的满意度指标，不报；只有“服务对象满意度指标”这样的类别名才报。
“无”行只报 empty-row。

## 依据
三级指标是“对二级指标的细化”（财预〔2021〕101号附件：三级指标应具体、可衡量）；类别名称不是考核内容。
变体写法见 src/domain/taxonomy.ts（readLabel）。

## 错误示例
| 二级指标 | 三级指标 | 指标值 |
|---|---|---|
| 质量指标 | 质量指标 | 申报成功 |
| 社会效益指标 | 社会效益 | 社会效益 |

## 正确示例
| 二级指标 | 三级指标 | 指标值 |
|---|---|---|
| 质量指标 | 申报项目入库率 | ≥80% |`,
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const row of ctx.rows) {
      if (row.empty) continue;
      const label = categoryOf(row.squashedName);
      if (label === null) continue;
      hits.push({
        indicator: row.index,
        field: "name",
        message: `三级指标“${row.indicator.name.trim()}”只是类别名称（${label}），没有写出考核内容`,
        hint: `写出“${row.indicator.level2.trim() || label}”下具体考核的事项，如数量、比率或完成时限`,
      });
    }
    return hits;
  },
};

export default rule;
