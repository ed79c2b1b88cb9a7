// The offline drafter: name + summary (+ budget, spending months, year) → a complete Project, no network.
// Every quantity the description states is placed in one row (see placement.ts) or listed as not used with
// the reason; the rest are library rows: a default marked needsConfirmation with a question, or a derivation
// the drafter can name (budget, budget year, 100% compliance). Unit standards are used as stated.
import { InputError } from "../domain/errors.js";
import type { Indicator, ProfileId, Project, SpendingPlan } from "../domain/schema.js";
import { paymentMonths } from "./facts.js";
import { beneficiaryOf, chooseKind, labelsFor, renderTemplate, type KindChoice } from "./library/index.js";
import type { IndicatorTemplate, ProjectKind, Role } from "./library/types.js";
import { factRow, roleOfFact } from "./placement.js";
import { extractStatedFacts, factText, quantityText, statedYear, type StatedFact } from "./stated.js";
import type { BudgetYear, DraftInput, KindReport, UnusedFact } from "./types.js";

/** Where a drafted value's number comes from. */
export type Derivation = "input" | "budget" | "budget-year" | "full-compliance" | "default" | "qualitative";

export interface Grounding {
  indicator: number;
  derivation: Derivation;
}

export interface OfflineDraft {
  project: Project;
  kind: ProjectKind;
  kindChoice: KindChoice;
  grounding: Grounding[];
  year: BudgetYear;
  facts: StatedFact[];
  unusedFacts: UnusedFact[];
}

/** Table order of roles (a reviewer reads 产出 → 效益 → 满意度; mof2021 puts 成本 first). */
const ROLE_ORDER: Role[] = ["数量", "质量", "时效", "成本", "经济效益", "社会效益", "生态效益", "可持续影响", "满意度"];
const EFFECT_ROLES: Role[] = ["经济效益", "社会效益", "生态效益", "可持续影响"];
const DEFAULT_PLAN: SpendingPlan = { mar: 25, jun: 50, oct: 75, dec: 100 };
const PLAN_MONTHS: [keyof SpendingPlan, number][] = [["mar", 3], ["jun", 6], ["oct", 10], ["dec", 12]];
/** From September on, budgets are drafted for the next year. */
const NEXT_YEAR_FROM_MONTH = 9;

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
  facts: StatedFact[];
  used: Set<StatedFact>;
  /** Who the project serves, for `{who}` in names (学生, 农户, 群众). */
  who: string;
  budget: number | null;
  year: BudgetYear;
  month: number;
  /** Whether the description states a count of what the money buys (else the 数量 row asks for it). */
  statesCounts: boolean;
  /** Whether a stated deadline, period or duration already gives the 时效. */
  statesTime: boolean;
}

export function validateDraftInput(input: DraftInput): void {
  if (!input.name || !input.name.trim()) throw new InputError("缺少项目名称：请给出 name（如“基层统计人员业务培训”）");
  if (!input.summary || !input.summary.trim()) {
    throw new InputError(`项目“${input.name}”缺少项目概况：请用几句话说明做什么、为谁做、做多少、何时完成`);
  }
  if (input.budget !== undefined && (!Number.isFinite(input.budget) || input.budget < 0)) {
    throw new InputError(`项目“${input.name}”的预算数“${input.budget}”无效：应为不小于 0 的万元金额`);
  }
  if (input.year !== undefined && (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100)) {
    throw new InputError(`项目“${input.name}”的预算年度“${input.year}”无效：应为 2000–2100 的年份`);
  }
  for (const m of input.spendingMonths ?? []) {
    if (!Number.isInteger(m) || m < 1 || m > 12) throw new InputError(`项目“${input.name}”的支出月份“${m}”无效：应为 1–12 的整数`);
  }
}

/**
 * The budget year: the one given (--year), else the one the description states (2025年, 明年, 今年), else
 * next year from September on and this year before — a guess the draft asks about.
 */
