// indicator-duplicated searches the names seen in a list for a small project and in a map for a large one; this
// pins both to a map of every name, over many generated projects on both sides of the threshold.
import { describe, expect, it } from "vitest";
import { parseValue } from "../../src/domain/value.js";
import { Row } from "../../src/rules/row.js";
import rule, { LIST_SEARCH_MAX_ROWS, nameKey } from "../../src/rules/indicator-duplicated.js";
import { PROFILES } from "../../src/domain/taxonomy.js";
import type { ProjectContext, RuleHit } from "../../src/rules/types.js";
import { seededDraws } from "../support/random.js";

const NAMES = ["经费执行率", "经费执行率（%）", " 经费执行率 ", "APP使用率", "app使用率", "无", "", "培训人次", "满意度", "培训 人次"];
const LEVEL2 = ["质量指标", "数量指标", " 质量指标", ""];

function row(index: number, name: string, level2: string): Row {
  const indicator = { level1: "产出指标", level2, name, description: "", value: "≥1", basis: "" };
  return new Row(index, indicator as never, "≥1", parseValue("≥1"), "产出指标", level2.trim() || null, name === "无");
}

/** The rows whose name key a map of every key has seen on an earlier row, with that first row. */
function mapOfEveryName(rows: readonly Row[]): [number, number][] {
  const first = new Map<string, number>();
  const found: [number, number][] = [];
  for (const r of rows) {
    if (r.empty) continue;
    const key = nameKey(r.squashedName);
    if (key === "") continue;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, r.index);
    else found.push([r.index, seen]);
  }
  return found;
}

describe("indicator-duplicated name search", () => {
  it("reports the rows a map of every name finds, each against its first row", () => {
    const next = seededDraws(5);
    let reported = 0;
    for (let project = 0; project < 600; project++) {
      const length = project % 3 === 0 ? LIST_SEARCH_MAX_ROWS + 1 + next(20) : 1 + next(LIST_SEARCH_MAX_ROWS);
      // Rows drawn from the few names above and from unique ones, so that a project has some repeats, not all.
      const rows = Array.from({ length }, (_, i) => row(i, next(2) === 0 ? NAMES[next(NAMES.length)] : `指标${next(60)}`, LEVEL2[next(LEVEL2.length)]));
      const ctx = { project: {} as never, profile: PROFILES.mof2021, rows, config: {}, year: null } as ProjectContext;
      const hits = rule.check(ctx) as RuleHit[];
      const expected = mapOfEveryName(rows);
      expect(hits.map((h) => h.indicator)).toEqual(expected.map(([r]) => r));
      for (let h = 0; h < hits.length; h++) {
        const [, seen] = expected[h];
        const firstLevel2 = rows[seen].indicator.level2.trim();
        const sameLevel2 = !firstLevel2 || rows[expected[h][0]].indicator.level2.trim() === firstLevel2;
        expect(hits[h].message).toContain(sameLevel2 ? `已在第${seen + 1}行出现` : `已在“${firstLevel2}”下出现`);
      }
      reported += hits.length;
    }
    expect(reported).toBeGreaterThan(1000);
  });
});
