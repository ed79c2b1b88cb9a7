// The rule engine: row contexts, config application, profile choice, ordering, the registry, and the seed as judged
// by the structure/document rules.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/domain/errors.js";
import { DocumentSchema, ProjectSchema, type JixiaoDocument } from "../../src/domain/schema.js";
import { parseValue } from "../../src/domain/value.js";
import { validate, validateProject, validateWith } from "../../src/rules/engine.js";
import { RULES } from "../../src/rules/registry.js";
import type { DocumentRule, ProjectContext, ProjectRule, Rule } from "../../src/rules/types.js";

function doc(projects: unknown[], extra: Record<string, unknown> = {}): JixiaoDocument {
  return DocumentSchema.parse({ projects, ...extra });
}

const row = (level1: string, level2: string, name: string, value: string) => ({ level1, level2, name, value });

/** Two projects, the second without a code; row 1 of the first is a 无 row. */
const sample = doc([
  {
    seq: 1,
    code: "13081123P00003910002P",
    name: "基层统计人员业务培训",
    indicators: [
      row("产出指标", "数量指标", "培训次数", "4 次"),
      row("效果指标", "生态效益", "无", "无"),
      row("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%"),
    ],
  },
  { seq: 2, code: "", name: "统计宣传专项", indicators: [row("产出指标", "数量指标", "发放宣传资料份数", "≥5000份")] },
]);

/** A project rule that hits every row (and once for the project), with a recorded context. */
function everyRow(id: string, seen: ProjectContext[] = []): ProjectRule {
  return {
    id,
    severity: "warning",
    scope: "project",
    description: "测试",
    docs: "",
    check(ctx) {
      seen.push(ctx);
      return [
        { indicator: null, field: "goals", message: `${id} 项目`, hint: "h" },
        ...ctx.rows.map((r) => ({ indicator: r.index, field: "value", message: `${id} 行${r.index}`, hint: "h" })),
      ];
    },
  };
}

const docRule = (id: string, project: string | null): DocumentRule => ({
  id,
  severity: "error",
  scope: "document",
  description: "测试",
  docs: "",
  check: () => [{ project, field: "toc", message: `${id} 文档`, hint: "h" }],
});

describe("row contexts", () => {
  it("gives rules canonical labels, the 无 flag and the value parsed with its 二级", () => {
    const seen: ProjectContext[] = [];
    validateWith([everyRow("probe", seen)], sample);
    const rows = seen[0].rows;
    expect(rows.map((r) => [r.level1, r.level2, r.empty])).toEqual([
      ["产出指标", "数量指标", false],
      ["效益指标", "生态效益指标", true],
      ["满意度指标", "服务对象满意度指标", false],
    ]);
    expect(rows[2].parsed).toEqual(parseValue("≥90%", { level2: "服务对象满意度指标" }));
    expect(rows.map((r) => r.index)).toEqual([0, 1, 2]);
  });

  it("passes the 二级 to the value grammar (an Excel serial in a 时效 row)", () => {
    const seen: ProjectContext[] = [];
    validateWith([everyRow("probe", seen)], doc([{ seq: 1, indicators: [row("产出指标", "时效", "完成时间", "44561")] }]));
    expect(seen[0].rows[0].parsed).toEqual(parseValue("44561", { level2: "时效指标" }));
  });
});

