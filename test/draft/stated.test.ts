// Every quantity a description states is read with its type, placed in the row it belongs in, for the
// budget year the description (or the clock) gives.
import { describe, expect, it } from "vitest";
import { draftOffline, draftProject, suggestIndicators } from "../../src/draft/index.js";
import { budgetYear } from "../../src/draft/offline.js";
import { roleOfFact } from "../../src/draft/placement.js";
import { digitsForWords, extractStatedFacts } from "../../src/draft/stated.js";
import { chineseNumeralValue } from "../../src/domain/numbers.js";

const types = (text: string, budget?: number) => extractStatedFacts(text, budget).map((f) => `${f.type}:${f.text}${f.multiplier}${f.unit}`);
const byName = (input: Parameters<typeof draftOffline>[0]) => Object.fromEntries(draftOffline(input).project.indicators.map((i) => [i.name, i]));

describe("facts", () => {
  it("reads numbers written in words before a measure word, and leaves words like 一体化 alone", () => {
    expect(chineseNumeralValue("三十")).toBe(30);
    expect(chineseNumeralValue("二百零五")).toBe(205);
    expect(chineseNumeralValue("一万二千")).toBe(12000);
    expect(digitsForWords("新建食用菌大棚三十座，举办轮训班六期，每期五天，一体化平台，第一批")).toBe("新建食用菌大棚30座，举办轮训班6期，每期5天，一体化平台，第一批");
  });

  it("types unit standards, money splits, output value, income, beneficiaries and jobs", () => {
    const text = "资金50万元，其中种植补助30万元、管护费20万元。按照1760株/栋的标准种植葡萄17600株，每株补助28.40元。项目实施后增加产值80万元，带动120名脱贫人口务工，受益脱贫户10户，户均年增收3000元。";
    expect(types(text, 50)).toEqual([
      "budget:50万元", "money-split:30万元", "money-split:20万元", "unit-standard:1760株/栋", "count:17600株", "unit-standard:28.40元/株",
      "output-value:80万元", "jobs:120名", "beneficiaries:10户", "income:3000元",
    ]);
  });

  it("types deadlines, periods and durations, and skips years and month names", () => {
    const facts = extractStatedFacts("2025年4月开工，工期150天，项目期2025年3月至2025年11月，服务期12个月，9月30日前完工，80周岁以上老人。");
    expect(facts.map((f) => f.type)).toEqual(["duration", "period", "duration", "deadline"]);
    expect(facts[1]).toMatchObject({ year: 2025, month: 3, toYear: 2025, toMonth: 11 });
    expect(facts[3]).toMatchObject({ month: 9, day: 30 });
  });

  it("routes each type to its 二级 role", () => {
    const facts = extractStatedFacts("新修道路18公里，每亩补助300元，工期90天，种植成活率达到85%，受益农户200户，年产值300万元，空气质量优良天数比例达到80%。");
    expect(facts.map((f) => roleOfFact(f))).toEqual(["数量", "成本", "时效", "质量", "社会效益", "经济效益", "生态效益"]);
  });
});

