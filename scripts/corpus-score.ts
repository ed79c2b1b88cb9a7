// How much of a real document an import gets right: per transcribed document of the corpus, the (name, value)
// cells of every indicator row against the hand transcription, rows aligned in order by name (an LCS), and
// the rows missing or extra. Used by `npm run corpus` and by the corpus test.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Indicator, JixiaoDocument } from "../src/domain/schema.js";

export interface CorpusScore {
  doc: string;
  right: number;
  total: number;
  missing: number;
  extra: number;
  mismatches: string[];
  /** Project and document fields that differ from the transcription (name, budget, goals, year, department). */
  fieldMismatches: string[];
}

const norm = (v: unknown) => (typeof v === "string" ? v.replace(/\s+/g, "") : v === null || v === undefined ? "" : String(v));

function align(gold: Indicator[], got: Indicator[]): [number, number][] {
  const n = gold.length;
  const m = got.length;
  const same = (i: number, j: number) => norm(gold[i].name) === norm(got[j].name) && (norm(gold[i].name) !== "" || norm(gold[i].level2) === norm(got[j].level2));
  const dp = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i][j] = same(i, j) ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (same(i, j)) pairs.push([i++, j++]);
    else if (dp[i + 1][j] >= dp[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}

export function scoreDocument(doc: string, got: JixiaoDocument | null, gold: JixiaoDocument): CorpusScore {
  const score: CorpusScore = { doc, right: 0, total: 0, missing: 0, extra: 0, mismatches: [], fieldMismatches: [] };
  const field = (what: string, got: unknown, want: unknown) => {
    if (JSON.stringify(norm(got)) !== JSON.stringify(norm(want))) score.fieldMismatches.push(`${what} 得到 ${JSON.stringify(got ?? null)}，应为 ${JSON.stringify(want ?? null)}`);
  };
  field("year", got?.year, gold.year);
  field("主管部门", got?.department?.name, gold.department?.name);
  gold.projects.forEach((gp, k) => {
    const gotProject = got?.projects[k];
    field(`#${k + 1} 项目名称`, gotProject?.name, gp.name);
    for (const key of ["total", "fiscal", "other"] as const) field(`#${k + 1} budget.${key}`, gotProject?.budget[key], gp.budget[key]);
    field(`#${k + 1} 绩效目标`, (gotProject?.goals ?? []).map(norm).join("|"), gp.goals.map(norm).join("|"));
    const gi = gp.indicators as Indicator[];
    score.total += gi.length * 2;
    const ai = (got?.projects[k]?.indicators ?? []) as Indicator[];
    const pairs = align(gi, ai);
    score.missing += gi.length - pairs.length;
    score.extra += ai.length - pairs.length;
    const paired = new Set(pairs.map(([i]) => i));
    gi.forEach((row, i) => {
      if (!paired.has(i)) score.mismatches.push(`#${k + 1} 行${i}：缺少「${row.name}」=「${row.value}」`);
    });
    for (const [i, j] of pairs) {
      score.right++;
      const a = ai[j];
      const g = gi[i];
      if (norm(a.value) === norm(g.value)) score.right++;
      else score.mismatches.push(`#${k + 1} 行${i}「${g.name}」：指标值 得到「${a.value}」，应为「${g.value ?? ""}」`);
      for (const field of ["level1", "level2"] as const) {
        if (norm(a[field]) !== norm(g[field])) score.mismatches.push(`#${k + 1} 行${i}「${g.name}」：${field} 得到「${a[field]}」，应为「${g[field] ?? ""}」`);
      }
    }
    const extras = ai.filter((_, j) => !pairs.some(([, pj]) => pj === j));
    for (const row of extras) score.mismatches.push(`#${k + 1} 多出的行：「${row.name}」=「${row.value}」`);
  });
  if ((got?.projects.length ?? 0) !== gold.projects.length) score.mismatches.push(`项目数 ${got?.projects.length ?? 0}，应为 ${gold.projects.length}`);
  return score;
}

export const CORPUS_DIR = new URL("../test/fixtures/corpus/", import.meta.url);

/** The corpus documents, each with its gold where one exists. */
export function corpusDocuments(): { name: string; path: string; gold: JixiaoDocument | null }[] {
  const dir = CORPUS_DIR.pathname;
  return readdirSync(dir)
    .filter((f) => /^doc\d+\.txt$/.test(f))
    .sort()
    .map((f) => {
      const goldPath = join(dir, f.replace(/\.txt$/, ".gold.json"));
      let gold: JixiaoDocument | null = null;
      try {
        gold = JSON.parse(readFileSync(goldPath, "utf8")) as JixiaoDocument;
      } catch {
        gold = null;
      }
      return { name: f, path: join(dir, f), gold };
    });
}
