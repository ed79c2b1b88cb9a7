// `jixiao check` as a user runs it: a spawned CLI, real files, exit codes and the JSON shape of docs/contracts.md.
import { copyFileSync, mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

const SEED_JSON = "examples/chengde-gxq-2023.gold.json";
const CLEAN_LEGACY = "test/fixtures/clean/legacy";
const CLEAN_MOF = "test/fixtures/clean/mof2021";

/** Run `jixiao check` as a user would (async, so a slow spawn never blocks the worker). */
function check(args: string[], cwd = process.cwd()) {
  return runCli(["check", ...args], { cwd });
}

const json = (stdout: string) => JSON.parse(stdout) as Record<string, unknown>;

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "jixiao-check-"));
});

describe("jixiao check", () => {
  it("exit 0 and a zero summary on a clean table", async () => {
    const r = await check([`${CLEAN_LEGACY}/training.json`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("0 个错误，0 个警告，0 个提示");
  });

  it("exit 1 on the seed, with the JSON report exactly as docs/contracts.md", async () => {
    const r = await check([SEED_JSON, "--format", "json"]);
    expect(r.code).toBe(1);
    const report = json(r.stdout);
    expect(Object.keys(report).sort()).toEqual(["file", "findings", "profile", "projects", "summary"]);
    expect(report.file).toBe(SEED_JSON);
    expect(report.profile).toBe("legacy");
    const projects = report.projects as { code: string; name: string; indicators: number }[];
    expect(projects).toHaveLength(14);
    for (const p of projects) expect(Object.keys(p).sort()).toEqual(["code", "indicators", "name"]);
    expect(projects.reduce((n, p) => n + p.indicators, 0)).toBe(126);
    const findings = report.findings as Record<string, unknown>[];
    const allowed = ["field", "fix", "hint", "indicator", "message", "project", "rule", "severity"];
    for (const f of findings) {
      expect(Object.keys(f).every((k) => allowed.includes(k))).toBe(true);
      expect(["error", "warning", "info"]).toContain(f.severity);
    }
    const summary = report.summary as Record<string, number>;
    expect(Object.keys(summary).sort()).toEqual(["error", "info", "warning"]);
    for (const sev of ["error", "warning", "info"]) expect(summary[sev]).toBe(findings.filter((f) => f.severity === sev).length);
    expect(summary.error).toBeGreaterThan(0);
  });

  it("the text report counts rows from 1 and ends with the summary line", async () => {
    const r = await check([SEED_JSON]);
    expect(r.code).toBe(1);
    // 平台能否正常运行 is row index 1 of the first project: 第2行 for a human.
    expect(r.stdout).toMatch(/第2行 建设承德工业互联网平台运行情况 「平台能否正常运行」/);
    expect(r.stdout).toContain("→ 修改建议：");
    expect(r.stdout.trimEnd().split("\n").pop()).toMatch(/^\d+ 个错误，\d+ 个警告，\d+ 个提示$/);
    expect(r.stdout).not.toContain("\x1b["); // not a TTY: no colors
  });

  it("--quiet shows errors only", async () => {
    const r = await check([SEED_JSON, "--quiet", "--format", "json"]);
    expect(r.code).toBe(1);
    const report = json(r.stdout);
    const findings = report.findings as { severity: string }[];
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.severity === "error")).toBe(true);
  });

  it("checks a folder recursively, files in sorted order, as a JSON array", async () => {
    const dir = join(tmp, "folder");
    mkdirSync(join(dir, "sub"), { recursive: true });
    copyFileSync(`${CLEAN_MOF}/training.json`, join(dir, "b.json"));
    copyFileSync(`${CLEAN_MOF}/event.json`, join(dir, "sub", "a.json"));
    copyFileSync(`${CLEAN_LEGACY}/subsidy.json`, join(dir, "a.json"));
    writeFileSync(join(dir, "notes.md"), "not checked");
    const r = await check([dir, "--format", "json"]);
    expect(r.code).toBe(0);
    const reports = JSON.parse(r.stdout) as { file: string; profile: string }[];
    expect(reports.map((x) => x.file)).toEqual([join(dir, "a.json"), join(dir, "b.json"), join(dir, "sub", "a.json")]);
    expect(reports.map((x) => x.profile)).toEqual(["legacy", "mof2021", "mof2021"]);
  });

  it("exit 2 with the JSON path and the expected type, in Chinese, for a Document JSON that breaks the schema", async () => {
    const file = join(tmp, "broken.json");
    writeFileSync(file, JSON.stringify({ projects: [{ code: "13081123P00005110003A", indicators: [{ name: "培训人次", value: 200 }] }] }));
    const r = await check([file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("broken.json");
    expect(lines[0]).toContain("$.projects[0].indicators[0].value");
    expect(lines[0]).toContain("应为文本");
  });

  it("several files with an unreadable one: the readable ones are reported, each unreadable one named, exit 2", async () => {
    const missing = join(tmp, "missing.txt");
    const r = await check([`${CLEAN_LEGACY}/event.json`, missing, SEED_JSON, "--format", "json"]);
    expect(r.code).toBe(2);
    const reports = JSON.parse(r.stdout) as { file: string }[];
    expect(reports.map((x) => x.file)).toEqual([`${CLEAN_LEGACY}/event.json`, SEED_JSON]);
    expect(r.stderr).toContain(missing);
    expect(r.stderr).toContain("文件不存在");
  });

  it("a .jixiaorc.json next to the file turns a rule off and changes a severity", async () => {
    const dir = join(tmp, "configured");
    mkdirSync(dir, { recursive: true });
    copyFileSync(SEED_JSON, join(dir, "seed.json"));
    const before = json((await check([join(dir, "seed.json"), "--format", "json"])).stdout);
    const rulesBefore = (before.findings as { rule: string; severity: string }[]);
    expect(rulesBefore.some((f) => f.rule === "value-unit")).toBe(true);
    expect(rulesBefore.find((f) => f.rule === "goal-placeholder")?.severity).toBe("error");

    writeFileSync(join(dir, ".jixiaorc.json"), JSON.stringify({ rules: { "value-unit": false, "goal-placeholder": "warning" } }));
    const after = json((await check([join(dir, "seed.json"), "--format", "json"])).stdout);
    const rulesAfter = after.findings as { rule: string; severity: string }[];
    expect(rulesAfter.some((f) => f.rule === "value-unit")).toBe(false);
    expect(rulesAfter.filter((f) => f.rule === "goal-placeholder").every((f) => f.severity === "warning")).toBe(true);
    expect((after.summary as { error: number }).error).toBeLessThan((before.summary as { error: number }).error);
  });

  it("--config with an unknown rule id: exit 2 naming the config file and the key", async () => {
    const cfg = join(tmp, "bad-rc.json");
    writeFileSync(cfg, JSON.stringify({ rules: { "value-units": false } }));
    const r = await check([SEED_JSON, "--config", cfg]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(cfg);
    expect(r.stderr).toContain("rules.value-units");
    expect(r.stderr).toContain("value-unit？");
  });

  it("--profile overrides detection (a legacy table judged as mof2021 misses 经济成本指标)", async () => {
    const legacy = json((await check([`${CLEAN_LEGACY}/platform.json`, "--format", "json"])).stdout);
    expect(legacy.profile).toBe("legacy");
    const r = await check([`${CLEAN_LEGACY}/platform.json`, "--format", "json", "--profile", "mof2021"]);
    expect(r.code).toBe(1);
    const report = json(r.stdout);
    expect(report.profile).toBe("mof2021");
    const rules = (report.findings as { rule: string; message: string }[]).map((f) => f.rule);
    expect(rules).toContain("required-level2-missing");
  });

  it("an unknown --profile or --format is an input error (exit 2)", async () => {
    expect((await check([SEED_JSON, "--profile", "mof2022"])).code).toBe(2);
    const r = await check([SEED_JSON, "--format", "html"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("不支持的报告格式");
  });

  it("a usage error (no file, an unknown option) is exit 2 with one Chinese line, not exit 1 (errors found)", async () => {
    const none = await check([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe("");
    expect(none.stderr.trim().split("\n")).toEqual(["jixiao: 缺少参数 files；用 jixiao --help 查看用法"]);
    const option = await check([SEED_JSON, "--qiuet"]);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/^jixiao: 未知选项 --qiuet/);
    const help = await check(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("用法： jixiao check");
  });

  it("reads the seed text through the text importer and writes a Markdown review memo", async () => {
    const r = await check(["examples/chengde-gxq-2023.txt", "--format", "markdown"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^# 关于《.+》预算绩效目标的审核意见/);
    expect(r.stdout).toContain("## 总体情况");
    expect(r.stdout).toContain("| 行 | 三级指标 | 原填写内容 | 问题 | 修改建议 |");
    expect(r.stdout).toContain("## 审核结论");
  });
});