describe("findings", () => {
  it("fills rule, severity and project, and drops other rules' hits on a 无 row", () => {
    const report = validateWith([everyRow("probe")], sample);
    const places = report.findings.map((f) => [f.rule, f.severity, f.project, f.indicator]);
    expect(places).toEqual([
      ["probe", "warning", "13081123P00003910002P", null],
      ["probe", "warning", "13081123P00003910002P", 0],
      ["probe", "warning", "13081123P00003910002P", 2],
      ["probe", "warning", "#2", null],
      ["probe", "warning", "#2", 0],
    ]);
  });

  it("keeps hits on a 无 row for empty-row itself", () => {
    const report = validateWith([everyRow("empty-row")], sample);
    expect(report.findings.filter((f) => f.project === "13081123P00003910002P").map((f) => f.indicator)).toEqual([null, 0, 1, 2]);
  });

  it("sorts document-level findings first, then by project, row (null first) and rule order", () => {
    const rules: Rule[] = [everyRow("b-rule"), everyRow("a-rule"), docRule("doc-on-2", "#2"), docRule("doc-level", null)];
    const report = validateWith(rules, sample);
    const order = report.findings.map((f) => `${f.project ?? "文档"}:${f.indicator ?? "-"}:${f.rule}`);
    expect(order).toEqual([
      "文档:-:doc-level",
      "13081123P00003910002P:-:b-rule",
      "13081123P00003910002P:-:a-rule",
      "13081123P00003910002P:0:b-rule",
      "13081123P00003910002P:0:a-rule",
      "13081123P00003910002P:2:b-rule",
      "13081123P00003910002P:2:a-rule",
      "#2:-:b-rule",
      "#2:-:a-rule",
      "#2:-:doc-on-2",
      "#2:0:b-rule",
      "#2:0:a-rule",
    ]);
  });

  it("counts findings by severity, with a hit's own severity over the rule default", () => {
    const mixed: ProjectRule = {
      ...everyRow("mixed"),
      check: (ctx) => ctx.rows.map((r) => ({ indicator: r.index, message: "m", hint: "h", ...(r.index === 0 ? { severity: "info" as const } : {}) })),
    };
    const report = validateWith([mixed, docRule("doc", null)], sample);
    expect(report.summary).toEqual({ error: 1, warning: 1, info: 2 });
    expect(report.findings.find((f) => f.indicator === 0 && f.project === "#2")?.severity).toBe("info");
  });

  it("copies a fix only when the rule gives one", () => {
    const fixer: ProjectRule = { ...everyRow("fixer"), check: () => [{ indicator: 0, message: "m", hint: "h", fix: "100%" }, { message: "m", hint: "h" }] };
    const [withoutFix, withFix] = validateWith([fixer], doc([{ seq: 1, indicators: [row("产出指标", "数量指标", "培训次数", "4次")] }])).findings;
    expect(withFix.fix).toBe("100%");
    expect("fix" in withoutFix).toBe(false);
  });
});

describe("config", () => {
  const rules = () => [everyRow("alpha"), everyRow("beta")];
  const ruleIds = (config: object) =>
    [...new Set(validateWith(rules(), sample, { config: config as never }).findings.map((f) => `${f.rule}:${f.severity}`))];

  it("switches a rule off with false or enabled: false", () => {
    expect(ruleIds({ rules: { alpha: false } })).toEqual(["beta:warning"]);
    expect(ruleIds({ rules: { beta: { enabled: false } } })).toEqual(["alpha:warning"]);
    expect(ruleIds({ rules: { alpha: true } })).toEqual(["alpha:warning", "beta:warning"]);
  });

  it("overrides the severity with a string or an object, also over a hit's own severity", () => {
    expect(ruleIds({ rules: { alpha: "error", beta: { severity: "info" } } })).toEqual(["alpha:error", "beta:info"]);
    const own: ProjectRule = { ...everyRow("own"), check: () => [{ message: "m", hint: "h", severity: "info" }] };
    const report = validateWith([own], sample, { config: { rules: { own: "error" } } });
    expect(report.findings.map((f) => f.severity)).toEqual(["error", "error"]);
  });

  it("passes the remaining keys of an object as the rule's thresholds", () => {
    const seen: ProjectContext[] = [];
    const alpha = { ...everyRow("alpha", seen), options: { floor: { type: "number" }, words: { type: "texts" } } } satisfies ProjectRule;
    validateWith([alpha], sample, { config: { rules: { alpha: { severity: "info", floor: 80, words: ["x"] } } } });
    expect(seen[0].config).toEqual({ floor: 80, words: ["x"] });
  });

  it("checks thresholds against the rule's options schema: a misspelt key or a wrong type names the key", () => {
    const alpha = { ...everyRow("alpha"), options: { floor: { type: "number" } } } satisfies ProjectRule;
    expect(() => validateWith([alpha], sample, { config: { rules: { alpha: { flor: 80 } } } })).toThrow(/规则“alpha”的选项 flor 不是已知的选项（可用：floor/);
    expect(() => validateWith([alpha], sample, { config: { rules: { alpha: { floor: "80" } } } })).toThrow(/选项 floor 应为数字/);
    expect(() => validateWith([everyRow("beta")], sample, { config: { rules: { beta: { floor: 80 } } } })).toThrow(/没有可设置的阈值/);
  });

  it("rejects a misspelt rule id or a bad severity with a Chinese input error", () => {
    expect(() => validateWith(rules(), sample, { config: { rules: { alhpa: false } } })).toThrow(InputError);
    expect(() => validateWith(rules(), sample, { config: { rules: { alhpa: false } } })).toThrow(/规则“alhpa”不存在/);
    expect(() => validateWith(rules(), sample, { config: { rules: { alpha: "fatal" as never } } })).toThrow(/严重级别“fatal”无效/);
    expect(() => validateWith(rules(), sample, { config: { rules: { alpha: 3 as never } } })).toThrow(InputError);
  });

  it("applies config to the registered rules (a real rule switched off and downgraded)", () => {
    const seed = loadSeed();
    const base = validate(seed);
    expect(base.findings.some((f) => f.rule === "indicator-duplicated")).toBe(true);
    const off = validate(seed, { config: { rules: { "indicator-duplicated": false, "empty-row": "info" } } });
    expect(off.findings.some((f) => f.rule === "indicator-duplicated")).toBe(false);
    expect(new Set(off.findings.filter((f) => f.rule === "empty-row").map((f) => f.severity))).toEqual(new Set(["info"]));
  });
});

