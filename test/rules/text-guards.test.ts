// The rules test a text before rewriting it (a cheap test, then the costly call only when it can change
// something). These tests pin that each guard lets through every text the rewrite would change.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { COUNT } from "../../src/rules/declared-count-mismatch.js";
import { nameKey } from "../../src/rules/indicator-duplicated.js";
import { bare, bareEquals, BARE_REMOVED_RE } from "../../src/rules/value-common.js";
import { hasWhitespace, NUMBERING, quoted, squash, stripNumbering } from "../../src/rules/structure-util.js";
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

describe("declared-count-mismatch's COUNT", () => {
  it("finds what the pattern with its lookbehinds before the labels finds", () => {
    const N = "([0-9０-９]+|[一二两三四五六七八九十]{1,3})";
    const before = new RegExp(
      `(共设置?了?|共有|共计|合计|产出指标|(?<![济会态境续])(?:效益|效果)指标|(?<![象众])满意度指标|(?<![济会境态])成本指标)` +
        `\\s*[:：]?\\s*(?:绩效指标|指标)?\\s*${N}\\s*[项个](\\s*(?:绩效)?目标)?`,
      "g",
    );
    const all = (re: RegExp, text: string) => [...text.matchAll(new RegExp(re.source, "g"))].map((m) => [m.index, ...m]);
    const texts = [readFileSync("examples/chengde-gxq-2023.txt", "utf8")];
    const labels = ["共设置", "共设", "共设了", "共有", "合计", "产出指标", "效益指标", "效果指标", "满意度指标", "成本指标"];
    for (const lead of ["", "经济", "社会", "生态", "环境", "可持续", "对象", "公众", "群众", "济", "会", "态", "境", "续", "象", "众", "效", "满", "成"])
      for (const label of labels)
        for (const count of ["8", " 12 ", "１０", "十二", "两", "", "x"])
          for (const tail of ["项", "个", "项绩效目标", " 项 目标", "条"]) texts.push(`其中：${lead}${label}：${count}${tail}，${lead}${label}指标${count}${tail}`);
    let matched = 0;
    for (const text of texts) {
      const expected = all(before, text);
      matched += expected.length;
      expect(all(COUNT, text)).toEqual(expected);
    }
    expect(matched).toBeGreaterThan(1000);
  });
});

describe("stripNumbering", () => {
  it("removes what NUMBERING removes, for every BMP character starting the text", () => {
    const strip = (text: string) => text.trim().replace(NUMBERING, "").trim();
    expect(disagreements((ch) => stripNumbering(`${ch}1.目标`) !== strip(`${ch}1.目标`))).toEqual([]);
    expect(disagreements((ch) => stripNumbering(`${ch}、目标 `) !== strip(`${ch}、目标 `))).toEqual([]);
    expect(disagreements((ch) => stripNumbering(`${ch} 是目标`) !== strip(`${ch} 是目标`))).toEqual([]);
    for (const text of [" 1. 目标", "（一）目标", "(2)目标", "①目标", "十二、目标", "一是目标", "第三，目标", "第1目标", "目标1.", "", "  ", "1目标"]) {
      expect(stripNumbering(text)).toBe(strip(text));
    }
    expect(stripNumbering("（一）提升服务 ")).toBe("提升服务");
  });
});
