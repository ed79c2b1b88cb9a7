// Library look-ups: which kind a project is (cue words in its name and summary) and which indicators suit it.
import { PROFILES } from "../../domain/taxonomy.js";
import type { ProfileId } from "../../domain/schema.js";
import { BENEFICIARIES, FALLBACK_KIND_ID, KINDS } from "./kinds.js";
import type { IndicatorTemplate, ProjectKind, Role } from "./types.js";
import { segment } from "../segment.js";

export { BENEFICIARIES, FALLBACK_KIND_ID, KINDS } from "./kinds.js";
export type { IndicatorTemplate, ProjectKind, Role, Slot } from "./types.js";

/** A cue in the project name says more than one in a long summary. */
const NAME_WEIGHT = 3;
/** A cue heading the name (…业务培训, 经济普查…) says what the project is; topic words before it do not. */
const HEAD_WEIGHT = 8;
/** Generic endings of project names that carry no kind: 工作经费, 专项, 项目. */
const GENERIC_TAIL = /(?:工作经费|专项资金|工作专项|工作|经费|专项|项目|资金|费用|工程)+$/;
/**
 * Words that say how a project is funded, not what it does (路灯安装补贴 is an installation): they weigh
 * less than what the project does, and do not count as the head of its name.
 */
const FUNDING_WORDS = ["补贴", "补助", "奖补", "奖励", "资助", "以奖代补", "专项资金", "配套"];
const FUNDING_TAIL = new RegExp(`(?:${FUNDING_WORDS.join("|")}|${GENERIC_TAIL.source.slice(0, -1)})+$`);
const FUNDING_WEIGHT = 0.4;

function nameHead(name: string): string {
  const stripped = name.replace(FUNDING_TAIL, "").replace(GENERIC_TAIL, "");
  return stripped || name;
}

export interface KindScore {
  kind: ProjectKind;
  score: number;
}

function countOccurrences(text: string, cue: string): number {
  let n = 0;
  for (let i = text.indexOf(cue); i >= 0; i = text.indexOf(cue, i + cue.length)) n++;
  return n;
}

/** Kinds ranked by cue matches (name weighted), best first; only kinds with a match. */
export function rankKinds(name: string, summary: string): KindScore[] {
  const n = name.replace(/\s+/g, "");
  const s = summary.replace(/\s+/g, "");
  const head = nameHead(n);
  const named = firstBeneficiary(n + s);
  const scores: KindScore[] = [];
  for (const kind of KINDS) {
    let score = 0;
    for (const cue of kind.cues) {
      // Longer cues are more specific (清洁取暖 vs 系统): weight by length.
      const w = (cue.length >= 3 ? 1.5 : 1) * (FUNDING_WORDS.includes(cue) ? FUNDING_WEIGHT : 1);
      score += w * (NAME_WEIGHT * Math.min(countOccurrences(n, cue), 1) + Math.min(countOccurrences(s, cue), 3));
      if (head.slice(-(cue.length + 2)).includes(cue)) score += HEAD_WEIGHT;
    }
    score *= kind.cueWeight ?? 1;
    // A kind that serves whom the text names first (学生 for 补助, 企业 for 奖补) is the likelier one.
    if (score > 0 && named && named !== "群众" && kind.beneficiaries?.includes(named)) score += BENEFICIARY_BONUS;
    if (score > 0) scores.push({ kind, score });
  }
  scores.sort((a, b) => b.score - a.score);
  // A specialised kind (学校改造) that scores nearly as well as its parent (工程建设) is the better fit.
  const top = scores[0];
  if (top) {
    const child = scores.find((s) => s.kind.parent === top.kind.id && s.score >= top.score * CHILD_SHARE);
    if (child) return [child, ...scores.filter((s) => s !== child)];
  }
  return scores;
}

/** Score added to a kind that serves the beneficiary group the text names first. */
const BENEFICIARY_BONUS = 2;

/** The beneficiary group (BENEFICIARIES label) whose cue appears first in a text, or null. */
function firstBeneficiary(text: string): string | null {
  let best: { label: string; at: number } | null = null;
  for (const group of BENEFICIARIES) {
    for (const cue of group.cues) {
      const at = text.indexOf(cue);
      if (at >= 0 && (!best || at < best.at)) best = { label: group.label, at };
    }
  }
  return best?.label ?? null;
}

