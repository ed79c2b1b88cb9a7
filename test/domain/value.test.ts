import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { excelSerialToIso, parseValue } from "../../src/domain/value.js";
import { ALL_CASES, SEED_CASES } from "./value.cases.js";

const KINDS = new Set(["quantitative", "deadline", "range", "grade", "placeholder", "empty", "text"]);

describe("parseValue — table of real strings", () => {
  it("has at least 150 cases", () => {
    expect(ALL_CASES.length).toBeGreaterThanOrEqual(150);
  });

  it("covers every distinct value of the seed's 126 rows", () => {
    const gold = JSON.parse(readFileSync(join(import.meta.dirname, "../../examples/chengde-gxq-2023.gold.json"), "utf8"));
    const values = new Set<string>(gold.projects.flatMap((p: { indicators: { value: string }[] }) => p.indicators.map((i) => i.value)));
    const covered = new Set(SEED_CASES.map(([input]) => input));
    expect([...values].filter((v) => !covered.has(v))).toEqual([]);
  });

  for (const [input, expected, level2] of ALL_CASES) {
    it(`${JSON.stringify(input)}${level2 ? ` (${level2})` : ""} → ${expected.kind}`, () => {
      const parsed = parseValue(input, { level2 });
      // `field: undefined` in a case means the field must be absent (e.g. no iso for an invalid date).
      const present = Object.fromEntries(Object.entries(expected).filter(([, v]) => v !== undefined));
      const absent = Object.keys(expected).filter((k) => expected[k] === undefined);
      expect(parsed).toMatchObject(present);
      for (const key of absent) expect(parsed).not.toHaveProperty(key);
      expect(parsed.raw).toBe(input);
    });
  }
});

describe("parseValue — helpers", () => {
  it("converts Excel serials with the 1899-12-30 epoch", () => {
    expect(excelSerialToIso(44561)).toBe("2021-12-31");
    expect(excelSerialToIso(1)).toBe("1899-12-31");
  });
  it("treats 5000 元 and 0.5 万元 as the same amount", () => {
    const a = parseValue("5000 元");
    const b = parseValue("0.5万元");
    expect(a.kind === "quantitative" && b.kind === "quantitative" && a.normalized === b.normalized).toBe(true);
  });
});

/** The parse without `raw`, for comparing two spellings of one value. */
function meaning(text: string, level2?: string): object {
  const { raw: _raw, ...rest } = parseValue(text, { level2 });
  return rest;
}

describe("parseValue — spelling invariance (property)", () => {
  const inputs = ALL_CASES.filter(([input]) => input.trim() !== "").map(([input, , level2]) => [input, level2] as const);

  it("whitespace inserted anywhere does not change the parse (PDF extraction breaks cells)", () => {
    const space = fc.constantFrom(" ", "\u3000", "\t", "\u00a0", "\n");
    fc.assert(
      fc.property(fc.constantFrom(...inputs), fc.array(fc.tuple(fc.nat(), space), { minLength: 1, maxLength: 3 }), ([input, level2], inserts) => {
        let spaced = input;
        for (const [at, ch] of inserts) {
          const i = at % (spaced.length + 1);
          spaced = spaced.slice(0, i) + ch + spaced.slice(i);
        }
        expect(meaning(spaced, level2)).toEqual(meaning(input, level2));
      }),
      { numRuns: 1500 },
    );
  });

  it("full-width digits read like ASCII digits", () => {
    const toFullWidth = (t: string) => t.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    for (const [input, level2] of inputs) expect(meaning(toFullWidth(input), level2), input).toEqual(meaning(input, level2));
  });
});

describe("parseValue — arithmetic (property)", () => {
  it("万/亿 scale exactly: k/100 万元 is k·100 元, k/100 万户 is k·100 户", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom(["万元", 100, "money"], ["万户", 100, "count"], ["亿元", 1_000_000, "money"]), (k, [unit, factor, unitKind]) => {
        const written = String(k / 100);
        const parsed = parseValue(`≥${written}${unit}`);
        expect(parsed).toMatchObject({ kind: "quantitative", operator: ">=", number: k / 100, normalized: k * factor, unitKind });
      }),
      { numRuns: 500 },
    );
  });

  it("every comparison spelling maps to its operator whatever the number and unit", () => {
    const ops: [string, string][] = [["≥", ">="], ["＞＝", ">="], ["不低于", ">="], ["≤", "<="], ["不超过", "<="], ["＜", "<"], ["高于", ">"], ["＝", "="]];
    const units = ["%", "个", "人次", "元", "天", "平方米"];
    fc.assert(
      fc.property(fc.constantFrom(...ops), fc.integer({ min: 0, max: 999_999 }), fc.constantFrom(...units), ([word, op], n, unit) => {
        expect(parseValue(`${word}${n}${unit}`)).toMatchObject({ kind: "quantitative", operator: op, number: n, unit });
      }),
      { numRuns: 500 },
    );
  });
});

describe("parseValue — never throws (property)", () => {
  it("on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), fc.option(fc.constantFrom("时效指标", "数量指标")), (s, level2) => {
        const parsed = parseValue(s, { level2: level2 ?? undefined });
        return KINDS.has(parsed.kind) && parsed.raw === s;
      }),
      { numRuns: 2000 },
    );
  });

  it("on strings built from the grammar's own pieces", () => {
    const piece = fc.constantFrom(
      "≥", "≤", "＞", "=", "不低于", "不超过", "以上", "以内", "1.1", "万", "亿", "元", "万元", "%", "百分比", "‰", "/人", "·月",
      "2023年", "12月", "底", "前", "30日", "-", "~", "±", "**", "XX", "文字描述", "是否", "显著提升", "无", " ", "户", "次",
      "44561", "（", "）", "0", "999999999999999999999", ".", ",",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const s = parts.join("");
        const parsed = parseValue(s, { level2: "时效指标" });
        return KINDS.has(parsed.kind);
      }),
      { numRuns: 3000 },
    );
  });

  it("on non-string input at run time", () => {
    expect(parseValue(undefined as unknown as string).kind).toBe("empty");
    expect(parseValue(42 as unknown as string)).toMatchObject({ kind: "quantitative", normalized: 42 });
  });
});
