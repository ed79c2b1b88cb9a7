import { describe, expect, it } from "vitest";
import { parseModelDraft, toProject } from "../../src/draft/model.js";
import { systemPrompt, repairPrompt } from "../../src/draft/prompts.js";
import { bigrams, segment } from "../../src/draft/segment.js";
import { cleanDraft, INPUT } from "./drafts.js";

describe("parseModelDraft", () => {
  it("accepts a fenced JSON answer and rejects a wrong shape with the path", () => {
    const ok = parseModelDraft("好的：\n```json\n" + JSON.stringify(cleanDraft()) + "\n```");
    expect(ok.ok).toBe(true);
    const bad = parseModelDraft(JSON.stringify({ goals: ["1.x"], indicators: [{ level1: "产出指标" }] }));
    expect(bad).toMatchObject({ ok: false });
    expect(!bad.ok && bad.error).toMatch(/indicators\.0\.level2/);
  });
});

describe("toProject", () => {
  it("keeps name, summary and budget from the input whatever the model says, and drops null confirmations", () => {
    const draft = cleanDraft();
    const p = toProject({ ...INPUT, budget: 2 }, draft, "legacy");
    expect(p).toMatchObject({ name: INPUT.name, summary: INPUT.summary, budget: { total: 2 }, profile: "legacy" });
    expect(p.indicators.filter((i) => "needsConfirmation" in i).every((i) => typeof i.needsConfirmation === "string")).toBe(true);
  });
});

describe("prompts", () => {
  it("put the profile's mandatory 二级 and every rule id in the system prompt", () => {
    const s = systemPrompt("mof2021", 2031);
    expect(s).toContain("经济成本指标");
    // Dates in the instructions use the budget year, not a fixed year.
    expect(s).toContain("2031年12月底前");
    expect(s).not.toMatch(/202[34]年/);
    expect(s).toContain("basis-not-source");
    expect(s).not.toContain("&lt;"); // plain text, not HTML-escaped
  });

  it("quote findings verbatim with 1-based rows in the repair prompt", () => {
    const text = repairPrompt({
      input: INPUT,
      kind: "培训",
      suggestions: [],
      year: 2027,
      yearGuessed: false,
      facts: [],
      previous: "{}",
      findings: [{ rule: "value-direction", severity: "error", project: "#1", indicator: 4, field: "value", message: "指标值“≤100%”方向相反", hint: "改为“≥90%”", fix: "≥90%" }],
    });
    expect(text).toContain("- [error] value-direction 第 5 行（value）：指标值“≤100%”方向相反 改为“≥90%” 建议改为：≥90%");
  });
});

describe("segmentation", () => {
  it("falls back to character bigrams", () => {
    expect(bigrams("业务培训，2期")).toEqual(["业务", "务培", "培训", "2"]);
  });

  it("segments into words of two or more characters", () => {
    const words = segment("基层统计人员业务培训");
    expect(words.length).toBeGreaterThan(0);
    expect(words.every((w) => w.length >= 2)).toBe(true);
    expect(words.join("")).toContain("培训");
  });
});
