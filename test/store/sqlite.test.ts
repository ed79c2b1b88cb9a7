import Database from "better-sqlite3";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ProjectSchema, type Project } from "../../src/domain/schema.js";
import { defaultDbPath, defaultExportsDir } from "../../src/store/index.js";
import { MIGRATIONS, openSqliteStore } from "../../src/store/sqlite.js";

const project = (name: string): Project => ProjectSchema.parse({ name });
const tmpDb = () => join(mkdtempSync(join(tmpdir(), "jixiao-store-")), "sub", "jixiao.db");

describe("sqlite store", () => {
  it("creates the schema once (user_version), in WAL mode, and reopens with the data", () => {
    const file = tmpDb();
    const store = openSqliteStore(file);
    store.insertProject({ id: "p_1", documentId: null, project: project("甲") });
    store.close();
    const raw = new Database(file);
    expect(raw.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    raw.close();
    const again = openSqliteStore(file);
    expect(again.getProject("p_1")?.project.name).toBe("甲");
    again.close();
  });

  it("refuses a database written by a newer version", () => {
    const file = tmpDb();
    openSqliteStore(file).close();
    const raw = new Database(file);
    raw.pragma("user_version = 99");
    raw.close();
    expect(() => openSqliteStore(file)).toThrow(/99/);
  });

  it("bumps the revision on write and refuses a stale one", () => {
    const store = openSqliteStore(":memory:");
    const first = store.insertProject({ id: "p_1", documentId: null, project: project("甲") });
    expect(first.revision).toBe(1);
    const second = store.updateProject("p_1", project("乙"), 1);
    expect(second?.revision).toBe(2);
    expect(store.updateProject("p_1", project("丙"), 1)).toBeNull();
    expect(store.getProject("p_1")?.project.name).toBe("乙");
  });

  it("rolls a failed transaction back entirely", () => {
    const store = openSqliteStore(":memory:");
    store.insertProject({ id: "p_1", documentId: null, project: project("甲") });
    expect(() =>
      store.transaction(() => {
        store.updateProject("p_1", project("乙"), 1);
        store.addSnapshot({ projectId: "p_1", revision: 1, action: "x", project: project("甲") });
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(store.getProject("p_1")?.revision).toBe(1);
    expect(store.listSnapshots("p_1")).toHaveLength(0);
  });

  it("keeps the newest 50 snapshots and drops them with their project", () => {
    const store = openSqliteStore(":memory:");
    store.insertProject({ id: "p_1", documentId: null, project: project("甲") });
    for (let r = 1; r <= 60; r++) store.addSnapshot({ projectId: "p_1", revision: r, action: "a", project: project(`v${r}`) });
    const snaps = store.listSnapshots("p_1");
    expect(snaps).toHaveLength(50);
    expect(snaps[0].revision).toBe(11);
    expect(snaps.at(-1)!.project.name).toBe("v60");
    expect(store.deleteProject("p_1")).toBe(true);
    expect(store.listSnapshots("p_1")).toHaveLength(0);
    expect(store.getProject("p_1")).toBeNull();
  });

  it("lists projects in insertion order", () => {
    const store = openSqliteStore(":memory:");
    for (const id of ["p_c", "p_a", "p_b"]) store.insertProject({ id, documentId: null, project: project(id) });
    expect(store.listProjects().map((p) => p.id)).toEqual(["p_c", "p_a", "p_b"]);
  });

  it("stores documents with their metadata", () => {
    const store = openSqliteStore(":memory:");
    store.insertDocument({ id: "d_1", meta: { unit: "万元", toc: [], year: 2023 }, source: "a.txt" });
    store.insertProject({ id: "p_1", documentId: "d_1", project: project("甲") });
    expect(store.getDocument("d_1")?.meta.year).toBe(2023);
    expect(store.listProjects()[0].documentId).toBe("d_1");
  });
});

describe("data locations", () => {
  it("prefers --db, then JIXIAO_DB, then ~/.jixiao/jixiao.db; exports live next to the db", () => {
    const saved = process.env.JIXIAO_DB;
    try {
      process.env.JIXIAO_DB = "/tmp/env.db";
      expect(defaultDbPath("/tmp/flag.db")).toBe("/tmp/flag.db");
      expect(defaultDbPath()).toBe("/tmp/env.db");
      delete process.env.JIXIAO_DB;
      expect(defaultDbPath()).toMatch(/\.jixiao[\\/]jixiao\.db$/);
      expect(defaultDbPath(":memory:")).toBe(":memory:");
      expect(defaultExportsDir("/data/x/j.db")).toBe(join("/data/x", "exports"));
    } finally {
      if (saved === undefined) delete process.env.JIXIAO_DB;
      else process.env.JIXIAO_DB = saved;
    }
  });
});

describe("concurrent opening", () => {
  it("lets several processes create the same new database at once", async () => {
    const { spawn } = await import("node:child_process");
    const file = tmpDb();
    const script = `import { openSqliteStore } from "./src/store/sqlite.ts"; openSqliteStore(${JSON.stringify(file)}).close();`;
    const codes = await Promise.all(
      Array.from({ length: 4 }, () =>
        new Promise<number | null>((resolve) => {
          const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
            cwd: new URL("../..", import.meta.url),
            stdio: "ignore",
          });
          child.once("exit", resolve);
        }),
      ),
    );
    expect(codes).toEqual([0, 0, 0, 0]);
    const raw = new Database(file);
    expect(raw.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    raw.close();
  }, 30_000);
});
