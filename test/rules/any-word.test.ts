// The word lists are searched by a hand-written scan (AnyWord), not by the regex alternation that defines the
// answer; this pins the scan to the alternation over many generated texts, for every list it searches.
import { describe, expect, it } from "vitest";
import { AnyWord } from "../../src/rules/any-word.js";
import { namesASource, SOURCE_RE, SOURCE_WORDS } from "../../src/rules/vocabulary/measures.js";
import {
  COUNT_CUES,
  OUTPUT_RATE_CUES,
  QUALITY_CUES,
  SATISFACTION_CUES,
  SAVING_CUES,
  TIME_CUES,
} from "../../src/rules/vocabulary/categories.js";
import { seededDraws } from "../support/random.js";

/** The alternation the category rule used to build: the words escaped and joined by |. */
function alternation(words: readonly string[]): RegExp {
  return new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"));
}

/**
 * Texts made of the words and of pieces that are none (their first and last characters, which may join into a
 * word across pieces, and other text), mostly of pieces.
 */
function* texts(words: readonly string[], count: number): Generator<string> {
  const pattern = alternation(words);
  const pieces = [...words.map((w) => w[0]), ...words.map((w) => w.slice(-1)), ...words.map((w) => w.slice(1)), "百分比", "依据", " ", "、", "1", "%", "𠀀", ""];
  const others = pieces.filter((piece) => !pattern.test(piece));
  const next = seededDraws(11);
  for (let i = 0; i < count; i++) {
    let text = "";
    for (let k = next(4); k >= 0; k--) text += next(8) === 0 ? words[next(words.length)] : others[next(others.length)];
    yield text;
  }
}

describe("AnyWord", () => {
  it("namesASource answers as SOURCE_RE.test does", () => {
    let named = 0;
    for (const text of texts(SOURCE_WORDS, 20000)) {
      const expected = SOURCE_RE.test(text);
      expect(namesASource(text), text).toBe(expected);
      if (expected) named++;
    }
    expect(named).toBeGreaterThan(2000);
    expect(named).toBeLessThan(18000);
    for (const word of SOURCE_WORDS) expect(namesASource(`某${word}`)).toBe(true);
    expect(namesASource("百分比")).toBe(false);
  });

  it("answers as the alternation of each cue list does", () => {
    for (const words of [COUNT_CUES, QUALITY_CUES, TIME_CUES, SATISFACTION_CUES, OUTPUT_RATE_CUES, SAVING_CUES]) {
      const search = new AnyWord(words);
      const pattern = alternation(words);
      let found = 0;
      for (const text of texts(words, 4000)) {
        const expected = pattern.test(text);
        expect(search.test(text), text).toBe(expected);
        if (expected) found++;
      }
      expect(found).toBeGreaterThan(400);
      expect(found).toBeLessThan(3600);
    }
  });

  it("finds an empty word in every text, as an empty alternative matches", () => {
    expect(new AnyWord(["甲", ""]).test("")).toBe(true);
    expect(new AnyWord(["甲"]).test("")).toBe(false);
    expect(new AnyWord(["甲乙"]).test("甲甲乙")).toBe(true);
  });
});
