// MCP over HTTP: validate_project on the seed's 9-row project against a built `jixiao serve --http`, and the
// echo tool of bench/echo-server.mjs (same SDK, stateless), in alternated blocks of calls from one client each;
// each block's p50, the ratio per pair, the median of the pairs. Run by mcp.bench.ts (its figures are mcp.http_…).
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Project } from "../src/domain/schema.js";
import { alternate, CLI, describeRatio, median, QUICK, REPO, round } from "./measure.js";

const BLOCK = QUICK ? 100 : 200;

export async function run(): Promise<Record<string, number | object>> {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-bench-http-"));
  const jixiao = await startServer([CLI, "serve", "--http", "--port", "0", "--db", ":memory:", "--root", dir], "stderr");
  const echo = await startServer([join(REPO, "bench/echo-server.mjs")], "stdout");
  const clients: Client[] = [];
  try {
    const a = await connect(jixiao.url);
    const b = await connect(echo.url);
    clients.push(a, b);
    const gold = JSON.parse(readFileSync(join(REPO, "examples/chengde-gxq-2023.gold.json"), "utf8")) as { projects: Project[] };
    const seed = gold.projects.find((p) => p.name === "基层统计人员业务培训")!;
    const created = await tool(a, "create_project", { name: seed.name, code: seed.code, budget: { total: seed.budget.total ?? 0 }, goals: seed.goals });
    const projectId = (created.project as { id: string }).id;
    const revision = created.revision as number;
    await tool(a, "add_indicators", {
      projectId,
      revision,
      indicators: seed.indicators.map((i) => ({ level2: i.level2, name: i.name, value: i.value, description: i.description, basis: i.basis })),
    });
    const p95s: number[][] = [[], []];
    const block = async (client: Client, name: string, args: Record<string, unknown>, side: number) => {
      const times: number[] = [];
      for (let i = 0; i < BLOCK; i++) {
        const t0 = process.hrtime.bigint();
        await tool(client, name, args);
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      times.sort((x, y) => x - y);
      p95s[side].push(times[Math.floor(times.length * 0.95)]);
      return median(times);
    };
    const r = await alternate(
      () => block(a, "validate_project", { projectId }, 0),
      () => block(b, "echo", { text: "绩效" }, 1),
      QUICK ? 3 : 5,
    );
    console.log(describeRatio("HTTP validate_project p50 / echo p50", r));
    return {
      http_p50_ratio_vs_echo: r.ratio,
      http_p50_ratio_vs_echo_spread: r.spread,
      http_p50_ms: r.a_median,
      echo_p50_ms: r.b_median,
      http_p95_ms: round(median(p95s[0])),
      echo_p95_ms: round(median(p95s[1])),
      setup: { calls_per_block: BLOCK, pairs: r.pairs },
    };
  } finally {
    // Clients first: a client left open retries its server after the server is gone.
    for (const c of clients) await c.close();
    jixiao.child.kill();
    echo.child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Spawn a server and wait for the URL it prints (jixiao on stderr, the echo server on stdout). */
function startServer(args: string[], stream: "stdout" | "stderr"): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, { cwd: REPO, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, JIXIAO_TOKEN: "" } });
  return new Promise((resolve, reject) => {
    let text = "";
    child[stream]!.setEncoding("utf8").on("data", (d: string) => {
      text += d;
      const url = /http:\/\/127\.0\.0\.1:\d+\/mcp/.exec(text)?.[0];
      if (url) resolve({ child, url });
    });
    child.on("exit", (code) => reject(new Error(`server exited (${code}): ${text}`)));
  });
}

async function connect(url: string): Promise<Client> {
  const client = new Client({ name: "jixiao-bench", version: "0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return client;
}

async function tool(client: Client, name: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const r = (await client.callTool({ name, arguments: args })) as CallToolResult;
  if (r.isError) throw new Error(`${name}: ${JSON.stringify(r.content)}`);
  return (r.structuredContent ?? {}) as Record<string, unknown>;
}
