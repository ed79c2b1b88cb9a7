// Several projects side by side in one table, a value column each (DESIGN: the form reader splits them): one
// project per value column, sharing the label and name columns; the head above the table is theirs together.
// A form with 中期 and 年度 value columns is no such table (test/import/corpus.test.ts, doc01).
import { describe, expect, it } from "vitest";
import { importFile } from "../../src/import/index.js";
import { importText } from "../../src/import/text.js";

const fixture = (name: string) => new URL(`../fixtures/layouts/${name}`, import.meta.url).pathname;

describe("projects side by side", () => {
  for (const file of ["side-by-side.html", "side-by-side.docx"]) {
    it(`${file}: the row under a spanning 指标值 names three projects, each with its own values`, async () => {
      const doc = await importFile(fixture(file));
      expect(doc.projects.map((p) => p.name)).toEqual(["村道硬化", "路灯安装", "桥梁维修"]);
      expect(doc.projects.map((p) => p.indicators.map((i) => i.value))).toEqual([
        ["≥12公里", "100%", "≤360万元", "≥90%"],
        ["≥300盏", "100%", "≤45万元", "≥90%"],
        ["≥2座", "≥98%", "", "≥90%"],
      ]);
      expect(doc.projects[2].indicators.map((i) => [i.level1, i.level2, i.name])[2]).toEqual(["产出指标", "成本指标", "工程成本"]);
      // The group's 项目名称 is no sub-project's: each keeps it as a note, none takes it as its name.
      for (const p of doc.projects) expect(p.notes).toBe("并列项目共用：项目名称：2024年乡村道路维护（三个子项目）");
    });
  }

  it("value columns named in the header (`村道硬化指标值 | 路灯安装指标值`) are two projects", async () => {
    const doc = await importFile(fixture("side-by-side-named.md"));
    expect(doc.projects.map((p) => [p.name, p.indicators.map((i) => `${i.level2} ${i.name} ${i.value}`)])).toEqual([
      ["村道硬化", ["数量指标 完成工程量 ≥12公里", "质量指标 验收合格率 100%", "服务对象满意度指标 群众满意度 ≥90%"]],
      ["路灯安装", ["数量指标 完成工程量 ≥300盏", "质量指标 验收合格率 100%", "服务对象满意度指标 群众满意度 ≥85%"]],
    ]);
  });

  it("年度指标值 | 中期指标值 and 指标值 | 指标值确定依据 stay one project", () => {
    const periods = importText("项目名称：甲\n| 一级指标 | 二级指标 | 三级指标 | 中期指标值 | 年度指标值 |\n|---|---|---|---|---|\n| 产出指标 | 数量指标 | 培训人次 | ≥900人次 | ≥300人次 |\n", { file: "a.md" });
    expect(periods.projects.map((p) => [p.name, p.indicators.map((i) => i.value)])).toEqual([["甲", ["≥300人次"]]]);
    const basis = importText("项目名称：乙\n| 一级指标 | 二级指标 | 三级指标 | 指标值 | 指标值确定依据 |\n|---|---|---|---|---|\n| 产出指标 | 数量指标 | 培训人次 | ≥300人次 | 计划数 |\n", { file: "b.md" });
    expect(basis.projects.map((p) => [p.name, p.indicators.map((i) => [i.value, i.basis])])).toEqual([["乙", [["≥300人次", "计划数"]]]]);
  });

  it("a row of values under the header is data, not project names", () => {
    const doc = importText("项目名称：丙\n| 一级指标 | 二级指标 | 三级指标 | 指标值 | |\n|---|---|---|---|---|\n| | | | ≥300人次 | 100% |\n| 产出指标 | 数量指标 | 培训人次 | ≥300人次 | |\n", { file: "c.md" });
    expect(doc.projects.map((p) => p.name)).toEqual(["丙"]);
  });
});
