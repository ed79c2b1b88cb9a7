import { describe, expect, it } from "vitest";
import { InputError } from "../../src/domain/errors.js";
import { PROFILES } from "../../src/domain/taxonomy.js";
import { draftFromProse, draftOffline, draftProject, suggestIndicators } from "../../src/draft/index.js";
import { detectKind, isKindOf } from "../../src/draft/library/index.js";
import { validate, validateProject } from "../../src/rules/engine.js";
import { allCases } from "../../evals/cases.js";
import { groundNumbers, measureDraft } from "../../evals/metrics.js";

const cases = allCases();

describe("offline drafter on every eval case", () => {
  it("has the seed projects and at least 15 written cases", () => {
    expect(cases.filter((c) => c.source === "seed").length).toBe(14);
    expect(cases.filter((c) => c.source === "written").length).toBeGreaterThanOrEqual(15);
  });

  for (const profile of ["legacy", "mof2021"] as const) {
    describe(profile, () => {
      it.each(cases.map((c) => [c.id, c] as const))("%s: zero errors, mandatory 二级, no duplicates, every number grounded", async (_id, c) => {
        const input = { ...c.input, profile };
        const result = await draftProject(input);
        const m = measureDraft(input, result);
        expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
        expect(m.missingLevel2).toEqual([]);
        expect(m.duplicates).toBe(0);
        expect(m.ungrounded).toEqual([]);
        // The required 二级 are the profile's, under the profile's 一级 labels.
        for (const ind of result.project.indicators) expect(PROFILES[profile].level1).toContain(ind.level1);
      });
    });
  }

  it("writes expected values stated in the written cases", async () => {
    for (const c of cases.filter((x) => x.expect?.values)) {
      const result = await draftProject(c.input);
      const values = result.project.indicators.map((i) => i.value);
      for (const v of c.expect!.values!) expect(values, c.id).toContain(v);
    }
  });

  it("detects the expected kind (or a specialisation of it) of every written case", () => {
    for (const c of cases.filter((x) => x.expect?.kind)) {
      const kind = detectKind(c.input.name, c.input.summary);
      expect(isKindOf(kind, c.expect!.kind!), `${c.id}: ${kind.id}`).toBe(true);
    }
  });
});

describe("numbers from the summary", () => {
  it("turns 计划推广使用洁净型煤代燃煤户数约 2600 户 into a 数量 value ≥2600户, not a default", () => {
    const { project } = draftOffline({ name: "清洁取暖工作经费", summary: "计划推广使用洁净型煤代燃煤户数约 2600 户，确保群众温暖过冬。", budget: 500 });
    const row = project.indicators.find((i) => i.value === "≥2600户");
    expect(row?.level2).toBe("数量指标");
    expect(row?.needsConfirmation).toBeUndefined();
  });

  it("uses a stated deadline, percentage and head count, and never a unit cost computed from the budget", () => {
    const { project } = draftOffline({
      name: "业务培训",
      summary: "举办业务培训4期，培训200人次，2024年6月底前完成，参训人员满意度达到95%。",
      budget: 2,
    });
    const values = Object.fromEntries(project.indicators.map((i) => [i.name, i.value]));
    expect(values["培训次数"]).toBe("≥4期");
    expect(values["参训人数"]).toBe("≥200人次");
    expect(values["培训完成时间"]).toBe("2024年6月底前");
    expect(values["参训人员满意度"]).toBe("≥95%");
    expect(values["人均培训成本"]).toBeUndefined();
    expect(project.indicators.find((i) => i.name === "参训人员满意度")?.needsConfirmation).toBeUndefined();
  });

  it("marks library defaults with a Chinese question", () => {
    const r = draftOffline({ name: "业务培训", summary: "提升基层人员业务能力。", budget: 2 });
    const defaults = r.project.indicators.filter((i) => i.needsConfirmation);
    expect(defaults.map((i) => i.name)).toEqual(expect.arrayContaining(["培训次数", "参训人员满意度"]));
    for (const d of defaults) expect(d.needsConfirmation).toMatch(/[？?]|是否/);
  });

  it("writes a cost below 1 万元 in 元 and never above the budget", () => {
    const { project } = draftOffline({ name: "视频会议系统维护", summary: "对视频会议系统进行日常维护。", budget: 0.5 });
    const cost = project.indicators.find((i) => i.level2 === "成本指标");
    expect(cost?.value).toBe("≤5000元");
    expect(validateProject(project, { profile: "legacy" }).findings.filter((f) => f.rule === "cost-over-budget")).toEqual([]);
  });

  it("takes the budget from the summary when none is given, and asks when there is none at all", () => {
    expect(draftOffline({ name: "培训", summary: "培训社区工作者，经费共计3.5万元。" }).project.budget.total).toBe(3.5);
    const none = draftOffline({ name: "培训", summary: "培训社区工作者。" }).project;
    expect(none.budget.total).toBeNull();
    expect(none.indicators.find((i) => i.level2 === "成本指标")?.needsConfirmation).toMatch(/预算/);
  });
});

