// Regressions from the QA pass on inputs outside the first twelve kinds: kind detection with a neutral
// fallback, clean names for stated counts, per-head standards, and suggestions ranked by kind and text.
import { describe, expect, it } from "vitest";
import { draftFromProse, draftOffline, draftProject, suggestIndicators } from "../../src/draft/index.js";
import { extractFacts } from "../../src/draft/facts.js";
import { detectKind, FALLBACK_KIND_ID, KINDS } from "../../src/draft/library/index.js";

const NUTRITION = "中小学生营养改善计划，为全县农村义务教育学校32所、1.2万名学生提供每生每天5元营养膳食补助";

function rows(name: string, summary: string, budget?: number) {
  const { project, kind } = draftOffline({ name, summary, budget });
  return { kind, byName: Object.fromEntries(project.indicators.map((i) => [i.name, i])), indicators: project.indicators };
}

describe("kind detection (QA 1, 3)", () => {
  it("drafts school meals as a 民生补助 to students, not an enterprise subsidy", () => {
    for (const name of ["中小学生营养改善计划", "营养改善计划", NUTRITION.slice(0, 12)]) {
      const { kind, indicators } = rows(name, NUTRITION, 1200);
      expect(kind.id, name).toBe("welfare");
      const names = indicators.map((i) => i.name).join("、");
      expect(names).not.toMatch(/企业|参训/);
      expect(names).toContain("受益学生满意度");
    }
  });

  it("drafts 农村环境卫生/垃圾清运 as 环境卫生, with no 清洁取暖 or air-quality rows", () => {
    const { kind, indicators } = rows("农村环境卫生整治", "农村环境卫生/垃圾清运", 80);
    expect(kind.id).toBe("sanitation");
    const names = indicators.map((i) => i.name);
    expect(names).not.toContain("清洁能源利用水平");
    expect(names).not.toContain("区域空气质量");
    expect(names).toEqual(expect.arrayContaining(["垃圾清运及时率", "受益群众满意度"]));
  });

  it("keeps air and energy rows of 环保 projects to texts that speak of them", () => {
    const river = rows("河道垃圾清理整治", "对辖区内3条河道开展垃圾清理和岸线整治，清理河道长度18公里。", 55).indicators.map((i) => i.name);
    // 效益 is measurable: a water-quality share asked back, not a grade word.
    expect(river).toContain("水质达标率");
    expect(river).not.toContain("区域空气质量");
    expect(river).not.toContain("清洁能源利用水平");
  });

  it("falls back to the neutral 通用项目 kind when no kind scores clearly", () => {
    const { kind, indicators } = rows("城区流浪犬收容管理", "收容城区流浪犬只，做好犬只登记、检疫和无害化处理。", 18);
    expect(kind.id).toBe(FALLBACK_KIND_ID);
    expect(indicators.map((i) => i.name)).toEqual(expect.arrayContaining(["完成工作量", "资金支付及时率", "项目验收合格率", "服务对象满意度"]));
    // One stray cue in the summary is not enough to claim a kind.
    expect(detectKind("地名标志设置", "新增地名标志牌，方便群众出行，加强宣传。").id).toBe(FALLBACK_KIND_ID);
  });

  it("has a 学校改造 kind that specialises 工程建设", () => {
    const { kind, byName } = rows("农村义务教育薄弱学校改造", "对全县8所农村义务教育学校校舍进行维修改造，改造校舍面积6500平方米。", 780);
    expect(kind.id).toBe("school");
    expect(kind.parent).toBe("construction");
    expect(byName["改造学校数量"].value).toBe("≥8所");
    expect(byName["校舍维修改造质量合格率"].value).toBe("=100%");
  });

  it("names 满意度 and head counts after the beneficiaries the text names", () => {
    expect(rows("耕地地力保护补贴", "向种粮农户发放补贴，惠及农户2860户。", 300).byName["受益农户数"]?.value).toBe("≥2860户");
    expect(rows("高龄津贴发放", "为高龄老人3600人发放高龄津贴。", 400).byName["受益老年人满意度"]).toBeDefined();
    expect(rows("农村道路硬化", "硬化村内道路12公里，方便村民出行。", 300).byName["受益群众满意度"]).toBeDefined();
  });

  it("every kind covers the mandatory 二级 of both profiles with zero errors", async () => {
    for (const kind of KINDS) {
      // The kind's own leading cue as the name (a bare name for the cue-less fallback).
      const input = { name: kind.cues.length ? kind.cues.slice(0, 3).join("") : "某项工作", summary: "按计划实施。", budget: 10 };
      expect(detectKind(input.name, input.summary).id).toBe(kind.id);
      for (const profile of ["legacy", "mof2021"] as const) {
        const r = await draftProject({ ...input, profile });
        expect(r.findings.filter((f) => f.severity === "error"), `${kind.id}`).toEqual([]);
        const level2 = new Set(r.project.indicators.map((i) => i.level2));
        expect(level2.size, kind.id).toBeGreaterThanOrEqual(6);
      }
    }
  });
});

