// goal-copied: a project's goal text identical to another project's in the same document (copy and paste).
import { isPlaceholderNormalized, normalizeGoal } from "./goal-placeholder.js";
import { quoted } from "./structure-util.js";
import { projectRef } from "../domain/project.js";
import type { DocumentRule, RuleHit } from "./types.js";

/** Whitespace-, numbering- and end-punctuation-insensitive key of a goal list; null when it is template text. */
function goalKey(goals: readonly string[]): string | null {
  // The items joined by | as they come (no list of them built first).
  let key: string | null = null;
  for (const goal of goals) {
    const item = normalizeGoal(goal);
    if (!isPlaceholderNormalized(item)) key = key === null ? item : `${key}|${item}`;
  }
  return key;
}

const SOURCE_NAME = { goals: "绩效目标表中的绩效目标", narrativeGoals: "说明中的绩效目标" } as const;

const rule: DocumentRule = {
  id: "goal-copied",
  severity: "warning",
  scope: "document",
  description: "项目的绩效目标与本文件中另一个项目的完全相同（复制粘贴）",
  docs: `## 说明
每个项目的绩效目标应针对它自己的资金用途。两个项目的目标（绩效目标表中的，或说明部分的）逐字相同（忽略空格、编号和句末标点），
通常是复制了别的项目后没有改写。报告后出现的项目，并指出与哪个项目相同；模板文字（目标内容 1）不参与比较，由 goal-placeholder 报告。

## 依据
财预〔2021〕101号（《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》，通知原文 http://lsrwf.cn/news/708af42006d811ec81694b356a0c000d）：绩效目标应反映本项目的预期产出和效果；不同项目目标相同说明是照抄（种子文档（承德高新区2023年部门预算绩效文本，examples/chengde-gxq-2023.txt）：经济普查与统计培训目标相同）。

## 错误示例
经济普查工作经费的绩效目标：“1. 准确掌握培训内容，按时完成；2. 提升基层统计人员业务素质，提高服务水平”——与基层统计人员业务培训的完全相同。

## 正确示例
经济普查工作经费：“按期完成第五次全国经济普查清查登记，普查单位核实率 100%”。`,
  check(ctx) {
    const hits: RuleHit[] = [];
    // Goal key → the name of the first project that wrote it.
    const seen = new Map<string, string>();
    for (const { project } of ctx.projects) {
      const tableGoals = project.goals ?? [];
      const narrativeGoals = project.narrativeGoals ?? [];
      const tableKey = goalKey(tableGoals);
      // The same goals in the table and in the narrative are one key, compared once.
      const writtenNarrativeKey = goalKey(narrativeGoals);
      const narrativeKey = writtenNarrativeKey === tableKey ? null : writtenNarrativeKey;
      // The first of the project's keys (table, then narrative) written before is reported, once.
      const earlierTable = tableKey === null ? undefined : seen.get(tableKey);
      const earlierNarrative = narrativeKey === null ? undefined : seen.get(narrativeKey);
      const earlier = earlierTable ?? earlierNarrative;
      if (earlier !== undefined) {
        const source = earlierTable !== undefined ? "goals" : "narrativeGoals";
        hits.push({
          project: projectRef(project),
          field: "goals",
          message: `${SOURCE_NAME[source]}“${quoted((source === "goals" ? tableGoals : narrativeGoals).join(" "))}”与项目“${quoted(earlier, 30)}”的完全相同`,
          hint: "按本项目的资金用途重写绩效目标，写明本项目自己的产出和效果",
        });
      }
      // A key's lookup above says whether it was seen (the values are names: strings, never undefined).
      if (tableKey !== null && earlierTable === undefined) seen.set(tableKey, project.name);
      if (narrativeKey !== null && earlierNarrative === undefined) seen.set(narrativeKey, project.name);
    }
    return hits;
  },
};

export default rule;
