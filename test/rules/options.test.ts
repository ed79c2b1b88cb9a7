// The rules' option checker: each kind of threshold, its bounds, and which problem is named first.
import { describe, expect, it } from "vitest";
import { checkOptions, type RuleOptions } from "../../src/rules/options.js";

const OPTIONS: RuleOptions = {
  floor: { type: "number", min: 0, max: 100 },
  rows: { type: "number", integer: true, min: 2 },
  share: { type: "number", above: 0, max: 1 },
  required: { type: "texts", minItems: 1 },
  split: { type: "numbers-by-text" },
};

describe("checkOptions", () => {
  it("accepts every kind within its bounds, and no options at all", () => {
    expect(checkOptions(OPTIONS, { floor: 0, rows: 2, share: 1, required: ["数量指标"], split: { 产出指标: 50 } })).toBeNull();
    expect(checkOptions(OPTIONS, {})).toBeNull();
  });

  it.each([
    [{ floor: "80" }, "floor", "应为数字"],
    [{ floor: Number.NaN }, "floor", "应为数字"],
    [{ floor: 101 }, "floor", "应不大于 100"],
    [{ floor: -1 }, "floor", "应不小于 0"],
    [{ rows: 2.5 }, "rows", "应为整数"],
    [{ share: 0 }, "share", "应大于 0"],
    [{ required: "数量指标" }, "required", "应为数组"],
    [{ required: [] }, "required", "应不小于 1"],
    [{ required: ["a", 3] }, "required.1", "应为文本"],
    [{ split: [50] }, "split", "应为对象"],
    [{ split: { 产出指标: "50" } }, "split.产出指标", "应为数字"],
  ])("names the key and the problem of %j", (thresholds, key, problem) => {
    expect(checkOptions(OPTIONS, thresholds)).toEqual({ key, problem });
  });

  it("names a wrong value before a misspelt key, and lists the known keys for the latter", () => {
    expect(checkOptions(OPTIONS, { flor: 1, floor: "x" })).toEqual({ key: "floor", problem: "应为数字" });
    expect(checkOptions(OPTIONS, { flor: 1 })?.problem).toContain("可用：floor、rows、share、required、split");
  });
});
