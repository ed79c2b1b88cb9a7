// Draft quality on evals/quality/cases.json: does the draft carry every fact the description states, in the
// 二级 it belongs in, for the right kind and budget year — and without rate-only 数量 rows, bare grade words in
// 效益 or rows copied across unrelated projects. The annotations were written from the texts, not the drafts.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { draftProject, suggestIndicators, type DraftInput, type DraftResult } from "../src/draft/index.js";
import { detectKind, isKindOf } from "../src/draft/library/index.js";
import { canonicalLabel } from "../src/domain/taxonomy.js";
import type { Indicator } from "../src/domain/schema.js";

export const FACT_TYPES = [
  "count", "area", "length", "duration", "period", "deadline", "unit-standard", "money-split", "completion-share",
  "beneficiaries", "jobs", "income", "output-value",
] as const;
export type FactType = (typeof FACT_TYPES)[number];

/** [type, value, unit, 二级]; a period's value is [from month, to month]. */
export type AnnotatedFact = [FactType, number | [number, number], string, string];

export interface QualityCase {
  id: string;
  kind: string;
  /** The budget year the text implies: a year, 明年 (the clock's year + 1), or null (the clock decides). */
  year: number | "明年" | null;
  name: string;
  summary: string;
  budget?: number;
  today?: string;
  facts: AnnotatedFact[];
}

const here = dirname(fileURLToPath(import.meta.url));

/** The annotated set (cases.json), or the held-out set written after the drafter changes (holdout.json). */
export function qualityCases(set: "cases" | "holdout" = "cases"): { today: string; cases: QualityCase[] } {
  return JSON.parse(readFileSync(join(here, "quality", `${set}.json`), "utf8"));
}

/** Unit spellings that say the same (名 = 人, 日 = 天, 平米 = 平方米, 元/人/月 = 元/人·月). */
function canonUnit(u: string): string {
  return u
    .replace(/名/g, "人")
    .replace(/(?<!工作)日/g, "天")
    .replace(/平米|㎡/g, "平方米")
    .replace(/[/／·.]/g, "/")
    .replace(/个月/g, "月");
}

const NUMBER_AT = /(\d+(?:\.\d+)?)(万)?/g;

/** Whether an indicator value states the fact (number and unit; deadlines and periods by their months). */
export function valueStates(value: string, fact: AnnotatedFact): boolean {
  const v = value.replace(/\s+/g, "");
  const [type, amount, unit] = fact;
  if (type === "period") {
    const [a, b] = amount as [number, number];
    return new RegExp(`(?<!\\d)${a}月`).test(v) && new RegExp(`(?<!\\d)${b}月`).test(v);
  }
  if (type === "deadline") return new RegExp(`(?<!\\d)${amount}月`).test(v);
  const want = canonUnit(unit);
  for (const m of v.matchAll(NUMBER_AT)) {
    const rest = canonUnit(v.slice(m.index + m[0].length));
    let n = Number(m[1]);
    if (m[2]) {
      if (want.startsWith("万")) {
        if (n === amount && rest.startsWith(want.slice(1))) return true;
        continue;
      }
      n *= 10000;
    }
    if (Math.abs(n - (amount as number)) < 1e-6 && rest.startsWith(want)) return true;
  }
  return false;
}

function budgetYear(c: QualityCase, today: string): number {
  const now = new Date(c.today ?? today);
  if (typeof c.year === "number") return c.year;
  if (c.year === "明年") return now.getUTCFullYear() + 1;
  return now.getUTCMonth() + 1 >= 9 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
}

function isRateOnly(ind: Indicator): boolean {
  return canonicalLabel(ind.level2) === "数量指标" && /^[≥≤=<>]*\d+(?:\.\d+)?%$/.test(ind.value.replace(/\s+/g, ""));
}

function isVagueEffect(ind: Indicator): boolean {
  return ind.level1.replace(/\s+/g, "") === "效益指标" && !/\d/.test(ind.value);
}

export interface QualityRow {
  id: string;
  kind: string;
  kindOk: boolean;
  agree: boolean;
  facts: { fact: AnnotatedFact; carried: boolean; routed: boolean }[];
  rateOnly: boolean;
  effectRows: number;
  vagueEffects: number;
  yearOk: boolean;
  yearImplied: boolean;
  rows: string[];
}

function kindOf(result: DraftResult, input: DraftInput): string {
  const reported = (result as { kind?: { id: string } }).kind;
  return reported?.id ?? detectKind(input.name, input.summary).id;
}

