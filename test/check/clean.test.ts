// Well-made tables a good department would hand in: six project kinds in both profiles. Each must pass
// with zero errors and zero warnings — a checker that nags at good work is not used.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocumentJson } from "../../src/import/json.js";
import { validate } from "../../src/rules/engine.js";
import { PROFILES } from "../../src/domain/taxonomy.js";
import { canonicalLabel } from "../../src/domain/taxonomy.js";

const ROOT = new URL("../fixtures/clean/", import.meta.url).pathname;
const KINDS = ["training", "planning", "subsidy", "platform", "event", "equipment"];

for (const profile of ["legacy", "mof2021"] as const) {
  describe(`clean tables (${profile})`, () => {
    const files = readdirSync(join(ROOT, profile)).filter((f) => f.endsWith(".json")).sort();

    it("cover the six project kinds", () => {
      expect(files.map((f) => f.replace(/\.json$/, "")).sort()).toEqual([...KINDS].sort());
    });

    for (const file of files) {
      it(`${file}: no errors, no warnings`, () => {
        const doc = parseDocumentJson(readFileSync(join(ROOT, profile, file), "utf8"), file);
        // The fixture really is complete: every mandatory 二级 of the profile has a row.
        const level2 = new Set(doc.projects.flatMap((p) => p.indicators.map((i) => canonicalLabel(i.level2))));
        for (const required of PROFILES[profile].requiredLevel2) expect(level2.has(required), required).toBe(true);

        const report = validate(doc);
        expect(report.profile).toBe(profile); // detected from the labels, not declared
        const noisy = report.findings.filter((f) => f.severity !== "info");
        expect(noisy.map((f) => `${f.rule} 第${(f.indicator ?? -1) + 1}行 ${f.message}`)).toEqual([]);
      });
    }
  });
}
