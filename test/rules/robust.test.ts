// Property: random garbage in every cell of a large document (many projects) never crashes validate, and every
// finding is well formed — a known rule, a valid severity, a project/row that exists, a known field, Chinese text,
// reading order, counts that add up.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DocumentSchema, isEmptyRow, projectRef, type JixiaoDocument } from "../../src/domain/schema.js";
import { validate, validateProject } from "../../src/rules/engine.js";
import { RULES } from "../../src/rules/registry.js";
import type { Report } from "../../src/rules/types.js";

const FIELDS = new Set([
  "value", "name", "basis", "level1", "level2", "goals", "budget", "spendingPlan", "code",
  "narrativeIndicators", "toc", "weight", "direction",
]);
const RULE_IDS = new Set(RULES.map((r) => r.id));

/** Fragments real tables are made of, so random cells often look almost right. */
const TOKENS = [
  "", " ", "无", "产出指标", "效益指标", "效果指标", "满意度指标", "成本指标", "数量指标", "质量指标", "时效指标",
  "成本", "经济效益指标", "社会效益", "生态效益指标", "可持续影响指标", "服务对象满意度指标", "经济成本指标",
  "≥", "≤", "＞", "<", "=", "100", "44561", "0", "-3", "1.1万", "%", "百分比", "百分号", "元", "万元", "户", "次",
  "个", "元/人", "2023年12月底前", "文字描述", "XX", "**", "是否", "满意度", "合格率", "差错率", "确保型煤质量",
  "目标内容 1", "共设置", "项", "产出指标4项", "效果指标", "十二", "两", "错误！未定义书签。", "绩效目标表",
  "13081123P00004610002X", "P", "（%）", "\t", "\n", "…", "𠀀", "\u0000", "\ud800", "<script>", "=SUM(A1)",
];

const token = fc.constantFrom(...TOKENS);
const garbage = fc.string({ unit: "binary", maxLength: 24 });
const cell = fc.oneof(
  { weight: 3, arbitrary: token },
  { weight: 2, arbitrary: garbage },
  { weight: 3, arbitrary: fc.array(fc.oneof(token, garbage), { maxLength: 4 }).map((parts) => parts.join("")) },
);
const amount = fc.oneof(
  fc.constant(null),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
  fc.integer({ min: -5, max: 3000 }),
);

const indicator = fc.record(
  {
    level1: cell,
    level2: cell,
    name: cell,
    description: cell,
    value: cell,
    basis: cell,
    direction: fc.constantFrom("正向" as const, "反向" as const),
    weight: fc.oneof(fc.integer({ min: -10, max: 120 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 })),
  },
  { requiredKeys: ["level1", "level2", "name", "value"] },
);

const project = fc.record({
  code: fc.oneof(cell, fc.constantFrom("13081123P00004610002X", "13081123P000038100022", "")),
  name: cell,
  tableTitle: cell,
  narrativeGoals: fc.array(cell, { maxLength: 3 }),
  narrativeIndicators: fc.oneof(cell, fc.nat(20).map((n) => `此项工作活动共设置${n}项绩效指标。其中：产出指标${n % 7}项，效益指标两项`)),
  declaredCounts: fc.option(fc.record({ total: amount, output: amount, effect: amount, satisfaction: amount }), { nil: undefined }),
  budget: fc.record({ total: amount, fiscal: amount, other: amount }),
  spendingPlan: fc.record({ mar: amount, jun: amount, oct: amount, dec: amount }),
  goals: fc.array(cell, { maxLength: 3 }),
  indicators: fc.array(indicator, { maxLength: 25 }),
});

const documentArb = fc
  .record({
    profile: fc.option(fc.constantFrom("legacy" as const, "mof2021" as const), { nil: undefined }),
    toc: fc.array(fc.record({ no: fc.nat(99), title: cell, page: cell }), { maxLength: 6 }),
    projects: fc.array(project, { minLength: 1, maxLength: 60 }),
  })
  .map((d): JixiaoDocument =>
    DocumentSchema.parse({
      ...d,
      projects: d.projects.map((p, i) => ({ ...p, seq: i + 1 })),
    }),
  );

function assertWellFormed(document: JixiaoDocument, report: Report): void {
  const order = new Map<string, number>();
  document.projects.forEach((p, i) => {
    if (!order.has(projectRef(p))) order.set(projectRef(p), i);
  });
  let last = [-1, -1];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) {
    expect(RULE_IDS.has(f.rule), f.rule).toBe(true);
    expect(["error", "warning", "info"]).toContain(f.severity);
    counts[f.severity]++;
    expect(typeof f.message === "string" && f.message.length > 0, `${f.rule}: message`).toBe(true);
    expect(f.message, `${f.rule}: Chinese message`).toMatch(/[\u4e00-\u9fff]/);
    expect(typeof f.hint === "string" && f.hint.length > 0, `${f.rule}: hint`).toBe(true);
    expect(f.fix === undefined || typeof f.fix === "string", `${f.rule}: fix`).toBe(true);
    expect(f.field === null || FIELDS.has(f.field), `${f.rule}: field ${f.field}`).toBe(true);
    if (f.project === null) {
      expect(f.indicator, `${f.rule}: a document-level finding names no row`).toBeNull();
    } else {
      expect(order.has(f.project), `${f.rule}: project ${f.project}`).toBe(true);
    }
    if (f.indicator !== null) {
      const rows = document.projects.filter((p) => projectRef(p) === f.project).map((p) => p.indicators);
      expect(Number.isInteger(f.indicator) && f.indicator >= 0, `${f.rule}: row ${f.indicator}`).toBe(true);
      expect(rows.some((r) => f.indicator! < r.length), `${f.rule}: row ${f.indicator} exists`).toBe(true);
      // A 无 row raises only empty-row.
      if (f.rule !== "empty-row" && rows.length === 1) expect(isEmptyRow(rows[0][f.indicator]), f.rule).toBe(false);
    }
    // Reading order is only well defined when no two projects share a code (code-duplicate's case).
    if (order.size !== document.projects.length) continue;
    const place = [f.project === null ? -1 : order.get(f.project)!, f.indicator ?? -1];
    if (place[0] === last[0]) expect(place[1], "rows in order within a project").toBeGreaterThanOrEqual(last[1]);
    else expect(place[0], "projects in document order").toBeGreaterThan(last[0]);
    last = place;
  }
  expect(report.summary).toEqual(counts);
}

describe("validate on random garbage", () => {
  it("never throws and always yields well-formed findings in reading order", () => {
    fc.assert(
      fc.property(documentArb, (document) => {
        const report = validate(document);
        expect(["legacy", "mof2021"]).toContain(report.profile);
        assertWellFormed(document, report);
      }),
      { numRuns: 40 },
    );
  });

  it("validates any single project on its own the same way", () => {
    fc.assert(
      fc.property(documentArb, (document) => {
        const project = document.projects[0];
        assertWellFormed({ ...document, toc: [], projects: [project] }, validateProject(project));
      }),
      { numRuns: 60 },
    );
  });
});
