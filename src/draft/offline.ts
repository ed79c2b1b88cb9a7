// The offline drafter: name + summary (+ budget, spending months) → a complete Project, no network.
// Numbers come from the input where it states them; everything else is a library default marked
// needsConfirmation with a question, or a derivation the drafter can name (budget, budget year, 100% compliance).
import { InputError } from "../domain/errors.js";
import type { Indicator, ProfileId, Project, SpendingPlan } from "../domain/schema.js";
import { extractFacts, normalizeInput, paymentMonths, type CountFact, type Facts, type RateFact } from "./facts.js";
import { beneficiaryOf, labelsFor, pickKind, rankKinds, renderTemplate } from "./library/index.js";
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
  used: Set<CountFact | RateFact>;
  /** Who the project serves, for `{who}` in names (学生, 农户, 群众). */
  who: string;
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
  const ranked = rankKinds(input.name, input.summary);
  const kind = pickKind(ranked);
  const budget = input.budget ?? (facts.money.length > 0 ? Math.max(...facts.money) : null);
  // Months the user gave, else the months the summary says money is paid out (资金6月、12月分两次拨付).
  const months = input.spendingMonths ?? paymentMonths(source);
  const fill = makeFill(facts, text, budget, months, beneficiaryOf(kind, text));

  const drafted: Drafted[] = [];
  for (const template of applicable(kind, text)) {
    const d = fillTemplate(renderTemplate(template, fill.who), fill);
    if (d) drafted.push(d);
  }
  // Counts the input states that no row took, named from the text itself (覆盖农村义务教育学校数量).
  drafted.push(...extraCounts(fill, drafted));
  // A second kind the summary clearly also speaks of (审计 + 会展) contributes its grounded counts; not when
  // no kind is clear (the fallback), and not a parent or child of the kind (工程建设 for 学校改造).
  const related = (k: ProjectKind) => k.id === kind.id || k.parent === kind.id || kind.parent === k.id;
  if (ranked[0]?.kind.id === kind.id || ranked[0]?.kind.parent === kind.id || kind.parent === ranked[0]?.kind.id) {
    for (const other of ranked.slice(0, 3)) {
      if (related(other.kind) || other.score < ranked[0].score / 2) continue;
      for (const template of applicable(other.kind, text)) {
        if (template.role !== "数量" || !template.slot) continue;
        const d = fillTemplate({ ...renderTemplate(template, beneficiaryOf(other.kind, text)), optional: true }, fill);
        if (d) drafted.push(d);
      }
    }
  }

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
    goals: writeGoals(input, kind.beneficiaries?.length ? fill.who : kind.beneficiary, rows, budget),
    indicators,
    profile,
  };
  return { project, kind, grounding: rows.map((d, indicator) => ({ indicator, derivation: d.derivation })) };
}

