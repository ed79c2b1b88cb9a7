import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isInputError } from "../../src/domain/errors.js";
import { openSqliteStore } from "../../src/store/sqlite.js";
import { safeFileName, Workspace } from "../../src/workspace/index.js";
import { createArgs, indicatorArgs } from "../mcp/seed.js";

function workspace(roots?: string[]) {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-ws-"));
  return { ws: new Workspace(openSqliteStore(":memory:"), { roots: roots ?? [dir], exportsDir: join(dir, "exports") }), dir };
}

async function inputError(fn: () => unknown): Promise<string> {
  try {
    await fn();
  } catch (e) {
    expect(isInputError(e)).toBe(true);
    return (e as Error).message;
  }
  throw new Error("expected an InputError");
}

describe("Workspace", () => {
  it("returns {project, revision, findings} from every mutation and records history", async () => {
    const { ws } = workspace();
    const c = await ws.createProject(createArgs());
    const id = c.project.id!;
    const a = await ws.addIndicators(id, indicatorArgs());
    const u = await ws.updateIndicator(id, a.added[0], { value: "≥4次" }, a.revision);
    for (const r of [c, a, u]) expect(Object.keys(r)).toEqual(expect.arrayContaining(["project", "revision", "findings"]));
    expect(u.revision).toBe(3);
    expect((await ws.history(id)).entries.map((e) => [e.revision, e.action])).toEqual([
      [1, "add_indicators"],
      [2, "update_indicator"],
    ]);
  });

  it("describes each change in Chinese when it records it", async () => {
    const { ws } = workspace();
    const id = (await ws.createProject({ name: "甲", budget: { total: 1 } })).project.id!;
    const a = await ws.addIndicators(id, [
      { level2: "数量指标", name: "次数", value: "4 次" },
      { level2: "质量指标", name: "合格率", value: "≥95%" },
    ]);
    await ws.updateIndicator(id, a.added[0], { value: "≥4次", basis: "年度计划" });
    await ws.updateIndicator(id, a.added[1], { value: "≥95%" });
    await ws.updateProject(id, { name: "乙", goals: ["目标一"], spendingPlan: { dec: 100 } });
    await ws.removeIndicators(id, [a.added[1]]);
    await ws.undo(id);
    expect((await ws.history(id)).entries.map((e) => e.description)).toEqual([
      "添加 2 条指标：次数、合格率",
      `修改指标 ${a.added[0]} 的指标值：4 次 → ≥4次；依据：（空） → 年度计划`,
      `修改指标 ${a.added[1]}（合格率）：内容未变`,
      "修改项目名称：甲 → 乙；绩效目标：0 条 → 1 条；12月底支出：（空） → 100%",
      "删除 1 条指标：合格率",
      "撤销到版本 5",
    ]);
  });

  it("leaves no trace of a refused mutation (no revision bump, no snapshot)", async () => {
    const { ws } = workspace();
    const id = (await ws.createProject(createArgs())).project.id!;
    await inputError(() => ws.addIndicators(id, [{ level2: "数量指标", name: "培训次数", value: "" }]));
    await inputError(() => ws.updateProject(id, { budget: { total: -5 } }));
    expect((await ws.getProject(id)).revision).toBe(1);
    expect((await ws.history(id)).entries).toHaveLength(0);
  });

  it("clears structured fields derived from an old value when the value changes", async () => {
    const { ws } = workspace();
    const id = (await ws.createProject({ name: "甲", budget: { total: 1 } })).project.id!;
    const a = await ws.addIndicators(id, [{ level2: "数量指标", name: "次数", value: "≥4次", unit: "次" }]);
    const u = await ws.updateIndicator(id, a.added[0], { value: "≥5个" });
    expect(u.project.indicators[0].unit).toBeUndefined();
    expect(u.project.indicators[0].value).toBe("≥5个");
  });

  it("explains a stale revision with the current one", async () => {
    const { ws } = workspace();
    const id = (await ws.createProject(createArgs())).project.id!;
    await ws.updateProject(id, { summary: "新" });
    expect(await inputError(() => ws.updateProject(id, { summary: "旧" }, 1))).toMatch(/当前版本为 2.*你提交的版本是 1.*get_project/);
  });

  it("refuses to patch fields update_project does not own", async () => {
    const { ws } = workspace();
    const id = (await ws.createProject(createArgs())).project.id!;
    const message = await inputError(() => ws.updateProject(id, { indicators: [] } as never));
    expect(message).toContain("indicators");
    expect(message).toContain("update_indicator");
  });

  it("deletes a project", async () => {
    const { ws } = workspace();
    const id = (await ws.createProject(createArgs())).project.id!;
    expect(await ws.deleteProject(id)).toMatchObject({ deleted: id });
    expect(await inputError(() => ws.getProject(id))).toContain("list_projects");
  });

  it("resolves import paths inside the roots only (no sibling-prefix escape)", async () => {
    const base = mkdtempSync(join(tmpdir(), "jixiao-roots-"));
    mkdirSync(join(base, "root"));
    mkdirSync(join(base, "root2"));
    writeFileSync(join(base, "root", "ok.txt"), "x");
    writeFileSync(join(base, "root2", "no.txt"), "x");
    const { ws } = workspace([join(base, "root")]);
    expect(await ws.resolveAllowedPath("ok.txt")).toBe(join(base, "root", "ok.txt"));
    expect(await inputError(() => ws.resolveAllowedPath(join(base, "root2", "no.txt")))).toContain("--root");
    expect(await inputError(() => ws.resolveAllowedPath("../root2/no.txt"))).toContain("不在允许的目录内");
  });

  it("drafts a project and stores it with `save`", async () => {
    const { ws } = workspace();
    const unsaved = await ws.draft({ name: "基层统计人员业务培训", summary: "组织基层统计人员业务培训4次", budget: 2 });
    expect(unsaved.saved).toBeUndefined();
    expect((await ws.listProjects()).projects).toHaveLength(0);
    const saved = await ws.draft({ name: "基层统计人员业务培训", summary: "组织基层统计人员业务培训4次", budget: 2 }, { save: true });
    expect(saved.saved?.revision).toBe(1);
    const stored = await ws.getProject(saved.saved!.project.id!);
    expect(stored.project.name).toBe("基层统计人员业务培训");
    expect(stored.project.indicators.every((i) => /^i_/.test(i.id ?? ""))).toBe(true);
    await expect(ws.draft({ name: "", summary: "x" })).rejects.toThrow(/项目名称/);
  });
});

