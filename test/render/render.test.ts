import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isEmptyRow } from "../../src/domain/schema.js";
import type { Finding } from "../../src/rules/types.js";
import {
  explainIndicators,
  renderDocumentHtml,
  renderDocumentMarkdown,
  renderProjectHtml,
  renderProjectMarkdown,
} from "../../src/render/index.js";
import { htmlRows, loadGold, makeIndicator, makeProject } from "./helpers.js";

const gold = loadGold();
const first = gold.projects[0];

const sampleFindings: Finding[] = [
  { rule: "value-question", severity: "error", project: first.code, indicator: 2, field: "value", message: "指标值“是否按季度更新数据”是问句", hint: "改为 ≥4次" },
  { rule: "level-invalid", severity: "warning", project: first.code, indicator: 1, field: "level1", message: "一级指标有误", hint: "改为产出指标" },
  { rule: "goal-placeholder", severity: "error", project: first.code, indicator: null, field: "goals", message: "绩效目标是模板文字", hint: "写出实际目标" },
  { rule: "value-placeholder", severity: "error", project: gold.projects[1].code, indicator: 0, field: "value", message: "其他项目", hint: "x" },
];

describe("snapshots of the seed", () => {
  it("project 1 as Markdown", async () => {
    await expect(renderProjectMarkdown(first)).toMatchFileSnapshot("__snapshots__/project-1.md");
  });
  it("project 1 as HTML", async () => {
    await expect(renderProjectHtml(first, { department: gold.department })).toMatchFileSnapshot("__snapshots__/project-1.html");
  });
  it("project 1 as HTML with findings", async () => {
    await expect(renderProjectHtml(first, { findings: sampleFindings })).toMatchFileSnapshot("__snapshots__/project-1-findings.html");
  });
  it("the whole document as HTML and Markdown", async () => {
    await expect(renderDocumentHtml(gold)).toMatchFileSnapshot("__snapshots__/seed-document.html");
    await expect(renderDocumentMarkdown(gold)).toMatchFileSnapshot("__snapshots__/seed-document.md");
  });
});