describe("goals and spending plan", () => {
  it("writes goals from the summary, never template text", () => {
    const { project } = draftOffline({ name: "农村道路硬化工程", summary: "对5个行政村的村内道路进行硬化，硬化道路长度约12公里。", budget: 360 });
    expect(project.goals.length).toBeGreaterThanOrEqual(2);
    expect(project.goals.join("")).not.toMatch(/目标内容/);
    expect(project.goals[0]).toContain("村内道路进行硬化");
    expect(project.goals[1]).toContain("≥12公里");
  });

  it("plans cumulative spending ending at 100, by the given months", () => {
    const base = { name: "培训", summary: "培训人员。", budget: 1 };
    expect(draftOffline(base).project.spendingPlan).toEqual({ mar: 25, jun: 50, oct: 75, dec: 100 });
    const plan = draftOffline({ ...base, spendingMonths: [6, 12] }).project.spendingPlan;
    expect(plan).toEqual({ mar: 0, jun: 50, oct: 50, dec: 100 });
  });
});

describe("input errors", () => {
  it.each([
    [{ name: "", summary: "x" }, /项目名称/],
    [{ name: "培训", summary: "  " }, /项目概况/],
    [{ name: "培训", summary: "培训", budget: -1 }, /预算数/],
    [{ name: "培训", summary: "培训", spendingMonths: [13] }, /支出月份/],
  ])("%j → InputError", async (input, message) => {
    await expect(draftProject(input)).rejects.toThrow(InputError);
    await expect(draftProject(input)).rejects.toThrow(message);
  });
});

describe("suggestIndicators", () => {
  it("ranks the detected kind first and filters by 二级", () => {
    const all = suggestIndicators({ summary: "组织基层统计人员业务培训4期" });
    expect(all[0].kind).toBe("培训");
    const quality = suggestIndicators({ summary: "组织业务培训", level2: "质量指标" });
    expect(quality.length).toBeGreaterThan(0);
    expect(quality.every((s) => s.level2 === "质量指标")).toBe(true);
    expect(quality[0].name).toBe("参训人员考核合格率");
  });

  it("honours the kind and the profile's labels", () => {
    const s = suggestIndicators({ summary: "", kind: "设备购置", level2: "成本指标", profile: "mof2021" });
    expect(s.map((x) => x.kind)).toEqual(["设备购置"]);
    expect(s[0]).toMatchObject({ level1: "成本指标", level2: "经济成本指标" });
  });

  it("rejects an unknown kind or 二级 with a Chinese message", () => {
    expect(() => suggestIndicators({ summary: "x", kind: "火箭发射" })).toThrow(/未知的项目类型“火箭发射”/);
    expect(() => suggestIndicators({ summary: "x", level2: "好坏指标" })).toThrow(/未知的二级指标/);
  });
});

describe("draftFromProse", () => {
  it("drafts a one-project document from a text with no table", () => {
    const doc = draftFromProse("河道垃圾清理整治\n对辖区内3条河道开展垃圾清理，清理河道长度18公里，预算55万元。", { file: "memo.txt" });
    expect(doc.projects).toHaveLength(1);
    expect(doc.projects[0].name).toBe("河道垃圾清理整治");
    expect(doc.projects[0].budget.total).toBe(55);
    expect(doc.importWarnings?.[0].message).toMatch(/memo\.txt：文本中没有绩效目标表/);
    expect(validate(doc).summary.error).toBe(0);
    expect(groundNumbers({ name: doc.projects[0].name, summary: doc.projects[0].summary }, doc.projects[0]).every((n) => n.source)).toBe(true);
  });

  it("rejects an empty text", () => {
    expect(() => draftFromProse("  \n", { file: "a.txt" })).toThrow(/a\.txt：文本为空/);
  });
});
