// A page copied onto one line is cut back into rows (src/import/readers/text-flattened.ts); a hostile line of
// that kind — megabytes of headers, labels and numbers with no break — is read in one linear pass, not hung on.
import { describe, expect, it } from "vitest";
import { importText } from "../../src/import/text.js";

describe("one-line pages", () => {
  it("a 1 MB line of repeated headers and rows reads every row", () => {
    const unit = "一级指标二级指标三级指标指标值产出指标数量指标培训人次≥300人次满意度指标服务对象满意度指标学员满意度≥90%";
    const text = `项目名称测试${unit.repeat(Math.ceil(1_000_000 / unit.length))}\n`;
    const doc = importText(text, { file: "长行.txt" });
    const rows = doc.projects.flatMap((p) => p.indicators);
    expect(rows.length).toBeGreaterThan(20_000);
    expect(rows.slice(0, 2).map((r) => [r.name, r.value])).toEqual([
      ["培训人次", "≥300人次"],
      ["学员满意度", "≥90%"],
    ]);
  });

  it("a half-MB line of numbers after one header is no hang and keeps its text", () => {
    const text = `一级指标二级指标三级指标指标值产出指标数量指标${"培训人次300人次".repeat(40_000)}\n`;
    const doc = importText(text, { file: "数字.txt" });
    expect(doc.projects[0].indicators.length).toBeGreaterThan(35_000);
  });
});
