// Every tool, resource and prompt in process (InMemoryTransport), with every error path.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Project } from "../../src/domain/schema.js";
import { inMemoryClient } from "./inmemory.js";
import { createArgs, indicatorArgs } from "./seed.js";
import { call, callRaw, REPO, textOf } from "./session.js";

let ctx: Awaited<ReturnType<typeof inMemoryClient>>;
beforeEach(async () => {
  ctx = await inMemoryClient();
});
afterEach(() => ctx.close());

async function seeded() {
  const created = await call(ctx.client, "create_project", createArgs());
  const projectId: string = created.project.id;
  const added = await call(ctx.client, "add_indicators", { projectId, indicators: indicatorArgs() });
  return { projectId, ids: added.added as string[], revision: added.revision as number };
}

async function expectError(name: string, args: Record<string, unknown>, ...fragments: string[]) {
  const r = await callRaw(ctx.client, name, args);
  expect(r.isError, `${name} should fail: ${textOf(r)}`).toBe(true);
  for (const f of fragments) expect(textOf(r)).toContain(f);
  return textOf(r);
}

describe("server surface", () => {
  it("lists the tools with schemas, annotations and Chinese descriptions", async () => {
    const { tools } = await ctx.client.listTools();
    const byName = new Map(tools.map((t) => [t.name, t]));
    for (const name of [
      "create_project", "update_project", "add_indicators", "update_indicator", "remove_indicators",
      "get_project", "list_projects", "validate_project", "render_project", "import_document", "undo",
      "draft_project", "suggest_indicators", "delete_project", "apply_fixes",
    ]) {
      const tool = byName.get(name);
      expect(tool, name).toBeDefined();
      expect(tool!.description).toMatch(/[\u4e00-\u9fff]/);
      expect(tool!.outputSchema, name).toBeDefined();
      for (const [field, schema] of Object.entries(tool!.inputSchema.properties ?? {})) {
        expect((schema as { description?: string }).description, `${name}.${field}`).toBeTruthy();
      }
    }
    expect(tools.length).toBe(15);
    expect(byName.get("get_project")!.annotations).toMatchObject({ readOnlyHint: true });
    expect(byName.get("remove_indicators")!.annotations).toMatchObject({ destructiveHint: true });
    expect(byName.get("delete_project")!.annotations).toMatchObject({ destructiveHint: true });
    // The indicator contract is the workspace's: its structured fields are offered to the model too.
    const addRow = (byName.get("add_indicators")!.inputSchema.properties as Record<string, { items?: { properties?: object } }>).indicators;
    expect(Object.keys(addRow.items?.properties ?? {})).toEqual(expect.arrayContaining(["unit", "direction", "weight"]));
    expect(byName.get("update_indicator")!.annotations).toMatchObject({ readOnlyHint: false, idempotentHint: true });
  });

  it("reports arguments that do not fit the schema in Chinese, naming the field", async () => {
    const missing = await callRaw(ctx.client, "render_project", { format: "html" });
    expect(missing.isError).toBe(true);
    expect(textOf(missing)).toMatch(/^工具 render_project 的参数有误：projectId 缺少（必填，应为文本）/);
    const wrong = await callRaw(ctx.client, "add_indicators", { projectId: "p_x", indicators: [{ name: 5 }] });
    expect(textOf(wrong)).toContain("indicators[0].name 应为文本");
    const bad = await callRaw(ctx.client, "render_project", { projectId: "p_x", format: "pdf" });
    expect(textOf(bad)).toMatch(/format 应为 "markdown" 或 "html" 或 "xlsx" 或 "docx" 之一/);
    for (const r of [missing, wrong, bad]) expect(textOf(r)).not.toMatch(/Invalid|expected|received|validation error/);
  });

  it("sends the workflow instructions", () => {
    const text = ctx.client.getInstructions() ?? "";
    expect(text).toContain("create_project");
    expect(text.indexOf("add_indicators")).toBeLessThan(text.indexOf("render_project"));
  });
});

