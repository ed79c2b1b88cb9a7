// Shared helpers of the attack suite: the built CLI spawned as a user or a chat client runs it, throw-away
// folders (a home of their own, so nothing touches the real ~/.jixiao or ~/Documents), a raw JSON-RPC line
// client for the stdio server, a spawned HTTP server on 127.0.0.1, snapshots that prove nothing on disk
// changed, and small generators of hostile input. Every hostile file is built by the test that uses it.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Indicator, JixiaoDocument } from "../../src/domain/schema.js";
import { parseDocumentJson } from "../../src/import/json.js";

export const REPO = fileURLToPath(new URL("../../", import.meta.url));
const DIST_CLI = join(REPO, "dist", "cli.js");

/** The CLI as `[command, ...leading args]`: the build when present (npm test builds first), else tsx. */
function cliCommand(): [string, string[]] {
  return existsSync(DIST_CLI)
    ? [process.execPath, [DIST_CLI]]
    : [join(REPO, "node_modules", ".bin", "tsx"), [join(REPO, "src", "cli.ts")]];
}

/** A fresh folder under the system temp folder. */
export function tempDir(label = "attack"): string {
  return mkdtempSync(join(tmpdir(), `jixiao-${label}-`));
}

/**
 * An environment with a home of its own: HOME, JIXIAO_HOME and the documents folder point into `home`, and
 * no root, token or model endpoint leaks in from the caller's environment.
 */
export function isolatedEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  const keep = Object.entries(process.env).filter(
    ([k]) => !/^(JIXIAO_|OPENAI_|XDG_DOCUMENTS_DIR$)/.test(k),
  ) as [string, string][];
  return { ...Object.fromEntries(keep), HOME: home, USERPROFILE: home, JIXIAO_HOME: join(home, ".jixiao"), NO_COLOR: "1", ...extra };
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run `jixiao ARGS` to completion. `stdout` may name a file (such as /dev/full) to write the output into. */
export function runCli(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string>; stdin?: string; stdoutFile?: string } = {},
): Promise<CliResult> {
  const [cmd, pre] = cliCommand();
  return new Promise((resolve, reject) => {
    const home = opts.env ? undefined : tempDir("home");
    const env = opts.env ?? isolatedEnv(home!);
    let stdoutFd: number | undefined;
    if (opts.stdoutFile) stdoutFd = openForWrite(opts.stdoutFile);
    const child = spawn(cmd, [...pre, ...args], {
      cwd: opts.cwd ?? REPO,
      env,
      stdio: ["pipe", stdoutFd ?? "pipe", "pipe"],
    });
    if (stdoutFd !== undefined) closeSync(stdoutFd); // the child holds its own copy
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin!.end(opts.stdin ?? "");
  });
}

function openForWrite(path: string): number {
  return openSync(path, "w");
}

/** Every file under `dir` with its content digest (links by their target): equal snapshots = nothing changed. */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const info = lstatSync(path);
      const rel = relative(dir, path);
      if (info.isSymbolicLink()) out[rel] = `-> ${readlinkSync(path)}`;
      else if (info.isDirectory()) walk(path);
      else if (info.isFile()) out[rel] = createHash("sha256").update(readFileSync(path)).digest("hex");
      else out[rel] = "special";
    }
  };
  walk(dir);
  return out;
}

// ---- hostile-input generators -----------------------------------------------------------------------------

/** A small valid Document JSON: one project of four rows; `edit` changes it before it is written. */
export function documentJson(edit: (doc: AttackDocument) => void = () => undefined): AttackDocument {
  const doc: AttackDocument = {
    department: { code: "105001", name: "测试局" },
    year: 2024,
    unit: "万元",
    toc: [],
    projects: [
      {
        seq: 1,
        code: "13081123P00005110003A",
        name: "基层统计人员业务培训",
        budget: { total: 3.6, fiscal: 3.6, other: 0 },
        purpose: "培训场地、教材和授课费用",
        spendingPlan: { mar: 20, jun: 50, oct: 80, dec: 100 },
        goals: ["全年举办培训不少于4期"],
        indicators: [
          { level1: "产出指标", level2: "数量指标", name: "培训期数", description: "全年培训期数", value: "≥4期", basis: "年度培训计划" },
          { level1: "产出指标", level2: "质量指标", name: "考核合格率", description: "结业考核合格率", value: "≥95%", basis: "考核记录" },
          { level1: "产出指标", level2: "时效指标", name: "完成时间", description: "培训完成时间", value: "2024年11月底前", basis: "年度培训计划" },
          { level1: "满意度指标", level2: "服务对象满意度指标", name: "参训人员满意度", description: "问卷调查", value: "≥90%", basis: "满意度问卷" },
        ],
      },
    ],
  };
  edit(doc);
  return doc;
}

/** The text fields of an indicator row a hostile document sets. */
export type AttackIndicator = Pick<Indicator, "level1" | "level2" | "name" | "description" | "value" | "basis">;

