// Markdown pipe tables read back: our own rendered Markdown (render --to md, with and without findings, and
// the draft command's output) gives back the same project fields; chat-style tables read too.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DocumentSchema, type JixiaoDocument, type Project } from "../../src/domain/schema.js";
import { draftOffline } from "../../src/draft/index.js";
import { importFile } from "../../src/import/index.js";
import { importText } from "../../src/import/text.js";
import { decodeCell, splitPipeRow } from "../../src/import/readers/pipes.js";
import { renderDocumentMarkdown, renderProjectMarkdown } from "../../src/render/index.js";
import { validate } from "../../src/rules/engine.js";
import { compareDocuments } from "./compare.js";

const gold = DocumentSchema.parse(JSON.parse(readFileSync(new URL("../../examples/chengde-gxq-2023.gold.json", import.meta.url), "utf8")));

/** The fields the rendered Markdown carries, per project. */
function tableFields(p: Project) {
  return {
    seq: p.seq,
    tableTitle: p.tableTitle,
    code: p.code,
    name: p.name,
    budget: p.budget,
    purpose: p.purpose,
    spendingPlan: p.spendingPlan,
    goals: p.goals,
    indicators: p.indicators.map((i) => ({
      level1: i.level1,
      level2: i.level2,
      name: i.name,
      description: i.description,
      value: i.value,
      basis: i.basis,
    })),
  };
}

function roundTrip(doc: JixiaoDocument, markdown: string): string[] {
  const back = importText(markdown, { file: "rendered.md" });
  expect(back.projects).toHaveLength(doc.projects.length);
  expect(back.projects.every((p) => p.importWarnings === undefined)).toBe(true);
  return doc.projects.flatMap((p, k) =>
    compareDocuments(tableFields(back.projects[k]), tableFields(p), { squashStrings: true }).map((m) => `#${p.seq} ${m}`),
  );
}

describe("Markdown round trip (gold → render md → import)", () => {
  it("gives back every table field of the 14 seed projects", () => {
    const mismatches = roundTrip(gold, renderDocumentMarkdown(gold));
    if (mismatches.length > 0) console.log(mismatches.join("\n"));
    expect(mismatches).toEqual([]);
  });

  it("also with the findings overlay (⚠ marks in cells, 审核意见 and 文档问题 lists)", () => {
    const findings = validate(gold).findings;
    const md = renderDocumentMarkdown(gold, { findings });
    expect(md).toContain("⚠〔");
    expect(md).toContain("审核意见");
    const mismatches = roundTrip(gold, md);
    if (mismatches.length > 0) console.log(mismatches.join("\n"));
    expect(mismatches).toEqual([]);
  });

  it("reads one project's table, and the document year from the title", () => {
    for (const p of gold.projects) {
      const back = importText(renderProjectMarkdown(p), { file: "one.md" });
      expect(compareDocuments(tableFields(back.projects[0]), tableFields({ ...p, seq: 1 }), { squashStrings: true, skip: ["seq"] })).toEqual([]);
    }
    expect(importText(renderDocumentMarkdown(gold)).year).toBe(2023);
  });

  it("reads the draft command's output (multi-line goals, a 需要确认 list after the table)", () => {
    const draft = draftOffline({ name: "垃圾分类宣传", summary: "组织社区居民开展垃圾分类宣传活动，全年举办宣传活动12次，发放宣传册5000份。", budget: 5 });
    const project = draft.project;
    const md =
      renderProjectMarkdown(project) +
      "\n\n### 需要确认的默认值\n\n- 第 6 行“政策知晓率”（≥85%）：项目名称：不是字段，是否采用？\n";
    const back = importText(md, { file: "draft.md" });
    expect(back.projects).toHaveLength(1);
    expect(back.year).toBeNull();
    expect(compareDocuments(tableFields(back.projects[0]), tableFields({ ...project, seq: 1, tableTitle: `1.${project.name}绩效目标表` }), { squashStrings: true })).toEqual([]);
    expect(project.goals.length).toBeGreaterThan(1);
  });

  it("reads a project rendered before its first indicator (empty indicator table), not 未找到绩效目标表", () => {
    const empty = { ...gold.projects[3], indicators: [] };
    const back = importText(renderProjectMarkdown(empty, { findings: validate({ ...gold, projects: [empty] }).findings }), {
      file: "empty.md",
    });
    expect(back.projects).toHaveLength(1);
    expect(back.projects[0].name).toBe(empty.name);
    expect(back.projects[0].indicators).toEqual([]);
    expect(validate(back).findings.map((f) => f.rule)).toContain("required-level2-missing");
  });

  it("reads a .md file through importFile (jixiao check x.md)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-md-"));
    const file = join(dir, "x.md");
    writeFileSync(file, renderDocumentMarkdown(gold));
    const doc = await importFile(file);
    expect(doc.projects).toHaveLength(14);
    expect(doc.projects.reduce((n, p) => n + p.indicators.length, 0)).toBe(126);
  });
});

