// The offline drafter: name + summary (+ budget, spending months) → a complete Project, no network.
// Numbers come from the input where it states them; everything else is a library default marked
// needsConfirmation with a question, or a derivation the drafter can name (budget, budget year, 100% compliance).
import { InputError } from "../domain/errors.js";
import type { Indicator, ProfileId, Project, SpendingPlan } from "../domain/schema.js";
import { extractFacts, normalizeInput, type CountFact, type Facts } from "./facts.js";
import { detectKind, labelsFor, rankKinds } from "./library/index.js";
import type { IndicatorTemplate, ProjectKind, Role } from "./library/types.js";
import type { DraftInput } from "./types.js";


/** Where a drafted value's number comes from. */
export type Derivation = "input" | "budget" | "budget-per-unit" | "budget-year" | "full-compliance" | "default" | "qualitative";

export interface Grounding {
  indicator: number;
  derivation: Derivation;
}

export interface OfflineDraft {
  project: Project;
  kind: ProjectKind;
  grounding: Grounding[];
}

/** Table order of roles (a reviewer reads 产出 → 效益 → 满意度; mof2021 puts 成本 first). */
const ROLE_ORDER: Role[] = ["数量", "质量", "时效", "成本", "经济效益", "社会效益", "生态效益", "可持续影响", "满意度"];
const MAX_EXTRA_COUNTS = 2;
const DEFAULT_PLAN: SpendingPlan = { mar: 25, jun: 50, oct: 75, dec: 100 };
const PLAN_MONTHS: [keyof SpendingPlan, number][] = [["mar", 3], ["jun", 6], ["oct", 10], ["dec", 12]];

interface Drafted {
  role: Role;
  name: string;
  value: string;
  description: string;
  basis: string;
  derivation: Derivation;
  question?: string;
}

/** Context shared while filling one project's templates. */
interface Fill {
  facts: Facts;
  text: string;
  used: Set<CountFact>;
  budget: number | null;
  year: number;
  yearFromInput: boolean;
  month: number;
  /** A grounded head count (参训人数) for a unit cost. */
  heads: CountFact | null;
}

export function validateDraftInput(input: DraftInput): void {
  if (!input.name || !input.name.trim()) throw new InputError("缺少项目名称：请给出 name（如“基层统计人员业务培训”）");
  if (!input.summary || !input.summary.trim()) {
    throw new InputError(`项目“${input.name}”缺少项目概况：请用几句话说明做什么、为谁做、做多少、何时完成`);
  }
  if (input.budget !== undefined && (!Number.isFinite(input.budget) || input.budget < 0)) {
    throw new InputError(`项目“${input.name}”的预算数“${input.budget}”无效：应为不小于 0 的万元金额`);
  }
  for (const m of input.spendingMonths ?? []) {
    if (!Number.isInteger(m) || m < 1 || m > 12) throw new InputError(`项目“${input.name}”的支出月份“${m}”无效：应为 1–12 的整数`);
  }
}

export function draftOffline(input: DraftInput): OfflineDraft {
  validateDraftInput(input);
  const profile: ProfileId = input.profile ?? "legacy";
  const source = `${input.name}\n${input.summary}`;
  const text = normalizeInput(source);
  const facts = extractFacts(source);
  const kind = detectKind(input.name, input.summary);
  const budget = input.budget ?? (facts.money.length > 0 ? Math.max(...facts.money) : null);
  const fill = makeFill(facts, text, budget, input.spendingMonths);

  const drafted: Drafted[] = [];
  for (const template of applicable(kind, text)) {
    const d = fillTemplate(template, fill);
    if (d) drafted.push(d);
  }
  // A second kind the summary clearly also speaks of (审计 + 会展) contributes its grounded counts.
  const ranked = rankKinds(input.name, input.summary);
  for (const other of ranked.slice(1, 3)) {
    if (other.kind.id === kind.id || other.score < ranked[0].score / 2) continue;
    for (const template of applicable(other.kind, text)) {
      if (template.role !== "数量" || !template.slot) continue;
      const d = fillTemplate({ ...template, optional: true }, fill);
      if (d) drafted.push(d);
    }
  }
  drafted.push(...extraCounts(fill, drafted));

  const rows = dedupe(drafted).sort((a, b) => roleRank(a.role, profile) - roleRank(b.role, profile));
  const indicators: Indicator[] = rows.map((d) => {
    const ind: Indicator = { ...labelsFor(d.role, profile), name: d.name, description: d.description, value: d.value, basis: d.basis };
    if (d.question) ind.needsConfirmation = d.question;
    return ind;
  });
  const project: Project = {
    seq: 1,
    code: input.code ?? "",
    name: input.name.trim(),
    summary: input.summary.trim(),
    funding: fundingText(budget),
    narrativeGoals: [],
    narrativeIndicators: "",
    evaluationBasis: "",
    budget: { total: budget, fiscal: null, other: null },
    purpose: purposeOf(input.summary),
    spendingPlan: spendingPlan(input.spendingMonths),
    goals: writeGoals(input, kind, rows, budget),
    indicators,
    profile,
  };
  return { project, kind, grounding: rows.map((d, indicator) => ({ indicator, derivation: d.derivation })) };
}

