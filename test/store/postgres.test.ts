// The store contract on PostgreSQL, plus what only a server database has: versioned migrations run once by
// servers starting together, JSONB documents, and a clear refusal (never a hang) when it cannot be reached.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { isInputError } from "../../src/domain/errors.js";
import { ProjectSchema } from "../../src/domain/schema.js";
import { openStore } from "../../src/store/index.js";
import { openPostgresStore, PG_MIGRATIONS } from "../../src/store/postgres.js";
import { freshDatabase, postgresServer } from "../support/postgres.js";
import { storeContract } from "./contract.js";

const server = postgresServer();

storeContract(
  "postgres",
  "url" in server
    ? {
        fresh: async () => {
          const db = await freshDatabase();
          return { location: db.url, cleanup: db.drop };
        },
        open: (location) => openPostgresStore(location, { poolSize: 4 }),
      }
    : server,
);

describe.skipIf(!("url" in server))("postgres specifics", () => {
  it("applies the migrations once when several servers open a new database together", async () => {
    const db = await freshDatabase();
    try {
      const stores = await Promise.all(Array.from({ length: 4 }, () => openStore(db.url)));
      for (const s of stores) await s.close();
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const { rows } = await client.query("SELECT version FROM jixiao_migrations ORDER BY version");
      const type = await client.query("SELECT data_type FROM information_schema.columns WHERE table_name = 'projects' AND column_name = 'data'");
      await client.end();
      expect(rows.map((r) => r.version)).toEqual(PG_MIGRATIONS.map((_, n) => n + 1));
      expect(type.rows[0].data_type).toBe("jsonb");
    } finally {
      await db.drop();
    }
  });

  it("gives documents back in the schema's key order (JSONB reorders keys)", async () => {
    const db = await freshDatabase();
    const store = await openStore(db.url);
    try {
      const project = ProjectSchema.parse({ name: "甲", indicators: [{ level1: "产出指标", level2: "数量指标", name: "次数", value: "≥1次" }] });
      await store.insertProject({ id: "p_1", documentId: null, project });
      expect(JSON.stringify((await store.getProject("p_1"))!.project)).toBe(JSON.stringify(project));
    } finally {
      await store.close();
      await db.drop();
    }
  });
});

describe("postgres unreachable", () => {
  it("refuses to open with a clear message naming the server (no password), without hanging", async () => {
    // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    const err = await openStore("postgres://jixiao:secret@127.0.0.1:9/jixiao").catch((e: unknown) => e);
    expect(isInputError(err)).toBe(true);
    expect((err as Error).message).toContain("无法连接数据库 postgres://jixiao:***@127.0.0.1:9/jixiao");
    expect((err as Error).message).not.toContain("secret");
  });
});