describe("pipe-table cells", () => {
  it("splits at unescaped pipes only, with or without outer pipes", () => {
    expect(splitPipeRow("| a | b \\| c | d |")).toEqual(["a", "b \\| c", "d"]);
    expect(splitPipeRow("a | b")).toEqual(["a", "b"]);
    expect(splitPipeRow("|  | x |")).toEqual(["", "x"]);
  });

  it("decodes escapes, entities, <br>, bold and finding marks", () => {
    expect(decodeCell("承财建\\[2022\\]105 号")).toBe("承财建[2022]105 号");
    expect(decodeCell("**产出指标**")).toBe("产出指标");
    expect(decodeCell("a \\| b")).toBe("a | b");
    expect(decodeCell("&lt;br&gt; &amp;lt; \\*\\*")).toBe("<br> &lt; **");
    expect(decodeCell("1.甲<br>2.乙")).toBe("1.甲\n2.乙");
    expect(decodeCell("≥90% ⚠〔3,4〕")).toBe("≥90%");
  });
});

describe("chat-style Markdown", () => {
  it("reads a header block given as prose and a table with bold, merged and escaped cells", () => {
    const md = [
      "好的，以下是整理后的绩效目标表：",
      "",
      "**项目名称**：社区养老服务补贴",
      "**预算数（万元）**：120",
      "**绩效目标**：1.为辖区 300 名老人提供上门服务；2.老人满意度达到 90% 以上",
      "",
      "| **一级指标** | **二级指标** | **三级指标** | **指标值** |",
      "| :--- | :--- | :--- | ---: |",
      "| 产出指标 | 数量指标 | 服务老人数 | ≥300人 |",
      "|  |  | 上门服务次数 \\| 月 | ≥4次 |",
      "|  | 时效指标 | 补贴发放时间 | 2024年6月底前 |",
      "| 满意度指标 | 服务对象满意度指标 | 老人满意度 | ≥90% |",
      "",
      "如需调整请告诉我。",
    ].join("\n");
    const doc = importText(md);
    expect(doc.projects).toHaveLength(1);
    const p = doc.projects[0];
    expect(p.name).toBe("社区养老服务补贴");
    expect(p.budget.total).toBe(120);
    expect(p.goals).toEqual(["1.为辖区 300 名老人提供上门服务；", "2.老人满意度达到 90% 以上"]);
    expect(p.indicators.map((i) => [i.level1, i.level2, i.name, i.value])).toEqual([
      ["产出指标", "数量指标", "服务老人数", "≥300人"],
      ["产出指标", "数量指标", "上门服务次数 | 月", "≥4次"],
      ["产出指标", "时效指标", "补贴发放时间", "2024年6月底前"],
      ["满意度指标", "服务对象满意度指标", "老人满意度", "≥90%"],
    ]);
  });

  it("still says 未找到绩效目标表 for Markdown without an indicator table", () => {
    expect(() => importText("| 项目 | 内容 |\n|---|---|\n| 项目名称 | 甲 |\n")).toThrow(/未找到绩效目标表/);
  });
});