function makeFill(facts: Facts, text: string, budget: number | null, months: number[] | undefined): Fill {
  const stated = facts.deadlines.find((d) => d.year !== undefined);
  const plausible = facts.years.filter((y) => y >= 2000 && y <= 2100);
  const year = stated?.year ?? (plausible.length > 0 ? Math.max(...plausible) : new Date().getFullYear());
  const month = months && months.length > 0 ? Math.max(...months) : 12;
  return { facts, text, used: new Set(), budget, year, yearFromInput: stated !== undefined || plausible.length > 0, month, heads: null };
}

function applicable(kind: ProjectKind, text: string): IndicatorTemplate[] {
  return kind.indicators.filter((t) => !t.whenCues || t.whenCues.some((c) => text.includes(c)));
}

function roleRank(role: Role, profile: ProfileId): number {
  if (profile === "mof2021" && role === "成本") return -1;
  return ROLE_ORDER.indexOf(role);
}

/** The fact a slot reads: cue words near the number first, then (for a required row) any fact of its unit. */
function findFact(template: IndicatorTemplate, fill: Fill): CountFact | undefined {
  const slot = template.slot!;
  const free = fill.facts.counts.filter((f) => !fill.used.has(f) && slot.units.includes(f.unit));
  const near = (f: CountFact) => slot.cues.length === 0 || slot.cues.some((c) => f.before.includes(c) || f.after.includes(c));
  return free.find(near) ?? (template.optional ? undefined : free.find((f) => !/年$/.test(f.unit)));
}

function withOperator(pattern: string, body: string): string {
  return pattern.replace("{n}", body);
}

function money(amountWan: number): string {
  // Below 1 万元 the cost reads better (and stays exact) in 元: 0.5 万元 → 5000元.
  if (amountWan < 1) return `${round(amountWan * 10000, 2)}元`;
  return `${round(amountWan, 4)}万元`;
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function fillTemplate(template: IndicatorTemplate, fill: Fill): Drafted | null {
  const base = { role: template.role, name: template.name, description: template.description, basis: template.basis };
  const v = template.value;
  if (v.includes("{n}")) {
    const slot = template.slot!;
    const fact = findFact(template, fill);
    if (fact) {
      fill.used.add(fact);
      if (["人", "人次", "名", "户", "家"].includes(fact.unit) && !fill.heads) fill.heads = fact;
      return { ...base, value: withOperator(v, `${fact.text}${fact.multiplier}${fact.unit}`), derivation: "input" };
    }
    if (template.optional) return null;
    return { ...base, value: withOperator(v, `${slot.default}${slot.defaultUnit}`), derivation: "default", question: slot.question };
  }
  if (v === "{budget}" || v.includes("{budget}")) {
    if (fill.budget !== null && fill.budget > 0) return { ...base, value: v.replace("{budget}", money(fill.budget)), derivation: "budget" };
    return {
      ...base,
      value: v.replace("{budget}", "10万元"),
      derivation: "default",
      question: "未给出预算数，成本暂按 10 万元起草；请按预算批复填写项目总成本",
    };
  }
  if (v.includes("{perUnit}")) {
    const heads = fill.heads;
    if (!heads || fill.budget === null || fill.budget <= 0 || heads.value <= 0) return null;
    const perHead = round((fill.budget * 10000) / heads.value, 0);
    if (perHead < 1) return null;
    return { ...base, value: v.replace("{perUnit}", `${perHead}元/${heads.unit}`), derivation: "budget-per-unit" };
  }
  if (v.includes("{deadline}")) {
    const stated = fill.facts.deadlines[0];
    if (stated) {
      const year = stated.year ?? fill.year;
      const day = stated.day ? `${stated.day}日` : "底";
      return { ...base, value: `${year}年${stated.month}月${day}前`, derivation: "input" };
    }
    return { ...base, value: `${fill.year}年${fill.month}月底前`, derivation: fill.yearFromInput ? "input" : "budget-year" };
  }
  if (!/\d/.test(v)) return { ...base, value: v, derivation: "qualitative" };
  if (template.derivation) return { ...base, value: v, derivation: template.derivation };
  const stated = statedPercent(template, fill);
  if (stated !== null) return { ...base, value: v.replace(/\d+(?:\.\d+)?/, stated), derivation: "input" };
  return { ...base, value: v, derivation: "default", question: template.question };
}

/** A percentage the summary states for this measure (满意度达到95% → 参训人员满意度 ≥95%). */
function statedPercent(template: IndicatorTemplate, fill: Fill): string | null {
  const tail = template.name.includes("满意") ? "满意" : template.name.slice(-3);
  const hit = fill.facts.percents.find((p) => p.before.includes(tail) && p.value > 0 && p.value <= 100);
  return hit ? hit.text : null;
}

// ---- counts stated in the summary that no template took -----------------------------------------------------

const LEADING_WORDS = /^(?:每年|全年|年度|计划|预计|拟|主要|共|累计|通过|其中|并|和|及|对|向|为|在|将|已|同时|根据|按照)+/;
const COUNT_SUFFIX: Record<string, string> = {
  户: "户数", 人: "人数", 名: "人数", 人次: "人次", 次: "次数", 场: "场次", 场次: "场次", 期: "期数", 届: "届数", 班: "班次",
  平方米: "面积", 平方公里: "面积", 亩: "面积", 公里: "长度", 千米: "长度", 米: "长度", 千瓦: "容量", 吨: "数量", 立方米: "数量",
};
const ENDS_AS_COUNT = /(?:数|数量|量|人次|场次|面积|长度|规模|容量)$/;

function extraCounts(fill: Fill, drafted: Drafted[]): Drafted[] {
  const out: Drafted[] = [];
  for (const fact of fill.facts.counts) {
    if (out.length >= MAX_EXTRA_COUNTS) break;
    if (fill.used.has(fact) || fact.unit === "年") continue;
    const name = countName(fact);
    if (!name || drafted.some((d) => d.name === name)) continue;
    fill.used.add(fact);
    out.push({
      role: "数量",
      name,
      value: `≥${fact.text}${fact.multiplier}${fact.unit}`,
      description: `项目概况中确定的${name}`,
      basis: "项目实施方案及年度工作计划",
      derivation: "input",
    });
  }
  return out;
}

/** A 三级 name for a stated count: `计划推广使用洁净型煤代燃煤户数约2600户` → 推广使用洁净型煤代燃煤户数. */
function countName(fact: CountFact): string | null {
  let subject = fact.before.replace(LEADING_WORDS, "");
  const object = fact.after.replace(/[的了]$/, "").slice(0, 8);
  if (!ENDS_AS_COUNT.test(subject)) subject = `${subject}${object}`;
  if (subject.replace(/[^\u4e00-\u9fff]/g, "").length < 4) return null;
  if (subject.length > 16) subject = subject.slice(-16);
  if (ENDS_AS_COUNT.test(subject)) return subject;
  return `${subject}${COUNT_SUFFIX[fact.unit] ?? "数量"}`;
}

function dedupe(rows: Drafted[]): Drafted[] {
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.name) ? false : (seen.add(r.name), true)));
}