describe("create_project", () => {
  it("stores a project and returns id, revision 1 and findings", async () => {
    const r = await call(ctx.client, "create_project", createArgs());
    expect(r.project.id).toMatch(/^p_[0-9a-f]{10}$/);
    expect(r.revision).toBe(1);
    expect(r.project.budget).toEqual({ total: 2, fiscal: 2, other: null });
    expect(r.findings.map((f: { rule: string }) => f.rule)).toContain("goal-placeholder");
  });

  it("creates a project with indicators: labels canonicalised, rows in taxonomy order", async () => {
    const r = await call(ctx.client, "create_project", {
      name: "培训",
      budget: { total: 2 },
      indicators: [
        { level2: "满意度", name: "参训人员满意度", value: "≥90%" },
        { level1: "产出", level2: "数量", name: "培训次数", value: "≥4次" },
      ],
    });
    expect(r.revision).toBe(1);
    expect(r.added).toHaveLength(2);
    expect(r.project.indicators.map((i: { id: string }) => i.id)).toEqual([r.added[1], r.added[0]]);
    expect(r.project.indicators.map((i: { level1: string; level2: string }) => `${i.level1}/${i.level2}`)).toEqual([
      "产出指标/数量指标",
      "满意度指标/服务对象满意度指标",
    ]);
    expect(r.normalized.map((n: { to: string }) => n.to)).toEqual(["服务对象满意度指标", "数量指标", "产出指标"]);
    await expectError("create_project", { name: "x", budget: { total: 1 }, indicators: [{ level2: "效率", name: "a", value: "1次" }] }, "效率");
  });

  it("refuses bad arguments", async () => {
    await expectError("create_project", { budget: { total: 1 } }, "name");
    await expectError("create_project", { name: "x", budget: { total: -1 } });
    await expectError("create_project", { name: "   ", budget: { total: 1 } }, "项目名称");
    await expectError("create_project", { name: "x", budget: { total: 1 }, profile: "foo" });
    expect((await call(ctx.client, "list_projects")).projects).toHaveLength(0);
  });
});

describe("add_indicators", () => {
  it("infers 一级 from 二级 and returns stable ids", async () => {
    const { projectId, ids } = await seeded();
    const view = await call(ctx.client, "get_project", { projectId });
    expect(ids).toHaveLength(9);
    expect(new Set(ids).size).toBe(9);
    // The seed writes 生态效益 before 社会效益; new rows go in the profile's 二级 order (社会 before 生态).
    expect(view.project.indicators.map((i: { id: string }) => i.id)).toEqual([...ids.slice(0, 5), ids[6], ids[5], ids[7], ids[8]]);
    expect(view.project.indicators.map((i: { level1: string }) => i.level1)).toEqual(createArgsLevel1());
  });

  it("canonicalises short labels, says so in the result, and places rows in taxonomy order", async () => {
    const c = await call(ctx.client, "create_project", { name: "垃圾分类宣传", budget: { total: 5 } });
    const projectId = c.project.id;
    await call(ctx.client, "add_indicators", {
      projectId,
      indicators: [
        { level2: "数量指标", name: "宣传活动次数", value: "≥12次" },
        { level2: "满意度", name: "居民满意度", value: "≥90%" },
      ],
    });
    const raw = await callRaw(ctx.client, "add_indicators", {
      projectId,
      indicators: [
        { level1: "产出", level2: "时效", name: "完成时间", value: "2024年12月底前" },
        { level1: "效果指标", level2: "社会效益", name: "政策知晓率", value: "≥85%" },
      ],
    });
    expect(raw.isError).toBeFalsy();
    const r = raw.structuredContent as {
      project: { indicators: { level1: string; level2: string; name: string }[] };
      normalized: { field: string; from: string; to: string }[];
    };
    expect(r.project.indicators.map((i) => [i.level1, i.level2, i.name])).toEqual([
      ["产出指标", "数量指标", "宣传活动次数"],
      ["产出指标", "时效指标", "完成时间"],
      ["效益指标", "社会效益指标", "政策知晓率"],
      ["满意度指标", "服务对象满意度指标", "居民满意度"],
    ]);
    expect(r.normalized.map((n) => [n.field, n.from, n.to])).toEqual([
      ["level2", "时效", "时效指标"],
      ["level1", "产出", "产出指标"],
      ["level2", "社会效益", "社会效益指标"],
      ["level1", "效果指标", "效益指标"],
    ]);
    expect(textOf(raw)).toContain("已规范");
    expect(textOf(raw)).toContain("“时效”规范为“时效指标”");
    const rules = (await call(ctx.client, "validate_project", { projectId })).findings.map((f: { rule: string }) => f.rule);
    expect(rules).not.toContain("level-invalid");
  });

  it("accepts 满意度 alone as a 二级 and refuses an ambiguous 一级 used as 二级, per profile", async () => {
    const c = await call(ctx.client, "create_project", { name: "设备购置", budget: { total: 10 }, profile: "mof2021" });
    const projectId = c.project.id;
    const r = await call(ctx.client, "add_indicators", { projectId, indicators: [{ level2: "满意度", name: "使用人员满意度", value: "≥90%" }] });
    expect(r.project.indicators[0]).toMatchObject({ level1: "满意度指标", level2: "服务对象满意度指标" });
    const text = await expectError(
      "add_indicators",
      { projectId, indicators: [{ level2: "成本", name: "设备成本", value: "≤10万元" }] },
      "“成本”是一级指标",
      "经济成本指标",
      "mof2021",
    );
    expect(text).not.toContain("产出指标：数量指标、质量指标、时效指标、成本指标");
    await expectError("add_indicators", { projectId, indicators: [{ level1: "产出效果", level2: "数量", name: "台数", value: "≥2台" }] }, "产出效果", "可用的一级指标");
  });

  it("infers 成本指标 as 一级 under mof2021", async () => {
    const c = await call(ctx.client, "create_project", { name: "设备购置", budget: { total: 10 }, profile: "mof2021" });
    const r = await call(ctx.client, "add_indicators", {
      projectId: c.project.id,
      indicators: [{ level2: "经济成本指标", name: "设备购置成本", value: "≤10万元" }],
    });
    expect(r.project.indicators[0].level1).toBe("成本指标");
    expect(r.project.indicators[0].description).toBe("设备购置成本");
  });

  it("refuses an unknown 二级 without 一级, naming the labels to use, and stores nothing", async () => {
    const { projectId, revision } = await seeded();
    await expectError(
      "add_indicators",
      { projectId, indicators: [{ level2: "数量指标", name: "a", value: "≥1次" }, { level2: "效率指标", name: "b", value: "≥1次" }] },
      "第 2 条指标",
      "效率指标",
      "数量指标",
    );
    const view = await call(ctx.client, "get_project", { projectId });
    expect(view.revision).toBe(revision);
    expect(view.project.indicators).toHaveLength(9);
  });

  it("refuses an empty list, an unknown project and a stale revision", async () => {
    const { projectId, revision } = await seeded();
    await expectError("add_indicators", { projectId, indicators: [] });
    await expectError("add_indicators", { projectId: "p_nope", indicators: indicatorArgs().slice(0, 1) }, "list_projects");
    await expectError("add_indicators", { projectId, indicators: indicatorArgs().slice(0, 1), revision: revision - 1 }, `当前版本为 ${revision}`);
  });
});

