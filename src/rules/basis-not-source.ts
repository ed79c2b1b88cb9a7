// basis-not-source: the 指标值确定依据 is no source — it repeats the name or value, is a unit (百分比), or is empty.
import { bare, bareEquals, q } from "./value-common.js";
import { namesASource, UNIT_WORD_SET } from "./vocabulary/measures.js";
import { squash } from "./structure-util.js";
import type { ProjectRule, RowContext, RuleHit } from "./types.js";

/** Template leftovers in a 依据 cell (the value grammar is not run on 依据: it is prose, and rows are many). */
const PLACEHOLDER_BASIS_RE = /^(?:文字描述|文字说明|待定|待填|待补充|[xX×*]+[%‰]?|[%‰]|\/+|-+|—+|…+)$/;

const NAME_COPIED = "照抄了三级指标名称";
const DESCRIPTION_COPIED = "照抄了指标描述";
const VALUE_COPIED = "照抄了指标值";

/** A basis longer than every unit word is no unit word (the set lookup hashes the whole text). */
const LONGEST_UNIT_WORD = Math.max(...[...UNIT_WORD_SET].map((w) => w.length));

/**
 * The field bare-equals the basis's bare text b. bare() only removes characters, so a field written shorter than
 * b cannot equal it.
 */
function copies(written: string, b: string): boolean {
  return written.length >= b.length && bareEquals(written, b);
}

/** The bare field (from the row's shared cache) and b overlap: one contains the other. */
function overlaps(bareField: string, b: string): boolean {
  return bareField.length >= 2 && (bareField.includes(b) || b.includes(bareField));
}

function problem(row: RowContext, basis: string): string | null {
  if (basis === "") return "为空";
  const b = bare(basis);
  // bare() also removes whitespace: a basis it left unchanged has none to squash.
  const squashed = b === basis ? basis : squash(basis);
  if ((squashed.length <= LONGEST_UNIT_WORD && UNIT_WORD_SET.has(squashed)) || PLACEHOLDER_BASIS_RE.test(squashed)) {
    return "只是单位或占位符";
  }
  if (b === "") return "只是单位或占位符";
  // Every copy test below needs a bare field of 2+ characters equal to, containing or inside b.
  if (b.length < 2) return null;
  // The fields a basis may copy, in this order: the name, the description, the value.
  if (copies(row.indicator.name, b)) return NAME_COPIED;
  if (copies(row.indicator.description, b)) return DESCRIPTION_COPIED;
  if (copies(row.value, b)) return VALUE_COPIED;
  // A basis that names no document or record and overlaps the measure (满意度 for 单位使用满意度).
  if (namesASource(basis)) return null;
  if (overlaps(row.bareName, b)) return NAME_COPIED;
  if (overlaps(row.bareDescription, b)) return DESCRIPTION_COPIED;
  if (overlaps(row.bareValue, b)) return VALUE_COPIED;
  return null;
}

const rule: ProjectRule = {
  id: "basis-not-source",
  severity: "warning",
  scope: "project",
  description: "指标值确定依据不是来源：为空、照抄名称或指标值，或只写了单位",
  docs: `## 说明
指标值确定依据说明目标值从何而来：政策文件、合同、预算批复、历史数据、调查问卷、行业标准等。
照抄指标名称或指标值（“提高数据质量”）、只写单位（“百分比”）或空着，评审时无法判断目标值是否合理。
表中每一行的依据都为空时，是表格本身没有这一栏（不少省份的申报表只有指标值），不逐行报告。

## 依据
财预〔2021〕101号（《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》，通知原文 http://lsrwf.cn/news/708af42006d811ec81694b356a0c000d）附件要求写明指标值的确定依据（历史数据、计划标准、行业标准等）；重复名称或只写单位不是依据。实例见种子文档（承德高新区2023年部门预算绩效文本，examples/chengde-gxq-2023.txt）（依据 = 百分比）。

## 错误示例
| 三级指标 | 指标值 | 指标值确定依据 |
|---|---|---|
| 提高数据质量 | 提高数据质量 | 提高数据质量 |
| 农户是否对型煤满意 | ≥90% | 百分比 |

## 正确示例
| 三级指标 | 指标值 | 指标值确定依据 |
|---|---|---|
| 调查数据差错率 | ≤1% | 统计调查制度 |
| 农户对型煤满意度 | ≥90% | 农户满意度抽样调查 |`,
  check(ctx) {
    const hits: RuleHit[] = [];
    // Many provincial forms have no 指标值确定依据 column at all (湖北, 安徽, 湖南, 四川 in the corpus): a
    // basis empty on every row is a column the form lacks, not a row's defect.
    if (ctx.rows.length > 0 && ctx.rows.every((row) => row.indicator.basis.trim() === "")) return hits;
    for (const row of ctx.rows) {
      const basis = row.indicator.basis.trim();
      const why = problem(row, basis);
      if (!why) continue;
      hits.push({
        indicator: row.index,
        field: "basis",
        message: basis
          ? `三级指标“${q(row.indicator.name)}”的指标值确定依据“${q(basis)}”${why}，不是来源`
          : `三级指标“${q(row.indicator.name)}”的指标值确定依据为空`,
        hint: "写明目标值的来源：政策文件名称、合同、预算批复、上年完成数据、行业标准或调查问卷",
      });
    }
    return hits;
  },
};

export default rule;
