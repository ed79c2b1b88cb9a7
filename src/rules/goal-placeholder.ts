// goal-placeholder: a 绩效目标 left as template text (目标内容 1, XXX, 文字描述) or empty.
import { quoted, squash, stripNumbering } from "./structure-util.js";
import type { ProjectRule, RuleHit } from "./types.js";

/** Template text left in the 绩效目标 cell by the form, judged after the item numbering is removed. */
const TEMPLATE = /^(?:目标内容\d*|目标\d*|绩效目标\d*|文字描述|请输入.*|请填写.*|待定|待补充|暂无|无|略|[xX×*＊…。.、\-—_]+|.*[xX]{2,}.*)$/;

/** End punctuation a compared goal drops (the class of the pattern below). */
const END_PUNCTUATION = "。；;，,.";
const END_PUNCTUATION_RE = /[。；;，,.]+$/;

/** A goal as compared: numbering, whitespace and end punctuation removed. */
export function normalizeGoal(text: string): string {
  const goal = squash(stripNumbering(text));
  // Test before replacing: only a goal ending in one of these has any to drop.
  return goal.length > 0 && END_PUNCTUATION.includes(goal[goal.length - 1]) ? goal.replace(END_PUNCTUATION_RE, "") : goal;
}

export function isPlaceholderGoal(text: string): boolean {
  return isPlaceholderNormalized(normalizeGoal(text));
}

export function isPlaceholderNormalized(normalized: string): boolean {
  return normalized === "" || TEMPLATE.test(normalized);
}

const rule: ProjectRule = {
  id: "goal-placeholder",
  severity: "error",
  scope: "project",
  description: "绩效目标未填写或仍是模板文字（如“目标内容 1”）",
  docs: `## 说明
绩效目标表中的“绩效目标”是整张表的考核依据，指标由它分解而来。表格模板里的“目标内容 1”、XXX、“文字描述”
没有被替换，就等于没有目标。每条模板目标报告一次；一条目标也没有时报告一次。

## 依据
申报表模板的占位文字（“目标1”“目标内容1”）未替换（种子文档（承德高新区2023年部门预算绩效文本，examples/chengde-gxq-2023.txt）：1.目标内容 1）。

## 错误示例
绩效目标：1.目标内容 1

## 正确示例
绩效目标：1.年内完成 4 期基层统计人员业务培训，参训人员考核合格率不低于 96%`,
  check(ctx) {
    const goals = ctx.project.goals;
    if (goals.length === 0 || goals.every((g) => g.trim() === "")) {
      return [{ field: "goals", message: "未填写绩效目标", hint: "写明本项目年度要达到的产出和效果，并与绩效指标对应" }];
    }
    const hits: RuleHit[] = [];
    for (const goal of goals) {
      if (goal.trim() === "" || !isPlaceholderGoal(goal)) continue;
      hits.push({
        field: "goals",
        message: `绩效目标“${quoted(goal)}”是模板文字，没有写出目标`,
        hint: "替换为本项目年度要达到的产出和效果（做什么、做多少、何时完成、达到什么效果）",
      });
    }
    return hits;
  },
};

export default rule;
