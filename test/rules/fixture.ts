// Rule fixtures in markdownlint's style: a Markdown file holds projects (header fields + an indicator table)
// and, next to each row, the rule ids that row must raise. One harness (rules.test.ts) reads them all.
//
// Format:
//   rules: value-direction, value-over-100      ← the rules this file tests (exact match is asserted for these)
//   profile: legacy                              ← optional (else auto-detected)
//   目录: 1.培训项目绩效目标表|5; 2.某项目绩效目标表|错误！未定义书签。   ← optional document toc
//   expect-document: toc-broken-entry            ← optional document-level findings (project null)
//
//   ## 项目 <code or -> <name>                   ← a project; `-` for no code
//   预算数: 2 | 财政资金: 2 | 其他资金:            ← fields, one per line or `|`-separated on one line
//   资金支出计划: 25,50,75,100                     ← mar,jun,oct,dec (empty = null)
//   绩效目标: 1.提升业务素质 / 2.按时完成培训        ← goals separated by ` / `
//   绩效指标说明: 此项工作活动共设置9项绩效指标…     ← narrativeIndicators (declared counts are parsed by the rule)
//   expect: goal-placeholder@goals, budget-sum     ← project-level findings (indicator null), optional @field
//
//   | 一级指标 | 二级指标 | 三级指标 | 指标值 | 指标值确定依据 | expect |
//   |---|---|---|---|---|---|
//   | 产出指标 | 数量指标 | 培训次数 | ≥4次 | 培训计划 | |
//   |  | 质量指标 | … | … | … | value-direction |    ← empty 一级/二级 carried down (merged cells)
// Optional columns: 绩效指标描述 (defaults to the 三级 name), 指标方向, 分值, and the structured columns of a
// budget-system export: 计量单位, 指标性质, 运算符, 目标值. A cell `\|` escapes a pipe.
import { readFileSync } from "node:fs";
import { DocumentSchema, IndicatorSchema, ProjectSchema, type JixiaoDocument, type Project } from "../../src/domain/schema.js";

export interface ExpectedHit {
  rule: string;
  /** project ref (code or #seq) or null for document-level */
  project: string | null;
  indicator: number | null;
}

export interface RuleFixture {
  file: string;
  rules: string[];
  profile?: "legacy" | "mof2021";
  document: JixiaoDocument;
  expected: ExpectedHit[];
  /** Every (project, row) in the file — the places where a rule under test must NOT fire unless expected. */
  rowCount: number;
}

const FIELD_ALIASES: Record<string, string> = {
  预算数: "total",
  财政资金: "fiscal",
  其他资金: "other",
};

function num(text: string): number | null {
  const t = text.trim().replace(/%$/, "");
  if (t === "") return null;
  const n = Number(t);
  if (Number.isNaN(n)) throw new Error(`fixture: not a number: ${text}`);
  return n;
}

function splitRow(line: string): string[] {
  const cells = line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split(/(?<!\\)\|/)
    .map((c) => c.replace(/\\\|/g, "|").trim());
  return cells;
}