export interface AttackDocument {
  department: { code: string; name: string };
  year: number;
  unit: string;
  toc: unknown[];
  projects: {
    seq: number;
    code: string;
    name: string;
    budget: { total: number; fiscal: number; other: number };
    purpose: string;
    spendingPlan: { mar: number; jun: number; oct: number; dec: number };
    goals: string[];
    indicators: AttackIndicator[];
  }[];
}

/** A generated document as the importer reads it (defaults filled), for in-process render and check. */
export function parsedDocument(doc: AttackDocument = documentJson()): JixiaoDocument {
  return parseDocumentJson(JSON.stringify(doc), "generated.json");
}

/** Write a Document JSON into `dir` and return its path. */
export function writeDocument(dir: string, name: string, doc: AttackDocument = documentJson()): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(doc, null, 2));
  return path;
}

// ---- the stdio server, spoken to line by line --------------------------------------------------------------

/** A spawned `jixiao serve` (stdio) spoken to in raw JSON-RPC lines, so malformed and huge lines can be sent. */
export class RawStdioServer {
  private buffer = "";
  private readonly replies: Record<string, unknown>[] = [];
  stderr = "";
  readonly exited: Promise<number | null>;

  private constructor(readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      this.buffer += d;
      let nl: number;
      while ((nl = this.buffer.indexOf("\n")) !== -1) {
        const line = this.buffer.slice(0, nl);
        this.buffer = this.buffer.slice(nl + 1);
        this.replies.push(JSON.parse(line) as Record<string, unknown>);
      }
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => (this.stderr += d));
    this.exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
  }

  /** Start a server and initialize it, as a client would. */
  static async start(args: string[], env: Record<string, string>): Promise<RawStdioServer> {
    const [cmd, pre] = cliCommand();
    const server = new RawStdioServer(spawn(cmd, [...pre, "serve", ...args], { cwd: REPO, env }));
    server.send({ jsonrpc: "2.0", id: 0, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "attack", version: "0" } } });
    await server.reply(0);
    server.send({ jsonrpc: "2.0", method: "notifications/initialized" });
    return server;
  }

  /** Send one message (an object, or raw text sent as it is plus a newline). */
  send(message: object | string): void {
    this.child.stdin.write(`${typeof message === "string" ? message : JSON.stringify(message)}\n`);
  }

  /** Stream a line of `size` bytes in pieces (so the test never holds it whole): head + filler + tail. */
  async sendHuge(head: string, filler: string, size: number, tail: string): Promise<void> {
    const piece = filler.repeat(Math.ceil(65536 / filler.length));
    let sent = 0;
    const write = (s: string) => new Promise<void>((r) => (this.child.stdin.write(s) ? r() : this.child.stdin.once("drain", () => r())));
    await write(head);
    while (sent < size) {
      await write(piece);
      sent += Buffer.byteLength(piece);
    }
    await write(`${tail}\n`);
  }

  /** The next reply with this id (with null: the next reply without an id), taken off the list. */
  async reply(id: number | string | null, timeoutMs = 10_000): Promise<Record<string, any>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const at = this.replies.findIndex((r) => (r.id ?? null) === id);
      if (at !== -1) return this.replies.splice(at, 1)[0]; // taken, so a later null id waits for its own
      if (this.child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`no reply ${String(id)} (exit ${String(this.child.exitCode)}); stderr: ${this.stderr}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Call a tool and return its result (isError included). */
  async callTool(id: number, name: string, args: Record<string, unknown>): Promise<Record<string, any>> {
    this.send({ jsonrpc: "2.0", id, method: "tools/call", params: { name, arguments: args } });
    return (await this.reply(id)).result as Record<string, any>;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async stop(): Promise<void> {
    if (this.alive) this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill(), 5000);
    await this.exited;
    clearTimeout(timer);
  }
}

/** The text of a tool result. */
export function resultText(result: Record<string, any>): string {
  return ((result.content ?? []) as { type: string; text?: string }[]).map((c) => c.text ?? "").join("\n");
}

// ---- the HTTP server ----------------------------------------------------------------------------------------

/** A spawned `jixiao serve --http` on 127.0.0.1 and a free port; its URL is read from its start line. */
export async function startHttp(args: string[], env: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }> {
  const [cmd, pre] = cliCommand();
  const child = spawn(cmd, [...pre, "serve", "--http", "--host", "127.0.0.1", "--port", "0", ...args], { cwd: REPO, env });
  let stderr = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`HTTP server did not start: ${stderr}`)), 15_000);
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/mcp)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once("exit", (code) => reject(new Error(`HTTP server exited ${String(code)}: ${stderr}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** A folder with a database path and a root folder inside it, and an environment homed there. */
export function serverPlace(): { dir: string; db: string; root: string; env: Record<string, string> } {
  const dir = tempDir("server");
  const root = join(dir, "root");
  mkdirSync(root);
  return { dir, db: join(dir, "jixiao.db"), root, env: isolatedEnv(dir) };
}