export function budgetYear(input: Pick<DraftInput, "year" | "today" | "name" | "summary">): BudgetYear {
  const today = input.today ?? new Date();
  const thisYear = today.getFullYear();
  if (input.year !== undefined) return { value: input.year, source: "option" };
  const stated = statedYear(`${input.name}\n${input.summary}`);
  if (stated && "year" in stated) return { value: stated.year, source: "text" };
  if (stated) return { value: stated.relative === "明年" ? thisYear + 1 : thisYear, source: "text" };
  return { value: today.getMonth() + 1 >= NEXT_YEAR_FROM_MONTH ? thisYear + 1 : thisYear, source: "clock" };
}

function yearQuestion(year: BudgetYear): string {
  return `预算年度按 ${year.value} 年起草（概况未写年度，按当前日期推断），是否正确？如不是，请用 --year（或 year 参数）指定`;
}

export function draftOffline(input: DraftInput): OfflineDraft {
  validateDraftInput(input);
  const profile: ProfileId = input.profile ?? "legacy";
  const source = `${input.name}\n${input.summary}`;
  const text = factText(source);
  const facts = extractStatedFacts(source, input.budget);
  const kindChoice = chooseKind(input.name, input.summary);
  const kind = kindChoice.kind;
  const statedBudget = facts.find((f) => f.type === "budget");
  const budget = input.budget ?? (statedBudget ? wanOf(statedBudget) : null);
  // Months the user gave, else the months the summary says money is paid out (资金6月、12月分两次拨付).
  const months = input.spendingMonths ?? paymentMonths(source);
  const year = budgetYear(input);
  const who = beneficiaryOf(kind, text);
  const fill: Fill = {
    facts, used: new Set(), who, budget, year,
    month: months && months.length > 0 ? Math.max(...months) : 12,
    statesCounts: facts.some((f) => roleOfFact(f) === "数量"),
    statesTime: facts.some((f) => roleOfFact(f) === "时效"),
  };

  const drafted: Drafted[] = [];
  const fallbacks: IndicatorTemplate[] = [];
  for (const raw of applicable(kind, text)) {
    const template = renderTemplate(raw, who);
    // 效益 rows with a library default are fallbacks: used only where the description states no 效益 of that role.
    if (EFFECT_ROLES.includes(template.role) && !template.slot) {
      if (/\d/.test(template.value)) fallbacks.push(template);
      continue;
    }
    const d = fillTemplate(template, fill);
    if (d) drafted.push(d);
  }
  // Every stated fact no library row took gets its own row, named from its clause.
  const unusedFacts: UnusedFact[] = [];
  for (const fact of facts) {
    if (fill.used.has(fact)) continue;
    if (fact.type === "budget") {
      fill.used.add(fact);
      continue;
    }
    const row = factRow(fact, (f, end) => factYear(f, year, end));
    if (!row) continue;
    if (drafted.some((d) => d.name === row.name && d.value === row.value)) {
      unusedFacts.push({ text: quantityText(fact), reason: `与“${row.name}”重复，已在该行` });
      continue;
    }
    const name = uniqueName(row.name, drafted, fact);
    fill.used.add(fact);
    drafted.push({ ...row, name, derivation: "input", ...(factYearGuessed(fact, year) ? { question: yearQuestion(year) } : {}) });
  }
  for (const template of fallbacks) {
    if (drafted.some((d) => d.role === template.role)) continue;
    drafted.push({ role: template.role, name: template.name, value: template.value, description: template.description, basis: template.basis, derivation: "default", question: template.question ?? "该效益指标值为指标库默认值，请按项目实际确认" });
  }
  if (!drafted.some((d) => d.role === "社会效益")) drafted.push(socialProxy(who));

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
    spendingPlan: spendingPlan(months),
    goals: writeGoals(input, kind.beneficiaries?.length ? who : kind.beneficiary, rows, budget),
    indicators,
    profile,
  };
  return { project, kind, kindChoice, grounding: rows.map((d, indicator) => ({ indicator, derivation: d.derivation })), year, facts, unusedFacts };
}

