// value-boilerplate finds a value on most rows by a majority vote when the share asked is above one half; this
// pins the vote to the map of every value it replaces, over many small projects.
import { describe, expect, it } from "vitest";
import { parseValue } from "../../src/domain/value.js";
import { Row } from "../../src/rules/row.js";
import { everyHit, majorityHits } from "../../src/rules/value-boilerplate.js";
import { seededDraws } from "../support/random.js";

const VALUES = ["≥95%", "≥ 95 %", "＞95%", "100%", "=100%", "4次", "无", "", "待定", "≥90%"];

function row(index: number, value: string): Row {
  const indicator = { level1: "产出指标", level2: "质量指标", name: `指标${index}`, description: "", value, basis: "" };
  return new Row(index, indicator as never, value, parseValue(value), "产出指标", "质量指标", value === "无");
}

describe("value-boilerplate majority vote", () => {
  it("reports what the map of every value reports, for shares above one half", () => {
    const draw = seededDraws(7);
    const next = () => draw(VALUES.length);
    let reported = 0;
    for (let project = 0; project < 3000; project++) {
      const length = 1 + (project % 12);
      // Rows drawn mostly from the first values so that many projects repeat one.
      const rows = Array.from({ length }, (_, i) => row(i, VALUES[project % 3 === 0 ? next() : next() % 4]));
      for (const [minRows, minShare] of [[5, 0.6], [2, 0.51], [4, 0.75], [3, 1]] as const) {
        const expected = everyHit(rows, minRows, minShare);
        expect(majorityHits(rows, minRows, minShare)).toEqual(expected);
        reported += expected.length;
      }
    }
    expect(reported).toBeGreaterThan(100);
  });
});
