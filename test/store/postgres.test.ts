// The store contract on PostgreSQL, plus what only a server database has: versioned migrations run once by
// servers starting together, JSONB documents, and a clear refusal (never a hang) when it cannot be reached.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { isInputError } from "../../src/domain/errors.js";
import { ProjectSchema } from "../../src/domain/schema.js";
import { openStore } from "../../src/store/index.js";
import { openPostgresStore, PG_MIGRATIONS } from "../../src/store/postgres.js";
import { freshDatabase, postgresServer } from "../support/postgres.js";
import { runJixiao } from "../attack/store-helpers.js";
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

  it("makes `jixiao serve --http` exit 2 with that message", async () => {
    const run = await runJixiao(["serve", "--http", "--port", "0", "--db", "postgres://jixiao:secret@127.0.0.1:9/jixiao"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("无法连接数据库 postgres://jixiao:***@127.0.0.1:9/jixiao");
    expect(run.stderr).not.toContain("secret");
  }, 30_000);
});

/** A TCP relay to the database that can be cut: existing connections dropped, new ones accepted and left hanging. */
async function relayTo(url: string) {
  const { createServer, connect } = await import("node:net");
  const target = new URL(url);
  let open = true;
  const sockets = new Set<import("node:net").Socket>();
  const server = createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => undefined);
    if (!open) return; // a database that no longer answers
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(upstream);
    upstream.on("error", () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const relayed = new URL(url);
  relayed.port = String((server.address() as { port: number }).port);
  return {
    url: relayed.toString(),
    cut() {
      open = false;
      for (const s of sockets) s.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

describe.skipIf(!("url" in server))("postgres outage during a call", () => {
  it("turns a database that stops answering into a clear isError and a 503 health, not a hang", async () => {
    const db = await freshDatabase();
    const relay = await relayTo(db.url);
    const { Workspace } = await import("../../src/workspace/index.js");
    const { startHttpServer } = await import("../../src/mcp/http.js");
    const store = await openPostgresStore(relay.url, { poolSize: 2, connectTimeoutMs: 500, statementTimeoutMs: 1_000 });
    const ws = new Workspace(store);
    const running = await startHttpServer(ws, { port: 0, log: () => undefined });
    try {
      const id = (await ws.createProject({ name: "断网", budget: { total: 1 } })).project.id!;
      relay.cut();
      const err = await ws.updateProject(id, { code: "X" }, 1).catch((e: unknown) => e);
      expect(isInputError(err)).toBe(true);
      expect((err as Error).message).toMatch(/^无法连接数据库 postgres:\/\/postgres@127\.0\.0\.1:\d+\/jixiao_test_/);
      const health = await fetch(running.url.replace(/\/mcp$/, "/health"));
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: "unavailable", database: { ok: false, backend: "postgres" } });
    } finally {
      await running.close();
      await store.close().catch(() => undefined);
      await relay.close();
      await db.drop();
    }
  }, 30_000);
});