/** The draft's kind, year and unplaced facts, as a DraftResult reports them. */
export function draftReport(draft: OfflineDraft): { kind: KindReport; year: BudgetYear; unusedFacts: UnusedFact[] } {
  const { kind, runnerUp } = draft.kindChoice;
  return {
    kind: { id: kind.id, label: kind.label, ...(runnerUp ? { runnerUp: { id: runnerUp.id, label: runnerUp.label } } : {}) },
    year: draft.year,
    unusedFacts: draft.unusedFacts,
  };
}

function wanOf(fact: StatedFact): number {
  return fact.unit === "万元" ? fact.value : fact.unit === "亿元" ? fact.value * 10000 : fact.value / 10000;
}

/** The year of a deadline or period: the one it states, 明年/今年 from the budget year's clock, else the budget year. */
function factYear(fact: StatedFact, year: BudgetYear, end = false): number {
  const stated = end ? fact.toYear ?? fact.year : fact.year;
  if (stated !== undefined) return stated;
  return year.value;
}

function factYearGuessed(fact: StatedFact, year: BudgetYear): boolean {
  return (fact.type === "deadline" || fact.type === "period") && fact.year === undefined && fact.relativeYear === undefined && year.source === "clock";
}

function uniqueName(name: string, drafted: Drafted[], fact: StatedFact): string {
  if (!drafted.some((d) => d.name === name)) return name;
  const qualifier = fact.before.replace(/[^\u4e00-\u9fff0-9]/g, "").slice(0, 8);
  const candidate = qualifier ? `${name}（${qualifier}）` : `${name}（${quantityText(fact)}）`;
  return drafted.some((d) => d.name === candidate) ? `${name}（${quantityText(fact)}）` : candidate;
}

/** A 社会效益 row where the description states none: who is served, counted, with the question. */
function socialProxy(who: string): Drafted {
  return {
    role: "社会效益",
    name: `受益${who}人数`,
    value: "≥100人",
    description: `项目实施直接惠及的${who}数量`,
    basis: "项目实施方案及受益对象台账",
    derivation: "default",
    question: `概况未写受益人数：受益${who}人数暂按 100 人起草，请按实际填写`,
  };
}

function applicable(kind: ProjectKind, text: string): IndicatorTemplate[] {
  return kind.indicators.filter((t) => !t.whenCues || t.whenCues.some((c) => text.includes(c)));
}

function roleRank(role: Role, profile: ProfileId): number {
  if (profile === "mof2021" && role === "成本") return -1;
  return ROLE_ORDER.indexOf(role);
}

const bareUnit = (unit: string) => unit.replace(/^万/, "");

/** The fact a slot reads: cue words near the number first, then (for a required row) any fact of its unit. */
function findFact(template: IndicatorTemplate, fill: Fill): StatedFact | undefined {
  const slot = template.slot!;
  const role = template.role;
  const fits = (f: StatedFact) => !fill.used.has(f) && slot.units.includes(bareUnit(f.unit)) && f.type !== "unit-standard";
  const free = fill.facts.filter((f) => fits(f) && roleOfFact(f) === role);
  const near = (f: StatedFact) => slot.cues.length === 0 || slot.cues.some((c) => f.before.includes(c) || f.after.includes(c));
  const found = free.find(near) ?? (template.optional ? undefined : free.find((f) => !/年$/.test(f.unit)));
  if (found || template.optional || role !== "数量") return found;
  // A project whose output is people served (补助惠及农户2860户) counts them as its 数量 when it states no other count.
  return fill.facts.find((f) => fits(f) && f.type === "beneficiaries" && !f.effect);
}

