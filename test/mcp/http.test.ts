// Streamable HTTP, stateless: the whole session with and without a bearer token, restart, /health, refusals.
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isInputError } from "../../src/domain/errors.js";
import { startHttpServer, type RunningHttpServer } from "../../src/mcp/http.js";
import { openSqliteStore } from "../../src/store/sqlite.js";
import { Workspace } from "../../src/workspace/index.js";
import { call, callRaw, connect, REPO, runSeedSession } from "./session.js";

const TOKEN = "test-token-123";

function openWorkspace(db: string): Workspace {
  return new Workspace(openSqliteStore(db), { roots: [tmpdir()], exportsDir: join(db, "..", "exports") });
}

function httpClient(url: string, token?: string) {
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  return connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
}

describe("Streamable HTTP server", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function start(db: string, token?: string): Promise<{ running: RunningHttpServer; workspace: Workspace }> {
    const workspace = openWorkspace(db);
    const running = await startHttpServer(workspace, { port: 0, token, log: () => undefined });
    cleanups.push(() => workspace.close(), () => running.close());
    return { running, workspace };
  }

  for (const token of [undefined, TOKEN]) {
    it(`runs a whole session ${token ? "with" : "without"} a token and survives a restart`, async () => {
      const db = join(mkdtempSync(join(tmpdir(), "jixiao-http-")), "jixiao.db");
      const first = await start(db, token);
      const client = await httpClient(first.running.url, token);
      const out = await runSeedSession(client);
      await client.close();
      expect(out.initialErrors.length).toBeGreaterThan(0);
      expect(out.markdown).toContain("≥90%");
      await first.running.close();
      await first.workspace.close();

      const second = await start(db, token);
      const again = await httpClient(second.running.url, token);
      const view = await call(again, "get_project", { projectId: out.projectId });
      expect(view.project).toEqual(out.project);
      expect(view.revision).toBe(out.revision);
      await again.close();
    }, 30_000);
  }

  it("render_project over HTTP returns the file embedded in the reply, never a file:// path on the server", async () => {
    const db = join(mkdtempSync(join(tmpdir(), "jixiao-http-")), "jixiao.db");
    const { running } = await start(db);
    const client = await httpClient(running.url);
    const created = await call(client, "create_project", { name: "测试项目", budget: { total: 1 } });
    for (const format of ["html", "xlsx", "docx"] as const) {
      const raw = await callRaw(client, "render_project", { projectId: created.project.id, format });
      expect(raw.isError, JSON.stringify(raw.content)).toBeFalsy();
      expect(JSON.stringify(raw)).not.toContain("file://");
      expect((raw.structuredContent as { path?: string }).path).toBeUndefined();
      const embedded = raw.content.find((c) => c.type === "resource");
      expect(embedded && embedded.type === "resource").toBe(true);
      const resource = embedded!.type === "resource" ? embedded!.resource : null;
      const bytes = resource && "blob" in resource ? Buffer.from(resource.blob, "base64") : Buffer.from(resource && "text" in resource ? resource.text : "");
      if (format === "html") expect(bytes.toString()).toContain("测试项目");
      else expect(bytes.subarray(0, 2).toString()).toBe("PK");
    }
    expect(existsSync(join(db, "..", "exports"))).toBe(false);
    await client.close();
  });

  it("answers 401 without the token (and with a wrong one), and /health without auth", async () => {
    const db = join(mkdtempSync(join(tmpdir(), "jixiao-http-")), "jixiao.db");
    const { running } = await start(db, TOKEN);
    const base = running.url.replace(/\/mcp$/, "");
    const init = {
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "0" } },
    };
    const post = (headers: Record<string, string>) =>
      fetch(running.url, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream", ...headers },
        body: JSON.stringify(init),
      });
    expect((await post({})).status).toBe(401);
    expect((await post({ Authorization: "Bearer wrong" })).status).toBe(401);
    expect((await post({ Authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    await expect(httpClient(running.url)).rejects.toThrow();
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok" });
  });

  it("refuses a request whose Host header is not loopback (DNS rebinding)", async () => {
    const { running } = await start(":memory:");
    const { request } = await import("node:http");
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(running.url, { method: "POST", headers: { Host: "evil.example:8787", "Content-Type": "application/json" } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.end("{}");
    });
    expect(status).toBe(403);
  });

  it("serves a spawned `jixiao serve --http` with a token", async () => {
    const db = join(mkdtempSync(join(tmpdir(), "jixiao-http-")), "jixiao.db");
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", "serve", "--http", "--port", "0", "--db", db], {
      cwd: REPO,
      env: { ...process.env, JIXIAO_TOKEN: TOKEN },
    });
    cleanups.push(() => void child.kill("SIGTERM"));
    let stderr = "";
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on("data", (d: Buffer) => {
        stderr += d.toString("utf8");
        const m = /(http:\/\/[^\s，]+\/mcp)/.exec(stderr);
        if (m) resolve(m[1]);
      });
      child.once("exit", () => reject(new Error(`server exited: ${stderr}`)));
    });
    const client = await httpClient(url, TOKEN);
    const created = await call(client, "create_project", { name: "测试项目", budget: { total: 1 } });
    const listed = await call(client, "list_projects", {});
    expect(listed.projects.map((p: { id: string }) => p.id)).toEqual([created.project.id]);
    await client.close();
  }, 30_000);

  it("refuses a non-loopback host without a token", async () => {
    const workspace = openWorkspace(":memory:");
    cleanups.push(() => workspace.close());
    const err = await startHttpServer(workspace, { host: "0.0.0.0", port: 0 }).catch((e: unknown) => e);
    expect(isInputError(err)).toBe(true);
    expect((err as Error).message).toContain("JIXIAO_TOKEN");
  });

  it("jixiao serve --http --host 0.0.0.0 without a token exits 2 with a clear message", async () => {
    const env = { ...process.env };
    delete env.JIXIAO_TOKEN;
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", "serve", "--http", "--host", "0.0.0.0", "--db", ":memory:"], {
      cwd: REPO,
      env,
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    const code = await new Promise<number | null>((r) => child.once("exit", r));
    expect(code).toBe(2);
    expect(stderr).toContain("拒绝在非本机地址 0.0.0.0");
  }, 30_000);
});
