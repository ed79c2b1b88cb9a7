// `jixiao fix`: every certain fix of the seed applied, in the input's format; `check` of the result no longer
// raises those findings; never over the input; `check --fix-dry-run` lists the same changes without writing.
import { copyFileSync, existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runFix } from "../../src/commands/fix.js";
import { importFile } from "../../src/import/index.js";
import { fixableFindings } from "../../src/rules/fixes.js";
import { validate } from "../../src/rules/engine.js";
import type { Finding } from "../../src/rules/types.js";
import { runCli } from "../support/cli.js";
import { ROOT } from "../render/helpers.js";

const SEED_JSON = join(ROOT, "examples/chengde-gxq-2023.gold.json");
const SEED_TXT = join(ROOT, "examples/chengde-gxq-2023.txt");
const key = (f: Finding) => `${f.rule}|${f.project}|${f.indicator}|${f.field}`;

async function fixable(file: string): Promise<Finding[]> {
  return fixableFindings(validate(await importFile(file)).findings);
}

describe("jixiao fix", () => {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-fix-"));

  it("the seed has certain fixes to apply", async () => {
    expect((await fixable(SEED_JSON)).length).toBe(14);
  });

  for (const ext of [".json", ".xlsx", ".docx", ".md"]) {
    it(`writes ${ext} with every certain fix applied; check of it no longer raises those findings`, async () => {
      const before = await fixable(SEED_JSON);
      const out = join(dir, `seed-fixed${ext}`);
      await runFix(SEED_JSON, { output: out });
      const fixed = await importFile(out);
      const after = validate(fixed).findings;
      const remaining = new Set(after.map(key));
      expect(before.filter((f) => remaining.has(key(f))).map(key)).toEqual([]);
      expect(fixableFindings(after)).toEqual([]);
      // The fixes are the values the findings proposed.
      const project = fixed.projects.find((p) => p.code === before[0].project)!;
      expect(project.indicators[before[0].indicator!].value).toBe(before[0].fix);
      expect(fixed.projects.flatMap((p) => p.indicators)).toHaveLength(126);
    });
  }

  it("keeps the input's format by default; a plain-text 绩效文本 becomes Markdown beside it", async () => {
    const txt = join(dir, "seed.txt");
    copyFileSync(SEED_TXT, txt);
    await runFix(txt, {});
    expect(existsSync(join(dir, "seed-已修正.md"))).toBe(true);
    const json = join(dir, "seed.json");
    copyFileSync(SEED_JSON, json);
    await runFix(json, {});
    expect(existsSync(join(dir, "seed-已修正.json"))).toBe(true);
    expect(await fixable(join(dir, "seed-已修正.md"))).toEqual([]);
  });

  it("refuses to write over its input, or to a format it cannot write", async () => {
    const json = join(dir, "own.json");
    copyFileSync(SEED_JSON, json);
    await expect(runFix(json, { output: json })).rejects.toThrow(/拒绝写入.*输入文件/);
    await expect(runFix(json, { output: join(dir, "out.txt") })).rejects.toThrow(/无法写成 .*out\.txt.*\.json、\.md/);
  });

  it("check --fix-dry-run lists every change, writes nothing, exits 0", async () => {
    const before = readdirSync(dir).length;
    const r = await runCli(["check", SEED_JSON, "--fix-dry-run"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n").filter((l) => l.includes(" → "));
    expect(lines).toHaveLength(14);
    expect(r.stdout).toContain("指标值：“≤96%” → “≥96%”（value-direction）");
    expect(readdirSync(dir).length).toBe(before);
  });
});