/** A head-count name that says what the stated unit counts: 受益农户人数 + 户 → 受益农户数, 服务人次 + 人 → 服务人数. */
function countedAs(name: string, unit: string, who: string): string {
  const m = /(人数|人次|户数)$/.exec(name);
  if (!m) return name;
  const stem = name.slice(0, -2);
  if (unit === "户") return `${stem}${stem.endsWith("户") || who.endsWith("户") ? "数" : "户数"}`;
  // 参训人数 ≥200人次 is usual wording; 服务人次 ≥4200人 is not.
  if ((unit === "人" || unit === "名") && m[1] === "人次") return `${stem}人数`;
  return name;
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
      return { ...base, name: countedAs(base.name, fact.unit, fill.who), value: withOperator(v, quantityText(fact)), derivation: "input" };
    }
    // Where the description states counts, they make the 数量 rows; a default count is asked only when none is.
    if (template.optional || (template.role === "数量" && fill.statesCounts)) return null;
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
  if (v.includes("{rate}")) {
    // A standard the input states (每生每天5元); a row of this kind is never drafted from a default.
    const rate = fill.facts.find((f) => f.type === "unit-standard" && !fill.used.has(f) && f.unit.startsWith("元"));
    if (!rate) return null;
    fill.used.add(rate);
    return { ...base, value: v.replace("{rate}", quantityText(rate)), derivation: "input" };
  }
  // A unit cost is never recomputed from the budget: only a standard the text states is one.
  if (v.includes("{perUnit}")) return null;
  if (v.includes("{deadline}")) {
    const stated = fill.facts.find((f) => f.type === "deadline" && !fill.used.has(f));
    if (stated) {
      fill.used.add(stated);
      const day = stated.day ? `${stated.day}日` : "底";
      const guessed = factYearGuessed(stated, fill.year);
      return { ...base, value: `${factYear(stated, fill.year)}年${stated.month}月${day}前`, derivation: "input", ...(guessed ? { question: yearQuestion(fill.year) } : {}) };
    }
    if (fill.statesTime) return null;
    const guessed = fill.year.source === "clock";
    return { ...base, value: `${fill.year.value}年${fill.month}月底前`, derivation: "budget-year", ...(guessed ? { question: yearQuestion(fill.year) } : {}) };
  }
  if (!/\d/.test(v)) return { ...base, value: v, derivation: "qualitative" };
  if (template.derivation) return { ...base, value: v, derivation: template.derivation };
  const stated = statedPercent(template, fill);
  if (stated) {
    fill.used.add(stated);
    return { ...base, value: v.replace(/\d+(?:\.\d+)?/, stated.text), derivation: "input" };
  }
  return { ...base, value: v, derivation: "default", question: template.question };
}

/** A percentage the summary states for this measure (满意度达到95% → 参训人员满意度 ≥95%). */
function statedPercent(template: IndicatorTemplate, fill: Fill): StatedFact | null {
  const tail = template.name.includes("满意") ? "满意" : template.name.slice(-3);
  return fill.facts.find((f) => f.type === "completion-share" && !fill.used.has(f) && f.before.includes(tail) && f.value > 0 && f.value <= 100) ?? null;
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

function writeGoals(input: DraftInput, beneficiary: string, rows: Drafted[], budget: number | null): string[] {
  const goals = [`${aimOf(input.summary)}。`.replace(/。+$/, "。")];
  const pick = (role: Role) => rows.filter((r) => r.role === role);
  const outputs = [...pick("数量"), ...pick("质量").slice(0, 1)].map((r) => `${r.name}${r.value}`);
  const deadline = pick("时效").find((r) => /月/.test(r.value));
  const parts: string[] = [];
  if (outputs.length > 0) parts.push(`完成${outputs.join("，")}`);
  if (deadline) parts.push(`${deadline.value}完成全部任务`);
  if (budget !== null && budget > 0) parts.push(`项目支出控制在预算${round(budget, 4)}万元以内`);
  const satisfaction = pick("满意度")[0];
  if (satisfaction) parts.push(`${satisfaction.name}${satisfaction.value}`);
  goals.push(`${parts.join("；")}。`);
  const effect = [...pick("社会效益"), ...pick("经济效益"), ...pick("生态效益")][0];
  if (effect) goals.push(`通过项目实施，${effect.name}${effect.value}，为${beneficiary}提供有力保障。`);
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
