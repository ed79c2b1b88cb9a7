// The rules test a text before rewriting it (a cheap test, then the costly call only when it can change
// something). These tests pin that each guard lets through every text the rewrite would change.
import { describe, expect, it } from "vitest";
import { nameKey } from "../../src/rules/indicator-duplicated.js";

describe("text guards", () => {
  it("indicator-duplicated lowers every character toLowerCase would change", () => {
    const missed: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (ch === ")" || ch === "）") continue; // a trailing bracket starts the unit-note strip, not lowering
      if (nameKey(`名${ch}`) !== `名${ch}`.toLowerCase()) missed.push(c.toString(16));
    }
    expect(missed).toEqual([]);
    expect(nameKey("𐐀类")).toBe("𐐨类");
    expect(nameKey("ＡＰＰ使用率（%）")).toBe("ａｐｐ使用率");
  });
});