function createArgsLevel1(): string[] {
  return indicatorArgs().map((i) => (i.level2.includes("满意") ? "满意度指标" : /效益|可持续/.test(i.level2) ? "效益指标" : "产出指标"));
}

describe("update_indicator", () => {
  it("patches one row by id, bumps the revision and re-validates", async () => {
    const { projectId, ids, revision } = await seeded();
    const before = await call(ctx.client, "validate_project", { projectId });
    const target = before.findings.find((f: { rule: string }) => f.rule === "value-placeholder");
    expect(target.indicatorId).toBe(ids[8]);
    const r = await call(ctx.client, "update_indicator", { projectId, indicatorId: ids[8], patch: { value: "≥90%" }, revision });
    expect(r.revision).toBe(revision + 1);
    expect(r.project.indicators[8].value).toBe("≥90%");
    expect(r.findings.some((f: { indicatorId?: string; rule: string }) => f.indicatorId === ids[8] && f.rule === "value-placeholder")).toBe(false);
  });

  it("re-infers 一级 when the 二级 changes", async () => {
    const { projectId, ids } = await seeded();
    const r = await call(ctx.client, "update_indicator", { projectId, indicatorId: ids[0], patch: { level2: "社会效益指标" } });
    expect(r.project.indicators[0].level1).toBe("效益指标");
  });

  it("canonicalises patched labels, keeps the row in place, and refuses a 一级 that does not fit the 二级", async () => {
    const { projectId, ids } = await seeded();
    const raw = await callRaw(ctx.client, "update_indicator", { projectId, indicatorId: ids[0], patch: { level2: "质量" } });
    const r = raw.structuredContent as { project: { indicators: { id: string; level1: string; level2: string }[] }; normalized: unknown[] };
    expect(r.project.indicators[0]).toMatchObject({ id: ids[0], level1: "产出指标", level2: "质量指标" });
    expect(r.normalized).toEqual([expect.objectContaining({ indicatorId: ids[0], field: "level2", from: "质量", to: "质量指标" })]);
    expect(textOf(raw)).toContain("已规范");
    await expectError("update_indicator", { projectId, indicatorId: ids[0], patch: { level1: "效益指标" } }, "属于“产出指标”", "level2");
    await expectError("update_indicator", { projectId, indicatorId: ids[0], patch: { level2: "效率" } }, "效率", "可用的二级指标");
    const both = await call(ctx.client, "update_indicator", { projectId, indicatorId: ids[0], patch: { level1: "效益", level2: "社会效益" } });
    expect(both.project.indicators[0]).toMatchObject({ level1: "效益指标", level2: "社会效益指标" });
  });

  it("refuses an unknown indicator id (listing the ids), an empty patch, an empty value and a stale revision", async () => {
    const { projectId, ids, revision } = await seeded();
    await expectError("update_indicator", { projectId, indicatorId: "i_nope", patch: { value: "1次" } }, ids[0], "培训次数", "get_project");
    await expectError("update_indicator", { projectId, indicatorId: ids[0], patch: {} }, "patch");
    await expectError("update_indicator", { projectId, indicatorId: ids[0], patch: { value: " " } }, "remove_indicators");
    await expectError("update_indicator", { projectId, indicatorId: ids[0], patch: { bogus: 1 } });
    await expectError("update_indicator", { projectId, indicatorId: ids[0], patch: { value: "5次" }, revision: 999 }, "get_project");
    expect((await call(ctx.client, "get_project", { projectId })).revision).toBe(revision);
  });
});