function ids(text: string): string[] {
  return text
    .split(/[,，\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function parseRuleFixture(file: string): RuleFixture {
  const text = readFileSync(file, "utf8");
  const lines = text.split(/\r?\n/);
  let rules: string[] = [];
  let profile: "legacy" | "mof2021" | undefined;
  const toc: { no: number; title: string; page: string }[] = [];
  const expected: ExpectedHit[] = [];
  const projects: Project[] = [];
  let current: Project | null = null;
  let header: string[] | null = null;
  let carry1 = "";
  let carry2 = "";
  let rowCount = 0;

  const ref = (p: Project) => (p.code ? p.code : `#${p.seq}`);

  for (const rawLine of lines) {
    const line = rawLine.trim();
    if (line === "" || line.startsWith("<!--") || line.startsWith("# ")) continue;
    const heading = line.match(/^##\s*项目\s+(\S+)\s+(.+)$/);
    if (heading) {
      current = ProjectSchema.parse({
        seq: projects.length + 1,
        code: heading[1] === "-" ? "" : heading[1],
        name: heading[2].trim(),
        goals: ["1.完成项目年度工作任务"],
      });
      projects.push(current);
      header = null;
      carry1 = carry2 = "";
      continue;
    }
    if (line.startsWith("|")) {
      const cells = splitRow(line);
      if (!current) throw new Error(`${file}: table before a project heading`);
      if (!header) {
        header = cells;
        continue;
      }
      if (cells.every((c) => /^:?-+:?$/.test(c))) continue;
      const get = (name: string) => {
        const i = header!.indexOf(name);
        return i >= 0 ? (cells[i] ?? "") : "";
      };
      const level1 = get("一级指标") || carry1;
      const level2 = get("二级指标") || carry2;
      carry1 = level1;
      carry2 = level2;
      const name = get("三级指标");
      const description = header.includes("绩效指标描述") ? get("绩效指标描述") : name;
      const indicator: Record<string, unknown> = {
        level1,
        level2,
        name,
        description,
        value: get("指标值"),
        basis: get("指标值确定依据"),
      };
      if (get("指标方向")) indicator.direction = get("指标方向");
      if (get("分值")) indicator.weight = Number(get("分值"));
      // The structured columns of a budget-system export.
      if (get("计量单位")) indicator.unit = get("计量单位");
      if (get("指标性质")) indicator.nature = get("指标性质");
      if (get("运算符")) indicator.operator = get("运算符");
      if (get("目标值")) indicator.target = Number(get("目标值"));
      const index = current.indicators.length;
      current.indicators.push(IndicatorSchema.parse(indicator));
      rowCount++;
      for (const rule of ids(get("expect"))) expected.push({ rule, project: ref(current), indicator: index });
      continue;
    }
    const kv = line.match(/^([^:：]+)[:：]\s*(.*)$/);
    if (!kv) throw new Error(`${file}: cannot read line: ${line}`);
    const [, key, value] = kv;
    if (key === "rules") rules = ids(value);
    else if (key === "profile") profile = value.trim() as "legacy" | "mof2021";
    else if (key === "目录") {
      for (const entry of value.split(/;\s*/).filter(Boolean)) {
        const [title, page] = entry.split("|");
        const m = title.match(/^(\d+)[.．、]?\s*(.*)$/);
        toc.push({ no: m ? Number(m[1]) : toc.length + 1, title: (m ? m[2] : title).trim(), page: (page ?? "").trim() });
      }
    } else if (key === "expect-document") {
      for (const rule of ids(value)) expected.push({ rule, project: null, indicator: null });
    } else if (!current) {
      throw new Error(`${file}: field ${key} before a project heading`);
    } else {
      // A project field line may hold several `key: value` pairs separated by ` | `.
      for (const part of line.split(/\s+\|\s+/)) {
        const m = part.match(/^([^:：]+)[:：]\s*(.*)$/);
        if (!m) continue;
        applyField(current, m[1].trim(), m[2].trim(), expected, ref(current));
      }
    }
  }
  const document = DocumentSchema.parse({ toc, projects });
  return { file, rules, profile, document, expected, rowCount };
}

function applyField(p: Project, key: string, value: string, expected: ExpectedHit[], ref: string): void {
  if (key in FIELD_ALIASES) {
    (p.budget as Record<string, number | null>)[FIELD_ALIASES[key]] = num(value);
  } else if (key === "资金支出计划") {
    const [mar, jun, oct, dec] = value.split(/[,，]/).map((v) => num(v ?? ""));
    p.spendingPlan = { mar: mar ?? null, jun: jun ?? null, oct: oct ?? null, dec: dec ?? null };
  } else if (key === "绩效目标") {
    p.goals = value.split(/\s+\/\s+/).filter(Boolean);
  } else if (key === "绩效指标说明") {
    p.narrativeIndicators = value;
  } else if (key === "项目概况") {
    p.summary = value;
  } else if (key === "资金用途") {
    p.purpose = value;
  } else if (key === "expect") {
    for (const rule of ids(value)) expected.push({ rule: rule.split("@")[0], project: ref, indicator: null });
  } else {
    throw new Error(`fixture: unknown project field ${key}`);
  }
}
