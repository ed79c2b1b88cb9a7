// MCP round trips over stdio: validate_project on the seed's 9-row project, 1,000 calls, against a spawned
// `jixiao serve`: the built dist/cli.js when present (or JIXIAO_BENCH_CLI), else `node --import tsx src/cli.ts`
// (tsx's loader thread adds ~30 MB RSS). Either way the pid is the server itself, so its RSS is read from /proc.
// Then the same call over HTTP against an echo server (mcp-http.ts): mcp.http_p50_ratio_vs_echo.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Project } from "../src/domain/schema.js";
import { run as runHttp } from "./mcp-http.js";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const CALLS = 1000;
const WARMUP = 100;

export async function run(): Promise<Record<string, number | object>> {
  const stdio = await runStdio();
  const http = await runHttp();
  // Both name their setup: kept apart.
  return { ...stdio, ...http, setup: stdio.setup, http_setup: http.setup };
}

async function runStdio(): Promise<Record<string, number | object>> {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-bench-mcp-"));
  const built = process.env.JIXIAO_BENCH_CLI ?? (existsSync(join(REPO, "dist/cli.js")) ? join(REPO, "dist/cli.js") : undefined);
  const entry = built ? [built] : ["--import", "tsx", "src/cli.ts"];
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [...entry, "serve", "--db", join(dir, "bench.db")],
    cwd: REPO,
    stderr: "ignore",
  });
  const client = new Client({ name: "jixiao-bench", version: "0" });
  await client.connect(transport);
  try {
    const gold = JSON.parse(readFileSync(join(REPO, "examples/chengde-gxq-2023.gold.json"), "utf8")) as { projects: Project[] };
    const seed = gold.projects.find((p) => p.name === "基层统计人员业务培训")!;
    const created = await tool(client, "create_project", { name: seed.name, code: seed.code, budget: { total: seed.budget.total ?? 0 }, goals: seed.goals });
    const projectId = (created.project as { id: string }).id;
    await tool(client, "add_indicators", {
      projectId,
      indicators: seed.indicators.map((i) => ({ level2: i.level2, name: i.name, value: i.value, description: i.description, basis: i.basis })),
    });

    for (let i = 0; i < WARMUP; i++) await tool(client, "validate_project", { projectId });
    const times: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      const t0 = process.hrtime.bigint();
      await tool(client, "validate_project", { projectId });
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => round(times[Math.min(times.length - 1, Math.floor(q * times.length))]);
    return {
      p50_ms: at(0.5),
      p95_ms: at(0.95),
      rss_mb: serverRssMb(transport.pid),
      setup: { calls: CALLS, server: built ? "built (dist)" : "tsx (src)" },
    };
  } finally {
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function tool(client: Client, name: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const r = (await client.callTool({ name, arguments: args })) as CallToolResult;
  if (r.isError) throw new Error(`${name}: ${JSON.stringify(r.content)}`);
  return r.structuredContent as Record<string, unknown>;
}

/** VmRSS of the server process (Linux /proc); -1 where /proc is unavailable. */
function serverRssMb(pid: number | null): number {
  if (!pid) return -1;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]);
    return Number.isFinite(kb) ? round(kb / 1024) : -1;
  } catch {
    return -1;
  }
}

const round = (x: number) => Math.round(x * 100) / 100;
