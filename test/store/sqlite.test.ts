import Database from "better-sqlite3";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ProjectSchema, type Project } from "../../src/domain/schema.js";
import { defaultDbPath, defaultExportsDir } from "../../src/store/index.js";
import { MIGRATIONS, openSqliteStore } from "../../src/store/sqlite.js";
import { storeContract } from "./contract.js";

storeContract("sqlite", {
  fresh: async () => ({ location: tmpDb(), cleanup: async () => undefined }),
  open: async (location) => openSqliteStore(location),
});

const project = (name: string): Project => ProjectSchema.parse({ name });
const tmpDb = () => join(mkdtempSync(join(tmpdir(), "jixiao-store-")), "sub", "jixiao.db");

describe("sqlite store", () => {
  it("creates the schema once (user_version), in WAL mode, and reopens with the data", async () => {
    const file = tmpDb();
    const store = openSqliteStore(file);
    await store.insertProject({ id: "p_1", documentId: null, project: project("甲") });
    await store.close();
    const raw = new Database(file);
    expect(raw.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    raw.close();
    const again = openSqliteStore(file);
    expect((await again.getProject("p_1"))?.project.name).toBe("甲");
    await again.close();
  });

  it("refuses a database written by a newer version", async () => {
    const file = tmpDb();
    await openSqliteStore(file).close();
    const raw = new Database(file);
    raw.pragma("user_version = 99");
    raw.close();
    expect(() => openSqliteStore(file)).toThrow(/99/);
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
      expect(defaultDbPath("postgres://u@db.example/jixiao")).toBe("postgres://u@db.example/jixiao");
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
    const script = `import { openSqliteStore } from "./src/store/sqlite.ts"; await openSqliteStore(${JSON.stringify(file)}).close();`;
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
