import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { draftInputFromText, draftMarkdown } from "../../src/commands/draft.js";
import { draftProject } from "../../src/draft/index.js";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);
const NO_LLM = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^(JIXIAO_LLM_|OPENAI_)/.test(k)),
) as NodeJS.ProcessEnv;

describe("draftInputFromText", () => {
  it("takes the name from a short first line and the rest as the summary", async () => {
    const i = await draftInputFromText("业务培训\n举办培训4期。\n培训200人。", "a.txt", { budget: "2", months: "6,12" });
    expect(i).toMatchObject({ name: "业务培训", summary: "举办培训4期。\n培训200人。", budget: 2, spendingMonths: [6, 12], profile: "legacy" });
  });

  it("reads JSON {name, summary, budget}; options win over the file", async () => {
    const i = await draftInputFromText(JSON.stringify({ name: "甲", summary: "乙项目概况。", budget: 3 }), "x.json", { budget: "4" });
    expect(i).toMatchObject({ name: "甲", summary: "乙项目概况。", budget: 4 });
  });

  it.each([
    [{ budget: "abc" }, /预算数“abc”无效/],
    [{ months: "13" }, /支出月份“13”无效/],
    [{ profile: "x" }, /未知的指标体系“x”/],
  ])("rejects bad options %j", async (opts, message) => {
    await expect(draftInputFromText("名称\n概况。", "a.txt", opts)).rejects.toThrow(message);
  });
});

describe("draftMarkdown", () => {
  it("renders the table and then the questions to confirm", async () => {
    const r = await draftProject({ name: "业务培训", summary: "提升业务能力。", budget: 2 });
    const md = await draftMarkdown(r);
    expect(md).toContain("| 参训人员满意度 |");
    const questions = md.slice(md.indexOf("需要确认的默认值"));
    expect(md.indexOf("需要确认的默认值")).toBeGreaterThan(md.indexOf("参训人员满意度"));
    expect(questions).toContain("参训人员满意度目标按 90% 起草");
  });
});

describe("jixiao draft (spawned)", () => {
  it("drafts from a file to JSON, exit 0, and says which drafter ran", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-draft-"));
    const file = join(dir, "coal.txt");
    writeFileSync(file, "洁净型煤推广项目\n计划推广使用洁净型煤代燃煤户数约 2600 户，确保群众温暖过冬。\n");
    const { stdout, stderr } = await run(join(REPO, "node_modules/.bin/tsx"), ["src/cli.ts", "draft", file, "--budget", "260", "--format", "json"], {
      cwd: REPO,
      env: NO_LLM,
    });
    const r = JSON.parse(stdout);
    expect(r.project.name).toBe("洁净型煤推广项目");
    expect(r.project.indicators.map((i: { value: string }) => i.value)).toContain("≥2600户");
    expect(r.findings.filter((f: { severity: string }) => f.severity === "error")).toEqual([]);
    expect(stderr).toContain("离线起草");
  });

  it("exits 2 with one Chinese line for a missing file", async () => {
    const err = await run(join(REPO, "node_modules/.bin/tsx"), ["src/cli.ts", "draft", "/nonexistent/x.txt"], { cwd: REPO, env: NO_LLM }).catch((e) => e);
    expect(err.code).toBe(2);
    expect(err.stderr.trim()).toBe("jixiao: /nonexistent/x.txt：文件不存在");
  });
});
