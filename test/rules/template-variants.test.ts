// Template variants map, never error: a row that is right apart from its label's spelling (a template note, a
// provincial …目标 / …类指标 form) gets an info note and no error or warning.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validate } from "../../src/rules/engine.js";
import { parseRuleFixture } from "./fixture.js";

const dir = join(import.meta.dirname, "..", "fixtures", "rules");

describe("template variants", () => {
  for (const file of ["level-invalid.3.md", "level-invalid.4.md", "level-invalid.5.md"]) {
    it(`${file}: variant labels raise only info notes`, () => {
      const fx = parseRuleFixture(join(dir, file));
      const first = fx.document.projects[0].code;
      const findings = validate(fx.document, { profile: fx.profile }).findings.filter((f) => f.project === first);
      const notes = findings.filter((f) => f.rule === "level-invalid");
      expect(notes.length).toBeGreaterThan(0);
      expect(notes.map((f) => f.severity).every((s) => s === "info")).toBe(true);
      // The only other finding allowed on these rows is the deliberate category name.
      const noisy = findings.filter((f) => f.severity !== "info" && f.rule !== "name-is-category" && f.rule !== "basis-not-source");
      expect(noisy.map((f) => `${f.rule} ${f.message}`)).toEqual([]);
    });
  }
});
