// Model answers for the loop tests: a clean draft (the offline drafter's, as model JSON) and a flawed one.
import { draftOffline } from "../../src/draft/offline.js";
import type { DraftInput } from "../../src/draft/index.js";

export const INPUT: DraftInput = {
  name: "基层统计人员业务培训",
  summary: "全年举办基层统计人员业务培训4期，培训200人次，提升统计数据质量。",
  budget: 2,
};

export function cleanDraft(input: DraftInput = INPUT) {
  const { project } = draftOffline(input);
  return {
    goals: project.goals,
    indicators: project.indicators.map(({ level1, level2, name, description, value, basis, needsConfirmation }) => ({
      level1, level2, name, description, value, basis, needsConfirmation: needsConfirmation ?? null,
    })),
    spendingPlan: project.spendingPlan,
  };
}

/** The three flaws of the brief: a value that repeats its name, 满意度 ≤100%, a cost above the budget. */
export function flawedDraft(input: DraftInput = INPUT) {
  const d = cleanDraft(input);
  d.indicators = d.indicators.map((i) => {
    if (i.level2 === "社会效益指标") return { ...i, value: i.name };
    if (i.level2 === "服务对象满意度指标") return { ...i, value: "≤100%" };
    if (i.level2 === "成本指标" && i.name === "培训总成本") return { ...i, value: "≤50万元" };
    return i;
  });
  return d;
}
