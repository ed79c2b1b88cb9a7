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
      expect(parsed).toMatchObject(expected);
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
