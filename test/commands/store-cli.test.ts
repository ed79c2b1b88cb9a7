// `jixiao projects`, `jixiao history`, `jixiao export` as a user runs them: the built CLI against a temp database
// prepared through the Workspace class.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/store/sqlite.js";
import { Workspace } from "../../src/workspace/index.js";
import { createArgs, indicatorArgs } from "../mcp/seed.js";
import { runCli } from "../support/cli.js";

let dir: string;
let db: string;
let seedId: string;
let otherId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "jixiao-cli-store-"));
  db = join(dir, "jixiao.db");
  const ws = new Workspace(openSqliteStore(db), { roots: [dir], exportsDir: join(dir, "exports") });
  const seed = await ws.createProject(createArgs());
  seedId = seed.project.id!;
  const added = await ws.addIndicators(seedId, indicatorArgs());
  await ws.updateIndicator(seedId, added.added[0], { value: "≥4次" });
  await ws.undo(seedId);
  otherId = (await ws.createProject({ name: "农村道路养护", code: "13081123P00000000001P", budget: { total: 50 } })).project.id!;
  await ws.close();
});

describe("jixiao projects", () => {
  it("lists the stored projects with revision and finding counts", async () => {
    const r = await runCli(["projects", "--db", db]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toMatch(new RegExp(`^${seedId}  13081123P00003910002P  基层统计人员业务培训  版本 4  更新 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  错误 \\d+  警告 \\d+$`));
    expect(lines[1]).toContain(otherId);
    expect(lines.at(-1)).toContain("共 2 个项目");
  });

  it("prints JSON and filters by --query", async () => {
    const r = await runCli(["projects", "--db", db, "--query", "道路", "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.db).toBe(db);
    expect(out.projects).toHaveLength(1);
    expect(out.projects[0]).toMatchObject({ id: otherId, code: "13081123P00000000001P", name: "农村道路养护", revision: 1 });
    expect(out.projects[0].errors).toBeGreaterThan(0);
    expect(typeof out.projects[0].warnings).toBe("number");
    expect(Number.isNaN(Date.parse(out.projects[0].updatedAt))).toBe(false);
    const none = await runCli(["projects", "--db", db, "--query", "不存在的关键词"]);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain("没有匹配");
  });

  it("finds the database through JIXIAO_DB like serve does", async () => {
    const saved = process.env.JIXIAO_DB;
    process.env.JIXIAO_DB = db;
    try {
      const r = await runCli(["projects", "--format", "json"]);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).projects).toHaveLength(2);
    } finally {
      if (saved === undefined) delete process.env.JIXIAO_DB;
      else process.env.JIXIAO_DB = saved;
    }
  });

  it("exits 2 with one Chinese line on bad input", async () => {
    const missing = await runCli(["projects", "--db", join(dir, "nope.db")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(missing.stderr).toContain("数据库文件不存在");
    expect(existsSync(join(dir, "nope.db"))).toBe(false);
    const format = await runCli(["projects", "--db", db, "--format", "xml"]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("不支持的输出格式“xml”");
    const notDb = join(dir, "not-a-db.db");
    writeFileSync(notDb, "this is not sqlite");
    const broken = await runCli(["projects", "--db", notDb]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain("无法打开数据库");
  });
});

describe("jixiao history", () => {
  it("lists each change with revision, time and description", async () => {
    const r = await runCli(["history", seedId, "--db", db]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toContain(`（${seedId}），当前版本 4，共 3 条修改`);
    expect(lines[1]).toMatch(/^版本 1 → 2  \d{4}-\d\d-\d\d \d\d:\d\d:\d\d  添加 9 条指标：培训次数、培训效果、按期完成率 等  \[add_indicators\]$/);
    expect(lines[2]).toMatch(/修改指标 i_\w+ 的指标值：4 次 → ≥4次  \[update_indicator\]$/);
    expect(lines[3]).toMatch(/撤销到版本 2  \[undo\]$/);
  });

  it("prints JSON", async () => {
    const r = await runCli(["history", seedId, "--db", db, "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ id: seedId, name: "基层统计人员业务培训", revision: 4 });
    expect(out.entries.map((e: { revision: number; action: string }) => [e.revision, e.action])).toEqual([
      [1, "add_indicators"],
      [2, "update_indicator"],
      [3, "undo"],
    ]);
    expect(out.entries[2].undoTo).toBe(2);
  });

  it("says how to find ids for an unknown one (exit 2)", async () => {
    const r = await runCli(["history", "p_missing", "--db", db]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("找不到项目“p_missing”");
    expect(r.stderr).toContain("jixiao projects");
  });
});

describe("jixiao export", () => {
  it("prints Markdown and HTML tables to stdout", async () => {
    const md = await runCli(["export", seedId, "--db", db, "--to", "md"]);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain("基层统计人员业务培训");
    expect(md.stdout).toContain("培训次数");
    const html = await runCli(["export", seedId, "--db", db, "--to", "html"]);
    expect(html.code, html.stderr).toBe(0);
    expect(html.stdout).toMatch(/<html/i);
  });

  it("exports Document JSON that jixiao check reads back", async () => {
    const out = join(dir, "seed.json");
    const r = await runCli(["export", seedId, "--db", db, "--to", "json", "-o", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`已写入 ${out}`);
    const doc = JSON.parse(readFileSync(out, "utf8"));
    expect(doc.projects).toHaveLength(1);
    expect(doc.projects[0].indicators).toHaveLength(9);
    const check = await runCli(["check", out, "--format", "json"]);
    expect([0, 1]).toContain(check.code);
    expect(JSON.parse(check.stdout).projects[0].name).toBe("基层统计人员业务培训");
  });

  it("writes xlsx to -o, or to <名称>-<id>.xlsx in the working folder", async () => {
    const out = join(dir, "seed.xlsx");
    const r = await runCli(["export", seedId, "--db", db, "--to", "xlsx", "-o", out]);
    expect(r.code, r.stderr).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.length).toBeGreaterThan(0);
    const byDefault = await runCli(["export", otherId, "--db", db, "--to", "xlsx"], { cwd: dir });
    expect(byDefault.code, byDefault.stderr).toBe(0);
    expect(existsSync(join(dir, `农村道路养护-${otherId}.xlsx`))).toBe(true);
  });

  it("writes docx, clean by default and marked with --with-findings", async () => {
    const clean = join(dir, "seed-clean.docx");
    const marked = join(dir, "seed-marked.docx");
    expect((await runCli(["export", seedId, "--db", db, "--to", "docx", "-o", clean])).code).toBe(0);
    expect((await runCli(["export", seedId, "--db", db, "--to", "docx", "-o", marked, "--with-findings"])).code).toBe(0);
    const xml = async (path: string) => (await JSZip.loadAsync(readFileSync(path))).file("word/document.xml")!.async("string");
    expect(await xml(clean)).toContain("培训次数");
    expect(await xml(clean)).not.toContain("修改建议");
    expect(await xml(marked)).toContain("修改建议");
    const md = await runCli(["export", seedId, "--db", db, "--to", "md"]);
    expect(md.stdout).not.toContain("⚠〔");
    const mdMarked = await runCli(["export", seedId, "--db", db, "--to", "md", "--with-findings"]);
    expect(mdMarked.stdout).toContain("⚠〔");
  });

  it("exits 2 with one Chinese line on bad input", async () => {
    const format = await runCli(["export", seedId, "--db", db, "--to", "pdf"]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("--to 应为 md、html、xlsx、docx、json");
    const unknown = await runCli(["export", "p_missing", "--db", db, "--to", "md"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("jixiao projects");
    const noDir = await runCli(["export", seedId, "--db", db, "--to", "md", "-o", join(dir, "no", "such", "dir", "x.md")]);
    expect(noDir.code).toBe(2);
    expect(noDir.stderr).toContain("无法写入");
  });
});
