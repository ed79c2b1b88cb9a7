// Library look-ups: which kind a project is (cue words in its name and summary) and which indicators suit it.
import { PROFILES } from "../../domain/taxonomy.js";
import type { ProfileId } from "../../domain/schema.js";
import { FALLBACK_KIND_ID, KINDS } from "./kinds.js";
import type { IndicatorTemplate, ProjectKind, Role } from "./types.js";
import { segment } from "../segment.js";

export { KINDS } from "./kinds.js";
export type { IndicatorTemplate, ProjectKind, Role, Slot } from "./types.js";

/** A cue in the project name says more than one in a long summary. */
const NAME_WEIGHT = 3;
/** A cue heading the name (…业务培训, 经济普查…) says what the project is; topic words before it do not. */
const HEAD_WEIGHT = 8;
/** Generic endings of project names that carry no kind: 工作经费, 专项, 项目. */
const GENERIC_TAIL = /(?:工作经费|专项资金|工作专项|工作|经费|专项|项目|资金|费用)+$/;

function nameHead(name: string): string {
  const stripped = name.replace(GENERIC_TAIL, "");
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
  const scores: KindScore[] = [];
  for (const kind of KINDS) {
    let score = 0;
    for (const cue of kind.cues) {
      // Longer cues are more specific (清洁取暖 vs 系统): weight by length.
      const w = cue.length >= 3 ? 1.5 : 1;
      score += w * (NAME_WEIGHT * Math.min(countOccurrences(n, cue), 1) + Math.min(countOccurrences(s, cue), 3));
      if (head.slice(-(cue.length + 2)).includes(cue)) score += HEAD_WEIGHT;
    }
    // The fallback kind's cues (经费, 保障) are generic: any specific kind that matches should win.
    if (kind.id === FALLBACK_KIND_ID) score *= 0.5;
    if (score > 0) scores.push({ kind, score });
  }
  return scores.sort((a, b) => b.score - a.score);
}

export function kindById(idOrLabel: string): ProjectKind | undefined {
  const key = idOrLabel.trim();
  return KINDS.find((k) => k.id === key || k.label === key || k.label.split("/").includes(key));
}

export function detectKind(name: string, summary: string): ProjectKind {
  return rankKinds(name, summary)[0]?.kind ?? kindById(FALLBACK_KIND_ID)!;
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

/** Templates ranked for a query: the named or detected kinds first, then word overlap with the summary. */
export function rankTemplates(query: SuggestQuery): RankedTemplate[] {
  const profile = query.profile ?? "legacy";
  const wantedRole = query.level2 ? roleOf(query.level2) : null;
  if (query.level2 && !wantedRole) return [];
  if (wantedRole && !PROFILES[profile]) return [];
  const kindScores = new Map<string, number>();
  const named = query.kind ? kindById(query.kind) : undefined;
  if (named) kindScores.set(named.id, 1000);
  for (const { kind, score } of rankKinds("", query.summary)) kindScores.set(kind.id, Math.max(kindScores.get(kind.id) ?? 0, score * 10));
  const words = new Set(segment(query.summary));
  const ranked: RankedTemplate[] = [];
  for (const kind of KINDS) {
    const kindScore = kindScores.get(kind.id) ?? 0;
    if (named && kind.id !== named.id && kindScore === 0) continue;
    for (const template of kind.indicators) {
      if (wantedRole && template.role !== wantedRole) continue;
      let overlap = 0;
      for (const w of segment(template.name + template.description)) if (words.has(w)) overlap++;
      ranked.push({ kind, template, score: kindScore + overlap });
    }
  }
  return ranked.sort((a, b) => b.score - a.score);
}
