// A page copied onto one line (the excerpts of search engines and document-sharing sites): every transcribed
// table of the corpus and the seed, flattened with one space between cells or with none, reads back row by row;
// and two real one-line excerpts found on the web read their head fields and rows.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { JixiaoDocument } from "../../src/domain/schema.js";
import { importFile } from "../../src/import/index.js";
import { importText } from "../../src/import/text.js";
import { corpusDocuments, scoreDocument } from "../../scripts/corpus-score.js";
import { flattenDocument } from "../../scripts/flatten.js";

const seed = JSON.parse(readFileSync(new URL("../../examples/chengde-gxq-2023.gold.json", import.meta.url), "utf8")) as JixiaoDocument;
const golds = [...corpusDocuments().flatMap((d) => (d.gold ? [{ name: d.name, gold: d.gold }] : [])), { name: "seed", gold: seed }];

function score(name: string, gold: JixiaoDocument, join: "" | " ") {
  const s = scoreDocument(name, importText(flattenDocument(gold, join), { file: name }), gold);
  if (s.mismatches.length > 0) console.log(`${name} (${JSON.stringify(join)})\n  ${s.mismatches.slice(0, 10).join("\n  ")}`);
  return s;
}

describe("tables copied onto one line", () => {
  for (const { name, gold } of golds) {
    it(`${name}, cells separated by single spaces, reads ≥ 97% of its cells`, () => {
      const s = score(name, gold, " ");
      expect(s.right / s.total).toBeGreaterThanOrEqual(0.97);
      expect(s.fieldMismatches.filter((m) => /项目名称/.test(m))).toEqual([]);
    });
  }

  it("the corpus with no separator at all reads ≥ 80% of its cells (a text value runs into the next name)", () => {
    const scores = golds.filter((g) => g.name !== "seed").map((g) => score(g.name, g.gold, ""));
    const right = scores.reduce((n, s) => n + s.right, 0);
    const total = scores.reduce((n, s) => n + s.total, 0);
    expect(right / total).toBeGreaterThanOrEqual(0.8);
    // Values with a number, unit or operator end their row: doc02 and doc05 read whole.
    expect(scores.filter((s) => s.right === s.total).map((s) => s.doc)).toEqual(expect.arrayContaining(["doc02.txt", "doc05.txt"]));
  });

  it("a count inside a name does not end the row (`清算8个安置小区…物业费 ≥95%`)", () => {
    const doc = importText("一级指标二级指标三级指标指标值产出指标数量指标清算8个安置小区的物业费≥95%完成2023年度资金拨付率100%\n", { file: "x.txt" });
    expect(doc.projects[0].indicators.map((i) => [i.name, i.value])).toEqual([
      ["清算8个安置小区的物业费", "≥95%"],
      ["完成2023年度资金拨付率", "100%"],
    ]);
  });

  it("a real excerpt (宁乡 2021): the budget parts run together are read, the 长期 set goes to notes, the 年度 set is the rows", async () => {
    const doc = await importFile(new URL("../fixtures/web/ningxiang-2021-excerpt.txt", import.meta.url).pathname);
    expect(doc.projects).toHaveLength(1);
    const p = doc.projects[0];
    expect(p.name).toBe("镇域内基础设施建设");
    expect(p.budget).toEqual({ total: 10606.7522, fiscal: 6923.3552, other: 3683.397 });
    expect(p.notes?.split("\n").filter((n) => n.startsWith("长期："))).toHaveLength(9);
    expect(p.indicators.map((i) => i.level2)).toEqual(["数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"]);
    // The excerpt ends inside a label: that last piece is reported, not dropped.
    expect(p.importWarnings?.some((w) => /可持续影响指标/.test(w.message))).toBe(true);
  });

  it("a real excerpt (鄂州 2022) without a 三级 column keeps the text in the column its header names", async () => {
    const doc = await importFile(new URL("../fixtures/web/ezhou-2022-excerpt.txt", import.meta.url).pathname);
    const p = doc.projects[0];
    expect(p.name).toBe("滨湖大胆办公大楼运行保障");
    expect(p.goals[0]).toMatch(/^以办公大楼服务对象满意为目标/);
    expect(p.indicators.map((i) => i.level2)).toEqual(["数量指标", "质量指标", "成本指标"]);
    expect(p.indicators[0].basis).toMatch(/^办公大楼日常维修维护次数反映/);
    expect(p.importWarnings?.some((w) => /三级指标/.test(w.message))).toBe(true);
  });

  it("a blank template's excerpt (佳县 2016): one project, the 长期 block in notes, the empty rows kept, nothing invented", async () => {
    const doc = await importFile(new URL("../fixtures/web/jiaxian-2016-template-excerpt.txt", import.meta.url).pathname);
    expect(doc.projects).toHaveLength(1);
    const p = doc.projects[0];
    expect(p.name).toBe("");
    expect(p.notes?.split("\n").every((n) => n.startsWith("长期："))).toBe(true);
    expect(p.indicators.map((i) => i.level2).slice(0, 4)).toEqual(["数量指标", "质量指标", "时效指标", "成本指标"]);
    expect(p.indicators.filter((i) => /\d/.test(i.value))).toEqual([]);
  });
});