/** A child kind within this share of its parent's score wins over the parent. */
const CHILD_SHARE = 0.25;
/**
 * Below this score no kind is clear (one stray cue in a long summary: 补助 in a school-meals text would
 * make it an enterprise subsidy): the neutral fallback kind is used instead. A cue in the name scores 3.
 */
export const MIN_KIND_SCORE = 3;
/** Two unrelated kinds this close, both weak, mean the text is ambiguous: the fallback is safer. */
const AMBIGUOUS_SHARE = 0.85;
const AMBIGUOUS_BELOW = 6;

/** The kind to draft with: the best-ranked kind when it scores clearly, else the neutral fallback. */
export function pickKind(ranked: KindScore[]): ProjectKind {
  const fallback = kindById(FALLBACK_KIND_ID)!;
  const [best, second] = ranked;
  if (!best || best.score < MIN_KIND_SCORE) return fallback;
  const related = second && (second.kind.parent === best.kind.id || best.kind.parent === second.kind.id);
  if (second && !related && best.score < AMBIGUOUS_BELOW && second.score >= best.score * AMBIGUOUS_SHARE) return fallback;
  return best.kind;
}

export interface KindChoice {
  kind: ProjectKind;
  score: number;
  /** The next kind (not a parent or child of the chosen one) when it scored within CLOSE_SHARE of it. */
  runnerUp?: ProjectKind;
}

/** A runner-up within this share of the chosen kind's score is reported: the choice was close. */
const CLOSE_SHARE = 0.75;

/** The one kind ranking both draft_project and suggest_indicators use: name and summary, the chosen kind, the close runner-up. */
export function chooseKind(name: string, summary: string): KindChoice {
  const ranked = rankKinds(name, summary);
  const kind = pickKind(ranked);
  const score = ranked.find((r) => r.kind.id === kind.id)?.score ?? 0;
  const related = (k: ProjectKind) => k.id === kind.id || k.parent === kind.id || kind.parent === k.id;
  const next = ranked.find((r) => !related(r.kind));
  if (next && score > 0 && next.score >= score * CLOSE_SHARE) return { kind, score, runnerUp: next.kind };
  if (next && kind.id === FALLBACK_KIND_ID) return { kind, score, runnerUp: next.kind };
  return { kind, score };
}

export function kindById(idOrLabel: string): ProjectKind | undefined {
  const key = idOrLabel.trim();
  return KINDS.find((k) => k.id === key || k.label === key || k.label.split("/").includes(key));
}

export function detectKind(name: string, summary: string): ProjectKind {
  return pickKind(rankKinds(name, summary));
}

/** Whether kind `id` is `expected` or a specialisation of it (学校改造 is an 工程建设/改造). */
export function isKindOf(kind: ProjectKind, expected: string): boolean {
  const want = kindById(expected);
  return !!want && (kind.id === want.id || kind.parent === want.id);
}

/**
 * Who the project serves, for `{who}`: the beneficiary group the text names first among those the kind
 * accepts (学生 in 为1.2万名学生提供营养膳食补助), else the kind's default.
 */
export function beneficiaryOf(kind: ProjectKind, text: string): string {
  if (!kind.beneficiaries?.length) return kind.beneficiary;
  const flat = text.replace(/\s+/g, "");
  let best: { label: string; at: number } | null = null;
  for (const group of BENEFICIARIES) {
    if (!kind.beneficiaries.includes(group.label)) continue;
    for (const cue of group.cues) {
      const at = flat.indexOf(cue);
      if (at >= 0 && (!best || at < best.at)) best = { label: group.label, at };
    }
  }
  return best?.label ?? kind.beneficiary;
}

/** A template's text with `{who}` filled in. */
export function withWho(text: string, who: string): string {
  return text.replaceAll("{who}", who);
}