// ---- goals, plan, funding -----------------------------------------------------------------------------------

const SENTENCE_END = /[。！？!?；;\n]/;

/** The summary's first sentence, without a leading 为了/为 clause marker, as the project's aim. */
function aimOf(summary: string): string {
  const first = summary.trim().split(SENTENCE_END).map((s) => s.trim()).find((s) => s.length >= 6) ?? summary.trim();
  const clipped = first.length > 90 ? `${first.slice(0, 90).replace(/[，,、][^，,、]*$/, "")}` : first;
  return clipped.replace(/^[，,\s]+/, "");
}

function writeGoals(input: DraftInput, kind: ProjectKind, rows: Drafted[], budget: number | null): string[] {
  const goals = [`${aimOf(input.summary)}。`.replace(/。+$/, "。")];
  const pick = (role: Role) => rows.filter((r) => r.role === role);
  const outputs = [...pick("数量"), ...pick("质量").slice(0, 1)].map((r) => `${r.name}${r.value}`);
  const deadline = pick("时效")[0];
  const parts: string[] = [];
  if (outputs.length > 0) parts.push(`完成${outputs.join("，")}`);
  if (deadline) parts.push(`${deadline.value}完成全部任务`);
  if (budget !== null && budget > 0) parts.push(`项目支出控制在预算${round(budget, 4)}万元以内`);
  const satisfaction = pick("满意度")[0];
  if (satisfaction) parts.push(`${satisfaction.name}${satisfaction.value}`);
  goals.push(`${parts.join("；")}。`);
  const effect = [...pick("社会效益"), ...pick("经济效益"), ...pick("生态效益")][0];
  if (effect) goals.push(`通过项目实施，${effect.name}${effect.value}，为${kind.beneficiary}提供有力保障。`);
  return goals.map((g, i) => `${i + 1}.${g}`);
}

function spendingPlan(months: number[] | undefined): SpendingPlan {
  if (!months || months.length === 0) return { ...DEFAULT_PLAN };
  // Money spent in the given months, evenly; the plan holds cumulative shares at 3/6/10/12月底.
  const sorted = [...new Set(months)].sort((a, b) => a - b);
  const plan = { mar: 0, jun: 0, oct: 0, dec: 100 } as SpendingPlan;
  for (const [key, end] of PLAN_MONTHS) {
    const spent = sorted.filter((m) => m <= end).length;
    plan[key] = key === "dec" ? 100 : Math.round((spent / sorted.length) * 100);
  }
  return plan;
}

function fundingText(budget: number | null): string {
  return budget !== null && budget > 0 ? `该项目安排预算资金共计${round(budget, 4)}万元。` : "";
}

const USE_RE = /(?:主要)?用于([^。；;\n]{2,60})/;

function purposeOf(summary: string): string {
  const m = USE_RE.exec(summary.replace(/\s+/g, ""));
  return m ? m[1] : "";
}