describe("remove_indicators", () => {
  it("removes rows by id", async () => {
    const { projectId, ids } = await seeded();
    const r = await call(ctx.client, "remove_indicators", { projectId, indicatorIds: [ids[5]] });
    expect(r.removed).toEqual([ids[5]]);
    expect(r.project.indicators.map((i: { id: string }) => i.id)).toEqual(ids.filter((_, n) => n !== 5));
  });

  it("removes nothing when one id is unknown", async () => {
    const { projectId, ids } = await seeded();
    await expectError("remove_indicators", { projectId, indicatorIds: [ids[0], "i_nope"] }, "i_nope");
    expect((await call(ctx.client, "get_project", { projectId })).project.indicators).toHaveLength(9);
  });
});

describe("update_project", () => {
  it("patches fields and merges budget and spending plan", async () => {
    const { projectId } = await seeded();
    const r = await call(ctx.client, "update_project", {
      projectId,
      patch: { goals: ["全年培训4次"], budget: { other: 0 }, spendingPlan: { dec: 100 } },
    });
    expect(r.project.goals).toEqual(["全年培训4次"]);
    expect(r.project.budget).toEqual({ total: 2, fiscal: 2, other: 0 });
    expect(r.project.spendingPlan).toEqual({ mar: null, jun: 100, oct: 100, dec: 100 });
    expect(r.findings.some((f: { rule: string }) => f.rule === "goal-placeholder")).toBe(false);
  });

  it("refuses indicators in the patch, an unknown project and a stale revision", async () => {
    const { projectId } = await seeded();
    await expectError("update_project", { projectId, patch: { indicators: [] } });
    await expectError("update_project", { projectId: "p_missing", patch: { name: "x" } }, "找不到项目", "list_projects");
    await expectError("update_project", { projectId, patch: { name: "x" }, revision: 1 }, "已被修改", "get_project");
  });
});

describe("get_project / list_projects", () => {
  it("reads a project with ids in the text", async () => {
    const { projectId, ids } = await seeded();
    const r = await callRaw(ctx.client, "get_project", { projectId });
    expect(textOf(r)).toContain(ids[3]);
    expect(textOf(r)).toContain("预算控制数");
    await expectError("get_project", { projectId: "p_unknown" }, "list_projects");
    await expectError("get_project", {});
  });

  it("lists and filters projects", async () => {
    await seeded();
    await call(ctx.client, "create_project", { name: "经济普查", budget: { total: 5 } });
    expect((await call(ctx.client, "list_projects")).projects).toHaveLength(2);
    const found = await call(ctx.client, "list_projects", { query: "普查" });
    expect(found.projects.map((p: { name: string }) => p.name)).toEqual(["经济普查"]);
    expect((await call(ctx.client, "list_projects", { query: "13081123P00003910002P" })).projects).toHaveLength(1);
    expect((await call(ctx.client, "list_projects", { query: "不存在" })).projects).toHaveLength(0);
  });
});

