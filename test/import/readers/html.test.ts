// The web-page reader on the seed page (the renderer's whole-document HTML) and on a government page that
// wraps its form table in a layout table between a menu, page furniture and scripts.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expandGrid } from "../../../src/import/grid.js";
import { readHtml } from "../../../src/import/readers/html.js";
import { compareWithGold, missingSummaries } from "./gold-rows.js";

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/formats/${name}`, import.meta.url), "utf8");
const paragraphsOf = (doc: ReturnType<typeof readHtml>) => doc.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));

describe("readHtml on the seed page", () => {
  const doc = readHtml(fixture("seed.html"), "seed.html");

  it("reads every indicator row of the 14 tables exactly", () => {
    const { exact, total, mismatches } = compareWithGold(doc);
    if (mismatches.length > 0) console.log(mismatches.join("\n"));
    expect(mismatches).toEqual([]);
    expect([exact, total]).toEqual([126, 126]);
  });

  it("keeps the explanation texts as paragraphs", () => {
    expect(missingSummaries(doc)).toEqual([]);
    expect(paragraphsOf(doc)).toContain("关于“亩均效益”综合评价专项绩效目标指标的说明");
  });
});

describe("readHtml on a saved government page with a layout table", () => {
  const doc = readHtml(fixture("guangdong-page.html"), "guangdong-page.html");
  const tables = doc.blocks.flatMap((b) => (b.kind === "table" ? [b.grid] : []));

  it("reads the form table as the only table, the one-cell frames read through", () => {
    expect(tables).toHaveLength(1);
    const dense = expandGrid(tables[0]).map((r) => r.map((c) => c.text));
    expect(dense[2][1]).toBe("保障全市12所乡村学校少年宫正常运行，\n每周开展活动不少于2次。");
    expect(dense[3]).toEqual(["一级指标", "二级指标", "三级指标", "指标值", "计量单位"]);
    expect(dense[6]).toEqual(["产出指标", "成本指标", "单校年均运行经费", "≤3", "万元"]);
    expect(dense).toHaveLength(9);
  });

  it("keeps the prose around it in order and drops scripts, styles and the menu", () => {
    const paragraphs = paragraphsOf(doc);
    expect(paragraphs).toContain("乐昌市教育局2024年部门预算项目绩效目标公开");
    expect(paragraphs.indexOf("乡村学校少年宫运行经费绩效目标表")).toBeGreaterThan(paragraphs.indexOf("乐昌市教育局2024年部门预算项目绩效目标公开"));
    const all = paragraphs.join("\n");
    expect(all).not.toContain("统计代码");
    expect(all).not.toContain("办事服务");
    expect(all).not.toContain("float:left");
    expect(paragraphs).toContain("主办单位：乐昌市人民政府办公室"); // a one-cell footer table is prose
  });

  it("reads a data table nested in a layout table's cell as a table", () => {
    const nested = readHtml(
      "<table><tr><td>左侧菜单</td><td><table><tr><td>一级指标</td><td>指标值</td></tr><tr><td>产出指标</td><td>≥1个</td></tr></table></td></tr></table>",
      "nested.html",
    );
    expect(nested.blocks.map((b) => b.kind)).toEqual(["paragraph", "table"]);
  });
});
