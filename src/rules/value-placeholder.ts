// value-placeholder: the 指标值 cell still holds template text (文字描述, a bare %, **, XX, 待定) or nothing.
import { q } from "./value-common.js";
import type { ProjectRule, RuleHit } from "./types.js";

/** A template placeholder left in the 三级 name: 项目总成本(≤**万元), 小区居民满意度(≥**%), 种植数量(≥**株). */
const NAME_PLACEHOLDER_RE = /[（(]\s*(?:[≥≤<>=]|>=|<=)?\s*(?:\*+|[xX×]{2,})\s*[^（()）]{0,6}[)）]/;

const rule: ProjectRule = {
  id: "value-placeholder",
  severity: "error",
  scope: "project",
  exclusive: "value",
  description: "指标值为空或仍是模板占位符（文字描述、%、**、XX、待定）",
  docs: `## 说明
指标值是考核的标尺。模板里的“文字描述”“%”“**”“XX”“待定”，或只有单位没有数字（“万元”），说明这一格从未填写，
无法据以评价。占位符只报本规则，不再报“不可衡量”“重复名称”等。
三级指标名称里留下的模板占位（“项目总成本(≤**万元)”“小区居民满意度(≥**%)”）是警告：指标值已填时，名称中的占位应删去。

## 依据
申报表模板的占位内容（文字描述、%、**、XX）未替换即不是指标值（绩效目标审核评分清单（https://m.qiqiwenku.com/doc/736905.html）；种子文档（承德高新区2023年部门预算绩效文本，examples/chengde-gxq-2023.txt）：支付时间 → 文字描述）。

## 错误示例
| 三级指标 | 指标值 |
|---|---|
| 支付时间 | 文字描述 |
| 服务对象满意度 | % |

## 正确示例
| 三级指标 | 指标值 |
|---|---|
| 资金支付时间 | 2023年12月底前 |
| 服务对象满意度 | ≥90% |`,
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const row of ctx.rows) {
      const p = row.parsed;
      if (p.kind === "placeholder") {
        const name = q(row.indicator.name);
        const what = p.form === "只有单位" ? "只有单位、没有数值" : "是模板占位符";
        hits.push({
          indicator: row.index,
          field: "value",
          message: `三级指标“${name}”的指标值“${q(p.raw)}”${what}`,
          hint: "填写具体目标值，如“≥90%”“≥4次”“2023年12月底前”或等级“达到预期”",
        });
      } else if (NAME_PLACEHOLDER_RE.test(row.indicator.name) && p.kind !== "empty") {
        const residue = NAME_PLACEHOLDER_RE.exec(row.indicator.name)![0];
        hits.push({
          indicator: row.index,
          field: "name",
          severity: "warning",
          message: `三级指标“${q(row.indicator.name)}”中留有模板占位“${residue}”`,
          hint: `删去名称中的“${residue}”，目标值只写在指标值中`,
          fix: row.indicator.name.replace(residue, "").trim(),
        });
      } else if (p.kind === "empty" && !p.none) {
        const name = q(row.indicator.name);
        hits.push({
          indicator: row.index,
          field: "value",
          message: `三级指标“${name}”的指标值为空`,
          hint: "填写具体目标值；该指标不适用时删除整行",
        });
      }
    }
    return hits;
  },
};

export default rule;