describe("validate_project", () => {
  it("reports the seed's errors with indicator ids, and honours a profile override", async () => {
    const { projectId, ids } = await seeded();
    const r = await call(ctx.client, "validate_project", { projectId });
    expect(r.summary.error).toBeGreaterThan(0);
    const repeats = r.findings.filter((f: { rule: string }) => f.rule === "value-repeats-name");
    expect(repeats.map((f: { indicatorId: string }) => f.indicatorId)).toContain(ids[3]);
    expect(r.profile).toBe("legacy");
    const mof = await call(ctx.client, "validate_project", { projectId, profile: "mof2021" });
    expect(mof.profile).toBe("mof2021");
    await expectError("validate_project", { projectId, profile: "x" });
    await expectError("validate_project", { projectId: "p_x" }, "list_projects");
  });
});

describe("apply_fixes", () => {
  it("applies every certain fix as one change that one undo takes back", async () => {
    const gold = JSON.parse(readFileSync(join(REPO, "examples/chengde-gxq-2023.gold.json"), "utf8")) as { projects: Project[] };
    const source = gold.projects.find((p) => p.code === "13081123P00004110002H")!;
    const created = await call(ctx.client, "create_project", createArgs(source));
    const projectId: string = created.project.id;
    await call(ctx.client, "add_indicators", { projectId, indicators: indicatorArgs(source) });
    const before = await call(ctx.client, "validate_project", { projectId });
    const fixable = (before.findings as { fix?: string }[]).filter((f) => f.fix !== undefined);
    expect(fixable.length).toBe(3);

    const r = await call(ctx.client, "apply_fixes", { projectId });
    expect(r.applied).toHaveLength(3);
    expect(r.applied.map((a: { after: string }) => a.after)).toEqual(["100%", "100%", "100%"]);
    expect((r.findings as { fix?: string }[]).filter((f) => f.fix !== undefined)).toEqual([]);
    expect(r.findings.length).toBe(before.findings.length - 3);

    await expectError("apply_fixes", { projectId }, "没有可自动修正的问题");
    const undone = await call(ctx.client, "undo", { projectId });
    expect(undone.undoneChanges).toHaveLength(1);
    expect(undone.undoneChanges[0].action).toBe("apply_fixes");
    expect(undone.findings.length).toBe(before.findings.length);
  });
});

describe("render_project", () => {
  it("returns Markdown inline", async () => {
    const { projectId } = await seeded();
    const r = await call(ctx.client, "render_project", { projectId, format: "markdown" });
    expect(r.markdown).toContain("培训次数");
  });

  it("writes html, xlsx and docx under the exports folder with a resource_link, and embeds them", async () => {
    const { projectId } = await seeded();
    for (const format of ["html", "xlsx", "docx"] as const) {
      const raw = await callRaw(ctx.client, "render_project", { projectId, format });
      expect(raw.isError, textOf(raw)).toBeFalsy();
      const out = raw.structuredContent as { path: string; bytes: number };
      expect(out.path.startsWith(join(ctx.dir, "exports"))).toBe(true);
      expect(readFileSync(out.path).length).toBe(out.bytes);
      const link = raw.content.find((c) => c.type === "resource_link");
      expect(link && link.type === "resource_link" && link.uri.startsWith("file://")).toBe(true);
      expect(raw.content.some((c) => c.type === "resource")).toBe(true);
    }
    const xlsx = readFileSync(join(ctx.dir, "exports", `基层统计人员业务培训-${projectId}.xlsx`));
    expect(xlsx.subarray(0, 2).toString()).toBe("PK");
  });

  it("is clean by default; withFindings marks the cells and adds the notes", async () => {
    const { projectId } = await seeded();
    const report = await call(ctx.client, "validate_project", { projectId });
    expect(report.findings.length).toBeGreaterThan(0);
    const clean = await call(ctx.client, "render_project", { projectId, format: "markdown" });
    expect(clean.markdown).not.toContain("⚠〔");
    const marked = await call(ctx.client, "render_project", { projectId, format: "markdown", withFindings: true });
    expect(marked.markdown).toContain("⚠〔");
  });

  it("refuses an unknown format or project", async () => {
    const { projectId } = await seeded();
    await expectError("render_project", { projectId, format: "pdf" });
    await expectError("render_project", { projectId: "p_x", format: "markdown" }, "list_projects");
  });
});