describe("placement", () => {
  it("puts every stated fact in one row, with the standard as stated (not budget ÷ heads)", () => {
    const rows = byName({
      name: "设施农业葡萄种植项目",
      summary: "在10栋温棚中种植葡萄17600株，每株补助28.40元。项目实施后增加特色产业产值80万元，受益脱贫户10户。",
      budget: 50,
      today: new Date(2026, 2, 1),
    });
    const values = Object.values(rows).map((i) => `${i.level2}|${i.value}`);
    expect(values).toEqual(expect.arrayContaining([
      "数量指标|≥17600株", "成本指标|=28.40元/株", "经济效益指标|≥80万元", "社会效益指标|≥10户", "成本指标|≤50万元",
    ]));
    expect(values.some((v) => /元\/户|元\/人/.test(v))).toBe(false);
  });

  it("never drafts a rate as the 数量 row: with no count stated, the row asks for the count", () => {
    const { project } = draftOffline({ name: "城区流浪犬收容管理", summary: "收容城区流浪犬只，做好犬只登记、检疫和无害化处理。", budget: 18 });
    const counts = project.indicators.filter((i) => i.level2 === "数量指标");
    expect(counts.length).toBeGreaterThan(0);
    for (const row of counts) {
      expect(row.value).not.toMatch(/%$/);
      expect(row.needsConfirmation).toMatch(/工作量|多少/);
    }
  });

  it("writes no 效益 row as a bare grade word", () => {
    for (const [name, summary] of [["业务培训", "举办业务培训4期。"], ["政务平台运维", "对政务平台提供运维服务。"], ["地名标志设置", "新增地名标志牌。"]]) {
      const effects = draftOffline({ name, summary, budget: 10 }).project.indicators.filter((i) => i.level1 === "效益指标");
      expect(effects.length, name).toBeGreaterThan(0);
      for (const e of effects) expect(e.value, `${name}/${e.name}`).toMatch(/\d/);
    }
  });
});

describe("budget year", () => {
  const input = { name: "业务培训", summary: "举办业务培训4期，培训200人次。" };
  it("takes the given year, then the year or 明年 the text states, then the clock (next year from September)", () => {
    expect(budgetYear({ ...input, year: 2031, today: new Date(2026, 10, 1) })).toEqual({ value: 2031, source: "option" });
    expect(budgetYear({ ...input, summary: "2025年举办培训4期。", today: new Date(2026, 10, 1) })).toEqual({ value: 2025, source: "text" });
    expect(budgetYear({ ...input, summary: "明年举办培训4期。", today: new Date(2026, 3, 1) })).toEqual({ value: 2027, source: "text" });
    expect(budgetYear({ ...input, today: new Date(2026, 8, 1) })).toEqual({ value: 2027, source: "clock" });
    expect(budgetYear({ ...input, today: new Date(2026, 7, 31) })).toEqual({ value: 2026, source: "clock" });
  });

  it("dates the deadline in that year and asks when the year was guessed", async () => {
    const guessed = await draftProject({ ...input, budget: 2, today: new Date(2026, 9, 15) });
    const deadline = guessed.project.indicators.find((i) => i.level2 === "时效指标")!;
    expect(deadline.value).toBe("2027年12月底前");
    expect(deadline.needsConfirmation).toMatch(/2027/);
    expect(guessed.year).toEqual({ value: 2027, source: "clock" });
    const given = await draftProject({ ...input, budget: 2, year: 2028, today: new Date(2026, 9, 15) });
    const fixed = given.project.indicators.find((i) => i.level2 === "时效指标")!;
    expect(fixed.value).toBe("2028年12月底前");
    expect(fixed.needsConfirmation).toBeUndefined();
  });
});

describe("kinds", () => {
  it.each([
    ["农村太阳能路灯安装补贴项目", "在14个村主干道安装太阳能路灯620盏，每盏补贴1500元。", "installation"],
    ["雾炮车抑尘降尘服务", "采购10台雾炮车抑尘降尘服务，服务期180天。", "airdust"],
    ["行政中心物业管理服务", "提供保洁、安保和设施设备维护，服务面积4.6万平方米。", "property"],
    ["送戏下乡惠民演出", "全年组织送戏下乡演出200场。", "culture"],
    ["灌区渠道防渗改造工程", "改造渠道长度23.5公里，新建节制闸12座。", "water"],
    ["高标准农田建设项目", "新建高标准农田1.2万亩。", "agriculture"],
  ])("%s is drafted by what it does (%s), and suggest_indicators agrees", async (name, summary, kind) => {
    const r = await draftProject({ name, summary, budget: 100 });
    expect(r.kind.id).toBe(kind);
    expect(suggestIndicators({ name, summary })[0].kind).toBe(r.kind.label);
  });
});
