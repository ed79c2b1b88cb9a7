// value-excel-date: a 时效 value that is an Excel date serial (44561) — the cell lost its date format.
import { q } from "./value-common.js";
import type { ProjectRule, RuleHit } from "./types.js";

const rule: ProjectRule = {
  id: "value-excel-date",
  severity: "warning",
  scope: "project",
  description: "时效指标的指标值是Excel日期序号（如44561），应写成日期",
  docs: `## 说明
从 Excel 复制或导入时，日期单元格会变成序号（44561 即 2021年12月31日）。序号看不出时限，评审无法核对。
本规则给出换算后的日期作为修正值。

## 依据
Excel 把日期存为序列号（1899-12-30 为第0天），复制时丢失格式会变成 44561 之类的数（test/fixtures/corpus/doc04，内蒙古）。

## 错误示例
| 二级指标 | 三级指标 | 指标值 |
|---|---|---|
| 时效指标 | 资金拨付时间 | 44561 |

## 正确示例
| 二级指标 | 三级指标 | 指标值 |
|---|---|---|
| 时效指标 | 资金拨付时间 | 2021年12月31日前 |`,
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const row of ctx.rows) {
      const p = row.parsed;
      if (p.kind !== "deadline" || p.excelSerial === undefined || !p.iso) continue;
      const [y, m, d] = p.iso.split("-").map(Number);
      const fix = `${y}年${m}月${d}日前`;
      hits.push({
        indicator: row.index,
        field: "value",
        message: `指标值“${q(row.indicator.value)}”是Excel日期序号，对应${fix.slice(0, -1)}`,
        hint: `改为“${fix}”`,
        fix,
      });
    }
    return hits;
  },
};

export default rule;
