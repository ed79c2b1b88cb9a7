// `check` as a linter in a batch: -o FILE for the report, --max-warnings N, and folders that skip
// node_modules, dot-folders and JSON files that are not Document JSON (counted on stderr).
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REVIEWER_GOALS, REVIEWER_ROW_FIXES, REVIEWER_SPENDING_PLAN, seedTrainingProject } from "../mcp/seed.js";
import { runCli } from "../support/cli.js";
import { ROOT } from "../render/helpers.js";

const SEED = join(ROOT, "examples/chengde-gxq-2023.gold.json");

/** A project with no error and some warnings: the seed's training project as a reviewer fixed it. */
function warningOnlyDocument(dir: string): string {
  const p = seedTrainingProject();
  const fixed = {
    ...p,
    goals: REVIEWER_GOALS,
    spendingPlan: REVIEWER_SPENDING_PLAN,
    indicators: p.indicators.map((i) => ({ ...i, ...(REVIEWER_ROW_FIXES[i.name] ?? {}) })),
  };
  const doc = { unit: "万元", projects: [fixed] };
  const path = join(dir, "one.json");
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

describe("check options", () => {
  it("-o FILE writes the report there, not to stdout, and never over a checked file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-check-o-"));
    const out = join(dir, "report.json");
    const r = await runCli(["check", SEED, "--format", "json", "-o", out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(JSON.parse(readFileSync(out, "utf8")).summary.error).toBeGreaterThan(0);
    const copy = join(dir, "seed.json");
    copyFileSync(SEED, copy);
    const over = await runCli(["check", copy, "-o", copy]);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain("拒绝写入");
  });

  it("-o FILE is replaced only by a complete report: a run that fails leaves it as it was, and no partial file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-check-o-"));
    const out = join(dir, "report.json");
    writeFileSync(out, "上一次的报告");
    const broken = join(dir, "broken.json");
    writeFileSync(broken, '{"projects": [');
    const r = await runCli(["check", broken, "--format", "json", "-o", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("broken.json");
    expect(readFileSync(out, "utf8")).toBe("上一次的报告");
    expect(readdirSync(dir).sort()).toEqual(["broken.json", "report.json"]);
    const ok = await runCli(["check", SEED, "--format", "json", "-o", out]);
    expect(ok.code).toBe(1);
    expect(JSON.parse(readFileSync(out, "utf8")).file).toBe(SEED);
    expect(readdirSync(dir).sort()).toEqual(["broken.json", "report.json"]);
  });

  it("--max-warnings N: more warnings than N is exit 1, as many or fewer is exit 0", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-check-w-"));
    const file = warningOnlyDocument(dir);
    const report = JSON.parse((await runCli(["check", file, "--format", "json"])).stdout);
    expect(report.summary.error).toBe(0);
    const warnings: number = report.summary.warning;
    expect(warnings).toBeGreaterThan(0);
    expect((await runCli(["check", file, "--max-warnings", String(warnings)])).code).toBe(0);
    const over = await runCli(["check", file, "--max-warnings", String(warnings - 1)]);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain(`警告 ${warnings} 条，超过 --max-warnings ${warnings - 1}`);
    const bad = await runCli(["check", file, "--max-warnings", "many"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--max-warnings“many”无效");
  });

  it("a folder skips node_modules, dot-folders and JSON that is not a Document, and says how many", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-check-dir-"));
    warningOnlyDocument(dir);
    for (const sub of ["node_modules/pkg", ".git", "logs"]) mkdirSync(join(dir, sub), { recursive: true });
    writeFileSync(join(dir, "node_modules/pkg/package.json"), JSON.stringify({ name: "pkg", projects: [] }));
    writeFileSync(join(dir, ".git/x.json"), "{}");
    writeFileSync(join(dir, "logs/run.json"), JSON.stringify({ level: "info", msg: "started" }));
    writeFileSync(join(dir, "logs/lines.json"), '{"a":1}\n{"a":2}\n');
    const r = await runCli(["check", dir, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("已跳过 2 个文件夹（node_modules、以 . 开头的）和 2 个不是文档 JSON 的 .json 文件");
    const files = (JSON.parse(r.stdout) as { file: string }[] | { file: string }) as unknown;
    const list = Array.isArray(files) ? files : [files];
    expect(list.map((f: { file: string }) => f.file)).toEqual([join(dir, "one.json")]);
  });

  it("a folder of submissions: web pages and CSV are checked, an old .doc is named as not read, a README.md is left alone", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-check-mixed-"));
    const table = "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n|---|---|---|---|\n| 产出指标 | 数量指标 | 培训人次 | ≥300人次 |\n";
    writeFileSync(join(dir, "a.html"), "<html><body><p>项目名称：甲</p><table><tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr><tr><td>产出指标</td><td>数量指标</td><td>培训人次</td><td>≥300人次</td></tr></table></body></html>");
    writeFileSync(join(dir, "b.csv"), "项目名称,乙\n一级指标,二级指标,三级指标,指标值\n产出指标,数量指标,培训人次,≥300人次\n");
    writeFileSync(join(dir, "c.doc"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    writeFileSync(join(dir, "README.md"), `说明\n\n${table}`);
    const r = await runCli(["check", dir, "--format", "json"]);
    expect(r.code).toBe(2);
    const list = JSON.parse(r.stdout) as { file: string; projects: { name: string }[] }[];
    expect(list.map((f) => [f.file, f.projects[0].name])).toEqual([
      [join(dir, "a.html"), "甲"],
      [join(dir, "b.csv"), "乙"],
    ]);
    expect(r.stderr).toContain("c.doc：不支持旧版 .doc 格式，请在 Excel/Word/WPS 中另存为 .docx 后再导入");
  });
});
