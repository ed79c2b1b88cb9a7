// Attack 5: huge strings poison the store. A 10 MB project name used to be stored, after which every list_projects
// broke the client's connection, and nothing could delete it. Now every string is checked at the service edge
// (the limit and the actual figure in the refusal), lists clip names stored before the limits, and
// delete_project removes a bad project.
import { afterEach, describe, expect, it } from "vitest";
import { ProjectSchema } from "../../src/domain/schema.js";
import { openSqliteStore } from "../../src/store/sqlite.js";
import { clientOn, storedState, tempDb, textOf } from "./store-helpers.js";

const TEN_MB = "名".repeat(10_000_000);

describe("attack: huge strings", () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of closers.splice(0)) await c();
  });

  async function setup() {
    const { db } = tempDb();
    const s = await clientOn(db);
    closers.push(s.close);
    const made = await s.call("create_project", { name: "正常项目", budget: { total: 1 } });
    const id = (made.structuredContent as { project: { id: string } }).project.id;
    const row = await s.call("add_indicators", { projectId: id, indicators: [{ level2: "数量指标", name: "次数", value: "≥1次" }] });
    const indicatorId = (row.structuredContent as { added: string[] }).added[0];
    return { db, s, id, indicatorId };
  }

  it("refuses a 10 MB project name with the limit and the actual length, storing nothing", async () => {
    const { db, s } = await setup();
    const before = storedState(db);
    const r = await s.call("create_project", { name: TEN_MB, budget: { total: 1 } });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toMatch(/10000000 个字符，上限 20000 个字符/);
    expect(textOf(r).length).toBeLessThan(500);
    const short = await s.call("create_project", { name: "名".repeat(201), budget: { total: 1 } });
    expect(textOf(short)).toContain("201 个字符，上限 200 个字符");
    expect(storedState(db)).toBe(before);
  });

  it("refuses huge indicator values and patches, storing nothing", async () => {
    const { db, s, id, indicatorId } = await setup();
    const before = storedState(db);
    const add = await s.call("add_indicators", { projectId: id, indicators: [{ level2: "数量指标", name: "次数", value: "9".repeat(1_000_000) }] });
    expect(add.isError).toBe(true);
    expect(textOf(add)).toContain("1000000 个字符");
    const patch = await s.call("update_indicator", { projectId: id, indicatorId, patch: { value: "≥".repeat(2_001) } });
    expect(patch.isError).toBe(true);
    expect(textOf(patch)).toContain("2001 个字符，上限 2000 个字符");
    const goals = await s.call("update_project", { projectId: id, patch: { goals: Array.from({ length: 101 }, (_, n) => `目标${n}`) } });
    expect(textOf(goals)).toContain("绩效目标 101 条，超过上限 100 条");
    expect(storedState(db)).toBe(before);
  });

  it("keeps list_projects small when a huge name was stored before the limits, and deletes it", async () => {
    const { db, s, id } = await setup();
    // As an older jixiao left it: written straight to the store, past the workspace's checks.
    const legacy = openSqliteStore(db);
    await legacy.insertProject({ id: "p_huge", documentId: null, project: ProjectSchema.parse({ name: TEN_MB }) });
    await legacy.close();
    const list = await s.call("list_projects", {});
    expect(list.isError).toBeFalsy();
    expect(JSON.stringify(list).length).toBeLessThan(5_000);
    expect(textOf(list)).toContain("共 10000000 字符");
    const gone = await s.call("delete_project", { projectId: "p_huge" });
    expect(gone.isError).toBeFalsy();
    const ids = (await s.call("list_projects", {})).structuredContent as { projects: { id: string }[] };
    expect(ids.projects.map((p) => p.id)).toEqual([id]);
  });
});
