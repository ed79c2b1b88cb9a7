// The findings text a chat model reads: message and fix must be told apart.
import { describe, expect, it } from "vitest";
import { findingsText } from "../../src/mcp/result.js";

describe("findingsText", () => {
  it("labels the hint as the fix", () => {
    const text = findingsText([
      {
        rule: "value-unit", severity: "warning", project: "#1", indicator: 0, indicatorId: "i_1", field: "value",
        message: "指标值“42”缺少计量单位", hint: "在数值后写明单位",
      } as never,
    ]);
    expect(text).toContain("指标值“42”缺少计量单位；修改建议：在数值后写明单位");
  });
});
