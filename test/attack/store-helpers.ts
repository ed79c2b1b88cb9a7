// Helpers of the store/workspace/tokens attacks: an in-process MCP client over a SQLite file, the CLI run as an
// unprivileged user (root ignores file permissions, so read-only files are only read-only for someone else),
// and a snapshot of everything stored, to assert that a refused attack changed nothing.
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { createServer } from "../../src/mcp/server.js";
import { openSqliteStore } from "../../src/store/sqlite.js";
import { Workspace } from "../../src/workspace/index.js";
import { connect, REPO, textOf } from "../mcp/session.js";

export { textOf };

/** A fresh SQLite file in its own folder. */
export function tempDb(): { dir: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-attack-"));
  chmodSync(dir, 0o755);
  return { dir, db: join(dir, "jixiao.db") };
}

export async function clientOn(db: string, opts: { requireRevision?: boolean } = {}) {
  const workspace = new Workspace(openSqliteStore(db), { roots: [tmpdir()], exportsDir: join(tmpdir(), "exports"), requireRevision: opts.requireRevision });
  const server = createServer(workspace);
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = await connect(clientSide);
  const call = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as CallToolResult;
  return {
    call,
    workspace,
    async close() {
      await client.close();
      await server.close();
      await workspace.close();
    },
  };
}

/** Every stored row, as text: equal before and after an attack means nothing stored changed. */
export function storedState(db: string): string {
  const raw = new Database(db, { readonly: true });
  try {
    const projects = raw.prepare("SELECT id, revision, data, department FROM projects ORDER BY rowid").all();
    const snapshots = raw.prepare("SELECT project_id, revision, action, data FROM snapshots ORDER BY seq").all();
    const documents = raw.prepare("SELECT id, meta FROM documents ORDER BY rowid").all();
    return JSON.stringify({ projects, snapshots, documents });
  } finally {
    raw.close();
  }
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI from the sources; as `nobody` when `unprivileged` and this process is root. */
export function runJixiao(args: string[], opts: { env?: Record<string, string>; unprivileged?: boolean; timeoutMs?: number } = {}): Promise<Run> {
  const node = [process.execPath, "--import", "tsx", join(REPO, "src", "cli.ts"), ...args];
  const asNobody = opts.unprivileged && process.getuid?.() === 0;
  const [cmd, ...rest] = asNobody ? ["runuser", "-u", "nobody", "--", ...node] : node;
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, rest, { cwd: REPO, env: { ...process.env, NO_COLOR: "1", HOME: tmpdir(), ...opts.env } });
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 20_000);
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end();
  });
}