describe("import_document", () => {
  it("imports a JSON document under an allowed root and stores every project with indicator ids", async () => {
    const file = join(ctx.dir, "seed.json");
    copyFileSync(join(REPO, "examples/chengde-gxq-2023.gold.json"), file);
    const r = await call(ctx.client, "import_document", { path: "seed.json" });
    expect(r.projects).toHaveLength(14);
    expect(r.summary.error).toBeGreaterThan(0);
    const training = r.projects.find((p: { name: string }) => p.name === "基层统计人员业务培训");
    const view = await call(ctx.client, "get_project", { projectId: training.id });
    expect(view.project.indicators).toHaveLength(9);
    expect(view.project.indicators.every((i: { id?: string }) => /^i_/.test(i.id ?? ""))).toBe(true);
    expect(view.documentId).toBe(r.documentId);
  });

  it("imports pasted text", async () => {
    const text = readFileSync(join(REPO, "examples/chengde-gxq-2023.txt"), "utf8");
    const r = await call(ctx.client, "import_document", { text });
    expect(r.projects.length).toBeGreaterThan(0);
    expect((await call(ctx.client, "list_projects")).projects.length).toBe(r.projects.length);
  });

  it("refuses paths outside the roots, traversal, symlinks out, missing files and bad argument combinations", async () => {
    const outside = join(REPO, "examples/chengde-gxq-2023.gold.json");
    await expectError("import_document", { path: outside }, "不在允许的目录内");
    await expectError("import_document", { path: "../../../../etc/passwd" }, "不在允许的目录内");
    const { symlinkSync } = await import("node:fs");
    symlinkSync(outside, join(ctx.dir, "link.json"));
    await expectError("import_document", { path: "link.json" }, "不在允许的目录内");
    await expectError("import_document", { path: "missing.txt" }, "不存在");
    mkdirSync(join(ctx.dir, "folder"));
    await expectError("import_document", { path: "folder" }, "文件夹");
    await expectError("import_document", {}, "二选一");
    await expectError("import_document", { path: "a.txt", text: "x" }, "二选一");
    writeFileSync(join(ctx.dir, "bad.json"), "{ not json");
    await expectError("import_document", { path: "bad.json" });
    expect((await call(ctx.client, "list_projects")).projects).toHaveLength(0);
  });
});

describe("undo", () => {
  it("restores the state before each change, newest first, with growing revisions", async () => {
    const { projectId, ids, revision } = await seeded();
    await call(ctx.client, "update_indicator", { projectId, indicatorId: ids[0], patch: { value: "≥5次" } });
    await call(ctx.client, "remove_indicators", { projectId, indicatorIds: [ids[1]] });
    const u1 = await call(ctx.client, "undo", { projectId });
    expect(u1.undone.action).toBe("remove_indicators");
    expect(u1.project.indicators).toHaveLength(9);
    expect(u1.project.indicators[0].value).toBe("≥5次");
    expect(u1.revision).toBe(revision + 3);
    const u2 = await call(ctx.client, "undo", { projectId });
    expect(u2.project.indicators[0].value).toBe("4 次");
    const u3 = await call(ctx.client, "undo", { projectId });
    expect(u3.project.indicators).toHaveLength(0);
    await expectError("undo", { projectId }, "没有可撤销的修改");
    await expectError("undo", { projectId: "p_x" }, "list_projects");
  });
});

