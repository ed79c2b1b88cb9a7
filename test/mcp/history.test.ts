// get_project with history: true and undo with toRevision, in process (InMemoryTransport).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { inMemoryClient } from "./inmemory.js";
import { createArgs, indicatorArgs } from "./seed.js";
import { call, callRaw, textOf } from "./session.js";

let ctx: Awaited<ReturnType<typeof inMemoryClient>>;
beforeEach(async () => {
  ctx = await inMemoryClient();
});
afterEach(() => ctx.close());

/** The seed project after four changes: revisions 1 (created) … 5. */
async function edited() {
  const created = await call(ctx.client, "create_project", createArgs());
  const projectId: string = created.project.id;
  const added = await call(ctx.client, "add_indicators", { projectId, indicators: indicatorArgs().slice(0, 3) });
  const ids = added.added as string[];
  await call(ctx.client, "update_indicator", { projectId, indicatorId: ids[0], patch: { value: "≥4次" } });
  await call(ctx.client, "update_project", { projectId, patch: { budget: { total: 3 } } });
  await call(ctx.client, "remove_indicators", { projectId, indicatorIds: [ids[2]] });
  return { projectId, ids };
}

async function expectError(name: string, args: Record<string, unknown>, ...fragments: string[]) {
  const r = await callRaw(ctx.client, name, args);
  expect(r.isError, `${name} should fail: ${textOf(r)}`).toBe(true);
  for (const f of fragments) expect(textOf(r)).toContain(f);
  return textOf(r);
}

describe("get_project history", () => {
  it("describes the history option", async () => {
    const { tools } = await ctx.client.listTools();
    const get = tools.find((t) => t.name === "get_project")!;
    const prop = (get.inputSchema.properties as Record<string, { type?: string; description?: string }>).history;
    expect(prop.type).toBe("boolean");
    expect(prop.description).toContain("toRevision");
    expect(get.inputSchema.required ?? []).not.toContain("history");
    const undo = tools.find((t) => t.name === "undo")!;
    expect((undo.inputSchema.properties as Record<string, { description?: string }>).toRevision.description).toMatch(/版本/);
    expect(tools).toHaveLength(15);
  });

  it("lists each change with its revision, time and a Chinese description", async () => {
    const { projectId, ids } = await edited();
    const r = await call(ctx.client, "get_project", { projectId, history: true });
    expect(r.revision).toBe(5);
    expect(r.history.map((e: { revision: number; action: string }) => [e.revision, e.action])).toEqual([
      [1, "add_indicators"],
      [2, "update_indicator"],
      [3, "update_project"],
      [4, "remove_indicators"],
    ]);
    const descriptions = r.history.map((e: { description: string }) => e.description);
    expect(descriptions[0]).toMatch(/^添加 3 条指标：培训次数/);
    expect(descriptions[1]).toBe(`修改指标 ${ids[0]} 的指标值：4 次 → ≥4次`);
    expect(descriptions[2]).toBe("修改预算数：2 → 3 万元");
    expect(descriptions[3]).toMatch(/^删除 1 条指标：/);
    for (const e of r.history) expect(Number.isNaN(Date.parse(e.at))).toBe(false);
    const text = textOf(await callRaw(ctx.client, "get_project", { projectId, history: true }));
    expect(text).toContain("修改历史（共 4 条");
    expect(text).toContain(`版本 2 → 3｜`);
    expect(text).toContain("修改预算数：2 → 3 万元");
  });

  it("leaves history out unless asked, and says when there is none", async () => {
    const created = await call(ctx.client, "create_project", createArgs());
    const plain = await call(ctx.client, "get_project", { projectId: created.project.id });
    expect(plain.history).toBeUndefined();
    const r = await callRaw(ctx.client, "get_project", { projectId: created.project.id, history: true });
    expect((r.structuredContent as { history: unknown[] }).history).toEqual([]);
    expect(textOf(r)).toContain("还没有修改记录");
    await expectError("get_project", { projectId: "p_missing", history: true }, "list_projects");
  });
});

describe("undo toRevision", () => {
  it("goes back several changes at once and records the undo in history", async () => {
    const { projectId } = await edited();
    const u = await call(ctx.client, "undo", { projectId, toRevision: 2 });
    expect(u.revision).toBe(6);
    expect(u.restoredRevision).toBe(2);
    expect(u.undone).toMatchObject({ revision: 2, action: "update_indicator" });
    expect(u.undoneChanges.map((c: { revision: number }) => c.revision)).toEqual([2, 3, 4]);
    expect(u.project.indicators).toHaveLength(3);
    expect(u.project.indicators[0].value).toBe("4 次");
    expect(u.project.budget.total).toBe(2);
    const text = textOf(await callRaw(ctx.client, "get_project", { projectId, history: true }));
    expect(text).toContain("撤销到版本 2");
    const h = await call(ctx.client, "get_project", { projectId, history: true });
    expect(h.history.at(-1)).toMatchObject({ revision: 5, action: "undo", description: "撤销到版本 2", undoTo: 2 });
  });

  it("can undo an undo, and a plain undo after it keeps stepping back", async () => {
    const { projectId } = await edited();
    await call(ctx.client, "undo", { projectId, toRevision: 2 }); // → revision 6 = content of 2
    const redo = await call(ctx.client, "undo", { projectId, toRevision: 5 }); // back to before the undo
    expect(redo.revision).toBe(7);
    expect(redo.project.indicators).toHaveLength(2);
    expect(redo.project.budget.total).toBe(3);
    const step = await call(ctx.client, "undo", { projectId }); // undoes remove_indicators (4 → 5)
    expect(step.restoredRevision).toBe(4);
    expect(step.project.indicators).toHaveLength(3);
    const again = await call(ctx.client, "undo", { projectId }); // skips the undos: back to 3
    expect(again.restoredRevision).toBe(3);
    expect(again.project.budget.total).toBe(2);
  });

  it("refuses unknown revisions with the available ones, and changes nothing", async () => {
    const { projectId } = await edited();
    const text = await expectError("undo", { projectId, toRevision: 42 }, "版本 42", "可撤销到的版本：1、2、3、4", "当前版本 5");
    expect(text).toContain("history");
    await expectError("undo", { projectId, toRevision: 5 }, "当前就是版本 5");
    await expectError("undo", { projectId, toRevision: 0 });
    await expectError("undo", { projectId, toRevision: 2, revision: 3 }, "当前版本为 5");
    const after = await call(ctx.client, "get_project", { projectId, history: true });
    expect(after.revision).toBe(5);
    expect(after.history).toHaveLength(4);
  });

  it("stops at the oldest stored revision", async () => {
    const { projectId } = await edited();
    const first = await call(ctx.client, "undo", { projectId, toRevision: 1 });
    expect(first.project.indicators).toHaveLength(0);
    await expectError("undo", { projectId }, "没有可撤销的修改");
    await expectError("undo", { projectId: "p_x", toRevision: 1 }, "list_projects");
  });
});
