// The front of a 部门预算绩效文本: cover lines (编制/审核 units, year), the 目录, and Part 1 (部门整体绩效目标:
// 总体绩效目标, 分项绩效目标, 工作保障措施). Everything here is optional: web copies have none of it.
import type { Overall, TocEntry } from "../../domain/schema.js";
import { cleanCell, joinParagraphs, squash, trimEndOf, type Line } from "./lines.js";

export interface FrontMatter {
  preparedBy?: string;
  reviewedBy?: string;
  year?: number;
  toc: TocEntry[];
  overall?: Overall;
  /** Index (into lines) where Part 2 / the project blocks start; 0 when the text has no front matter. */
  bodyStart: number;
}

const LEADER = /(?:\.{3,}|…{2,}|·{3,}|．{3,})/;
const TOC_ENTRY = /^(\d+)\s*[.．、]\s*(.+?)\s*(?:\.{3,}|…{2,}|·{3,}|．{3,})\s*(.*)$/;
const PART = /^第[一二三四五六七八九十]+部分/;
const CN_HEADING = /^([一二三四五六七八九十]+)\s*[、.．]\s*(.+)$/;
const PAREN_HEADING = /^[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*(.+)$/;
const NUMBERED = /^(\d+)\s*[.．、]\s*(.+)$/;

export function readFrontMatter(lines: Line[]): FrontMatter {
  const front: FrontMatter = { toc: [], bodyStart: 0 };
  const tocStart = lines.findIndex((l) => squash(l.text) === "目录");
  const coverEnd = tocStart >= 0 ? tocStart : Math.min(lines.length, 40);
  readCover(lines.slice(0, coverEnd), front);

  let afterToc = 0;
  if (tocStart >= 0) {
    afterToc = tocStart + 1;
    const partsSeen = new Set<string>();
    let wrapped: { no: number; title: string } | null = null;
    for (let i = tocStart + 1; i < lines.length; i++) {
      const t = lines[i].text;
      if (!t) continue;
      const part = /^第[一二三四五六七八九十]+部分/.exec(squash(t))?.[0];
      if (LEADER.test(t)) {
        // A 目录 line is short; the length cap keeps the lazy title match linear on garbled input.
        const m = t.length <= 400 ? TOC_ENTRY.exec(t) : null;
        if (m) front.toc.push({ no: Number(m[1]), title: cleanCell(m[2]), page: cleanCell(m[3]) });
        afterToc = i + 1;
      } else if (part) {
        // A part named twice: the 目录 has ended and the text begins (a Word 目录 without leaders or pages).
        if (partsSeen.has(part)) break;
        partsSeen.add(part);
        afterToc = i + 1;
      } else if (partsSeen.size > 0 && t.length <= 200 && (CN_HEADING.test(t) || NUMBERED.test(t))) {
        const m = NUMBERED.exec(t);
        if (m) wrapped = { no: Number(m[1]), title: cleanCell(m[2]) };
        if (m && /表(（[^）]*）)?$/.test(squash(m[2]))) {
          front.toc.push({ no: wrapped!.no, title: wrapped!.title, page: "" });
          wrapped = null;
        }
        afterToc = i + 1;
      } else if (wrapped && t.length <= 60 && /表(（[^）]*）)?$/.test(squash(t))) {
        // An entry wrapped over two lines (a PDF of a Word 目录): `2.关于…绩效目标` + `表`.
        front.toc.push({ no: wrapped.no, title: joinParagraphs([wrapped.title, cleanCell(t)]), page: "" });
        wrapped = null;
        afterToc = i + 1;
      } else break;
    }
  }

  const part1 = findPartStart(lines, afterToc, "第一部分");
  const part2 = findPartStart(lines, afterToc, "第二部分");
  if (part1 >= 0) {
    const end = part2 > part1 ? part2 : lines.length;
    const overall = readOverall(lines.slice(part1 + 1, end));
    if (overall) front.overall = overall;
  }
  front.bodyStart = part2 >= 0 ? part2 + 1 : afterToc;
  return front;
}

function readCover(cover: Line[], front: FrontMatter): void {
  for (const line of cover) {
    const t = squash(line.text);
    if (!t) continue;
    // Cover lines are short names (`…局编制`, `…财政局审核`), not sentences that end in those words.
    const coverName = t.length > 2 && t.length <= 40 && !/[，。；：、,;:]/.test(t);
    if (coverName && front.preparedBy === undefined && /编制$/.test(t)) front.preparedBy = t.replace(/编制$/, "");
    else if (coverName && front.reviewedBy === undefined && /审核$/.test(t)) front.reviewedBy = t.replace(/审核$/, "");
    if (front.year === undefined) {
      const y = /((?:19|20)\d{2})年度?/.exec(t);
      if (y) front.year = Number(y[1]);
    }
  }
}

/** A 第X部分 heading line after the 目录 (the line may also carry the part's title). */
function findPartStart(lines: Line[], from: number, part: string): number {
  for (let i = from; i < lines.length; i++) if (squash(lines[i].text).startsWith(part)) return i;
  return -1;
}

type Part1Section = "goal" | "subGoals" | "safeguards" | null;

function readOverall(lines: Line[]): Overall | undefined {
  const goal: string[] = [];
  const subGoals: Overall["subGoals"] = [];
  const safeguards: { title: string; parts: string[] }[] = [];
  let section: Part1Section = null;
  let found = false;

  for (const line of lines) {
    const t = line.text;
    if (!t) continue;
    const heading = CN_HEADING.exec(t);
    if (heading) {
      const title = squash(heading[2]);
      if (title.includes("总体绩效目标") || title.includes("总体目标")) section = "goal";
      else if (title.includes("分项绩效目标") || title.includes("分项目标")) section = "subGoals";
      else if (title.includes("保障措施")) section = "safeguards";
      else section = null;
      found = found || section !== null;
      continue;
    }
    if (section === "goal") goal.push(cleanCell(t));
    else if (section === "subGoals") readSubGoalLine(t, subGoals);
    else if (section === "safeguards") {
      const m = PAREN_HEADING.exec(t);
      if (m) {
        const body = cleanCell(m[2]);
        const stop = body.indexOf("。");
        safeguards.push(
          stop >= 0 ? { title: body.slice(0, stop), parts: body.slice(stop + 1) ? [body.slice(stop + 1)] : [] } : { title: body, parts: [] },
        );
      } else if (safeguards.length > 0) safeguards[safeguards.length - 1].parts.push(cleanCell(t));
    }
  }
  if (!found) return undefined;
  return {
    goal: joinParagraphs(goal),
    subGoals,
    safeguards: safeguards.map((s) => ({ title: s.title, text: joinParagraphs(s.parts) })),
  };
}

function readSubGoalLine(text: string, subGoals: Overall["subGoals"]): void {
  const numbered = NUMBERED.exec(text);
  const targets = /^(?:绩效目标|目标)\s*[：:]\s*(.*)$/.exec(text);
  if (targets && subGoals.length > 0) {
    subGoals[subGoals.length - 1].targets.push(...splitTargets(targets[1]));
  } else if (numbered) {
    subGoals.push({ title: cleanCell(numbered[2]), targets: [] });
  } else if (subGoals.length > 0) {
    subGoals[subGoals.length - 1].targets.push(...splitTargets(text));
  }
}

/** `一是A。二是B` → [A, B]; text without 一是/二是 markers splits at 。/；. */
export function splitTargets(text: string): string[] {
  const body = cleanCell(text);
  const parts = /[一二三四五六七八九十]+是/.test(body) ? body.split(/[一二三四五六七八九十]+是/) : body.split(/[。；;]/);
  return parts.map((p) => trimEndOf(p.trim(), "。；;，,、. ")).filter((p) => p.length > 0);
}
