// The server as MCP clients run it: a spawned `jixiao serve` over stdio (tsx, no build needed).
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/store/sqlite.js";
import { createArgs, indicatorArgs } from "./seed.js";
import { call, callRaw, connect, REPO, runSeedSession, stdioTransport, textOf, TSX } from "./session.js";

const tmpDb = () => join(mkdtempSync(join(tmpdir(), "jixiao-stdio-")), "jixiao.db");

async function waitForExit(pid: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`process ${pid} still alive`);
}

describe("stdio server (spawned)", () => {
  it("runs a whole session, and a restarted server returns the same data", async () => {
    const db = tmpDb();
    const client = await connect(stdioTransport(["--db", db]));
    const out = await runSeedSession(client);
    await client.close();

    expect(out.initialErrors.length).toBeGreaterThan(0); // needs the rules (value-repeats-name, goal-placeholder …)
    expect(out.markdown).toContain("≤2万元");

    const again = await connect(stdioTransport(["--db", db]));
    const view = await call(again, "get_project", { projectId: out.projectId });
    expect(view.project).toEqual(out.project);
    expect(view.revision).toBe(out.revision);
    expect(view.summary.error).toBe(0);
    await again.close();
  }, 60_000);

  it("writes nothing but JSON-RPC lines on stdout", async () => {
    const db = tmpDb();
    const child = spawn(TSX, ["src/cli.ts", "serve", "--db", db], { cwd: REPO, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    const send = (msg: object) => child.stdin.write(JSON.stringify(msg) + "\n");
    send({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "0" } } });
    send({ jsonrpc: "2.0", method: "notifications/initialized" });
    send({ jsonrpc: "2.0", id: 2, method: "tools/list" });
    send({ jsonrpc: "2.0", id: 3, method: "tools/call", params: { name: "create_project", arguments: createArgs() } });
    send({ jsonrpc: "2.0", id: 4, method: "tools/call", params: { name: "get_project", arguments: { projectId: "p_missing" } } });
    send({ jsonrpc: "2.0", id: 5, method: "resources/read", params: { uri: "jixiao://rules" } });
    const deadline = Date.now() + 30_000;
    while (!/"id":5[,}]/.test(stdout) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    child.stdin.end();
    await new Promise((r) => child.once("exit", r));

    const lines = stdout.split("\n").filter((l) => l !== "");
    expect(lines.length).toBe(5); // one response per request, nothing else
    for (const line of lines) expect(JSON.parse(line).jsonrpc).toBe("2.0");
    expect(stderr).toContain("已启动"); // the log went to stderr
  }, 60_000);

  it("keeps every acknowledged change when the server is killed (SIGKILL)", async () => {
    const db = tmpDb();
    const transport = stdioTransport(["--db", db], { direct: true });
    const client = await connect(transport);
    const created = await call(client, "create_project", createArgs());
    const projectId = created.project.id;
    const added = await call(client, "add_indicators", { projectId, indicators: indicatorArgs() });
    let last = added;
    for (let i = 0; i < 5; i++) {
      last = await call(client, "update_indicator", { projectId, indicatorId: added.added[0], patch: { value: `≥${i + 5}次` } });
    }
    const pid = transport.pid!;
    process.kill(pid, "SIGKILL");
    await waitForExit(pid);

    const store = openSqliteStore(db);
    const row = (await store.getProject(projectId))!;
    expect(row.revision).toBe(last.revision);
    expect(row.project.indicators[0].value).toBe("≥9次");
    expect(row.project.indicators).toHaveLength(9);
    await store.close();
    await client.close().catch(() => undefined);
  }, 60_000);

  it("refuses a stale write from a second server process on the same file, then accepts the retry", async () => {
    const db = tmpDb();
    const [a, b] = await Promise.all([
      connect(stdioTransport(["--db", db], { direct: true })),
      connect(stdioTransport(["--db", db], { direct: true })),
    ]);
    const created = await call(a, "create_project", createArgs());
    const projectId = created.project.id;
    const seenByB = await call(b, "get_project", { projectId });

    await call(a, "update_project", { projectId, patch: { summary: "A 的修改" }, revision: created.revision });
    const stale = await callRaw(b, "update_project", { projectId, patch: { purpose: "B 的修改" }, revision: seenByB.revision });
    expect(stale.isError).toBe(true);
    expect(textOf(stale)).toContain(`当前版本为 ${created.revision + 1}`);

    const fresh = await call(b, "get_project", { projectId });
    const retried = await call(b, "update_project", { projectId, patch: { purpose: "B 的修改" }, revision: fresh.revision });
    expect(retried.project.summary).toBe("A 的修改");
    expect(retried.project.purpose).toBe("B 的修改");
    await a.close();
    await b.close();
  }, 60_000);
});