describe("profile", () => {
  const mofDoc = doc([{ seq: 1, indicators: [row("成本指标", "经济成本指标", "项目总成本", "≤2万元")] }]);
  const profileSeen = (d: JixiaoDocument, opts: Parameters<typeof validateWith>[2]) => {
    const seen: ProjectContext[] = [];
    const report = validateWith([everyRow("probe", seen)], d, opts);
    expect(seen[0].profile.id).toBe(report.profile);
    return report.profile;
  };

  it("is opts.profile, else config.profile, else document.profile, else detected from the labels", () => {
    expect(profileSeen(mofDoc, {})).toBe("mof2021");
    expect(profileSeen(sample, {})).toBe("legacy");
    expect(profileSeen({ ...sample, profile: "mof2021" }, {})).toBe("mof2021");
    expect(profileSeen({ ...sample, profile: "mof2021" }, { config: { profile: "legacy" } })).toBe("legacy");
    expect(profileSeen(sample, { profile: "mof2021", config: { profile: "legacy" } })).toBe("mof2021");
  });

  it("rejects an unknown profile id", () => {
    expect(() => validateWith([], sample, { profile: "cn2030" as never })).toThrow(/未知的指标体系“cn2030”/);
  });
});

describe("validateProject", () => {
  it("validates one project as a one-project document, keeping its profile", () => {
    const project = ProjectSchema.parse({
      seq: 3,
      code: "",
      name: "统计执法检查专项",
      profile: "mof2021",
      goals: ["1.目标内容 1"],
      indicators: [row("产出指标", "数量指标", "检查企业户数", "≥30户")],
    });
    const report = validateProject(project);
    expect(report.profile).toBe("mof2021");
    expect(report.findings.every((f) => f.project === "#3")).toBe(true);
    expect(report.findings.some((f) => f.rule === "goal-placeholder")).toBe(true);
    // mof2021 requires 经济成本指标 — the project's own profile was applied.
    expect(report.findings.some((f) => f.rule === "required-level2-missing" && f.message.includes("经济成本指标"))).toBe(true);
  });
});

