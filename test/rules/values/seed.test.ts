// The value rules on the 126 rows of the real seed document: the seed's faults are found, its good rows pass,
// and one problem of a value is reported once.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DocumentSchema } from "../../../src/domain/schema.js";
import { validate } from "../../../src/rules/engine.js";
import type { Finding } from "../../../src/rules/types.js";
import { docOf } from "./helpers.js";

const seedPath = join(import.meta.dirname, "..", "..", "..", "examples", "chengde-gxq-2023.gold.json");
const seed = DocumentSchema.parse(JSON.parse(readFileSync(seedPath, "utf8")));
const report = validate(seed, { profile: "legacy" });
const seqOf = new Map(seed.projects.map((p) => [p.code, p.seq]));
const at = (f: Finding) => `${f.rule} P${seqOf.get(f.project ?? "")} r${f.indicator}`;
const fired = new Set(report.findings.map(at));

/** Value problems that exclude each other: a value has at most one of these. */
const EXCLUSIVE = [
  "value-placeholder",
  "value-question",
  "value-repeats-name",
  "value-not-measurable",
  "cost-not-money",
  "timeliness-vague",
];

const VALUE_RULES = new Set([
  ...EXCLUSIVE, "value-direction", "value-over-100", "value-unit", "cost-over-budget", "satisfaction-low",
  "basis-not-source", "value-excel-date", "cost-zero", "direction-conflict",
]);

describe("the seed document", () => {
  it("raises the seed faults the catalog names", () => {
    const expected = [
      "value-placeholder P2 r2", // 支付时间 → 文字描述
      "value-placeholder P4 r8", // 服务对象满意度 → %
      "value-repeats-name P4 r6", // 提高数据质量 → 提高数据质量
      "value-repeats-name P4 r3", // 预算控制数 → 预算控制数
      "value-question P1 r2", // 是否按季度更新数据
      "value-not-measurable P5 r1", // 按单位完成
      "value-not-measurable P3 r4", // 为可再生能源做出贡献
      "value-direction P8 r1", // 调查数据审核准确率 ≤96%
      "value-direction P2 r8", // 社会公众满意度 ≤100 百分比
      "value-over-100 P7 r1", // 专款专用率 ≥100%
      "value-unit P10 r3", // 项目总成本 50 万
      "value-unit P14 r1", // 使用率 100 百分号
      "cost-not-money P3 r3", // 调研成果完成率 ≥60 百分比
      "cost-not-money P6 r3", // 资金到位
      "satisfaction-low P3 r8", // 满意率 ≥60 百分比
      "timeliness-vague P12 r2", // 及时兑现
      "basis-not-source P6 r8", // 依据 = 百分比
    ];
    expect(expected.filter((e) => !fired.has(e))).toEqual([]);
  });

  it("raises nothing on the good rows", () => {
    const good = [
      "P14 r3", // 年使用费 5000 元 on a 0.5 万元 budget
      "P1 r8", // 企业满意度 ≥80%
      "P8 r0", // 统计调查户数 ≥192 户
      "P2 r3", // 单个项目支持资金 118 万元 on 118
      "P9 r1", // 委托第三方所需要成本 200万元 on 200
      "P8 r3", // 预算控制数 ≤50 万元
      "P8 r8", // 服务对象满意度 ≥98%
      "P13 r1", // 计划完成率 100%
      "P11 r3", // 编撰机构编制规划 ≥1 个
    ];
    const noisy = report.findings.filter((f) => VALUE_RULES.has(f.rule) && good.some((g) => at(f).endsWith(` ${g}`)));
    expect(noisy.map(at)).toEqual([]);
  });

  it("reports one value problem once, and quotes the value it is about", () => {
    const perRow = new Map<string, string[]>();
    for (const f of report.findings) {
      if (!EXCLUSIVE.includes(f.rule)) continue;
      const key = `${f.project} ${f.indicator}`;
      perRow.set(key, [...(perRow.get(key) ?? []), f.rule]);
    }
    expect([...perRow].filter(([, rules]) => rules.length > 1)).toEqual([]);
    for (const f of report.findings) {
      if (!VALUE_RULES.has(f.rule) || f.field !== "value") continue;
      const project = seed.projects.find((p) => p.code === f.project)!;
      const value = project.indicators[f.indicator!].value.replace(/\s+/g, " ").trim();
      if (value) expect(f.message, at(f)).toContain(value.slice(0, 40));
    }
  });

  it("offers fixes that the value rules themselves accept", () => {
    const fixes = report.findings.filter((f) => VALUE_RULES.has(f.rule) && f.field === "value" && f.fix !== undefined);
    expect(fixes.length).toBeGreaterThan(5);
    for (const f of fixes) {
      const project = seed.projects.find((p) => p.code === f.project)!;
      const row = { ...project.indicators[f.indicator!], value: f.fix! };
      const again = validate(docOf([{ ...row, level2: row.level2 }], project.budget.total ?? 100), { profile: "legacy" });
      expect(again.findings.filter((g) => g.rule === f.rule).map((g) => g.message), `${at(f)} → ${f.fix}`).toEqual([]);
    }
  });
});

describe("precedence on arbitrary values", () => {
  const level2s = ["数量指标", "质量指标", "时效指标", "成本指标", "社会效益指标", "服务对象满意度指标"];
  const parts = ["是否", "按时", "完成", "文字描述", "%", "≥", "≤", "100", "60", "万", "元", "百分比", "满意度", "资金到位", "提高数据质量", " ", "率", "44561"];
  const value = fc.array(fc.constantFrom(...parts), { minLength: 1, maxLength: 4 }).map((p) => p.join(""));
  const name = fc.constantFrom("提高数据质量", "服务对象满意度", "项目总成本", "按期完成率", "数据差错率", "资金到位");

  it("never reports two of the exclusive value problems on one row", () => {
    fc.assert(
      fc.property(fc.constantFrom(...level2s), name, value, (level2, n, v) => {
        const found = validate(docOf([{ level2, name: n, value: v }]), { profile: "legacy" }).findings;
        const exclusive = found.filter((f) => EXCLUSIVE.includes(f.rule));
        expect(exclusive.length, `${level2} ${n} ${v}: ${exclusive.map((f) => f.rule)}`).toBeLessThanOrEqual(1);
        const spelling = found.some((f) => f.rule === "value-unit" && f.message.includes("不规范"));
        const rewritten = found.some((f) => f.rule === "value-direction" || f.rule === "value-over-100");
        expect(spelling && rewritten, `${n} ${v}`).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
