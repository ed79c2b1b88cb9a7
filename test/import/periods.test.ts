// A form with a 长期 (or 中期) indicator block before the 年度 one: the year's rows are the project's indicators,
// the other block's rows its notes — whether the blocks are captioned by a merged cell (Word, web pages) or by a
// caption word before a header in plain text.
import { describe, expect, it } from "vitest";
import { importFile } from "../../src/import/index.js";
import { importText } from "../../src/import/text.js";

describe("长期 and 年度 blocks", () => {
  it("a merged caption cell left of each header (html)", async () => {
    const doc = await importFile(new URL("../fixtures/layouts/long-term-and-year.html", import.meta.url).pathname);
    expect(doc.projects).toHaveLength(1);
    const p = doc.projects[0];
    expect(p.indicators.map((i) => [i.level1, i.level2, i.name, i.value])).toEqual([
      ["产出指标", "数量指标", "新建集中供水工程", "≥4处"],
      ["产出指标", "质量指标", "工程验收合格率", "100%"],
      ["效益指标", "社会效益指标", "受益人口", "≥1万人"],
    ]);
    expect(p.notes).toBe("长期：数量指标 新建集中供水工程 ≥12处\n长期：质量指标 工程验收合格率 100%\n长期：社会效益指标 受益人口 ≥3万人");
  });

  it("caption words before spaced headers (plain text)", () => {
    const text = [
      "项目名称：农村饮水安全巩固提升",
      "长期绩效指标 一级指标 二级指标 指标内容 指标值",
      "产出指标 数量指标 新建集中供水工程 ≥12处",
      "年度绩效指标 一级指标 二级指标 指标内容 指标值",
      "产出指标 数量指标 新建集中供水工程 ≥4处",
      "",
    ].join("\n");
    const doc = importText(text, { file: "a.txt" });
    expect(doc.projects.map((p) => [p.name, p.indicators.map((i) => i.value), p.notes])).toEqual([["农村饮水安全巩固提升", ["≥4处"], "长期：数量指标 新建集中供水工程 ≥12处"]]);
  });
});