describe("registry", () => {
  it("lists all 39 catalog rules once, in catalog order, each documented in Chinese with its source", () => {
    const catalog = [
      // The value rules first, most specific judgement first: the engine keeps the first hit on a row's value.
      "value-placeholder", "value-repeats-name", "value-question", "cost-not-money", "timeliness-vague",
      "value-not-measurable", "value-direction", "value-over-100", "value-unit", "cost-over-budget",
      "indicator-duplicated", "name-is-category", "empty-row", "category-mismatch", "level-invalid",
      "required-level2-missing", "satisfaction-low", "basis-not-source", "goal-placeholder", "goal-copied", "declared-count-mismatch",
      "budget-sum", "plan-not-cumulative", "plan-incomplete", "code-format", "code-duplicate", "weight-sum",
      "direction-conflict", "value-excel-date", "cost-zero", "toc-broken-entry", "value-vague-grade",
      "quantity-only-rates", "value-boilerplate", "deadline-outside-year", "cost-consistency", "goal-not-measured",
      "value-field-conflict", "name-missing",
    ];
    expect(RULES.map((r) => r.id)).toEqual(catalog);
    for (const r of RULES) {
      expect(r.description, r.id).toMatch(/[\u4e00-\u9fff]/);
      expect(r.docs, r.id).toMatch(/错误示例[\s\S]*正确示例/);
      expect(r.docs, `${r.id}: docs say where the judgement comes from`).toMatch(/## 依据\n\S/);
      expect(["error", "warning", "info"], r.id).toContain(r.severity);
    }
    const documentScoped = RULES.filter((r) => r.scope === "document").map((r) => r.id).sort();
    expect(documentScoped).toEqual(["code-duplicate", "goal-copied", "toc-broken-entry"]);
  });
});

function loadSeed(): JixiaoDocument {
  const file = join(import.meta.dirname, "..", "..", "examples", "chengde-gxq-2023.gold.json");
  return DocumentSchema.parse(JSON.parse(readFileSync(file, "utf8")));
}

describe("the seed, judged by the structure and document rules", () => {
  // A reviewer's reading of examples/chengde-gxq-2023.gold.json (14 projects, 126 rows), by project seq.
  const code = (seq: number) => loadSeed().projects.find((p) => p.seq === seq)!.code;
  const expected: Record<string, Array<[number | null, number | null]>> = {
    // [project seq (null = document), row]
    "toc-broken-entry": [[null, null]], // 7.商贸流通企业奖补 — 错误！未定义书签, no table
    "goal-placeholder": [1, 2, 4, 5, 6, 7, 8, 10, 12, 13].map((s) => [s, null]), // 1.目标内容 1
    "goal-copied": [[5, null]], // 经济普查 narrativeGoals = 统计培训 narrativeGoals
    "empty-row": [[1, 6], [4, 5], [5, 6], [8, 5], [12, 6], [12, 7]],
    "indicator-duplicated": [
      [3, 5], [3, 6], [3, 7], // 项目建成效果 ×4
      [6, 5], [6, 6], [6, 7], // 减少大气污染 ×4
      [8, 7],
      [9, 5], [9, 6], [9, 7],
      [11, 5], [11, 6], [11, 7],
      [13, 5], [13, 6], [13, 7],
      [14, 5], [14, 6], [14, 7],
    ],
    "name-is-category": [[4, 4], [9, 3], [12, 5]], // 可持续效益, 质量指标, 社会效益
    "category-mismatch": [[6, 0], [7, 6]], // 数量→确保型煤质量, 生态效益→结果准确性
    "declared-count-mismatch": [6, 9, 11, 12, 13, 14].map((s) => [s, null]), // 共设置3项…产出指标4项 …
    "plan-incomplete": [[4, null]], // 12月底 blank
    "level-invalid": [],
    "required-level2-missing": [],
    "budget-sum": [],
    "plan-not-cumulative": [],
    "code-format": [],
    "code-duplicate": [],
    "weight-sum": [],
  };

  it("fires exactly where a careful reviewer would", () => {
    const seed = loadSeed();
    const report = validate(seed);
    for (const [rule, places] of Object.entries(expected)) {
      const actual = [...new Set(report.findings.filter((f) => f.rule === rule).map((f) => `${f.project ?? "文档"}@${f.indicator ?? "-"}`))].sort();
      const wanted = places.map(([seq, r]) => `${seq === null ? "文档" : code(seq)}@${r ?? "-"}`).sort();
      expect(actual, rule).toEqual(wanted);
    }
  });

  it("quotes the offending text in its messages", () => {
    const report = validate(loadSeed());
    const msg = (rule: string) => report.findings.find((f) => f.rule === rule)!.message;
    expect(msg("toc-broken-entry")).toContain("商贸流通企业奖补");
    expect(msg("goal-placeholder")).toContain("目标内容 1");
    expect(msg("category-mismatch")).toContain("确保型煤质量");
    expect(report.findings.filter((f) => f.rule === "declared-count-mismatch").map((f) => f.message)).toContain(
      "说明写“共设置3项”，但其中“产出指标4项”、“效益指标1项”合计5项",
    );
  });
});

describe("rule precedence", () => {
  const exclusive = (id: string, field = "value"): ProjectRule => ({ ...everyRow(id), exclusive: field });

  it("keeps only the first exclusive hit per (row, field), in registry order", () => {
    const report = validateWith([exclusive("first"), exclusive("second"), everyRow("free")], sample);
    const onRow0 = report.findings.filter((f) => f.project === "13081123P00003910002P" && f.indicator === 0).map((f) => f.rule);
    // The 无 row (1) counts for nothing; rows 0 and 2 are judged once by "first", and "free" is not exclusive.
    expect(onRow0).toEqual(["first", "free"]);
    expect(report.findings.some((f) => f.rule === "second" && f.indicator !== null)).toBe(false);
    // Project-level hits are not claimed.
    expect(report.findings.filter((f) => f.rule === "second" && f.indicator === null)).toHaveLength(2);
  });

  it("claims only the rule's own field: a rule exclusive on name still speaks on value", () => {
    const report = validateWith([exclusive("on-value"), exclusive("on-name", "name")], sample);
    expect(report.findings.filter((f) => f.indicator === 0 && f.project === "13081123P00003910002P").map((f) => f.rule)).toEqual(["on-value", "on-name"]);
  });
});

describe("effective value", () => {
  it("completes the text from the structured columns and parses that", () => {
    const seen: ProjectContext[] = [];
    const d = doc([{ seq: 1, indicators: [{ ...row("产出指标", "质量指标", "合格率", "95"), operator: "≥", unit: "%" }] }]);
    validateWith([everyRow("probe", seen)], d);
    expect(seen[0].rows[0].value).toBe("≥95%");
    expect(seen[0].rows[0].parsed).toMatchObject({ kind: "quantitative", operator: ">=", unitKind: "percent" });
    expect(seen[0].rows[0].indicator.value).toBe("95");
  });
});
