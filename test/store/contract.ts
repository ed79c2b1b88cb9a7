// The Store contract every backend passes: CRUD, revisions and compare-and-swap, conflicts between two servers,
// snapshots, history and undo through the workspace, list filters and paging, concurrent writers, restart.
// Each backend's test file calls storeContract with a way to make a fresh location and open a store on it.
import { describe, expect, it } from "vitest";
import { isInputError } from "../../src/domain/errors.js";
import { ProjectSchema, type Project } from "../../src/domain/schema.js";
import type { Store } from "../../src/store/types.js";
import { Workspace } from "../../src/workspace/index.js";

export interface Backend {
  /** A new, empty location (file path or database URL) and how to remove it. */
  fresh(): Promise<{ location: string; cleanup: () => Promise<void> }>;
  open(location: string): Promise<Store>;
}

const project = (name: string, extra: Partial<Project> = {}): Project => ProjectSchema.parse({ name, ...extra });

export function storeContract(name: string, given: Backend | { skipped: string }): void {
  if ("skipped" in given) {
    describe.skip(`${name} store contract — ${given.skipped}`, () => {
      it("runs against the backend", () => undefined);
    });
    return;
  }
  const backend = given;

  /** Run body with stores opened on one fresh location; everything closed and removed after. */
  async function withLocation(body: (open: () => Promise<Store>) => Promise<void>): Promise<void> {
    const { location, cleanup } = await backend.fresh();
    const opened: Store[] = [];
    try {
      await body(async () => {
        const s = await backend.open(location);
        opened.push(s);
        return s;
      });
    } finally {
      for (const s of opened) await s.close();
      await cleanup();
    }
  }

  describe(`${name} store contract`, () => {
    it("creates, reads, lists and deletes projects and documents", () =>
      withLocation(async (open) => {
        const store = await open();
        await store.insertDocument({ id: "d_1", meta: { unit: "万元", toc: [], year: 2023 }, source: "a.txt", department: "105001" });
        const first = await store.insertProject({ id: "p_1", documentId: "d_1", department: "105001", project: project("甲") });
        expect(first).toMatchObject({ id: "p_1", revision: 1, documentId: "d_1", department: "105001" });
        expect((await store.getProject("p_1"))?.project.name).toBe("甲");
        expect((await store.getDocument("d_1"))?.meta.year).toBe(2023);
        expect((await store.getDocument("d_1"))?.department).toBe("105001");
        expect(await store.getProject("p_missing")).toBeNull();
        expect(await store.deleteProject("p_1")).toBe(true);
        expect(await store.deleteProject("p_1")).toBe(false);
        expect((await store.listProjects()).rows).toHaveLength(0);
      }));

    it("bumps the revision on write and refuses a stale one (compare-and-swap)", () =>
      withLocation(async (open) => {
        const store = await open();
        await store.insertProject({ id: "p_1", documentId: null, project: project("甲") });
        expect((await store.updateProject("p_1", project("乙"), 1))?.revision).toBe(2);
        expect(await store.updateProject("p_1", project("丙"), 1)).toBeNull();
        expect((await store.getProject("p_1"))?.project.name).toBe("乙");
      }));

    it("rolls a failed transaction back entirely", () =>
      withLocation(async (open) => {
        const store = await open();
        await store.insertProject({ id: "p_1", documentId: null, project: project("甲") });
        await expect(
          store.transaction(async (tx) => {
            await tx.updateProject("p_1", project("乙"), 1);
            await tx.addSnapshot({ projectId: "p_1", revision: 1, action: "x", project: project("甲") });
            throw new Error("boom");
          }),
        ).rejects.toThrow("boom");
        expect((await store.getProject("p_1"))?.revision).toBe(1);
        expect(await store.listSnapshots("p_1")).toHaveLength(0);
      }));

    it("keeps the newest 50 snapshots and drops them with their project", () =>
      withLocation(async (open) => {
        const store = await open();
        await store.insertProject({ id: "p_1", documentId: null, project: project("甲") });
        for (let r = 1; r <= 60; r++) await store.addSnapshot({ projectId: "p_1", revision: r, action: "a", project: project(`v${r}`) });
        const snaps = await store.listSnapshots("p_1");
        expect(snaps).toHaveLength(50);
        expect(snaps[0].revision).toBe(11);
        expect(snaps.at(-1)!.project.name).toBe("v60");
        await store.deleteProject("p_1");
        expect(await store.listSnapshots("p_1")).toHaveLength(0);
      }));

    it("filters and pages lists in the store, in insertion order", () =>
      withLocation(async (open) => {
        const store = await open();
        const names = ["农村 道路养护", "统计培训", "道路照明", "Road Survey", "档案数字化"];
        await store.insertDocument({ id: "d_x", meta: { unit: "万元", toc: [] }, source: null });
        for (const [n, label] of names.entries()) {
          await store.insertProject({ id: `p_${n}`, documentId: n < 2 ? null : "d_x", department: n % 2 ? "B" : "A", project: project(label) });
        }
        const all = await store.listProjects();
        expect(all.rows.map((r) => r.id)).toEqual(["p_0", "p_1", "p_2", "p_3", "p_4"]);
        expect(all.total).toBe(5);
        expect((await store.listProjects({ text: "道路" })).rows.map((r) => r.id)).toEqual(["p_0", "p_2"]);
        expect((await store.listProjects({ text: "road survey" })).rows.map((r) => r.id)).toEqual(["p_3"]);
        expect((await store.listProjects({ department: "B" })).rows.map((r) => r.id)).toEqual(["p_1", "p_3"]);
        expect((await store.listProjects({ documentId: "d_x", department: "A" })).rows.map((r) => r.id)).toEqual(["p_2", "p_4"]);
        const page = await store.listProjects({ offset: 1, limit: 2 });
        expect(page.rows.map((r) => r.id)).toEqual(["p_1", "p_2"]);
        expect(page.total).toBe(5);
      }));

    it("records history and undoes through the workspace", () =>
      withLocation(async (open) => {
        const ws = new Workspace(await open());
        const id = (await ws.createProject({ name: "甲", budget: { total: 1 } })).project.id!;
        const a = await ws.addIndicators(id, [{ level2: "数量指标", name: "次数", value: "4 次" }], 1);
        await ws.updateIndicator(id, a.added[0], { value: "≥4次" }, 2);
        const h = await ws.history(id);
        expect(h.revision).toBe(3);
        expect(h.entries.map((e) => [e.revision, e.action])).toEqual([
          [1, "add_indicators"],
          [2, "update_indicator"],
        ]);
        const u = await ws.undo(id, 3);
        expect(u.restoredRevision).toBe(2);
        expect(u.project.indicators[0].value).toBe("4 次");
        expect((await ws.undo(id)).project.indicators).toHaveLength(0);
      }));

    it("refuses the second of two writers that read the same revision (two servers, one database)", () =>
      withLocation(async (open) => {
        const one = new Workspace(await open());
        const two = new Workspace(await open());
        const id = (await one.createProject({ name: "甲", budget: { total: 1 } })).project.id!;
        await one.updateProject(id, { summary: "一" }, 1);
        const err = await two.updateProject(id, { summary: "二" }, 1).catch((e: unknown) => e);
        expect(isInputError(err)).toBe(true);
        expect((err as Error).message).toContain("当前版本为 2");
        expect((await two.getProject(id)).project.summary).toBe("一");
        expect((await two.history(id)).entries).toHaveLength(1);
      }));

    it("loses no edit when concurrent writers re-read on conflict", () =>
      withLocation(async (open) => {
        const writers = await Promise.all(Array.from({ length: 4 }, async () => new Workspace(await open())));
        const id = (await writers[0].createProject({ name: "并发", budget: { total: 1 } })).project.id!;
        const perWriter = 6;
        await Promise.all(
          writers.map(async (ws, w) => {
            for (let n = 0; n < perWriter; n++) {
              for (;;) {
                const { revision } = await ws.getProject(id);
                try {
                  await ws.addIndicators(id, [{ level2: "数量指标", name: `行${w}-${n}`, value: "≥1次" }], revision);
                  break;
                } catch (e) {
                  if (!isInputError(e) || !/已被修改/.test(e.message)) throw e;
                }
              }
            }
          }),
        );
        const final = await writers[0].getProject(id);
        expect(final.project.indicators).toHaveLength(writers.length * perWriter);
        expect(new Set(final.project.indicators.map((i) => i.name)).size).toBe(writers.length * perWriter);
        expect(final.revision).toBe(1 + writers.length * perWriter);
      }));

    it("keeps everything across a restart", () =>
      withLocation(async (open) => {
        const first = await open();
        const ws = new Workspace(first);
        const id = (await ws.createProject({ name: "重启", budget: { total: 3 } })).project.id!;
        await ws.updateProject(id, { code: "X1" }, 1);
        await first.close();
        const again = new Workspace(await open());
        const view = await again.getProject(id);
        expect(view).toMatchObject({ revision: 2, project: { name: "重启", code: "X1" } });
        expect((await again.history(id)).entries).toHaveLength(1);
        expect((await again.listProjects("重启")).projects.map((p) => p.id)).toEqual([id]);
      }));

    it("reports itself healthy", () =>
      withLocation(async (open) => {
        const health = await (await open()).health();
        expect(health).toMatchObject({ ok: true, backend: name });
      }));
  });
}
