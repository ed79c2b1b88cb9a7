// empty-row: a row whose 三级 name or value is 无 — real tables keep such rows for an unused 二级.
import type { ProjectRule, RuleHit } from "./types.js";

const rule: ProjectRule = {
  id: "empty-row",
  severity: "warning",
  scope: "project",
  description: "三级指标名称或指标值为“无”的空行，应删除",
  docs: `## 说明
名称或指标值写“无”的行不是指标：它只是为不适用的二级指标占位，既不能考核，也会让指标数与说明不符。
这样的行只报本规则，不再参与其他规则（不算重复、不算缺项、不计入指标数）。

## 依据
申报表模板列出全部二级指标，未使用的类别写“无”；“无”不是指标，应删去该行（种子文档（承德高新区2023年部门预算绩效文本，examples/chengde-gxq-2023.txt）：生态效益指标 → 无）。

## 错误示例
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
|---|---|---|---|
| 效益指标 | 生态效益指标 | 无 | 无 |

## 正确示例
删除该行；生态效益指标不是必备二级指标，确实不适用时不必填写。`,
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const row of ctx.rows) {
      if (!row.empty) continue;
      const nameIsNone = row.squashedName === "无";
      const label = row.indicator.level2.trim() || row.indicator.level1.trim() || "该二级指标";
      hits.push({
        indicator: row.index,
        field: nameIsNone ? "name" : "value",
        message: nameIsNone
          ? `“${label}”下的三级指标为“无”，这一行不是指标`
          : `三级指标“${row.indicator.name.trim()}”的指标值为“无”，这一行不是指标`,
        hint: "删除该行；该二级指标不适用时无需占位，适用时请填写可衡量的三级指标和指标值",
      });
    }
    return hits;
  },
};

export default rule;
