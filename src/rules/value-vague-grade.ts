// value-vague-grade: a 定性 value that is a change word or a comparative with no scale (稳步提高, 有效提升, 较好):
// it says neither how much nor against what. The accepted scale is data with its source (src/domain/grades.ts).
import { GRADE_SCALES, isScaledGrade } from "../domain/grades.js";
import { isEffectRow, q } from "./value-common.js";
import type { ProjectRule, RuleHit } from "./types.js";

/** Compliance with a named standard (符合国家标准): made once, not once per grade row. */
const NAMED_STANDARD_RE = /标准|规范|准则|规程/;
const rule: ProjectRule = {
  id: "value-vague-grade",
  severity: "error",
  scope: "project",
  exclusive: "value",
  description: "定性指标值是没有分级标准的笼统说法（稳步提高、有效提升、较好），无法判断是否达成",
  docs: `## 说明
定性指标值应是一个分级分档标准中的等级，或可以核实的状态；“稳步提高”“有效提升”“较好”“长效”只说了方向，
没有说提高多少、与什么相比，年底无法判断是否达成。能量化的改写为数值（“≥5%”“较上年提高2个百分点”），
不能量化的写明等级（达到预期、良好）或可核实的状态（通过验收、建成、零事故）。
效益指标常用定性表述，为警告（社会成本、生态环境成本指标允许文字描述，同样为警告）；产出、经济成本、满意度指标应可量化
（满意度是比率），为错误。
时效行的等级由 timeliness-vague 报告，比率写等级由 value-not-measurable 报告，本规则不重复（引擎按注册顺序只保留
同一行同一字段的第一条）。

## 依据
${GRADE_SCALES.map((s) => `- ${s.name}：${s.source}`).join("\n")}
- 财预〔2021〕101号《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》要求指标值清晰、可衡量，定性指标分级分档表述。
分级表作为数据保存在 src/domain/grades.ts。

## 错误示例
| 二级指标 | 三级指标 | 指标值 |
|---|---|---|
| 可持续影响指标 | 义务教育优质均衡发展情况 | 稳步提高 |
| 质量指标 | 培训效果 | 较好 |

## 正确示例
| 二级指标 | 三级指标 | 指标值 |
|---|---|---|
| 可持续影响指标 | 义务教育优质均衡发展情况 | 达到预期 |
| 质量指标 | 培训考核合格率 | ≥90% |`,
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const row of ctx.rows) {
      const p = row.parsed;
      if (p.kind !== "grade" || isScaledGrade(p.grade)) continue;
      // Compliance with a named standard (符合国家标准) is a verifiable state, parsed as a grade of its own.
      if (NAMED_STANDARD_RE.test(p.grade)) continue;
      // 财预〔2021〕101号 lets 社会成本 and 生态环境成本 be described in words: judged like an effect.
      const effect = isEffectRow(row) || row.level2 === "社会成本指标" || row.level2 === "生态环境成本指标";
      hits.push({
        indicator: row.index,
        field: "value",
        severity: effect ? "warning" : "error",
        message: `指标值“${q(row.value)}”是没有分级标准的笼统说法，无法判断是否达成`,
        hint: effect
          ? "能量化的写数值（如“较上年提高5%”），不能量化的写等级（达到预期、良好）或可核实的状态（通过验收、建成）"
          : "产出、成本、满意度指标写明数值和单位（如“≥95%”“≥4次”）",
      });
    }
    return hits;
  },
};

export default rule;
