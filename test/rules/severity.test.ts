// Severities the fixtures cannot show (they list rule ids only): the reviewer's weight of each new check.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validate } from "../../src/rules/engine.js";
import { parseRuleFixture } from "./fixture.js";

const fixture = (file: string) => parseRuleFixture(join(import.meta.dirname, "..", "fixtures", "rules", file));

function severities(file: string, rule: string): Record<string, string> {
  const fx = fixture(file);
  const out: Record<string, string> = {};
  for (const f of validate(fx.document, { profile: fx.profile }).findings) {
    if (f.rule !== rule || f.indicator === null) continue;
    const project = fx.document.projects.find((p) => p.code === f.project)!;
    out[project.indicators[f.indicator].name] = f.severity;
  }
  return out;
}

describe("severities", () => {
  it("value-vague-grade: a warning under 效益 (and 社会成本), an error under 产出 and 满意度", () => {
    expect(severities("value-vague-grade.md", "value-vague-grade")).toEqual({
      校舍维修改造质量: "error",
      办学条件改善情况: "warning",
      义务教育优质均衡发展情况: "warning",
      学生家长满意情况: "error",
    });
    expect(severities("value-vague-grade.2.md", "value-vague-grade")).toEqual({
      对周边居民的影响: "warning",
      老年人生活质量: "warning",
      服务站运营机制: "warning",
    });
  });

  it("cost-not-money: a control rate or a forgotten 元 is a warning, a rate or words in 成本 an error", () => {
    const s = severities("cost-not-money.md", "cost-not-money");
    expect(s["预算执行率"]).toBe("warning");
    expect(s["黄金蜜(葡萄)补助成本"]).toBe("warning");
    expect(Object.values(s)).toContain("error");
  });

  it("the reviewer checks are warnings", () => {
    for (const [file, rule] of [
      ["quantity-only-rates.md", "quantity-only-rates"],
      ["deadline-outside-year.md", "deadline-outside-year"],
      ["cost-consistency.md", "cost-consistency"],
      ["goal-not-measured.md", "goal-not-measured"],
      ["value-field-conflict.md", "value-field-conflict"],
    ]) {
      const values = Object.values(severities(file, rule));
      expect(values.length, file).toBeGreaterThan(0);
      expect(new Set(values), file).toEqual(new Set(["warning"]));
    }
  });
});