function makeFill(facts: Facts, text: string, budget: number | null, months: number[] | undefined, who: string): Fill {
  const stated = facts.deadlines.find((d) => d.year !== undefined);
  const plausible = facts.years.filter((y) => y >= 2000 && y <= 2100);
  const year = stated?.year ?? (plausible.length > 0 ? Math.max(...plausible) : new Date().getFullYear());
  const month = months && months.length > 0 ? Math.max(...months) : 12;
  return { facts, text, used: new Set(), who, budget, year, yearFromInput: stated !== undefined || plausible.length > 0, month, heads: null };
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

/** A stated count as a value body: 1.2万名 → 1.2万人 (名 is a classifier; 人 is the unit reviewers expect). */
function quantity(fact: CountFact): string {
  return `${fact.text}${fact.multiplier}${fact.unit === "名" ? "人" : fact.unit}`;
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
      return { ...base, name: countedAs(base.name, fact.unit, fill.who), value: withOperator(v, quantity(fact)), derivation: "input" };
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
  if (v.includes("{rate}")) {
    // A standard the input states (每生每天5元); a row of this kind is never drafted from a default.
    const rate = fill.facts.rates.find((r) => !fill.used.has(r));
    if (!rate) return null;
    fill.used.add(rate);
    return { ...base, value: v.replace("{rate}", `${rate.text}${rate.unit}`), derivation: "input" };
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

const COUNT_SUFFIX: Record<string, string> = {
  户: "户数", 人: "人数", 名: "人数", 人次: "人次", 次: "次数", 场: "场次", 场次: "场次", 期: "期数", 届: "届数", 班: "班次",
  平方米: "面积", 平方公里: "面积", 亩: "面积", 公里: "长度", 千米: "长度", 米: "长度", 千瓦: "容量", 吨: "数量", 立方米: "数量",
};
const PERSON_UNITS = new Set(["人", "名", "人次", "户"]);
const ENDS_AS_COUNT = /(?:数|数量|量|人次|场次|面积|长度|规模|容量)$/;
/** Words that open a clause and are not part of its subject. */
const LEADING_WORDS = /^(?:每年|全年|年度|计划|预计|拟|主要|共|累计|通过|其中|并|和|及|同时|根据|按照|将|已|对)+/;
/** Serving verbs and prepositions: what follows is who or where is served (为…学校32所 → 覆盖…学校数量). */
const SERVE_WORDS = ["惠及", "覆盖", "涉及", "服务", "资助", "帮扶", "救助", "为", "向", "给"];
/** Action verbs: kept in the name (接待查档群众 → 接待查档群众人次, 改造农村学校 → 改造农村学校数量). */
const ACTION_WORDS = [
  "改造", "建设", "新建", "改建", "维修", "修缮", "培训", "清运", "整治", "配备", "购置", "发放", "接待", "走访", "开展", "组织",
  "举办", "完成", "推广", "安装", "清理", "治理", "收集", "处理", "慰问", "检查", "巡查", "体检", "接种", "救治", "招聘", "聘用",
  "补助", "补贴", "奖励", "扶持", "支持", "吸纳", "带动", "新增", "建成", "硬化", "铺设", "种植", "栽植", "谋划", "编制", "印制",
  "制作", "采购", "聚焦", "提供",
];
/** Where a noun after the number ends: a verb, a particle or a conjunction (1.2万名学生提供… → 学生). */
const NOUN_STOP = /(?:提供|进行|开展|参加|参与|实施|享受|获得|给予|发放|接受|完成|实现|达到|用于|纳入|列入|建成|的|和|及|与|等|每|共|在|为|由|将|已)/;
/** 全县, 辖区内, 本市: where, not what — dropped from a name. */
const AREA_PREFIX = /^(?:全(?:省|市|县|区|镇|乡|旗)|辖区内?|(?:本|我)(?:省|市|县|区|镇|乡)|(?:省|市|县|区|镇|乡)(?:内|级))+/;
const CLEAN_NOUN = /^[\u4e00-\u9fff]{2,12}$/;

function extraCounts(fill: Fill, drafted: Drafted[]): Drafted[] {
  const out: Drafted[] = [];
  for (const fact of fill.facts.counts) {
    if (out.length >= MAX_EXTRA_COUNTS) break;
    if (fill.used.has(fact) || fact.unit === "年") continue;
    const name = countName(fact);
    if (!name || drafted.some((d) => d.name === name) || out.some((d) => d.name === name)) continue;
    fill.used.add(fact);
    out.push({
      role: "数量",
      name,
      value: `≥${quantity(fact)}`,
      description: `项目概况中确定的${name}`,
      basis: "项目实施方案及年度工作计划",
      derivation: "input",
    });
  }
  return out;
}

/** 作为, 成为, 对象, 方向 are no prepositions. */
const NOT_PREPOSITION_BEFORE = /[作成行认因以称视更较极最面相绝反方指导朝]$/;
const NOT_PREPOSITION_AFTER = /^[了止主准象接比照应口面导]/;

/** Where a one-character preposition (为, 对, 向, 给) stands last in a clause, or -1. */
function prepositionAt(clause: string, w: string): number {
  for (let at = clause.lastIndexOf(w); at >= 0; at = at > 0 ? clause.lastIndexOf(w, at - 1) : -1) {
    if (!NOT_PREPOSITION_BEFORE.test(clause.slice(0, at)) && !NOT_PREPOSITION_AFTER.test(clause.slice(at + 1))) return at;
  }
  return -1;
}

/** The last serving or action word of a clause and the words after it. */
function splitVerb(clause: string): { verb: string; serves: boolean; rest: string } {
  let best: { verb: string; serves: boolean; at: number } | null = null;
  for (const [words, serves] of [[SERVE_WORDS, true], [ACTION_WORDS, false]] as const) {
    for (const w of words) {
      const at = w.length === 1 ? prepositionAt(clause, w) : clause.lastIndexOf(w);
      if (at < 0) continue;
      const end = at + w.length;
      if (!best || end > best.at + best.verb.length) best = { verb: w, serves, at };
    }
  }
  if (!best) return { verb: "", serves: false, rest: clause };
  return { verb: best.verb, serves: best.serves, rest: clause.slice(best.at + best.verb.length) };
}

/**
 * A short 三级 name for a stated count, from the noun right before the number (农村义务教育学校32所) or,
 * when the number opens the phrase, the noun right after its unit (6个关键产业链): 覆盖农村义务教育学校数量,
 * 接待查档群众人次, 关键产业链数量. Null when no clean noun can be found: the count is then left alone.
 */
function countName(fact: CountFact): string | null {
  const clause = fact.before.replace(LEADING_WORDS, "");
  const { verb, serves, rest } = splitVerb(clause);
  const noun = (s: string) => s.replace(LEADING_WORDS, "").replace(AREA_PREFIX, "");
  const suffix = COUNT_SUFFIX[fact.unit] ?? "数量";
  const served = PERSON_UNITS.has(fact.unit) ? "受益" : "覆盖";
  // The thing counted follows a classifier (6个关键产业链, 1.2万名学生) when words follow the unit; a verb
  // right before the number says what is done to it (为1.2万名学生 → 受益学生人数).
  const after = noun(fact.after.split(NOUN_STOP)[0] ?? "");
  const direct = verb !== "" && noun(rest) === "";
  if (CLEAN_NOUN.test(after)) return finish(`${direct ? (serves ? served : verb) : ""}${after}`, suffix);
  const subject = noun(rest);
  if (!CLEAN_NOUN.test(subject)) return null;
  if (ENDS_AS_COUNT.test(subject)) return finish(`${serves ? "" : verb}${subject}`, "");
  return finish(`${serves ? served : verb}${subject}`, suffix);
}

function finish(subject: string, suffix: string): string | null {
  const name = `${subject}${suffix}`;
  return name.length >= 4 && name.length <= 18 ? name : null;
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
