// Compare a reader's tables with the seed's gold: find each indicator header row (一级指标 …), read the rows
// after it through expandGrid by the header's columns, and match them, in order, to the gold projects'
// indicator rows — whitespace removed on both sides (a PDF cannot tell a wrapped line from a space).
import { readFileSync } from "node:fs";
import type { Indicator } from "../../../src/domain/schema.js";
import { expandGrid, type SourceDocument } from "../../../src/import/grid.js";

/** The text fields of an indicator row, as the gold writes them. */
export type GoldIndicator = Pick<Indicator, "level1" | "level2" | "name" | "description" | "value" | "basis">;
export interface GoldProject {
  name: string;
  summary: string;
  indicators: GoldIndicator[];
}

export const gold = JSON.parse(readFileSync(new URL("../../../examples/chengde-gxq-2023.gold.json", import.meta.url), "utf8")) as {
  projects: GoldProject[];
};

const FIELDS: [keyof GoldIndicator, string][] = [
  ["level1", "一级指标"],
  ["level2", "二级指标"],
  ["name", "三级指标"],
  ["description", "绩效指标描述"],
  ["value", "指标值"],
  ["basis", "指标值确定依据"],
];

export const squash = (s: string) => s.replace(/\s+/g, "");

/** Each indicator table's rows (after its header row), as gold-shaped records. */
export function indicatorSets(doc: SourceDocument): GoldIndicator[][] {
  const sets: GoldIndicator[][] = [];
  for (const block of doc.blocks) {
    if (block.kind !== "table") continue;
    const dense = expandGrid(block.grid);
    let columns: Map<keyof GoldIndicator, number> | undefined;
    for (const row of dense) {
      const texts = row.map((c) => squash(c.text));
      if (texts.includes("一级指标")) {
        columns = new Map(FIELDS.map(([field, label]) => [field, texts.indexOf(label)]));
        sets.push([]);
        continue;
      }
      if (!columns) continue;
      const record = Object.fromEntries(FIELDS.map(([field]) => [field, row[columns!.get(field)!]?.text ?? ""])) as unknown as GoldIndicator;
      sets[sets.length - 1].push(record);
    }
  }
  return sets;
}

export interface RowComparison {
  exact: number;
  total: number;
  mismatches: string[];
}

/** Rows equal to the gold's, field by field; every mismatch described. */
export function compareWithGold(doc: SourceDocument): RowComparison {
  const sets = indicatorSets(doc);
  const mismatches: string[] = [];
  let exact = 0;
  let total = 0;
  gold.projects.forEach((project, p) => {
    const rows = sets[p] ?? [];
    if (rows.length !== project.indicators.length) mismatches.push(`项目${p + 1}：读出 ${rows.length} 行，应为 ${project.indicators.length} 行`);
    project.indicators.forEach((want, i) => {
      total++;
      const got = rows[i];
      const wrong = FIELDS.filter(([f]) => !got || squash(got[f]) !== squash(want[f]));
      if (wrong.length === 0) exact++;
      else for (const [f] of wrong) mismatches.push(`项目${p + 1} 第${i + 1}行 ${f}：读出「${got?.[f] ?? "（缺）"}」，应为「${want[f]}」`);
    });
  });
  if (sets.length !== gold.projects.length) mismatches.push(`指标表 ${sets.length} 张，应为 ${gold.projects.length} 张`);
  return { exact, total, mismatches };
}

/** The projects whose summary does not appear (whitespace-insensitive) in the paragraph blocks. */
export function missingSummaries(doc: SourceDocument): string[] {
  const prose = squash(doc.blocks.map((b) => (b.kind === "paragraph" ? b.text : "")).join(""));
  return gold.projects.filter((p) => !prose.includes(squash(p.summary))).map((p) => p.name);
}
