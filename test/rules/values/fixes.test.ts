// The certain fixes the value rules offer, and their messages quoting the offending text.
import { describe, expect, it } from "vitest";
import { one } from "./helpers.js";

describe("value-direction fixes", () => {
  it("flips the sign and writes the standard unit", () => {
    expect(one("value-direction", { level2: "质量指标", name: "调查数据审核准确率", value: "≤96%" })?.fix).toBe("≥96%");
    expect(one("value-direction", { level2: "质量指标", name: "数据差错率", value: "≥1 百分比" })?.fix).toBe("≤1%");
    expect(one("value-direction", { level2: "成本指标", name: "项目总成本", value: "≥118万元" })?.fix).toBe("≤118万元");
    expect(one("value-direction", { level2: "成本指标", name: "劳务单价", value: "不低于200元/人" })?.fix).toBe("≤200元/人");
  });

  it("gives no fix where flipping would give ≥100%", () => {
    const f = one("value-direction", { level2: "服务对象满意度指标", name: "社会公众满意度", value: "≤100 百分比" });
    expect(f).toBeDefined();
    expect(f?.fix).toBeUndefined();
    expect(f?.message).toContain("≤100 百分比");
  });

  it("leaves right-way values, gains and growth alone", () => {
    expect(one("value-direction", { level2: "成本指标", name: "预算超支率", value: "≤0%" })).toBeUndefined();
    expect(one("value-direction", { level2: "经济效益指标", name: "带动社会资金投入", value: "≥500万元" })).toBeUndefined();
    expect(one("value-direction", { level2: "经济效益指标", name: "企业营业收入增长率", value: "≥10%" })).toBeUndefined();
    expect(one("value-direction", { level2: "质量指标", name: "数据差错率", value: "≤1%" })).toBeUndefined();
  });
});

describe("value-unit fixes", () => {
  it("standardizes 百分号 and 百分比 exactly", () => {
    expect(one("value-unit", { level2: "质量指标", name: "使用率", value: "100 百分号" })?.fix).toBe("100%");
    expect(one("value-unit", { level2: "质量指标", name: "数据审查合格率", value: "≥90 百分比" })?.fix).toBe("≥90%");
  });

  it("completes 50 万 to 万元 only in a cost row", () => {
    const cost = one("value-unit", { level2: "成本指标", name: "项目总成本", value: "50 万" });
    expect(cost?.fix).toBe("50万元");
    expect(cost?.message).toContain("50 万");
    const effect = one("value-unit", { level2: "经济效益指标", name: "资金使用效益", value: "50 万" });
    expect(effect).toBeDefined();
    expect(effect?.fix).toBeUndefined();
  });

  it("adds % to a bare number on a rate", () => {
    expect(one("value-unit", { level2: "服务对象满意度指标", name: "企业满意度", value: "≥90" })?.fix).toBe("≥90%");
    expect(one("value-unit", { level2: "质量指标", name: "工程验收合格率", value: "≥95" })?.fix).toBe("≥95%");
  });

  it("asks, with no fix, when a bare number ≤ 1 on a rate may be a fraction typed in Excel", () => {
    for (const [name, value, asPercent] of [["优良路率", "0.8", "80%"], ["交通事故发生率", "0.05", "5%"], ["服务对象满意度", "0.95", "95%"]]) {
      const f = one("value-unit", { level2: "质量指标", name, value });
      expect(f, name).toBeDefined();
      expect(f?.fix, name).toBeUndefined();
      expect(f?.message).toContain(`“${value}”`);
      expect(f?.message).toContain(`是 ${asPercent} 还是 ${value}%`);
    }
  });

  it("appends no unit after an unknown trailing word (90分 is no 90分%)", () => {
    const f = one("value-unit", { level2: "服务对象满意度指标", name: "用户满意度", value: "90分" });
    expect(f).toBeDefined();
    expect(f?.fix).toBeUndefined();
  });

  it("reports the spelling once: not where value-over-100 or value-direction already rewrites the value", () => {
    expect(one("value-unit", { level2: "质量指标", name: "区管委会审议通过率", value: "≥100 百分比" })).toBeUndefined();
    expect(one("value-over-100", { level2: "质量指标", name: "区管委会审议通过率", value: "≥100 百分比" })?.fix).toBe("=100%");
    expect(one("value-unit", { level2: "服务对象满意度指标", name: "社会公众满意度", value: "≤100 百分比" })).toBeUndefined();
  });

  it("accepts counts with a multiplier and plain units", () => {
    expect(one("value-unit", { level2: "数量指标", name: "型煤配送户数", value: "≥1.1万户" })).toBeUndefined();
    expect(one("value-unit", { level2: "成本指标", name: "年使用费", value: "5000 元" })).toBeUndefined();
    expect(one("value-unit", { level2: "数量指标", name: "满意度调查次数", value: "≥2次" })).toBeUndefined();
  });
});

describe("other fixes", () => {
  it("value-over-100: ≥100% → =100%, 120% without a fix, growth exempt", () => {
    expect(one("value-over-100", { level2: "质量指标", name: "专款专用率", value: "≥100%" })?.fix).toBe("=100%");
    const over = one("value-over-100", { level2: "质量指标", name: "资金使用率", value: "120%" });
    expect(over?.message).toContain("120%");
    expect(over?.fix).toBeUndefined();
    expect(one("value-over-100", { level2: "经济效益指标", name: "营业收入增长率", value: "≥120%" })).toBeUndefined();
    expect(one("value-over-100", { level2: "时效指标", name: "按期完成率", value: "100%" })).toBeUndefined();
  });

  it("value-excel-date: the serial becomes the date", () => {
    const f = one("value-excel-date", { level2: "时效指标", name: "资金拨付时间", value: "44561" });
    expect(f?.fix).toBe("2021年12月31日前");
    expect(f?.message).toContain("44561");
    expect(one("value-excel-date", { level2: "数量指标", name: "扶持企业数量", value: "44561" })).toBeUndefined();
  });

  it("direction-conflict: the direction of the measure is the fix", () => {
    const f = one("direction-conflict", { level2: "质量指标", name: "数据差错率", value: "≤1%", direction: "正向" });
    expect(f?.fix).toBe("反向");
    expect(f?.field).toBe("direction");
    expect(one("direction-conflict", { level2: "服务对象满意度指标", name: "服务对象满意度", value: "≥90%", direction: "反向" })?.fix).toBe("正向");
    // A value pointing the wrong way under a right direction is value-direction's, not this rule's.
    expect(one("direction-conflict", { level2: "服务对象满意度指标", name: "服务对象满意度", value: "≤100%", direction: "正向" })).toBeUndefined();
    expect(one("direction-conflict", { level2: "数量指标", name: "培训人数", value: "≤50人", direction: "正向" })?.message).toContain("≤50人");
  });
});
