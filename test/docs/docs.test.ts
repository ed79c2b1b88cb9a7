// The repository documents itself: docs/rules.md is the rule catalog as the rules state it today, and nothing
// points at a design file the repository does not have.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RULES } from "../../src/rules/registry.js";
import { rulesCatalog } from "../../scripts/rules-catalog.js";
import { ROOT } from "../render/helpers.js";

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe("docs/", () => {
  it("rules.md is up to date with the rules (npm run docs:rules) and names every rule", () => {
    const text = readFileSync(join(ROOT, "docs/rules.md"), "utf8");
    expect(text).toBe(rulesCatalog());
    for (const r of RULES) expect(text).toContain(`## ${r.id}\n`);
  });

  it("architecture.md and contracts.md exist; the README links all three", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    for (const doc of ["architecture", "contracts", "rules"]) {
      expect(existsSync(join(ROOT, `docs/${doc}.md`))).toBe(true);
      expect(readme).toContain(`(docs/${doc}.md)`);
    }
  });

  it("nothing refers to a DESIGN file the repository lacks", () => {
    const files = ["README.md", ...["src", "templates", "prompts", "docs"].flatMap((d) => filesUnder(join(ROOT, d)))];
    const hits = files.filter((f) => /\bDESIGN\b/.test(readFileSync(f.startsWith("/") ? f : join(ROOT, f), "utf8")));
    expect(hits).toEqual([]);
  });

  it("the package carries its LICENSE (MIT, as package.json says)", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { license: string; files: string[] };
    expect(pkg.license).toBe("MIT");
    expect(pkg.files).toContain("LICENSE");
    expect(readFileSync(join(ROOT, "LICENSE"), "utf8")).toMatch(/^MIT License/);
  });
});