describe("stated counts become short, clean names (QA 2)", () => {
  it("names the school-meals counts from the noun before the number, and the standard per head", () => {
    const { byName, indicators } = rows("中小学生营养改善计划", NUTRITION, 1200);
    expect(byName["覆盖农村义务教育学校数量"]?.value).toBe("≥32所");
    expect(byName["受益学生人数"]?.value).toBe("≥1.2万人");
    expect(byName["补助标准"]?.value).toBe("=5元/人·天");
    for (const i of indicators) {
      expect(i.name.length, i.name).toBeLessThanOrEqual(18);
      expect(i.name).not.toMatch(/[，,、。]|提供|每生|改善计划/);
    }
  });

  it("does not invent a name when the words around a number form no clean noun", () => {
    const { indicators } = rows("专项", "按照上级要求和本地实际情况统筹安排推进落实各项工作共计7个，确保完成。", 10);
    for (const i of indicators.filter((x) => x.value.includes("7个"))) expect(i.name.length).toBeLessThanOrEqual(12);
  });

  it("reads a per-head standard as a rate, never as the budget", () => {
    const facts = extractFacts("每生每天5元营养膳食补助；每人每月补助300元；补贴标准120元/亩；共计20万元");
    expect(facts.rates.map((r) => `${r.text}${r.unit}`)).toEqual(["5元/人·天", "300元/人·月", "120元/亩"]);
    expect(facts.money).toEqual([20]);
    const noBudget = draftOffline({ name: "营养改善计划", summary: NUTRITION }).project;
    expect(noBudget.budget.total).toBeNull();
  });
});

describe("prose with no title line", () => {
  it("names the project by the clause's subject, not a clipped clause", () => {
    const doc = draftFromProse("中小学生营养改善计划为全县农村义务教育学校32所、1.2万名学生提供每生每天5元营养膳食补助，预算1200万元。");
    expect(doc.projects[0].name).toBe("中小学生营养改善计划");
    expect(doc.importWarnings?.[0].message).toContain("民生补助/补贴发放类");
    const names = doc.projects[0].indicators.map((i) => i.name);
    expect(names).toEqual(expect.arrayContaining(["受益学生人数", "覆盖农村义务教育学校数量", "补助标准"]));
  });
});

describe("suggestIndicators ranks by the detected kind and text relevance (QA 4)", () => {
  it("suggests 民生补助 rows for 营养餐, and no enterprise or training rows", () => {
    const s = suggestIndicators({ summary: "营养餐" });
    expect(s.length).toBeGreaterThan(0);
    expect(s[0].kind).toBe("民生补助/补贴发放");
    expect(s.map((x) => x.kind)).not.toContain("奖补/扶持资金");
    expect(s.map((x) => x.kind)).not.toContain("培训");
  });

  it("puts the detected kind first and the neutral kind before unrelated ones", () => {
    const s = suggestIndicators({ summary: "农村垃圾清运和环境卫生整治", limit: 50 });
    expect(s[0].kind).toBe("农村环境整治/环境卫生");
    const kinds = s.map((x) => x.kind);
    expect(kinds).not.toContain("培训");
    expect(kinds).not.toContain("设备购置");
  });

  it("uses the neutral kind when nothing matches", () => {
    const s = suggestIndicators({ summary: "流浪犬收容" });
    expect(s[0].kind).toBe("通用项目");
  });
});
