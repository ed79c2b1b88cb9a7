// A budget-system export keeps operator, number and unit in their own columns (≥ | 95 | %). The checker reads
// the row's effective value (text + columns): no "missing unit" on a row whose 计量单位 is filled; and the
// rendered table shows ≥95%, not a bare 95.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DocumentSchema } from "../../src/domain/schema.js";
import { renderDocumentMarkdown } from "../../src/render/index.js";
import { validate } from "../../src/rules/engine.js";
import { runCli } from "../support/cli.js";

const exported = DocumentSchema.parse({
  projects: [
    {
      seq: 1,
      code: "13081123P00004510002",
      name: "村级组织运转保障",
      budget: { total: 20, fiscal: 20, other: 0 },
      goals: ["保障11个行政村正常运转"],
      indicators: [
        { level1: "产出指标", level2: "数量指标", name: "保障行政村数量", value: "11", operator: "=", target: 11, unit: "个", nature: "定量" },
        { level1: "产出指标", level2: "质量指标", name: "村级组织正常运转率", value: "95", operator: "≥", target: 95, unit: "%", nature: "定量" },
        { level1: "产出指标", level2: "时效指标", name: "资金拨付及时率", value: "", operator: "≥", target: 95, unit: "%", nature: "定量" },
        { level1: "满意度指标", level2: "服务对象满意度指标", name: "村民满意度", value: "90", operator: ">=", target: 90, unit: "百分比", nature: "定量" },
      ],
    },
  ],
});

describe("a budget-system export with structured columns", () => {
  it("raises no unit finding on rows whose 计量单位 is filled", () => {
    const unitFindings = validate(exported).findings.filter((f) => f.rule === "value-unit" || f.rule === "value-field-conflict");
    expect(unitFindings).toEqual([]);
  });

  it("still raises a missing unit once the 计量单位 column is empty", () => {
    const bare = structuredClone(exported);
    delete bare.projects[0].indicators[1].unit;
    const rows = validate(bare).findings.filter((f) => f.rule === "value-unit").map((f) => f.indicator);
    expect(rows).toEqual([1]);
  });

  it("renders the value composed from the columns", () => {
    const md = renderDocumentMarkdown(exported);
    expect(md).toContain("≥95%");
    expect(md).toContain("=11个");
    expect(md).not.toMatch(/\|\s*95\s*\|/);
  });
});

describe("jixiao check / render on the export as files", () => {
  it("check raises no unit finding; render --to md shows ≥95%", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-export-"));
    const file = join(dir, "export.json");
    writeFileSync(file, JSON.stringify(exported));
    const checked = await runCli(["check", file, "--format", "json"], { cwd: process.cwd() });
    const findings = (JSON.parse(checked.stdout) as { findings: { rule: string }[] }).findings;
    expect(findings.filter((f) => f.rule === "value-unit" || f.rule === "value-field-conflict")).toEqual([]);
    const rendered = await runCli(["render", file, "--to", "md"], { cwd: process.cwd() });
    expect(rendered.stdout).toContain("≥95%");
  });
});
