// The one harness over every rule fixture in test/fixtures/rules/: for each rule a file tests, the places it
// fires must be exactly the places the file expects — no more (false alarms), no fewer (misses).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validate } from "../../src/rules/engine.js";
import { RULES } from "../../src/rules/registry.js";
import { parseRuleFixture, type RuleFixture } from "./fixture.js";

const dir = join(import.meta.dirname, "..", "fixtures", "rules");
const fixtures: RuleFixture[] = readdirSync(dir)
  .filter((f) => f.endsWith(".md"))
  .sort()
  .map((f) => parseRuleFixture(join(dir, f)));

const key = (h: { rule: string; project: string | null; indicator: number | null }) =>
  `${h.rule} @ ${h.project ?? "文档"} 行${h.indicator ?? "-"}`;

describe("rule fixtures", () => {
  for (const fx of fixtures) {
    it(fx.file.split("/").pop()!, () => {
      expect(fx.rules.length, "fixture must name the rules it tests").toBeGreaterThan(0);
      const report = validate(fx.document, { profile: fx.profile });
      const actual = report.findings
        .filter((f) => fx.rules.includes(f.rule))
        .map((f) => key({ rule: f.rule, project: f.project, indicator: f.indicator }));
      const wanted = fx.expected.filter((h) => fx.rules.includes(h.rule)).map(key);
      expect([...new Set(actual)].sort()).toEqual([...new Set(wanted)].sort());
    });
  }
});

describe("fixture coverage", () => {
  it("every rule in the registry has at least two firing and two non-firing fixture places", () => {
    const missing: string[] = [];
    for (const rule of RULES) {
      const testing = fixtures.filter((fx) => fx.rules.includes(rule.id));
      const firing = testing.flatMap((fx) => fx.expected.filter((h) => h.rule === rule.id)).length;
      // Non-firing places: rows (or projects, for project-level rules) under test where the rule is not expected.
      const places = testing.reduce(
        (n, fx) => n + fx.rowCount + fx.document.projects.length + 1,
        0,
      );
      const nonFiring = places - firing;
      if (firing < 2 || nonFiring < 2) missing.push(`${rule.id} (命中 ${firing}，不命中 ${nonFiring})`);
    }
    expect(missing).toEqual([]);
  });

  it("every fixture names only rules that exist", () => {
    const known = new Set(RULES.map((r) => r.id));
    const unknown = fixtures.flatMap((fx) => [...fx.rules, ...fx.expected.map((h) => h.rule)]).filter((id) => !known.has(id));
    expect(unknown).toEqual([]);
  });
});
