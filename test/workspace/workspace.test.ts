import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isInputError } from "../../src/domain/errors.js";
import { openSqliteStore } from "../../src/store/sqlite.js";
import { safeFileName, Workspace } from "../../src/workspace.js";
import { createArgs, indicatorArgs } from "../mcp/seed.js";

function workspace(roots?: string[]) {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-ws-"));
  return { ws: new Workspace(openSqliteStore(":memory:"), { roots: roots ?? [dir], exportsDir: join(dir, "exports") }), dir };
}

function inputError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(isInputError(e)).toBe(true);
    return (e as Error).message;
  }
  throw new Error("expected an InputError");
}

describe("Workspace", () => {
  it("returns {project, revision, findings} from every mutation and records history", () => {
    const { ws } = workspace();
    const c = ws.createProject(createArgs());
    const id = c.project.id!;
    const a = ws.addIndicators(id, indicatorArgs());
    const u = ws.updateIndicator(id, a.added[0], { value: "≥4次" }, a.revision);
    for (const r of [c, a, u]) expect(Object.keys(r)).toEqual(expect.arrayContaining(["project", "revision", "findings"]));
    expect(u.revision).toBe(3);
    expect(ws.history(id).entries.map((e) => [e.revision, e.action])).toEqual([
      [1, "add_indicators"],
      [2, "update_indicator"],
    ]);
  });

  it("leaves no trace of a refused mutation (no revision bump, no snapshot)", () => {
    const { ws } = workspace();
    const id = ws.createProject(createArgs()).project.id!;
    inputError(() => ws.addIndicators(id, [{ level2: "数量指标", name: "培训次数", value: "" }]));
    inputError(() => ws.updateProject(id, { budget: { total: -5 } }));
    expect(ws.getProject(id).revision).toBe(1);
    expect(ws.history(id).entries).toHaveLength(0);
  });

  it("clears structured fields derived from an old value when the value changes", () => {
    const { ws } = workspace();
    const id = ws.createProject({ name: "甲", budget: { total: 1 } }).project.id!;
    const a = ws.addIndicators(id, [{ level2: "数量指标", name: "次数", value: "≥4次", unit: "次" }]);
    const u = ws.updateIndicator(id, a.added[0], { value: "≥5个" });
    expect(u.project.indicators[0].unit).toBeUndefined();
    expect(u.project.indicators[0].value).toBe("≥5个");
  });

  it("explains a stale revision with the current one", () => {
    const { ws } = workspace();
    const id = ws.createProject(createArgs()).project.id!;
    ws.updateProject(id, { summary: "新" });
    expect(inputError(() => ws.updateProject(id, { summary: "旧" }, 1))).toMatch(/当前版本为 2.*你提交的版本是 1.*get_project/);
  });

  it("refuses to patch fields update_project does not own", () => {
    const { ws } = workspace();
    const id = ws.createProject(createArgs()).project.id!;
    const message = inputError(() => ws.updateProject(id, { indicators: [] } as never));
    expect(message).toContain("indicators");
    expect(message).toContain("update_indicator");
  });

  it("deletes a project", () => {
    const { ws } = workspace();
    const id = ws.createProject(createArgs()).project.id!;
    expect(ws.deleteProject(id)).toEqual({ deleted: id });
    expect(inputError(() => ws.getProject(id))).toContain("list_projects");
  });

  it("resolves import paths inside the roots only (no sibling-prefix escape)", () => {
    const base = mkdtempSync(join(tmpdir(), "jixiao-roots-"));
    mkdirSync(join(base, "root"));
    mkdirSync(join(base, "root2"));
    writeFileSync(join(base, "root", "ok.txt"), "x");
    writeFileSync(join(base, "root2", "no.txt"), "x");
    const { ws } = workspace([join(base, "root")]);
    expect(ws.resolveAllowedPath("ok.txt")).toBe(join(base, "root", "ok.txt"));
    expect(inputError(() => ws.resolveAllowedPath(join(base, "root2", "no.txt")))).toContain("--root");
    expect(inputError(() => ws.resolveAllowedPath("../root2/no.txt"))).toContain("不在允许的目录内");
  });

  it("drafts a project and stores it with `save`", async () => {
    const { ws } = workspace();
    const unsaved = await ws.draft({ name: "基层统计人员业务培训", summary: "组织基层统计人员业务培训4次", budget: 2 });
    expect(unsaved.saved).toBeUndefined();
    expect(ws.listProjects()).toHaveLength(0);
    const saved = await ws.draft({ name: "基层统计人员业务培训", summary: "组织基层统计人员业务培训4次", budget: 2 }, { save: true });
    expect(saved.saved?.revision).toBe(1);
    const stored = ws.getProject(saved.saved!.project.id!);
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
    ws.updateProject(first.id, { summary: "改过的概况" });
    const back = ws.getDocument(imported.documentId);
    expect(back.document.projects).toHaveLength(14);
    expect(back.document.year).toBe(2023);
    expect(back.document.projects[0].summary).toBe("改过的概况");
    expect(inputError(() => ws.getDocument("d_missing"))).toContain("import_document");
  });
});

describe("safeFileName", () => {
  it("removes separators and reserved characters and bounds the length", () => {
    expect(safeFileName("../a/b:c*?")).toBe("__a_b_c__");
    expect(safeFileName(".hidden")).toBe("_hidden");
    expect(safeFileName("")).toBe("项目");
    expect(safeFileName("长".repeat(100))).toHaveLength(60);
  });
});