describe("HTML table structure", () => {
  it("merges equal 一级 and 二级 cells with correct rowspans in every seed project", () => {
    for (const project of gold.projects) {
      const rows = htmlRows(renderProjectHtml(project));
      expect(rows).toHaveLength(project.indicators.length);
      // Each spanning cell covers exactly the run of equal labels below it, and the spans tile the table.
      for (const key of ["l1", "l2"] as const) {
        const field = key === "l1" ? "level1" : "level2";
        let covered = 0;
        for (const row of rows) {
          if (row[key] === undefined) continue;
          expect(row.index).toBe(covered);
          const span = row[key]!;
          const labels = project.indicators.slice(row.index, row.index + span).map((i) => i[field] + (key === "l2" ? `|${i.level1}` : ""));
          expect(new Set(labels).size).toBe(1);
          const next = project.indicators[row.index + span];
          if (next) expect(next[field] + (key === "l2" ? `|${next.level1}` : "")).not.toBe(labels[0]);
          covered += span;
        }
        expect(covered).toBe(project.indicators.length);
      }
    }
  });

  it("gives project 1 the 一级 spans of the printed form (产出 4, 效益 4, 满意度 1)", () => {
    const spans = htmlRows(renderProjectHtml(first)).filter((r) => r.l1 !== undefined).map((r) => r.l1);
    expect(spans).toEqual([4, 4, 1]);
  });

  it("header labels break only at a word boundary (<wbr>), never mid-word", () => {
    const html = renderProjectHtml(first);
    for (const label of ["预算规模<wbr>及资金用途", "其中：<wbr>财政资金", "资金支出<wbr>计划（%）", "指标值<wbr>确定依据"]) expect(html).toContain(label);
    expect(html).toMatch(/table\.jx th \{[^}]*word-break: keep-all/);
    expect(html).toMatch(/@bottom-center \{ content: "— " counter\(page\) " —"/);
  });

  it("prints the header block: budget, plan months, goals and the unit", () => {
    const html = renderProjectHtml(first);
    for (const text of ["项目编码", first.code, "预算数", "10.00", "其中：<wbr>财政资金", "其他资金", "3月底", "6月底", "10月底", "12月底", "单位：万元", "1.目标内容 1"]) {
      expect(html).toContain(text);
    }
    expect(html).toMatch(/<thead>\s*<tr><th>一级指标<\/th>/);
    expect(html).toContain("break-inside: avoid");
  });
});

describe("user text is data", () => {
  const evil = makeProject({
    code: "P1",
    name: "<script>alert('名')</script>",
    purpose: "a & b < c",
    goals: ["<img src=x onerror=alert(1)>"],
    indicators: [makeIndicator({ level1: "产出指标", level2: "数量指标", name: "x|y", value: "<script>alert(1)</script>", basis: "**" })],
  });

  it("escapes HTML in every user field", () => {
    const html = renderProjectHtml(evil);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("a &amp; b &lt; c");
    const doc = renderDocumentHtml({ unit: "万元", toc: [], projects: [evil] });
    expect(doc).not.toMatch(/<script/i);
  });

  it("keeps Markdown tables intact: pipes, emphasis and tags neutralised", () => {
    const md = renderProjectMarkdown(evil);
    expect(md).not.toMatch(/<script/i);
    expect(md).toContain("x\\|y");
    expect(md).toContain("\\*\\*");
    const tableRows = md.split("\n").filter((l) => l.startsWith("| 产出指标"));
    expect(tableRows).toHaveLength(1);
    // Six columns: seven pipes that are not escaped.
    expect(tableRows[0].match(/(?<!\\)\|/g)).toHaveLength(7);
  });
});

describe("findings overlay", () => {
  const html = renderProjectHtml(first, { findings: sampleFindings });
  const md = renderProjectMarkdown(first, { findings: sampleFindings });

  it("numbers notes project-level first, then by row, and only for this project", () => {
    const notes = [...html.matchAll(/<li id="p-1-n(\d+)" value="\d+">([\s\S]*?)<\/li>/g)];
    expect(notes.map((n) => Number(n[1]))).toEqual([1, 2, 3]);
    expect(notes[0][2]).toContain("绩效目标是模板文字");
    expect(notes[1][2]).toContain("一级指标有误");
    expect(notes[2][2]).toContain("是问句");
    expect(notes[2][2]).toContain("修改建议：改为 ≥4次");
    expect(html).not.toContain("其他项目");
  });

  it("marks the offending cells with a class and the note number", () => {
    const rows = htmlRows(html);
    expect(rows[2].body).toMatch(/<td class="finding finding-error">是否按季度更新数据<sup class="fn"><a href="#p-1-n3">3<\/a><\/sup><\/td>/);
    // The 一级 finding on row 1 lands on the merged 产出指标 cell of row 0.
    expect(rows[0].body).toMatch(/data-col="level1" rowspan="4" class="finding finding-warning">产出指标<sup class="fn"><a href="#p-1-n2">2<\/a>/);
    expect(html).toMatch(/class="text finding finding-error">1\.目标内容 1<sup class="fn"><a href="#p-1-n1">1<\/a>/);
    // Every note link resolves.
    for (const m of html.matchAll(/href="#(p-1-n\d+)"/g)) expect(html).toContain(`id="${m[1]}"`);
  });

  it("carries the same numbering into Markdown", () => {
    expect(md).toContain("是否按季度更新数据 ⚠〔3〕");
    expect(md).toMatch(/^3\. 【错误】第3行/m);
    expect(md).toMatch(/^1\. 【错误】绩效目标/m);
  });

  it("lists document-level findings and findings about unknown projects under the 目录", () => {
    const doc = renderDocumentHtml(gold, {
      findings: [
        { rule: "toc-broken-entry", severity: "error", project: null, indicator: null, field: "toc", message: "目录第7项没有对应的表", hint: "删除或补表" },
        { rule: "x", severity: "info", project: "NOPE", indicator: 0, field: "value", message: "孤儿", hint: "h" },
      ],
    });
    expect(doc).toMatch(/id="doc-n1"[^>]*>[\s\S]*?目录第7项没有对应的表/);
    expect(doc).toMatch(/id="doc-n2"[^>]*>[\s\S]*?NOPE：孤儿/);
  });
});

describe("document HTML", () => {
  const html = renderDocumentHtml(gold);

  it("resolves every in-page link of the 目录 (the entry without a table has no link in a clean copy)", () => {
    const hrefs = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBe(3 + gold.projects.length);
    for (const id of hrefs) expect(html).toContain(`id="${id}"`);
  });

  it("a clean copy lists the 目录 entry with no table as written: no red mark, no placeholder section", () => {
    expect(html).not.toContain("未附绩效目标表");
    expect(html).not.toContain('class="toc-missing"');
    expect(html).not.toContain("目录列有此项");
    expect(html).toMatch(/<li class="toc-entry">7\.商贸流通企业奖补绩效目标表<\/li>/);
  });

  it("with findings, marks the 目录 entry with no table and keeps the others linked to their project", () => {
    const marked = renderDocumentHtml(gold, { findings: [] });
    const missing = [...marked.matchAll(/<li class="toc-missing">([\s\S]*?)<\/li>/g)];
    expect(missing).toHaveLength(1);
    expect(missing[0][1]).toContain("商贸流通企业奖补");
    expect(missing[0][1]).toContain("（未附绩效目标表）");
    expect(marked).toContain("目录列有此项");
    const hrefs = [...marked.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    for (const id of hrefs) expect(marked).toContain(`id="${id}"`);
  });

  it("keeps every project linked to its section", () => {
    expect([...html.matchAll(/<li class="toc-entry"><a /g)]).toHaveLength(gold.projects.length);
    expect([...html.matchAll(/<section class="project" id="p-\d+">/g)]).toHaveLength(gold.projects.length);
  });

  it("prints Part 1: goal, sub goals with their targets, safeguards", () => {
    expect(html).toContain(gold.overall!.goal);
    for (const g of gold.overall!.subGoals) expect(html).toContain(g.title);
    expect(html).toContain("一是省市重点项目建设高效推进。二是建立健全项目推进机制");
    expect(html).toContain(`（七）${gold.overall!.safeguards[6].title}`);
  });

  it("keeps each project's own explanation unless asked to regenerate it", () => {
    expect(html).toContain(first.narrativeIndicators);
    const regenerated = renderDocumentHtml(gold, { regenerateExplanation: true });
    expect(regenerated).not.toContain(first.narrativeIndicators);
    expect(regenerated).toContain(explainIndicators(first));
  });

  it("generates the explanation of a project that has none", () => {
    const bare = makeProject({
      name: "新项目", purpose: "购置设备", budget: { total: 20, fiscal: 20, other: null }, goals: ["完成设备购置"],
      indicators: [makeIndicator({ level1: "产出指标", level2: "数量指标", name: "购置设备数量", value: "≥5台" })],
    });
    const out = renderDocumentHtml({ unit: "万元", toc: [], year: 2024, projects: [bare] });
    expect(out).toContain("关于新项目绩效目标指标的说明");
    expect(out).toContain("2024年该项目安排预算资金共计20万元，其中财政资金20万元，主要用于购置设备。");
    expect(out).toContain("此项工作活动共设置1项绩效指标。其中：产出指标1项，为购置设备数量。");
    expect(out).toContain('href="#p-1"');
  });
});

describe("explainIndicators", () => {
  it("agrees with every seed table: total, per 一级 counts and names, 无 rows left out", () => {
    for (const project of gold.projects) {
      const text = explainIndicators(project, "legacy");
      const real = project.indicators.filter((i) => !isEmptyRow(i));
      expect(text).toContain(`共设置${real.length}项绩效指标`);
      for (const l1 of ["产出指标", "效益指标", "满意度指标"]) {
        const n = real.filter((i) => i.level1 === l1).length;
        if (n) expect(text).toContain(`${l1}${n}项`);
        else expect(text).not.toContain(`${l1}`);
      }
      for (const ind of real) expect(text).toContain(ind.name);
      expect(text).not.toMatch(/、无[、；。]/);
    }
  });

  it("orders groups by the profile: 成本指标 first under mof2021", () => {
    const p = makeProject({
      indicators: [
        makeIndicator({ level1: "产出指标", level2: "数量指标", name: "A", value: "1个" }),
        makeIndicator({ level1: "成本指标", level2: "经济成本指标", name: "B", value: "≤1万元" }),
      ],
    });
    expect(explainIndicators(p, "mof2021")).toBe("此项工作活动共设置2项绩效指标。其中：成本指标1项，为B；产出指标1项，为A。");
  });

  it("never disagrees with the rows (property)", () => {
    const level1 = fc.constantFrom("产出指标", "效益指标", "满意度指标", "产出", "效果指标");
    const row = fc.record({
      level1,
      name: fc.oneof(fc.constant("无"), fc.string({ minLength: 1, maxLength: 6 }).map((s) => `指标${s.replace(/[、；。，]/g, "")}`)),
      value: fc.constantFrom("无", "≥90%", "1个", "达到预期"),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
        const project = makeProject({ indicators: rows.map((r) => makeIndicator({ ...r, level2: "数量指标" })) });
        const text = explainIndicators(project, "legacy");
        const real = project.indicators.filter((i) => !isEmptyRow(i)).length;
        if (real === 0) return text === "此项工作活动尚未设置绩效指标。";
        const total = Number(text.match(/共设置(\d+)项/)![1]);
        const parts = [...text.matchAll(/(?:其中：|；)[^；。]*?指标(\d+)项/g)].map((m) => Number(m[1]));
        return total === real && parts.reduce((a, b) => a + b, 0) === real;
      }),
    );
  });
});
