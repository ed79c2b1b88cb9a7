// `jixiao import` as a user runs it: a child process, stdout JSON, exit codes, one Chinese line on stderr.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const dist = join(root, "dist", "cli.js");
const tsx = join(root, "node_modules", ".bin", "tsx");

function jixiao(...args: string[]) {
  // The built CLI when present (faster), else the sources through tsx.
  const [cmd, pre] = existsSync(dist) ? [process.execPath, [dist]] : [tsx, [join(root, "src", "cli.ts")]];
  // No model endpoint: prose drafting must take the offline path in tests.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(JIXIAO_LLM_|OPENAI_)/.test(k)));
  const r = spawnSync(cmd, [...pre, ...args], { cwd: root, encoding: "utf8", timeout: 60_000, env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("jixiao import", () => {
  it("prints the seed as Document JSON with 14 projects", () => {
    const r = jixiao("import", "examples/chengde-gxq-2023.txt", "--format", "json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.projects).toHaveLength(14);
    expect(doc.projects[0].code).toBe("13081123P00004610002X");
    expect(r.stdout.startsWith('{\n  "source"')).toBe(true); // 2-space indent
  });

  it("exits 2 with one line naming a missing file", () => {
    const r = jixiao("import", "没有这个文件.txt");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("没有这个文件.txt");
  });

  it("exits 2 on a binary file and on text without a table (never invents one)", () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-import-"));
    writeFileSync(join(dir, "图片.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]));
    writeFileSync(join(dir, "便条.txt"), "今天开会，讨论预算。\n");
    const bin = jixiao("import", join(dir, "图片.txt"));
    expect(bin.code).toBe(2);
    expect(bin.stderr).toMatch(/^jixiao: 图片\.txt：是二进制文件/);
    const note = jixiao("import", join(dir, "便条.txt"));
    expect(note.code).toBe(2);
    expect(note.stderr).toMatch(/^jixiao: 便条\.txt：未找到绩效目标表/);
    expect(note.stdout).toBe("");
  });

  it("drafts a table offline from a project description only when asked with --draft", () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-import-"));
    writeFileSync(
      join(dir, "培训说明.txt"),
      "基层统计人员业务培训\n2024年计划举办统计业务培训4次，培训基层统计人员120人次，预算2万元，提升统计数据质量。\n",
    );
    const refused = jixiao("import", join(dir, "培训说明.txt"));
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe("");
    const r = jixiao("import", join(dir, "培训说明.txt"), "--draft");
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/没有绩效目标表，已按文字起草项目“基层统计人员业务培训”/);
    const doc = JSON.parse(r.stdout);
    expect(doc.projects).toHaveLength(1);
    const values = doc.projects[0].indicators.map((i: { value: string }) => i.value.replace(/\s/g, ""));
    expect(values).toContain("≥4次");
    expect(doc.importWarnings[0].message).toContain("培训说明.txt");
  });
});
