// The rules test a text before rewriting it (a cheap test, then the costly call only when it can change
// something). These tests pin that each guard lets through every text the rewrite would change.
import { describe, expect, it } from "vitest";
import { nameKey } from "../../src/rules/indicator-duplicated.js";
import { bare, bareEquals, BARE_REMOVED_RE } from "../../src/rules/value-common.js";
import { hasWhitespace, quoted, squash } from "../../src/rules/structure-util.js";
import { needsNormalizing, normalizeValueText } from "../../src/domain/numbers.js";

/** The BMP characters (as hex codes) where a guard and the expression it stands for disagree. */
function disagreements(differs: (ch: string) => boolean): string[] {
  const found: string[] = [];
  for (let c = 0; c <= 0xffff; c++) if (differs(String.fromCharCode(c))) found.push(c.toString(16));
  return found;
}

describe("text guards", () => {
  it("indicator-duplicated lowers every character toLowerCase would change", () => {
    // A trailing bracket starts the unit-note strip, not lowering.
    const missed = disagreements((ch) => ch !== ")" && ch !== "）" && nameKey(`名${ch}`) !== `名${ch}`.toLowerCase());
    expect(missed).toEqual([]);
    expect(nameKey("𐐀类")).toBe("𐐨类");
    expect(nameKey("ＡＰＰ使用率（%）")).toBe("ａｐｐ使用率");
  });
});

describe("hasWhitespace", () => {
  it("answers as /\\s/ does, for every BMP character", () => {
    expect(disagreements((ch) => hasWhitespace(`甲${ch}乙`) !== /\s/.test(ch))).toEqual([]);
    expect(squash(" 数量\u3000指标 ")).toBe("数量指标");
    expect(quoted("a \n b")).toBe("a b");
  });
});

describe("needsNormalizing", () => {
  it("answers as the class of what normalizeValueText changes does, for every BMP character", () => {
    expect(disagreements((ch) => needsNormalizing(`甲${ch}乙`) !== /[\s\u200b\ufeff\uff01-\uff5e]/.test(ch))).toEqual([]);
    expect(normalizeValueText("≥ ９０ ％")).toBe("≥90%");
    expect(normalizeValueText("\u0001≥90%")).toBe("\u0001≥90%");
    expect(normalizeValueText("\u0001≥90 %")).toBe("≥90%");
  });
});

describe("bare", () => {
  it("removes exactly what its pattern removes, for every BMP character", () => {
    expect(disagreements((ch) => bare(`甲${ch}乙${ch}`) !== `甲${ch}乙${ch}`.replace(BARE_REMOVED_RE, ""))).toEqual([]);
    for (const text of ["，提高 数据质量。", "（%）", "满意度（%）", "abc", "", "≥95%x"]) {
      expect(bare(text)).toBe(text.replace(BARE_REMOVED_RE, ""));
    }
  });
});

describe("bareEquals", () => {
  it("answers as bare(text) === other does", () => {
    const texts = ["提高数据质量", "提高 数据质量。", "（%）", "≥95%", "", "合同", "合同书", "a,b", "𠀀x", "\u3000满意度\u00a0", "满意度（%）"];
    for (const text of texts) {
      for (const other of texts.map(bare)) expect(bareEquals(text, other)).toBe(bare(text) === other);
    }
  });

  it("removes exactly the characters bare removes", () => {
    expect(disagreements((ch) => bareEquals(`甲${ch}乙`, "甲乙") !== (bare(`甲${ch}乙`) === "甲乙"))).toEqual([]);
  });
});
