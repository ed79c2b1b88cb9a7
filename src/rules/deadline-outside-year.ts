// deadline-outside-year: a 时效 deadline in a year other than the table's budget year (2022年6月底前 in a 2023 table).
import { q } from "./value-common.js";
import type { ProjectContext, ProjectRule, RuleHit } from "./types.js";

const YEAR_IN_TITLE_RE = /((?:19|20)\d{2})年/;

/** The budget year: the document's, else a year in the project's name or table title (2023年…绩效目标表). */
function budgetYear(ctx: ProjectContext): number | null {
  if (ctx.year) return ctx.year;
  const m = YEAR_IN_TITLE_RE.exec(`${ctx.project.tableTitle ?? ""} ${ctx.project.name}`);
  return m ? Number(m[1]) : null;
}

const rule: ProjectRule = {
  id: "deadline-outside-year",
  severity: "warning",
  scope: "project",
  description: "时限早于或晚于本表的预算年度",
  docs: `## 说明
年度绩效目标考核的是预算年度内的产出：2023年的表写“2022年6月底前”（上一年的表没改）或“2024年12月底前”（超出年度），
年底自评时无法按年度考核。跨年度项目请在中期目标中写，年度表写本年度的节点。
预算年度取文档的年度；文档没写时取项目名称或表名中的年份（“2023年……绩效目标表”）；都没有时不检查。
Excel 日期序列号（44561）换算后同样检查。

## 依据
《项目支出绩效评价管理办法》（财预〔2020〕10号）：年度绩效目标是预算年度内预期达到的产出和效果，自评以年度为周期。
实际表格：test/fixtures/corpus/doc04（内蒙古，44561 = 2021-12-31）。

## 错误示例
| 表的年度 | 三级指标 | 指标值 |
|---|---|---|
| 2023 | 资金拨付时间 | 2022年6月底前 |

## 正确示例
| 表的年度 | 三级指标 | 指标值 |
|---|---|---|
| 2023 | 资金拨付时间 | 2023年6月底前 |`,
  check(ctx) {
    const year = budgetYear(ctx);
    if (year === null) return [];
    const hits: RuleHit[] = [];
    for (const row of ctx.rows) {
      const p = row.parsed;
      if (p.kind !== "deadline" || p.year === undefined || p.year === year) continue;
      hits.push({
        indicator: row.index,
        field: "value",
        message: `时限“${q(row.value)}”${p.year < year ? "早于" : "晚于"}预算年度${year}年`,
        hint: `年度目标写${year}年内的时限，如“${year}年12月底前”`,
      });
    }
    return hits;
  },
};

export default rule;
