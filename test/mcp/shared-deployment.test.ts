// A shared deployment as a finance bureau runs it: two `jixiao serve --http` processes on one PostgreSQL database,
// tokens by department (JIXIAO_TOKENS). Concurrent clients spread over both servers lose no edit, a killed server
// loses no acknowledged edit, departments never see each other's projects, a reviewer reads all and edits none,
// and a write without revision is refused.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, postgresServer } from "../support/postgres.js";
import { REPO, textOf } from "./session.js";

const server = postgresServer();

const TOKENS = {
  stats: "editor-105001-0123456789abcdef",
  roads: "editor-105002-0123456789abcdef",
  reviewer: "reviewer-0123456789abcdef0123",
};

interface Spawned {
  child: ChildProcess;
  url: string;
}

function spawnServer(db: string, tokensFile: string): Promise<Spawned> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", "serve", "--http", "--port", "0", "--db", db], {
    cwd: REPO,
    env: { ...process.env, JIXIAO_TOKENS: tokensFile, JIXIAO_TOKEN: "" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  return new Promise((resolve, reject) => {
    child.stderr!.on("data", (d: Buffer) => {
      stderr += d.toString("utf8");
      const m = /(http:\/\/[^\s，]+\/mcp)/.exec(stderr);
      if (m) resolve({ child, url: m[1] });
    });
    child.once("exit", () => reject(new Error(`server exited: ${stderr}`)));
  });
}

