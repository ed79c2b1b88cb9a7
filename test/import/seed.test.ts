// The done bar: the seed imports to its gold transcription, every field equal (whitespace removed).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importText } from "../../src/import/text.js";
import { compareDocuments } from "./compare.js";

const text = readFileSync(new URL("../../examples/chengde-gxq-2023.txt", import.meta.url), "utf8");
const gold = JSON.parse(readFileSync(new URL("../../examples/chengde-gxq-2023.gold.json", import.meta.url), "utf8"));

describe("seed 绩效文本 (examples/chengde-gxq-2023.txt)", () => {
  const doc = importText(text, { file: "chengde-gxq-2023.txt" });

  it("finds 14 projects and 126 indicator rows", () => {
    expect(doc.projects).toHaveLength(14);
    expect(doc.projects.reduce((n, p) => n + p.indicators.length, 0)).toBe(126);
  });

  it("matches the gold transcription field by field", () => {
    // `source` is the original file name and `notes` are the transcriber's comments: not in the text.
    const mismatches = compareDocuments(doc, gold, { squashStrings: true, skip: ["notes", "$.source"] });
    if (mismatches.length > 0) console.log(mismatches.join("\n"));
    expect(mismatches).toEqual([]);
  });

  it("reads the tricky spots the gold notes describe", () => {
    const byName = (name: string) => doc.projects.find((p) => p.name === name)!;
    expect(doc.projects[0].code).toBe("13081123P00004610002X");
    expect(doc.projects[0].spendingPlan).toEqual({ mar: null, jun: 100, oct: 100, dec: 100 });
    expect(byName("基层统计人员业务培训").spendingPlan).toEqual({ mar: null, jun: 100, oct: 100, dec: null });
    expect(byName("商务工作专项").indicators[4].basis).toBe("《审计约定业务书》《承德市高新区商贸流通企业调查合同》");
    expect(byName("重点产业扶持资金").indicators[2].name).toBe("按照要求时间内兑现资金");
    expect(byName("重点产业扶持资金").indicators[3].level1).toBe("产出指标");
    expect(byName("重点产业扶持资金").declaredCounts).toEqual({ total: null, output: 4, effect: 1, satisfaction: 1 });
    expect(doc.toc[6]).toEqual({ no: 7, title: "商贸流通企业奖补绩效目标表", page: "错误！未定义书签。" });
    expect(doc.projects.every((p) => p.importWarnings === undefined)).toBe(true);
  });
});