export async function runQuality(set: "cases" | "holdout" = "cases"): Promise<{ rows: QualityRow[]; summary: Record<string, unknown> }> {
  const { today, cases } = qualityCases(set);
  const rows: QualityRow[] = [];
  for (const c of cases) {
    const clock = new Date(c.today ?? today);
    const input = { name: c.name, summary: c.summary, ...(c.budget !== undefined ? { budget: c.budget } : {}), today: clock } as DraftInput;
    const result = await draftProject(input);
    const inds = result.project.indicators;
    const kind = kindOf(result, input);
    const kindObj = detectKind(c.name, c.summary);
    const kindOk = kind === c.kind || (kindObj.id === kind && isKindOf(kindObj, c.kind));
    const suggested = suggestIndicators({ summary: c.summary, name: c.name } as Parameters<typeof suggestIndicators>[0])[0];
    const reportedLabel = inds.length ? (result as { kind?: { label: string } }).kind?.label ?? kindObj.label : "";
    const facts = c.facts.map((fact) => {
      const holders = inds.filter((i) => valueStates(i.value, fact));
      return { fact, carried: holders.length > 0, routed: holders.some((i) => canonicalLabel(i.level2) === fact[3]) };
    });
    const want = budgetYear(c, today);
    const years = inds.filter((i) => canonicalLabel(i.level2) === "时效指标").flatMap((i) => [...i.value.matchAll(/(20\d{2})年/g)].map((m) => Number(m[1])));
    const reportedYear = (result as { year?: { value: number } }).year?.value;
    const yearOk = (years.length > 0 || reportedYear !== undefined) && years.every((y) => y === want) && (reportedYear === undefined || reportedYear === want);
    rows.push({
      id: c.id,
      kind,
      kindOk,
      agree: suggested?.kind === reportedLabel,
      facts,
      rateOnly: inds.some(isRateOnly),
      effectRows: inds.filter((i) => i.level1.replace(/\s+/g, "") === "效益指标").length,
      vagueEffects: inds.filter(isVagueEffect).length,
      yearOk,
      yearImplied: c.year !== null,
      rows: inds.map((i) => `${i.name.replace(/\s+/g, "")}|${i.value.replace(/\s+/g, "")}`),
    });
  }
  return { rows, summary: summarizeQuality(rows, cases) };
}

function share(a: number, b: number): number {
  return b === 0 ? 1 : Math.round((a / b) * 1000) / 1000;
}

export function summarizeQuality(rows: QualityRow[], cases: QualityCase[]): Record<string, unknown> {
  const all = rows.flatMap((r) => r.facts);
  const byType: Record<string, string> = {};
  for (const t of FACT_TYPES) {
    const of = all.filter((f) => f.fact[0] === t);
    if (of.length) byType[t] = `${of.filter((f) => f.carried).length}/${of.length}`;
  }
  const carried = all.filter((f) => f.carried);
  // A row is boilerplate when the same name and value appear in a case of another kind.
  const kindOfCase = new Map(cases.map((c) => [c.id, c.kind]));
  const seen = new Map<string, Set<string>>();
  for (const r of rows) for (const row of new Set(r.rows)) (seen.get(row) ?? seen.set(row, new Set()).get(row)!).add(kindOfCase.get(r.id)!);
  const totalRows = rows.reduce((s, r) => s + r.rows.length, 0);
  const boiler = rows.reduce((s, r) => s + r.rows.filter((row) => seen.get(row)!.size > 1).length, 0);
  const implied = rows.filter((r) => r.yearImplied);
  return {
    cases: rows.length,
    facts: all.length,
    factRecall: share(carried.length, all.length),
    factRecallByType: byType,
    countRecall: share(all.filter((f) => f.fact[0] === "count" && f.carried).length, all.filter((f) => f.fact[0] === "count").length),
    routing: share(carried.filter((f) => f.routed).length, carried.length),
    kindAccuracy: share(rows.filter((r) => r.kindOk).length, rows.length),
    rateOnlyDrafts: rows.filter((r) => r.rateOnly).length,
    vagueEffectShare: share(rows.reduce((s, r) => s + r.vagueEffects, 0), rows.reduce((s, r) => s + r.effectRows, 0)),
    boilerplateShare: share(boiler, totalRows),
    yearRight: share(rows.filter((r) => r.yearOk).length, rows.length),
    yearRightWhereImplied: `${implied.filter((r) => r.yearOk).length}/${implied.length}`,
    suggestAgrees: share(rows.filter((r) => r.agree).length, rows.length),
  };
}

export function qualityTable(rows: QualityRow[]): string {
  const head = ["case", "kind", "facts", "routed", "rate-only", "vague效益", "year"];
  const lines = rows.map((r) => [
    r.id,
    `${r.kind}${r.kindOk ? "" : " ✗"}${r.agree ? "" : " ≠suggest"}`,
    `${r.facts.filter((f) => f.carried).length}/${r.facts.length}`,
    `${r.facts.filter((f) => f.routed).length}`,
    r.rateOnly ? "✗" : "",
    `${r.vagueEffects}/${r.effectRows}`,
    r.yearOk ? "✓" : "✗",
  ]);
  return [head, ...lines].map((cols) => cols.join("\t")).join("\n");
}

export function missedFacts(rows: QualityRow[]): string[] {
  return rows.flatMap((r) => r.facts.filter((f) => !f.routed).map((f) => `${r.id}: ${f.fact[0]} ${JSON.stringify(f.fact[1])}${f.fact[2]} → ${f.fact[3]}${f.carried ? "（行错）" : "（缺）"}`));
}
