// The explanation before each project table (关于…绩效目标指标的说明): 项目概况, 资金安排情况, 绩效目标,
// 绩效指标 (with the counts it declares) and 评价标准.
import type { DeclaredCounts } from "../../domain/schema.js";
import { cleanCell, joinParagraphs, mergeCutParagraphs, parseCount, squash, type Line } from "./lines.js";

export interface Narrative {
  explanationTitle?: string;
  summary: string;
  funding: string;
  narrativeGoals: string[];
  narrativeIndicators: string;
  declaredCounts?: DeclaredCounts;
  evaluationBasis: string;
}

type Section = "summary" | "funding" | "goals" | "indicators" | "basis";

const SUB_HEADING = /^[（(]\s*[一二三四五六七八九十]+\s*[）)]\s*(.{1,16})$/;
/** A heading with its text on the same line: `（一）项目概况：…`. */
const INLINE_HEADING = /^[（(]\s*[一二三四五六七八九十]+\s*[）)]\s*(项目概况|基本概况|资金安排情况|资金安排|绩效目标|绩效指标|评价标准)\s*[：:]\s*(.+)$/;
const TOP_HEADING = /^[一二三四五六七八九十]+\s*[、.．]\s*(.{1,20})$/;

function classify(heading: string): Section | null {
  const h = squash(heading);
  if (h.includes("概况") || h.includes("基本情况")) return "summary";
  if (h.includes("资金")) return "funding";
  if (h.includes("指标")) return "indicators";
  if (h.includes("目标")) return "goals";
  if (h.includes("评价") || h.includes("标准")) return "basis";
  return null;
}

/** An explanation title: `关于…说明` (the seed wraps it with a stray space, squashed on reading). */
export function isExplanationTitle(text: string): boolean {
  const t = squash(text);
  return t.startsWith("关于") && t.endsWith("说明") && t.length <= 120;
}

export function readNarrative(lines: Line[]): Narrative | undefined {
  const parts: Record<Section, string[]> = { summary: [], funding: [], goals: [], indicators: [], basis: [] };
  let explanationTitle: string | undefined;
  let section: Section | null = null;
  let found = false;
  for (const line of lines) {
    const t = line.text;
    if (!t) continue;
    if (explanationTitle === undefined && !found && isExplanationTitle(t)) {
      explanationTitle = cleanCell(t);
      continue;
    }
    const inline = INLINE_HEADING.exec(t);
    if (inline && classify(inline[1])) {
      section = classify(inline[1]);
      found = true;
      parts[section!].push(cleanCell(inline[2]));
      continue;
    }
    const sub = SUB_HEADING.exec(t);
    if (sub && classify(sub[1])) {
      section = classify(sub[1]);
      found = true;
      continue;
    }
    const top = TOP_HEADING.exec(t);
    if (top && /情况|目标|指标/.test(top[1]) && !/表$/.test(squash(top[1]))) {
      section = null;
      continue;
    }
    if (section) parts[section].push(cleanCell(t));
  }
  if (!found && explanationTitle === undefined) return undefined;
  const narrativeIndicators = joinParagraphs(parts.indicators);
  return {
    explanationTitle,
    summary: joinParagraphs(parts.summary),
    funding: joinParagraphs(parts.funding),
    narrativeGoals: mergeCutParagraphs(parts.goals, (p) => /^(\d+|[一二三四五六七八九十]+)\s*[.．、]|^目标[一二三四五六七八九十\d]/.test(p)),
    narrativeIndicators,
    declaredCounts: narrativeIndicators ? parseDeclaredCounts(narrativeIndicators) : undefined,
    evaluationBasis: joinParagraphs(parts.basis),
  };
}

const NUM = "(\\d+|[一二两三四五六七八九十]+)";
// A 一级 word must not be the tail of a 二级 label (社会效益指标, 服务对象满意度指标).
const NOT_LEVEL2 = "(?<!经济|社会|生态|环境|对象|公众|持续)";

function sumMatches(text: string, pattern: RegExp): number | null {
  let total: number | null = null;
  for (const m of text.matchAll(pattern)) {
    const n = parseCount(m[1]);
    if (n !== null) total = (total ?? 0) + n;
  }
  return total;
}

/**
 * Counts the 绩效指标 paragraph states: 共设置N项 → total; 产出指标N项, 效益/效果指标N项, 满意度指标N项,
 * 成本指标N项 (as a 一级) — summed when stated per goal (对应目标一…对应目标二…); null when not stated.
 */
export function parseDeclaredCounts(text: string): DeclaredCounts {
  const t = squash(text);
  const total = /共设置(?:了)?(?:绩效指标)?(\d+|[一二两三四五六七八九十]+)(?:项|个)/.exec(t);
  const counts: DeclaredCounts = {
    total: total ? parseCount(total[1]) : null,
    output: sumMatches(t, new RegExp(`${NOT_LEVEL2}产出指标${NUM}(?:项|个)`, "g")),
    effect: sumMatches(t, new RegExp(`${NOT_LEVEL2}(?:效益|效果)指标${NUM}(?:项|个)`, "g")),
    satisfaction: sumMatches(t, new RegExp(`${NOT_LEVEL2}满意度指标${NUM}(?:项|个)`, "g")),
  };
  const cost = sumMatches(t, new RegExp(`(?<!经济|社会|生态环境|环境)成本指标${NUM}(?:项|个)`, "g"));
  if (cost !== null) counts.cost = cost;
  return counts;
}
