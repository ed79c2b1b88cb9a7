// The formatters on a small hand-made document: what a reviewer reads must point at the right cell.
import { describe, expect, it } from "vitest";
import { toDocument } from "../../src/import/json.js";
import { formatReport, toJsonReport, type CheckResult } from "../../src/report/index.js";
import type { Finding } from "../../src/rules/types.js";

const document = toDocument({
  department: { code: "105001", name: "某某局" },
  year: 2024,
  projects: [
    {
      seq: 1,
      code: "13081123P00005110003A",
      name: "培训项目",
      indicators: [
        { level1: "产出指标", level2: "数量指标", name: "培训人次", value: "≥200人次", basis: "培训计划" },
        { level1: "产出指标", level2: "质量指标", name: "合格率 | 考核", value: "≤95 百分比", basis: "a|b <script>" },
      ],
      importWarnings: [{ line: 12, message: "第2行的指标值跨行，已合并" }],
    },
  ],
});

const findings: Finding[] = [
  { rule: "toc-broken-entry", severity: "error", project: null, indicator: null, field: "toc", message: "目录条目断开", hint: "补表" },
  { rule: "value-direction", severity: "error", project: "13081123P00005110003A", indicator: 1, field: "value", message: "方向相反", hint: "改为下限" },
  { rule: "value-unit", severity: "warning", project: "13081123P00005110003A", indicator: 1, field: "value", message: "单位不规范", hint: "写%", fix: "≤95%" },
  { rule: "basis-not-source", severity: "info", project: "13081123P00005110003A", indicator: 1, field: "basis", message: "依据不是来源", hint: "写文件名" },
];
const result: CheckResult = { file: "dir/t.json", document, report: { profile: "legacy", findings, summary: { error: 2, warning: 1, info: 1 } } };

describe("text report", () => {
  const text = formatReport([result], "text");

  it("groups by project (编码 + 名称) and names row (1-based), 三级, cell, severity, message and hint", () => {
    expect(text).toContain("13081123P00005110003A 培训项目");
    expect(text).toContain("错误 第2行 合格率 | 考核 「≤95 百分比」：方向相反 [value-direction]");
    expect(text).toContain("警告 第2行 合格率 | 考核 「≤95 百分比」：单位不规范 [value-unit]");
    expect(text).toContain("→ 修改建议：写%（改为：≤95%）");
    // A basis finding quotes the basis cell, not the value.
    expect(text).toContain("提示 第2行 合格率 | 考核 「a|b <script>」：依据不是来源");
    expect(text.indexOf("目录条目断开")).toBeLessThan(text.indexOf("  13081123P00005110003A 培训项目\n"));
    expect(text.trimEnd().split("\n").pop()).toBe("2 个错误，1 个警告，1 个提示");
  });

  it("shows import warnings", () => {
    expect(text).toContain("第2行的指标值跨行，已合并（原文第12行）");
  });

  it("colors severities only when asked", () => {
    expect(text).not.toContain("\x1b[");
    expect(formatReport([result], "text", { color: true })).toContain("\x1b[31m错误\x1b[0m");
  });

  it("adds a total line for several files", () => {
    expect(formatReport([result, result], "text").trimEnd().split("\n").pop()).toBe("共 2 个文件：4 个错误，2 个警告，2 个提示");
  });
});

describe("json report", () => {
  it("is one object for one file and an array for several", () => {
    const one = JSON.parse(formatReport([result], "json", { single: true }));
    expect(one).toEqual(toJsonReport(result));
    expect(one.projects).toEqual([{ code: "13081123P00005110003A", name: "培训项目", indicators: 2 }]);
    const many = JSON.parse(formatReport([result, result], "json", { single: false }));
    expect(many).toHaveLength(2);
    expect(JSON.parse(formatReport([result], "json", { single: false }))).toHaveLength(1);
  });
});

describe("markdown review memo", () => {
  const md = formatReport([result], "markdown");

  it("has the title, counts, a table per project and a conclusion asking for a resubmission", () => {
    expect(md).toContain("# 关于《某某局2024年部门预算绩效文本》预算绩效目标的审核意见");
    expect(md).toContain("本次审核项目 1 个、绩效指标 2 行");
    expect(md).toContain("错误 2 处（须修改）、警告 1 处（建议修改）、提示 1 处（供参考）");
    expect(md).toContain("| 行 | 三级指标 | 原填写内容 | 问题 | 修改建议 |");
    expect(md).toMatch(/## 审核结论\n\n以上标为“错误”的 2 处问题须修改后重新报送/);
  });

  it("escapes | and HTML in cells so user text cannot break the table", () => {
    expect(md).toContain("| 第2行 | 合格率 \\| 考核 | a\\|b &lt;script&gt; | 【提示】依据不是来源 | 写文件名 |");
    expect(md).toContain("| 第2行 | 合格率 \\| 考核 | ≤95 百分比 | 【警告】单位不规范 | 改为“≤95%”。写% |");
    for (const line of md.split("\n").filter((l) => l.startsWith("| 第"))) {
      expect(line.replace(/\\\|/g, "").split("|")).toHaveLength(7); // 5 cells between 6 pipes
    }
  });

  it("approves a table without findings", () => {
    const clean = formatReport([{ ...result, report: { profile: "legacy", findings: [], summary: { error: 0, warning: 0, info: 0 } } }], "markdown");
    expect(clean).toContain("未发现问题");
    expect(clean).toContain("同意报送");
    expect(clean).not.toContain("| 行 |");
  });
});
