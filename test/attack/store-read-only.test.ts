// Attack 13: read-only databases. projects / history / export used to open the file for writing (WAL mode) and
// fail on a read-only one; a server on a read-only file started and then failed every write as 内部错误. Now
// the read commands open read-only and write nothing, and a server on a read-only file serves reads and refuses
// each write with a message naming the file. Run as an unprivileged user: root ignores file permissions.
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { chmodSync, existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Workspace } from "../../src/workspace/index.js";
import { openSqliteStore } from "../../src/store/sqlite.js";
import { connect, REPO } from "../mcp/session.js";
import { runJixiao, storedState, tempDb, textOf } from "./store-helpers.js";

const canDropPrivileges = process.getuid?.() !== 0 || existsSync("/usr/sbin/runuser") || existsSync("/sbin/runuser");

/** A database with one edited project, then the file and its folder made read-only. */
async function readOnlyDb(): Promise<{ dir: string; db: string; id: string }> {
  const { dir, db } = tempDb();
  const ws = new Workspace(openSqliteStore(db));
  const id = (await ws.createProject({ name: "只读项目", budget: { total: 1 } })).project.id!;
  await ws.updateProject(id, { code: "RO-1" }, 1);
  await ws.close();
  chmodSync(db, 0o444);
  chmodSync(dir, 0o555);
  return { dir, db, id };
}

describe.skipIf(!canDropPrivileges)("attack: read-only database", () => {
  it("lists, shows history and exports from a read-only file without writing anything", async () => {
    const { dir, db, id } = await readOnlyDb();
    const bytes = readFileSync(db);
    const files = readdirSync(dir);
    const projects = await runJixiao(["projects", "--db", db, "--format", "json"], { unprivileged: true });
    expect(projects.stderr).toBe("");
    expect(projects.code).toBe(0);
    expect(JSON.parse(projects.stdout).projects.map((p: { id: string }) => p.id)).toEqual([id]);
    const history = await runJixiao(["history", id, "--db", db], { unprivileged: true });
    expect(history.code).toBe(0);
    expect(history.stdout).toContain("项目编码");
    const exported = await runJixiao(["export", id, "--db", db, "--to", "json"], { unprivileged: true });
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout).projects[0].code).toBe("RO-1");
    expect(readFileSync(db).equals(bytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(files);
    chmodSync(dir, 0o755);
  }, 60_000);

  it("serves reads from a read-only file and refuses every write with a clear message", async () => {
    const { dir, db, id } = await readOnlyDb();
    const before = storedState(db);
    const node = [process.execPath, "--import", "tsx", "src/cli.ts", "serve", "--db", db];
    const [command, ...args] = process.getuid?.() === 0 ? ["runuser", "-u", "nobody", "--", ...node] : node;
    const transport = new StdioClientTransport({ command, args, cwd: REPO, env: { ...(process.env as Record<string, string>), HOME: dir }, stderr: "pipe" });
    const client = await connect(transport);
    try {
      const call = async (name: string, a: Record<string, unknown>) => (await client.callTool({ name, arguments: a })) as CallToolResult;
      const read = await call("get_project", { projectId: id });
      expect(read.isError).toBeFalsy();
      for (const write of [
        await call("update_project", { projectId: id, revision: 2, patch: { name: "改名" } }),
        await call("create_project", { name: "新项目", budget: { total: 1 } }),
        await call("undo", { projectId: id }),
      ]) {
        expect(write.isError).toBe(true);
        expect(textOf(write)).toContain(`数据库 ${db} 是只读的`);
        expect(textOf(write)).not.toContain("内部错误");
      }
    } finally {
      await client.close();
      chmodSync(dir, 0o755);
    }
    expect(storedState(db)).toBe(before);
  }, 60_000);
});
