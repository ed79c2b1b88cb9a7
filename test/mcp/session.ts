// Helpers for driving the server as a client would: typed tool calls, spawned servers, and the whole
// create → add → fix every error → render session, driven by the findings the server returns.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { fileURLToPath } from "node:url";
import type { Project } from "../../src/domain/schema.js";
import type { WorkspaceFinding } from "../../src/workspace/index.js";
import { createArgs, indicatorArgs, REVIEWER_GOALS, REVIEWER_ROW_FIXES, REVIEWER_SPENDING_PLAN } from "./seed.js";

export const REPO = fileURLToPath(new URL("../..", import.meta.url));
export const TSX = `${REPO}node_modules/.bin/tsx`;

/** Call a tool; isError becomes a thrown error carrying the server's text. */
export async function call<T = Record<string, any>>(client: Client, name: string, args: Record<string, unknown> = {}): Promise<T> {
  const r = await callRaw(client, name, args);
  if (r.isError) throw new Error(`${name} failed: ${textOf(r)}`);
  return r.structuredContent as T;
}

export async function callRaw(client: Client, name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

export function textOf(r: CallToolResult): string {
  return r.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");
}

/**
 * A spawned `jixiao serve`. `direct` runs `node --import tsx` so the pid is the server itself (the tsx binary
 * forks a child node, and a SIGKILL must hit the process holding the database).
 */
export function stdioTransport(args: string[], opts: { env?: Record<string, string>; direct?: boolean } = {}): StdioClientTransport {
  const launcher = opts.direct ? { command: process.execPath, args: ["--import", "tsx"] } : { command: TSX, args: [] };
  const transport = new StdioClientTransport({
    command: launcher.command,
    args: [...launcher.args, "src/cli.ts", "serve", ...args],
    cwd: REPO,
    env: { ...(process.env as Record<string, string>), ...opts.env },
    stderr: "pipe",
  });
  const log: string[] = [];
  serverLogs.set(transport, log);
  transport.stderr?.on("data", (d: Buffer) => log.push(d.toString("utf8")));
  return transport;
}

/** Server stderr per spawned transport, so a failed start shows why. */
const serverLogs = new WeakMap<object, string[]>();

export async function connect(transport: Parameters<Client["connect"]>[0]): Promise<Client> {
  const client = new Client({ name: "jixiao-test", version: "0.0.0" });
  try {
    await client.connect(transport);
  } catch (e) {
    const log = serverLogs.get(transport)?.join("") ?? "";
    throw new Error(`${(e as Error).message}${log ? `\nserver stderr:\n${log}` : ""}`);
  }
  return client;
}

export interface SessionOutcome {
  projectId: string;
  initialErrors: WorkspaceFinding[];
  rounds: number;
  project: Project;
  revision: number;
  markdown: string;
}

/**
 * The whole session a chat model runs: create the seed project, add its 9 rows, then fix whatever errors the
 * server reports (as a reviewer would) until none remain, then render Markdown.
 */
export async function runSeedSession(client: Client): Promise<SessionOutcome> {
  const created = await call(client, "create_project", createArgs());
  const projectId: string = created.project.id;
  // Every write names the revision it read, as a client of a shared (HTTP) server must.
  const rev = { value: created.revision as number };
  rev.value = (await call(client, "add_indicators", { projectId, indicators: indicatorArgs(), revision: rev.value })).revision;

  const first = await call(client, "validate_project", { projectId });
  const initialErrors = (first.findings as WorkspaceFinding[]).filter((f) => f.severity === "error");

  let rounds = 0;
  for (;;) {
    const report = await call(client, "validate_project", { projectId });
    const errors = (report.findings as WorkspaceFinding[]).filter((f) => f.severity === "error");
    if (errors.length === 0) break;
    if (++rounds > 5) throw new Error(`errors remain after 5 rounds: ${JSON.stringify(errors)}`);
    const current = await call(client, "get_project", { projectId });
    rev.value = current.revision;
    await fixErrors(client, projectId, current.project as Project, errors, rev);
  }

  const rendered = await call(client, "render_project", { projectId, format: "markdown" });
  const final = await call(client, "get_project", { projectId });
  return { projectId, initialErrors, rounds, project: final.project, revision: final.revision, markdown: rendered.markdown };
}

/** One reviewer pass: one change per offending row or field, chosen from the finding. */
async function fixErrors(
  client: Client,
  projectId: string,
  project: Project,
  errors: WorkspaceFinding[],
  rev: { value: number },
): Promise<void> {
  const done = new Set<string>();
  const write = async (tool: string, args: Record<string, unknown>) => {
    rev.value = (await call(client, tool, { ...args, projectId, revision: rev.value })).revision;
  };
  for (const f of errors) {
    if (f.indicatorId) {
      if (done.has(f.indicatorId)) continue;
      done.add(f.indicatorId);
      const row = project.indicators.find((i) => i.id === f.indicatorId)!;
      if (row.name === "无" || row.value === "无") {
        await write("remove_indicators", { indicatorIds: [f.indicatorId] });
        continue;
      }
      const patch = REVIEWER_ROW_FIXES[row.name] ?? (f.fix !== undefined && f.field ? { [f.field]: f.fix } : undefined);
      if (!patch) throw new Error(`no reviewer fix for ${f.rule} on row “${row.name}”: ${f.message}`);
      await write("update_indicator", { indicatorId: f.indicatorId, patch });
    } else if (f.field === "goals") {
      if (done.has("goals")) continue;
      done.add("goals");
      await write("update_project", { patch: { goals: REVIEWER_GOALS } });
    } else if (f.field === "spendingPlan") {
      if (done.has("plan")) continue;
      done.add("plan");
      await write("update_project", { patch: { spendingPlan: REVIEWER_SPENDING_PLAN } });
    } else {
      throw new Error(`no reviewer fix for ${f.rule} (${f.field}): ${f.message}`);
    }
  }
}