describe("documents", () => {
  it("imports a document and gives it back with its edited projects", async () => {
    const { ws, dir } = workspace();
    const { copyFileSync } = await import("node:fs");
    copyFileSync(new URL("../../examples/chengde-gxq-2023.gold.json", import.meta.url), join(dir, "seed.json"));
    const imported = await ws.importDocument({ path: join(dir, "seed.json") });
    const first = imported.projects[0];
    await ws.updateProject(first.id, { summary: "改过的概况" });
    const back = await ws.getDocument(imported.documentId);
    expect(back.document.projects).toHaveLength(14);
    expect(back.document.year).toBe(2023);
    expect(back.document.projects[0].summary).toBe("改过的概况");
    expect(await inputError(() => ws.getDocument("d_missing"))).toContain("import_document");
  });
});

describe("indicator labels and row order", () => {
  const labels = (rows: { level1: string; level2: string; name: string }[]) => rows.map((i) => `${i.level2}/${i.name}`);

  it("inserts new rows in taxonomy order: after their 二级, else by the profile's 二级 order, else by 一级", async () => {
    const { ws } = workspace();
    const id = (await ws.createProject({ name: "宣传", budget: { total: 5 } })).project.id!;
    await ws.addIndicators(id, [{ level2: "数量指标", name: "活动次数", value: "≥12次" }]);
    await ws.addIndicators(id, [{ level2: "服务对象满意度指标", name: "满意度", value: "≥90%" }]);
    // A 效益 row added after the 满意度 row goes before it (its 一级 comes first in the profile).
    await ws.addIndicators(id, [{ level2: "可持续影响指标", name: "长效机制", value: "有效建立" }]);
    await ws.addIndicators(id, [{ level2: "社会效益指标", name: "知晓率", value: "≥85%" }]);
    await ws.addIndicators(id, [{ level2: "质量指标", name: "审核通过率", value: "=100%" }]);
    const r = await ws.addIndicators(id, [
      { level2: "数量指标", name: "宣传册份数", value: "≥5000份" },
      { level2: "成本指标", name: "总成本", value: "≤5万元" },
      { level2: "时效", name: "完成时间", value: "2024年12月底前" },
    ]);
    expect(labels(r.project.indicators)).toEqual([
      "数量指标/活动次数",
      "数量指标/宣传册份数",
      "质量指标/审核通过率",
      "时效指标/完成时间",
      "成本指标/总成本",
      "社会效益指标/知晓率",
      "可持续影响指标/长效机制",
      "服务对象满意度指标/满意度",
    ]);
    expect(r.added.map((a) => r.project.indicators.findIndex((i) => i.id === a))).toEqual([1, 4, 3]);
  });

  it("puts a mof2021 成本 row first", async () => {
    const { ws } = workspace();
    const id = (await ws.createProject({ name: "设备", budget: { total: 10 }, profile: "mof2021" })).project.id!;
    await ws.addIndicators(id, [{ level2: "数量指标", name: "台数", value: "≥2台" }, { level2: "满意度", name: "满意度", value: "≥90%" }]);
    const r = await ws.addIndicators(id, [{ level2: "经济成本", name: "购置成本", value: "≤10万元" }]);
    expect(r.project.indicators.map((i) => i.level1)).toEqual(["成本指标", "产出指标", "满意度指标"]);
  });

  it("never reorders an imported document's rows; new rows go after their 二级", async () => {
    const { ws, dir } = workspace();
    const { copyFileSync } = await import("node:fs");
    copyFileSync(new URL("../../examples/chengde-gxq-2023.gold.json", import.meta.url), join(dir, "seed.json"));
    const imported = await ws.importDocument({ path: join(dir, "seed.json") });
    const training = imported.projects.find((p) => p.name === "基层统计人员业务培训")!;
    const before = (await ws.getProject(training.id)).project.indicators;
    // The seed writes 生态效益 (row 6) before 社会效益 (row 7): that order stays.
    expect(before.map((i) => i.level2).slice(4, 8)).toEqual(["经济效益指标", "生态效益指标", "社会效益指标", "可持续影响指标"]);
    const r = await ws.addIndicators(training.id, [
      { level2: "社会效益", name: "统计数据差错率", value: "≤2%" },
      { level1: "产出", level2: "时效", name: "培训完成时间", value: "2023年6月底前" },
    ]);
    const after = r.project.indicators;
    expect(after.filter((i) => !r.added.includes(i.id!)).map((i) => i.id)).toEqual(before.map((i) => i.id));
    expect(after.findIndex((i) => i.name === "培训完成时间")).toBe(3);
    expect(after.findIndex((i) => i.name === "统计数据差错率")).toBe(8);
    expect(after[8]).toMatchObject({ level1: "效益指标", level2: "社会效益指标" });
    expect(r.normalized.map((n) => `${n.from}→${n.to}`)).toEqual(["社会效益→社会效益指标", "时效→时效指标", "产出→产出指标"]);
  });

  it("refuses an unknown label with the profile's valid labels, and stores nothing", async () => {
    const { ws } = workspace();
    const id = (await ws.createProject({ name: "甲", budget: { total: 1 } })).project.id!;
    const msg = await inputError(() =>
      ws.addIndicators(id, [
        { level2: "数量", name: "次数", value: "≥1次" },
        { level2: "效率指标", name: "效率", value: "≥1次" },
      ]),
    );
    expect(msg).toContain("第 2 条指标");
    expect(msg).toContain("legacy");
    expect(msg).toContain("产出指标：数量指标、质量指标、时效指标、成本指标");
    expect((await ws.getProject(id)).project.indicators).toHaveLength(0);
    expect(await inputError(() => ws.addIndicators(id, [{ level2: "产出", name: "次数", value: "≥1次" }]))).toContain("“产出”是一级指标");
  });
});

describe("project lists", () => {
  it("pages in the store and says where the next page starts", async () => {
    const { ws } = workspace();
    for (const name of ["甲", "乙", "丙"]) await ws.createProject({ name, budget: { total: 1 } });
    const first = await ws.listProjects(undefined, { limit: 2 });
    expect(first.projects.map((p) => p.name)).toEqual(["甲", "乙"]);
    expect(first).toMatchObject({ total: 3, nextOffset: 2 });
    const last = await ws.listProjects(undefined, { offset: first.nextOffset, limit: 2 });
    expect(last.projects.map((p) => p.name)).toEqual(["丙"]);
    expect(last.nextOffset).toBeUndefined();
  });
});

describe("safeFileName", () => {
  it("removes separators and reserved characters and bounds the length", async () => {
    expect(safeFileName("../a/b:c*?")).toBe("__a_b_c__");
    expect(safeFileName(".hidden")).toBe("_hidden");
    expect(safeFileName("")).toBe("项目");
    expect(safeFileName("长".repeat(100))).toHaveLength(60);
  });
});
