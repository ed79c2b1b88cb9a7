// PostgreSQL for a test: a fresh database on the server the global setup provides (test/support/postgres-global.ts),
// or the reason there is none (the test is skipped, saying so).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

export function postgresServer(): { url: string } | { skipped: string } {
  return inject("postgres");
}

/** A new, empty database; its URL. Dropped by the returned cleanup. */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = postgresServer();
  if (!("url" in server)) throw new Error(server.skipped);
  const name = `jixiao_test_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: server.url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
