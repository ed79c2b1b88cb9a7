// Certain fixes the new checks offer: the forgotten 元 of a unit cost, a placeholder left in a name, a metric symbol
// in capitals, a label written as a template variant.
import { describe, expect, it } from "vitest";
import { DocumentSchema } from "../../src/domain/schema.js";
import { validate } from "../../src/rules/engine.js";

const project = (indicators: Record<string, string>[]) =>
  DocumentSchema.parse({ projects: [{ seq: 1, code: "13081123P00015110002R", name: "补助项目", budget: { total: 50 }, indicators }] });

function fixOf(rule: string, ind: Record<string, string>): string | undefined {
  return validate(project([ind])).findings.find((f) => f.rule === rule && f.indicator === 0)?.fix;
}

describe("fixes", () => {
  it.each([
    ["cost-not-money", { level1: "产出指标", level2: "成本指标", name: "补助成本", value: "≤28.40/株" }, "≤28.40元/株"],
    ["value-placeholder", { level1: "产出指标", level2: "成本指标", name: "项目总成本(≤**万元)", value: "≤50万元" }, "项目总成本"],
    ["value-unit", { level1: "产出指标", level2: "数量指标", name: "雾炮车风炮射程", value: "80M" }, "80m"],
    ["level-invalid", { level1: "产出指标", level2: "质量指标（必填）", name: "验收合格率", value: "=100%" }, "质量指标"],
  ])("%s", (rule, ind, fix) => {
    expect(fixOf(rule, ind)).toBe(fix);
  });
});