describe("resources", () => {
  it("serves the rule catalog and each rule's docs", async () => {
    const catalog = await ctx.client.readResource({ uri: "jixiao://rules" });
    const rules = JSON.parse((catalog.contents[0] as { text: string }).text) as { id: string }[];
    expect(rules.map((r) => r.id)).toContain("value-placeholder");
    const doc = await ctx.client.readResource({ uri: "jixiao://rules/value-placeholder" });
    expect((doc.contents[0] as { text: string }).text).toContain("# value-placeholder");
    await expect(ctx.client.readResource({ uri: "jixiao://rules/no-such-rule" })).rejects.toThrow(/jixiao:\/\/rules/);
    const { resourceTemplates } = await ctx.client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual(
      expect.arrayContaining(["jixiao://rules/{id}", "jixiao://projects/{id}", "jixiao://projects/{id}/table"]),
    );
  });

  it("serves each project as JSON and as a Markdown table, and lists them", async () => {
    const { projectId } = await seeded();
    const json = await ctx.client.readResource({ uri: `jixiao://projects/${projectId}` });
    expect(JSON.parse((json.contents[0] as { text: string }).text).project.name).toBe("基层统计人员业务培训");
    const table = await ctx.client.readResource({ uri: `jixiao://projects/${projectId}/table` });
    expect(table.contents[0].mimeType).toBe("text/markdown");
    expect((table.contents[0] as { text: string }).text).toContain("培训次数");
    const { resources } = await ctx.client.listResources();
    expect(resources.map((r) => r.uri)).toEqual(expect.arrayContaining([`jixiao://projects/${projectId}`, "jixiao://rules"]));
    await expect(ctx.client.readResource({ uri: "jixiao://projects/p_missing" })).rejects.toThrow(/list_projects/);
  });
});

describe("prompts", () => {
  it("offers draft_targets and review_table filled with the arguments", async () => {
    const { prompts } = await ctx.client.listPrompts();
    expect(prompts.map((p) => p.name).sort()).toEqual(["draft_targets", "review_table"]);
    const draft = await ctx.client.getPrompt({ name: "draft_targets", arguments: { name: "农村清洁取暖", summary: "为 300 户改造", budget: "50" } });
    const text = (draft.messages[0].content as { text: string }).text;
    expect(text).toContain("农村清洁取暖");
    expect(text).toContain("为 300 户改造");
    expect(text).not.toContain("{{");
    const { projectId } = await seeded();
    const review = await ctx.client.getPrompt({ name: "review_table", arguments: { projectId } });
    const reviewText = (review.messages[0].content as { text: string }).text;
    expect(reviewText).toContain("培训次数");
    expect(reviewText).toContain("value-repeats-name");
  });
});

describe("two clients on one project", () => {
  it("refuses the second, stale write (no lost update) and accepts its retry", async () => {
    const { projectId, ids, revision } = await seeded();
    const other = await inMemoryClientOn(ctx.workspace);
    const [a, b] = await Promise.all([
      callRaw(ctx.client, "update_indicator", { projectId, indicatorId: ids[0], patch: { value: "≥5次" }, revision }),
      callRaw(other.client, "update_indicator", { projectId, indicatorId: ids[8], patch: { value: "≥90%" }, revision }),
    ]);
    const results = [a, b];
    expect(results.filter((r) => r.isError)).toHaveLength(1);
    const loser = results.find((r) => r.isError)!;
    expect(textOf(loser)).toContain(`当前版本为 ${revision + 1}`);
    const fresh = await call(other.client, "get_project", { projectId });
    await call(other.client, "update_indicator", { projectId, indicatorId: a.isError ? ids[0] : ids[8], patch: { value: a.isError ? "≥5次" : "≥90%" }, revision: fresh.revision });
    const final = await call(ctx.client, "get_project", { projectId });
    expect(final.project.indicators[0].value).toBe("≥5次");
    expect(final.project.indicators[8].value).toBe("≥90%");
    expect(final.revision).toBe(revision + 2);
    await other.close();
  });
});

async function inMemoryClientOn(workspace: typeof ctx.workspace) {
  const { InMemoryTransport } = await import("@modelcontextprotocol/sdk/inMemory.js");
  const { createServer } = await import("../../src/mcp/server.js");
  const { connect } = await import("./session.js");
  const server = createServer(workspace);
  const [c, s] = InMemoryTransport.createLinkedPair();
  await server.connect(s);
  const client = await connect(c);
  return { client, close: async () => { await client.close(); await server.close(); } };
}

describe("drafting tools (registered from the drafting helper's files)", () => {
  it("draft_project with save stores an editable project", async () => {
    const r = await call(ctx.client, "draft_project", { name: "基层统计人员业务培训", summary: "组织基层统计人员业务培训4次", budget: 2, save: true });
    expect(r.projectId).toMatch(/^p_/);
    const listed = await call(ctx.client, "list_projects");
    expect(listed.projects.map((p: { id: string }) => p.id)).toEqual([r.projectId]);
    const view = await call(ctx.client, "get_project", { projectId: r.projectId });
    expect(view.project.indicators.length).toBeGreaterThan(0);
    expect(view.project.indicators.every((i: { id?: string }) => /^i_/.test(i.id ?? ""))).toBe(true);
  });
});