async function connect(url: string, token: string): Promise<Client> {
  const client = new Client({ name: "bureau-test", version: "0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
  return client;
}

async function tool(client: Client, name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

async function ok(client: Client, name: string, args: Record<string, unknown>): Promise<Record<string, any>> {
  const r = await tool(client, name, args);
  if (r.isError) throw new Error(`${name}: ${textOf(r)}`);
  return r.structuredContent as Record<string, any>;
}

/**
 * Add one row as a careful client does: with the revision it last saw; on a conflict, wait a moment (jitter, so
 * eight clients do not retry in lockstep), read the project again and retry. Returns the new revision.
 */
async function addRow(client: Client, projectId: string, name: string, known?: number): Promise<number> {
  let revision = known ?? (await ok(client, "get_project", { projectId })).revision;
  for (;;) {
    const r = await tool(client, "add_indicators", { projectId, revision, indicators: [{ level2: "数量指标", name, value: "≥1次" }] });
    if (!r.isError) return (r.structuredContent as { revision: number }).revision;
    if (!/已被修改/.test(textOf(r))) throw new Error(textOf(r));
    await new Promise((done) => setTimeout(done, Math.random() * 40));
    revision = (await ok(client, "get_project", { projectId })).revision;
  }
}

describe.skipIf(!("url" in server))(`shared deployment on PostgreSQL${"skipped" in server ? ` — ${server.skipped}` : ""}`, () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let tokensFile: string;
  const servers: Spawned[] = [];

  beforeAll(async () => {
    db = await freshDatabase();
    tokensFile = join(mkdtempSync(join(tmpdir(), "jixiao-tokens-")), "tokens.json");
    writeFileSync(
      tokensFile,
      JSON.stringify([
        { token: TOKENS.stats, department: "105001", role: "editor" },
        { token: TOKENS.roads, department: "105002", role: "editor" },
        { token: TOKENS.reviewer, role: "reviewer" },
      ]),
    );
    servers.push(...(await Promise.all([spawnServer(db.url, tokensFile), spawnServer(db.url, tokensFile)])));
  }, 60_000);

  afterAll(async () => {
    for (const s of servers) s.child.kill("SIGKILL");
    await db?.drop();
  });

  it("8 clients × 25 edits over two servers leave exactly 200 new rows", async () => {
    const owner = await connect(servers[0].url, TOKENS.stats);
    const projectId = (await ok(owner, "create_project", { name: "并发测试", budget: { total: 10 } })).project.id as string;
    const clients = await Promise.all(Array.from({ length: 8 }, (_, n) => connect(servers[n % 2].url, TOKENS.stats)));
    await Promise.all(
      clients.map(async (c, n) => {
        let revision: number | undefined;
        for (let k = 0; k < 25; k++) revision = await addRow(c, projectId, `客户${n}-第${k}条`, revision);
      }),
    );
    const final = await ok(owner, "get_project", { projectId });
    expect(final.project.indicators).toHaveLength(200);
    expect(new Set(final.project.indicators.map((i: { name: string }) => i.name)).size).toBe(200);
    expect(final.revision).toBe(201);
    for (const c of [owner, ...clients]) await c.close();
  }, 180_000);

  it("keeps every departments' projects apart; a reviewer reads both and edits none", async () => {
    const stats = await connect(servers[0].url, TOKENS.stats);
    const roads = await connect(servers[1].url, TOKENS.roads);
    const reviewer = await connect(servers[1].url, TOKENS.reviewer);
    const mine = await ok(stats, "create_project", { name: "统计培训（105001）", budget: { total: 2 } });
    const id = mine.project.id as string;
    const theirs = await ok(roads, "create_project", { name: "道路养护（105002）", budget: { total: 5 } });

    // The second department can neither list, read, edit nor reach it through a resource or an import.
    const listed = await ok(roads, "list_projects", {});
    expect(listed.projects.map((p: { id: string }) => p.id)).not.toContain(id);
    expect(listed.projects.map((p: { id: string }) => p.id)).toContain(theirs.project.id);
    const read = await tool(roads, "get_project", { projectId: id });
    expect(read.isError).toBe(true);
    expect(textOf(read)).toContain("找不到项目");
    const edit = await tool(roads, "update_project", { projectId: id, revision: 1, patch: { name: "改名" } });
    expect(edit.isError).toBe(true);
    await expect(roads.readResource({ uri: `jixiao://projects/${id}` })).rejects.toThrow(/找不到项目/);
    const text = readFileSync(join(REPO, "test/fixtures/import/word-cells.txt"), "utf8");
    const imported = await ok(roads, "import_document", { text });
    const statsList = (await ok(stats, "list_projects", {})).projects.map((p: { id: string }) => p.id);
    for (const p of imported.projects) expect(statsList).not.toContain(p.id);
    expect((await ok(stats, "get_project", { projectId: id })).project.name).toBe("统计培训（105001）");

    // The reviewer lists both departments and may change nothing.
    const all = (await ok(reviewer, "list_projects", {})).projects.map((p: { id: string }) => p.id);
    expect(all).toEqual(expect.arrayContaining([id, theirs.project.id]));
    const refused = await tool(reviewer, "update_project", { projectId: id, revision: 1, patch: { name: "审核改名" } });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toContain("审核令牌只能读取");
    expect((await ok(stats, "get_project", { projectId: id })).revision).toBe(1);
    for (const c of [stats, roads, reviewer]) await c.close();
  }, 60_000);

  it("refuses a write without revision and says to read the project again", async () => {
    const stats = await connect(servers[0].url, TOKENS.stats);
    const id = (await ok(stats, "create_project", { name: "无版本号", budget: { total: 1 } })).project.id as string;
    const r = await tool(stats, "update_project", { projectId: id, patch: { summary: "覆盖" } });
    expect(r.isError).toBe(true);
    expect(textOf(r)).toContain("须给出 revision");
    expect(textOf(r)).toContain("get_project");
    expect((await ok(stats, "get_project", { projectId: id })).project.summary).toBe("");
    await stats.close();
  }, 30_000);

  it("reports the database in /health", async () => {
    const health = await fetch(servers[0].url.replace(/\/mcp$/, "/health"));
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", database: { ok: true, backend: "postgres" } });
  });

  it("loses no acknowledged edit when one server is killed in the middle of a burst", async () => {
    const setup = await connect(servers[0].url, TOKENS.stats);
    const projectId = (await ok(setup, "create_project", { name: "断电测试", budget: { total: 1 } })).project.id as string;
    const acknowledged: string[] = [];
    const victim = servers[1];
    const survivors = servers[0];
    const clients = await Promise.all(Array.from({ length: 6 }, (_, n) => connect(n % 2 ? victim.url : survivors.url, TOKENS.stats)));
    let killed = false;
    await Promise.all(
      clients.map(async (c, n) => {
        let client = c;
        for (let k = 0; k < 10; k++) {
          const name = `断电${n}-${k}`;
          if (n === 1 && k === 4 && !killed) {
            killed = true;
            victim.child.kill("SIGKILL");
          }
          try {
            await addRow(client, projectId, name);
            acknowledged.push(name);
          } catch {
            // The server died under this call: its edit was never acknowledged. Carry on against the other server.
            client = await connect(survivors.url, TOKENS.stats);
          }
        }
      }),
    );
    const final = await ok(setup, "get_project", { projectId });
    const names = new Set(final.project.indicators.map((i: { name: string }) => i.name));
    expect(killed).toBe(true);
    expect(acknowledged.length).toBeGreaterThan(30);
    for (const name of acknowledged) expect(names.has(name), name).toBe(true);
    expect(final.project.indicators.length).toBe(names.size);
    await setup.close();
  }, 120_000);
});
