// name-missing: a row with a 指标值 but no 三级 name — nobody can tell what the value measures.
import { q } from "./value-common.js";
import type { ProjectRule, RuleHit } from "./types.js";

const rule: ProjectRule = {
  id: "name-missing",
  severity: "error",
  scope: "project",
  description: "有指标值却没有三级指标名称",
  docs: `## 说明
三级指标名称说明考核什么，指标值说明考到什么程度。只有指标值（“100%”）而没有名称的行无法考核，也无法与自评时的
完成值对应。名称和指标值都空的行由“指标值为空”（value-placeholder）报告，不在本规则。

## 依据
申报表的三级指标一栏写考核内容、指标值一栏写考核标准，两栏缺一不可（种子文档 examples/chengde-gxq-2023.txt 与 test/fixtures/corpus
的八张表都有这两栏）；漏填名称的真实行见 test/fixtures/web/yueyanglou-2023-department.txt（岳阳楼区 2023：社会成本指标一行只有“100%”）。

## 错误示例
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
|---|---|---|---|
| 成本指标 | 社会成本指标 |  | 100% |

## 正确示例
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
|---|---|---|---|
| 成本指标 | 经济成本指标 | 项目总成本 | ≤28.8万元 |`,
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const row of ctx.rows) {
      if (row.empty || row.indicator.name.trim() !== "" || row.indicator.value.trim() === "") continue;
      const label = row.indicator.level2.trim() || row.indicator.level1.trim() || "该行";
      hits.push({
        indicator: row.index,
        field: "name",
        message: `“${q(label)}”下指标值为“${q(row.indicator.value)}”的一行没有三级指标名称`,
        hint: "写明这一行考核的内容（如“项目总成本”“验收合格率”），或删除该行",
      });
    }
    return hits;
  },
};

export default rule;