/** The 一级/二级 labels of a role in a profile. */
export function labelsFor(role: Role, profile: ProfileId): { level1: string; level2: string } {
  if (role === "成本") {
    return profile === "mof2021" ? { level1: "成本指标", level2: "经济成本指标" } : { level1: "产出指标", level2: "成本指标" };
  }
  if (role === "数量" || role === "质量" || role === "时效") return { level1: "产出指标", level2: `${role}指标` };
  if (role === "满意度") return { level1: "满意度指标", level2: "服务对象满意度指标" };
  return { level1: "效益指标", level2: `${role}指标` };
}

/** The role of a 二级 label (any profile), or null. */
export function roleOf(level2: string): Role | null {
  const key = level2.replace(/\s+/g, "").replace(/指标$/, "");
  if (["经济成本", "社会成本", "生态环境成本", "成本"].includes(key)) return "成本";
  if (key === "服务对象满意度" || key === "满意度") return "满意度";
  const roles: Role[] = ["数量", "质量", "时效", "经济效益", "社会效益", "生态效益", "可持续影响"];
  return roles.find((r) => r === key) ?? null;
}

export interface SuggestQuery {
  summary: string;
  /** The project name: weighs in the kind as it does for draft_project. */
  name?: string;
  kind?: string;
  level2?: string;
  profile?: ProfileId;
  limit?: number;
}

export interface RankedTemplate {
  kind: ProjectKind;
  template: IndicatorTemplate;
  score: number;
}

/** Templates of kinds the summary does not point to need this much word overlap to be suggested at all. */
const MIN_UNRELATED_OVERLAP = 2;

/**
 * Templates ranked for a query, in tiers: the named kind, then the kind the summary points to, then other
 * kinds it mentions, then the neutral fallback kind; templates of unrelated kinds only when their words
 * overlap the summary, last. Within a tier, word overlap with the summary orders the templates.
 */
export function rankTemplates(query: SuggestQuery): RankedTemplate[] {
  const profile = query.profile ?? "legacy";
  const wantedRole = query.level2 ? roleOf(query.level2) : null;
  if (query.level2 && !wantedRole) return [];
  if (wantedRole && !PROFILES[profile]) return [];
  const named = query.kind ? kindById(query.kind) : undefined;
  const ranked = rankKinds(query.name ?? "", query.summary);
  const kindScores = new Map<string, number>();
  for (const { kind, score } of ranked) kindScores.set(kind.id, 1000 + score * 10);
  // The kind draft_project would draft with leads; a short query (营养餐) with one cue picks its kind.
  if (named) kindScores.set(named.id, 1_000_000);
  else {
    const chosen = chooseKind(query.name ?? "", query.summary).kind;
    const lead = chosen.id === FALLBACK_KIND_ID && !query.name && ranked[0] ? ranked[0].kind : chosen;
    kindScores.set(lead.id, 100_000);
    if (!kindScores.has(FALLBACK_KIND_ID)) kindScores.set(FALLBACK_KIND_ID, 500);
  }
  const words = new Set(segment(query.summary));
  const out: RankedTemplate[] = [];
  for (const kind of KINDS) {
    const kindScore = kindScores.get(kind.id) ?? 0;
    if (named && kind.id !== named.id && kindScore < 1000) continue;
    const who = beneficiaryOf(kind, query.summary);
    for (const raw of kind.indicators) {
      if (wantedRole && raw.role !== wantedRole) continue;
      const template = renderTemplate(raw, who);
      let overlap = 0;
      for (const w of segment(template.name + template.description)) if (words.has(w)) overlap++;
      if (kindScore === 0 && overlap < MIN_UNRELATED_OVERLAP) continue;
      out.push({ kind, template, score: kindScore + overlap });
    }
  }
  return out.sort((a, b) => b.score - a.score);
}

/** A template with `{who}` filled in its name, description, basis and question. */
export function renderTemplate(template: IndicatorTemplate, who: string): IndicatorTemplate {
  if (!/\{who\}/.test(template.name + template.description + template.basis + (template.question ?? ""))) return template;
  return {
    ...template,
    name: withWho(template.name, who),
    description: withWho(template.description, who),
    basis: withWho(template.basis, who),
    ...(template.question ? { question: withWho(template.question, who) } : {}),
  };
}
