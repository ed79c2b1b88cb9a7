// Per-hit severity and per-rule thresholds.
import { describe, expect, it } from "vitest";
import { one } from "./helpers.js";

describe("value-not-measurable severity", () => {
  it("is an error under 产出 and 满意度, a warning under 效益", () => {
    expect(one("value-not-measurable", { level2: "质量指标", name: "完成经济调查单位数据质量", value: "按单位完成" })?.severity).toBe("error");
    expect(one("value-not-measurable", { level2: "服务对象满意度指标", name: "服务对象满意度", value: "完成经济普查单位满意度" })?.severity).toBe("error");
    expect(one("value-not-measurable", { level2: "生态效益指标", name: "项目建成效果", value: "为可再生能源做出贡献" })?.severity).toBe("warning");
  });

  it("accepts grades, ranges and deadlines", () => {
    for (const value of ["显著提升", "90%-95%", "2023年12月底前", "达到预期"]) {
      expect(one("value-not-measurable", { level2: "社会效益指标", name: "数据质量", value }), value).toBeUndefined();
    }
  });
});

describe("satisfaction-low floor", () => {
  const row = { level2: "服务对象满意度指标", name: "服务对象满意度", value: "≥85%" };

  it("defaults to 80", () => {
    expect(one("satisfaction-low", row)).toBeUndefined();
    expect(one("satisfaction-low", { ...row, value: "≥60 百分比" })?.severity).toBe("info");
  });

  it("reads satisfactionFloor from the rule's config", () => {
    const config = { rules: { "satisfaction-low": { satisfactionFloor: 90 } } };
    const f = one("satisfaction-low", row, { config });
    expect(f?.message).toContain("≥85%");
    expect(f?.message).toContain("90%");
    const lenient = { rules: { "satisfaction-low": { satisfactionFloor: 50 } } };
    expect(one("satisfaction-low", { ...row, value: "≥60%" }, { config: lenient })).toBeUndefined();
  });
});

describe("cost-over-budget conversion", () => {
  it("compares 元 with a budget in 万元", () => {
    expect(one("cost-over-budget", { level2: "成本指标", name: "年使用费", value: "5000 元" }, { budget: 0.5 })).toBeUndefined();
    expect(one("cost-over-budget", { level2: "成本指标", name: "年使用费", value: "5001 元" }, { budget: 0.5 })).toBeDefined();
    expect(one("cost-over-budget", { level2: "成本指标", name: "单个项目支持资金", value: "118 万元" }, { budget: 118 })).toBeUndefined();
    const f = one("cost-over-budget", { level2: "成本指标", name: "项目总成本", value: "200 万元" }, { budget: 118 });
    expect(f?.message).toContain("200 万元");
    expect(f?.message).toContain("118");
  });

  it("does not compare unit costs", () => {
    expect(one("cost-over-budget", { level2: "成本指标", name: "人均补助标准", value: "≤8000元/人" }, { budget: 0.5 })).toBeUndefined();
  });
});
