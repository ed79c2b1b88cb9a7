// What makes a draft good, measured: zero errors, mandatory 二级 covered, no duplicate 三级, and every
// number shown as fact grounded in the input or derived in a way we can name.
import { extractFacts } from "../src/draft/facts.js";
import type { DraftInput, DraftResult } from "../src/draft/index.js";
import { canonicalLabel, PROFILES } from "../src/domain/taxonomy.js";
import type { Project } from "../src/domain/schema.js";

export type NumberSource = "input" | "budget" | "budget-per-unit" | "budget-year" | "year-end-month" | "full-compliance";

export interface NumberCheck {
  indicator: number;
  value: string;
  number: string;
  source: NumberSource | null;
}

const NUMBER_RE = /\d+(?:\.\d+)?/g;
const DEADLINE_RE = /^(\d{4})年(\d{1,2})月(?:底|\d{1,2}日)前$/;

function same(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-6;
}

/**
 * Where each number of a value not marked needsConfirmation comes from; null = ungrounded (presented as a
 * fact with no source). Named derivations: the budget (万元, or 元 below 1 万元), budget ÷ a stated count,
 * the budget year and its year-end month in a deadline, and =100% on a full-compliance measure.
 */
export function groundNumbers(input: DraftInput, project: Project): NumberCheck[] {
  const facts = extractFacts(`${input.name}\n${input.summary}`);
  const stated = [...facts.numbers].map(Number);
  const budget = project.budget.total;
  const thisYear = new Date().getFullYear();
  const out: NumberCheck[] = [];
  project.indicators.forEach((ind, indicator) => {
    if (ind.needsConfirmation) return;
    const value = ind.value.replace(/\s+/g, "");
    const deadline = DEADLINE_RE.exec(value);
    for (const m of value.matchAll(NUMBER_RE)) {
      const n = Number(m[0]);
      let source: NumberSource | null = null;
      if (facts.numbers.has(m[0])) source = "input";
      else if (budget !== null && (same(n, budget) || same(n, budget * 10000))) source = "budget";
      else if (budget !== null && /元\//.test(value) && stated.some((c) => c > 0 && same(n, Math.round((budget * 10000) / c)))) source = "budget-per-unit";
      else if (deadline && m.index === 0 && n === thisYear) source = "budget-year";
      else if (deadline && m[0] === deadline[2] && n === Math.max(12, ...(input.spendingMonths ?? []))) source = "year-end-month";
      else if (deadline && m[0] === deadline[2] && (input.spendingMonths ?? []).includes(n)) source = "year-end-month";
      else if (value === "=100%" && /(?:合格率|准确率|通过率)$/.test(ind.name)) source = "full-compliance";
      out.push({ indicator, value: ind.value, number: m[0], source });
    }
  });
  return out;
}

export interface DraftMetrics {
  errors: number;
  warnings: number;
  infos: number;
  mandatoryCovered: boolean;
  missingLevel2: string[];
  duplicates: number;
  numbers: number;
  groundedNumbers: number;
  ungrounded: NumberCheck[];
  needsConfirmation: number;
  rounds: number;
  indicators: number;
}

export function measureDraft(input: DraftInput, result: DraftResult): DraftMetrics {
  const project = result.project;
  const profile = PROFILES[input.profile ?? project.profile ?? "legacy"];
  const present = new Set(project.indicators.map((i) => canonicalLabel(i.level2)));
  const missingLevel2 = profile.requiredLevel2.filter((l) => !present.has(l));
  const names = project.indicators.map((i) => i.name.replace(/\s+/g, ""));
  const duplicates = names.length - new Set(names).size;
  const checks = groundNumbers(input, project);
  const ungrounded = checks.filter((c) => c.source === null);
  return {
    errors: result.findings.filter((f) => f.severity === "error").length,
    warnings: result.findings.filter((f) => f.severity === "warning").length,
    infos: result.findings.filter((f) => f.severity === "info").length,
    mandatoryCovered: missingLevel2.length === 0,
    missingLevel2,
    duplicates,
    numbers: checks.length,
    groundedNumbers: checks.length - ungrounded.length,
    ungrounded,
    needsConfirmation: result.needsConfirmation.length,
    rounds: result.rounds,
    indicators: project.indicators.length,
  };
}

export interface EvalSummary {
  cases: number;
  zeroErrorRate: number;
  warningsPerDraft: number;
  mandatoryCoverage: number;
  groundedShare: number;
  duplicates: number;
  needsConfirmationPerDraft: number;
  roundsPerDraft: number;
  kindAccuracy: number | null;
  expectedValuesHit: number | null;
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : Math.round((a / b) * 1000) / 1000;
}

export function summarize(
  rows: { metrics: DraftMetrics; kindOk?: boolean; valuesHit?: number; valuesExpected?: number }[],
): EvalSummary {
  const n = rows.length;
  const sum = (f: (m: DraftMetrics) => number) => rows.reduce((s, r) => s + f(r.metrics), 0);
  const kindRows = rows.filter((r) => r.kindOk !== undefined);
  const valueRows = rows.filter((r) => (r.valuesExpected ?? 0) > 0);
  return {
    cases: n,
    zeroErrorRate: ratio(rows.filter((r) => r.metrics.errors === 0).length, n),
    warningsPerDraft: ratio(sum((m) => m.warnings), n),
    mandatoryCoverage: ratio(rows.filter((r) => r.metrics.mandatoryCovered).length, n),
    groundedShare: ratio(sum((m) => m.groundedNumbers), sum((m) => m.numbers)),
    duplicates: sum((m) => m.duplicates),
    needsConfirmationPerDraft: ratio(sum((m) => m.needsConfirmation), n),
    roundsPerDraft: ratio(sum((m) => m.rounds), n),
    kindAccuracy: kindRows.length ? ratio(kindRows.filter((r) => r.kindOk).length, kindRows.length) : null,
    expectedValuesHit: valueRows.length
      ? ratio(valueRows.reduce((s, r) => s + (r.valuesHit ?? 0), 0), valueRows.reduce((s, r) => s + (r.valuesExpected ?? 0), 0))
      : null,
  };
}
