// basis-not-source asks whether a 指标值确定依据 names a source with a hand-written scan (namesASource), not the
// pattern SOURCE_RE that defines the answer; this pins the scan to the pattern over many generated texts.
import { describe, expect, it } from "vitest";
import { namesASource, SOURCE_RE, SOURCE_WORDS } from "../../src/rules/vocabulary/measures.js";

// Source words, their pieces and neighbours (文 of 文件, 书 alone, 计 of 计划 and 统计), and other text.
const PIECES = [...SOURCE_WORDS, ...SOURCE_WORDS.map((w) => w[0]), ...SOURCE_WORDS.map((w) => w.slice(-1)), "百分比", "依据", " ", "、", "1", "%", "𠀀", ""];

describe("namesASource", () => {
  it("answers as SOURCE_RE.test does", () => {
    let seed = 11;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    let named = 0;
    for (let i = 0; i < 20000; i++) {
      // Mostly pieces that are not words, so that both answers are common.
      let text = "";
      for (let k = next(5); k >= 0; k--) text += PIECES[next(3) === 0 ? next(PIECES.length) : SOURCE_WORDS.length + next(PIECES.length - SOURCE_WORDS.length)];
      const expected = SOURCE_RE.test(text);
      expect(namesASource(text), text).toBe(expected);
      if (expected) named++;
    }
    expect(named).toBeGreaterThan(2000);
    expect(named).toBeLessThan(18000);
    for (const word of SOURCE_WORDS) expect(namesASource(`某${word}`)).toBe(true);
    expect(namesASource("百分比")).toBe(false);
  });
});
