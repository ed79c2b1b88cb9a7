// Vitest global setup: a PostgreSQL server for the tests that need one. JIXIAO_TEST_PG (set by .ci/run) names
// one; otherwise a throw-away cluster is started here (initdb + pg_ctl on 127.0.0.1, as the postgres user when
// run as root) and removed at the end. With neither, those tests say "skipped: no PostgreSQL" — except in CI
// (CI or JIXIAO_TEST_PG set), where they must run.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** A superuser URL of a PostgreSQL server, or why there is none. */
    postgres: { url: string } | { skipped: string };
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  if (process.env.JIXIAO_TEST_PG) {
    project.provide("postgres", { url: process.env.JIXIAO_TEST_PG });
    return () => undefined;
  }
  try {
    const cluster = await startCluster();
    project.provide("postgres", { url: cluster.url });
    return cluster.stop;
  } catch (e) {
    if (process.env.CI) throw new Error(`CI: PostgreSQL is required but could not be started: ${(e as Error).message}`);
    project.provide("postgres", { skipped: `skipped: no PostgreSQL (${(e as Error).message.split("\n")[0]})` });
    return () => undefined;
  }
}

function binDir(): string {
  for (const dir of (process.env.PATH ?? "").split(":")) if (existsSync(join(dir, "initdb"))) return dir;
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort().reverse() : [];
  for (const v of versions) if (existsSync(join(root, v, "bin", "initdb"))) return join(root, v, "bin");
  throw new Error("initdb not found (apt-get install -y postgresql)");
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startCluster(): Promise<{ url: string; stop: () => void }> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), "jixiao-pg-"));
  const data = join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  // initdb refuses to run as root: the cluster belongs to the postgres user then.
  const run = (cmd: string, args: string[]) =>
    execFileSync(asRoot ? "runuser" : cmd, asRoot ? ["-u", "postgres", "--", cmd, ...args] : args, { stdio: "pipe", timeout: 60_000 });
  if (asRoot) chownSync(dir, Number(execFileSync("id", ["-u", "postgres"]).toString().trim()), 0);
  const port = await freePort();
  run(join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
  run(join(bin, "pg_ctl"), ["-D", data, "-w", "-l", join(dir, "log"), "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, "start"]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
