// The seed's 基层统计人员业务培训 project (from the gold transcription) and a reviewer's fixes for it.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Project } from "../../src/domain/schema.js";

const goldPath = fileURLToPath(new URL("../../examples/chengde-gxq-2023.gold.json", import.meta.url));

export function seedTrainingProject(): Project {
  const gold = JSON.parse(readFileSync(goldPath, "utf8")) as { projects: Project[] };
  const p = gold.projects.find((x) => x.name === "基层统计人员业务培训");
  if (!p) throw new Error("seed project missing from gold JSON");
  return p;
}

/** create_project arguments for the seed project. */
export function createArgs(p: Project = seedTrainingProject()) {
  return {
    name: p.name,
    code: p.code,
    budget: { total: p.budget.total ?? 0, fiscal: p.budget.fiscal, other: p.budget.other },
    summary: p.summary,
    purpose: p.purpose,
    goals: p.goals,
    spendingPlan: p.spendingPlan,
  };
}

/** add_indicators arguments: the 9 rows as written in the seed (level1 omitted — inferred from level2). */
export function indicatorArgs(p: Project = seedTrainingProject()) {
  return p.indicators.map((i) => ({ level2: i.level2, name: i.name, value: i.value, description: i.description, basis: i.basis }));
}

/** What a reviewer writes instead, keyed by the seed's 三级 name. */
export const REVIEWER_ROW_FIXES: Record<string, { name?: string; description?: string; value: string; basis?: string }> = {
  培训次数: { value: "≥4次", basis: "年度培训计划" },
  培训效果: { name: "参训人员考核合格率", description: "参训人员业务考核合格的比例", value: "≥96%", basis: "往年培训考核结果" },
  按期完成率: { name: "培训按期完成率", description: "按计划时间完成培训的比例", value: "=100%", basis: "年度培训计划" },
  预算控制数: { name: "培训成本", description: "培训支出控制在预算内", value: "≤2万元", basis: "预算批复" },
  可持续效益: { name: "统计业务规范化水平", description: "基层统计业务规范化程度", value: "有效提升", basis: "统计工作要求" },
  提高数据质量: { name: "基层统计数据差错率", description: "基层报送统计数据的差错率", value: "≤2%", basis: "往年数据审核结果" },
  更全面掌握经济运行情况: { name: "统计服务水平", description: "统计服务经济运行分析的能力", value: "明显提升", basis: "统计工作要求" },
  服务对象满意度: { name: "参训人员满意度", description: "参训人员对培训的满意程度", value: "≥90%", basis: "往年满意度调查" },
};

export const REVIEWER_GOALS = [
  "全年组织基层统计人员业务培训不少于4次，参训人员考核合格率达到96%以上",
  "提升基层统计人员业务素质，基层统计数据差错率控制在2%以内",
];

export const REVIEWER_SPENDING_PLAN = { mar: 0, jun: 100, oct: 100, dec: 100 };
