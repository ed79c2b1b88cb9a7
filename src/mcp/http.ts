// Streamable HTTP transport, stateless: every POST /mcp gets a fresh transport and an McpServer over the shared
// store, seen as the caller its token names (tenancy). Servers are built once per caller and kept idle between
// requests (ServerPool), so any number of these processes can serve one database behind a
// load balancer. Every write must name its revision here (a shared server). GET /health reports the database.
// Bearer tokens (JIXIAO_TOKEN, or the JIXIAO_TOKENS file) guard /mcp; binding a non-loopback address without
// one, or with a short one, is refused.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { InputError } from "../domain/errors.js";
import { formatBytes, MAX_MESSAGE_BYTES } from "../domain/limits.js";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { Workspace } from "../workspace/index.js";
import type { Access } from "../workspace/tenancy.js";
import { checkPublicTokens, singleToken, type TokenTable } from "./auth.js";
import { createServer } from "./server.js";

export interface HttpOptions {
  host?: string;
  port?: number;
  /** Required bearer token (single user); unset = no auth (loopback only). */
  token?: string;
  /** Tokens by department and role (JIXIAO_TOKENS); wins over `token`. */
  tokens?: TokenTable;
  log?: (line: string) => void;
}

export interface RunningHttpServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export async function startHttpServer(workspace: Workspace, opts: HttpOptions = {}): Promise<RunningHttpServer> {
  const host = opts.host ?? "127.0.0.1";
  const port = opts.port ?? 8787;
  const tokens = opts.tokens ?? (opts.token ? singleToken(opts.token) : undefined);
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (tokens && !isLoopback(host)) checkPublicTokens(tokens, host);
  if (!tokens && !isLoopback(host)) {
    throw new InputError(
      `拒绝在非本机地址 ${host} 上无认证监听：请设置环境变量 JIXIAO_TOKEN（客户端以 Authorization: Bearer <令牌> 访问），或改用 --host 127.0.0.1`,
    );
  }

  const pool = new ServerPool(workspace);
  const server = createHttpServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      log(`jixiao: HTTP 请求处理失败：${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      if (!res.headersSent) sendJson(res, 500, jsonRpcError("内部错误"));
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path === "/health") {
      const database = await workspace.store.health();
      sendJson(res, database.ok ? 200 : 503, { status: database.ok ? "ok" : "unavailable", name: "jixiao", database });
      return;
    }
    if (path !== "/mcp") {
      sendJson(res, 404, { error: "未找到：MCP 端点是 /mcp" });
      return;
    }
    if (isLoopback(host) && !loopbackHostHeader(req.headers.host)) {
      // DNS rebinding: a web page resolving its own name to 127.0.0.1 must not reach a token-less local server.
      sendJson(res, 403, jsonRpcError(`拒绝请求：Host 头“${req.headers.host ?? ""}”不是本机地址`));
      return;
    }
    const caller = tokens ? tokens.identify(req.headers.authorization) : workspace.access;
    if (!caller) {
      res.setHeader("WWW-Authenticate", 'Bearer realm="jixiao"');
      sendJson(res, 401, jsonRpcError("未授权：请在请求头中提供 Authorization: Bearer <JIXIAO_TOKEN>"));
      return;
    }
    if (req.method !== "POST") {
      // Stateless: no standalone SSE stream and no sessions to delete.
      res.setHeader("Allow", "POST");
      sendJson(res, 405, jsonRpcError("此服务器为无状态模式，只接受 POST /mcp"));
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch (e) {
      if (e instanceof BodyTooLarge) {
        // Answered, not reset: the rest of the body is drained by Node and the connection closed.
        res.setHeader("Connection", "close");
        sendJson(res, 413, {
          jsonrpc: "2.0",
          id: null,
          error: { code: -32600, message: e.message, data: { limitBytes: MAX_MESSAGE_BYTES, sizeBytes: e.size } },
        });
        return;
      }
      sendJson(res, 400, { jsonrpc: "2.0", id: null, error: { code: -32700, message: `请求体不是有效的 JSON：${(e as Error).message}` } });
      return;
    }
    const mcp = pool.take(caller);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on("close", () => {
      // Closing the transport detaches the server from it, so the server can take the caller's next request.
      void transport.close().finally(() => pool.give(caller, mcp));
    });
    await mcp.connect(transport);
    await transport.handleRequest(req, res, body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${actualPort}/mcp`;
  return {
    server,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Idle servers kept per caller: enough for the requests one caller has in flight at once, not unbounded. */
const MAX_IDLE_PER_CALLER = 16;

/**
 * Built McpServers by caller, idle between requests. Building one (every tool, its zod schemas, a JSON-schema
 * validator) cost ~30× the validation a request asks for; now it happens once per caller and concurrent request.
 * Each server keeps the workspace view of its caller (tenancy), so a server never serves another caller. The SDK
 * connects a server to one transport at a time: concurrent requests of one caller take several servers.
 */
class ServerPool {
  private readonly idle = new Map<Access, McpServer[]>();

  constructor(private readonly workspace: Workspace) {}

  take(caller: Access): McpServer {
    return this.idle.get(caller)?.pop() ?? createServer(this.workspace.forCaller(caller, true, true));
  }

  give(caller: Access, server: McpServer): void {
    // Stateless: what one request's client declared at initialize (sampling …) must not carry over to the next.
    const state = server.server as unknown as { _clientCapabilities?: unknown; _clientVersion?: unknown };
    state._clientCapabilities = undefined;
    state._clientVersion = undefined;
    let list = this.idle.get(caller);
    if (!list) this.idle.set(caller, (list = []));
    if (list.length < MAX_IDLE_PER_CALLER) list.push(server);
    else void server.close();
  }
}

function loopbackHostHeader(header: string | undefined): boolean {
  if (!header) return false;
  const hostname = header.startsWith("[") ? header.slice(1, header.indexOf("]")) : header.split(":")[0];
  return isLoopback(hostname);
}

/** A body over MAX_MESSAGE_BYTES: its declared size, or the bytes received when it went over. */
class BodyTooLarge extends Error {
  constructor(readonly size: number, declared: boolean) {
    super(
      `请求体过大：${declared ? "" : "超过 "}${formatBytes(size)}，上限 ${formatBytes(MAX_MESSAGE_BYTES)}，未处理。` +
        "大段文本请存为文件放到允许的目录内，用 import_document 的 path 导入",
    );
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (declared > MAX_MESSAGE_BYTES) {
      reject(new BodyTooLarge(declared, true));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > MAX_MESSAGE_BYTES) {
        req.off("data", onData);
        reject(new BodyTooLarge(size, false));
        return;
      }
      chunks.push(c);
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function jsonRpcError(message: string): unknown {
  return { jsonrpc: "2.0", id: null, error: { code: -32000, message } };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}
