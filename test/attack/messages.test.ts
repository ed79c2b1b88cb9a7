// Messages over the transport limit, and malformed ones, get an answer and the server keeps serving. Over
// stdio a line over 10 MiB used to end the server silently (exit 0, no reply); over HTTP a body over the limit
// got a TCP reset. The documented inline-text limit of import_document fits inside one message.
import { request } from "node:http";
import { PassThrough } from "node:stream";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { LimitedStdioServerTransport } from "../../src/mcp/stdio-transport.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_IMPORT_TEXT_CHARS, MAX_MESSAGE_BYTES } from "../../src/domain/limits.js";
import { RawStdioServer, resultText, serverPlace, startHttp } from "./support.js";

const LIMIT_TEXT = "上限 10,485,760 字节（10 MiB）";

describe("attack: message size and malformed messages over stdio", () => {
  let server: RawStdioServer;
  beforeAll(async () => {
    const place = serverPlace();
    server = await RawStdioServer.start(["--db", place.db, "--root", place.root], place.env);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("answers an import_document of 3.5 million characters (over 10 MiB) with an error naming limit and size, and keeps serving", async () => {
    const size = 3_500_000 * 3; // CJK characters are 3 bytes each in UTF-8
    // The SDK client writes {method, params, jsonrpc, id}: the id comes last.
    await server.sendHuge('{"method":"tools/call","params":{"name":"import_document","arguments":{"text":"', "绩效", size, '"}},"jsonrpc":"2.0","id":7}');
    const reply = await server.reply(7);
    expect(reply.error.code).toBe(-32600);
    expect(reply.error.message).toMatch(/^消息过大：10,\d{3},\d{3} 字节（10\.\d MiB），上限 10,485,760 字节（10 MiB），未处理/);
    expect(reply.error.data.limitBytes).toBe(MAX_MESSAGE_BYTES);
    expect(reply.error.data.sizeBytes).toBeGreaterThan(size);
    expect(server.alive).toBe(true);
    const listed = await server.callTool(8, "list_projects", {});
    expect(listed.structuredContent.projects).toEqual([]);
  });

  it("answers an over-limit line whose id cannot be found with id null, and keeps serving", async () => {
    await server.sendHuge("[", "0,", MAX_MESSAGE_BYTES + 10, "0]");
    const reply = await server.reply(null);
    expect(reply.error.message).toContain(LIMIT_TEXT);
    expect((await server.callTool(9, "list_projects", {})).structuredContent.projects).toEqual([]);
  });

  it("refuses inline text over the documented limit in the tool, with the figures", async () => {
    const r = await server.callTool(10, "import_document", { text: "a".repeat(MAX_IMPORT_TEXT_CHARS + 1) });
    expect(r.isError).toBe(true);
    expect(resultText(r)).toContain("text 过长（2,000,001 字符），上限 2,000,000 字符");
    expect((await server.callTool(11, "list_projects", {})).structuredContent.projects).toEqual([]);
  });

  it("answers malformed lines with JSON-RPC errors and keeps serving", async () => {
    server.send("{not json");
    const parse = await server.reply(null);
    expect(parse.error.code).toBe(-32700);
    expect(parse.error.message).toContain("不是有效的 JSON");
    server.send({ jsonrpc: "2.0", id: 12, method: 5 });
    expect((await server.reply(12)).error.code).toBe(-32600);
    server.send({ jsonrpc: "2.0", id: 13, method: "no/such/method" });
    expect((await server.reply(13)).error.code).toBe(-32601);
    server.send({ jsonrpc: "2.0", id: 14, method: "tools/call", params: { name: "import_document", arguments: { text: 5 } } });
    const wrongType = await server.reply(14);
    expect(wrongType.result?.isError ?? Boolean(wrongType.error)).toBe(true);
    expect((await server.callTool(15, "list_projects", {})).structuredContent.projects).toEqual([]);
    expect(server.alive).toBe(true);
  });

  it("keeps the inline-text limit inside one message, even at 3 bytes per character plus escapes", () => {
    expect(MAX_IMPORT_TEXT_CHARS * 3 + 64 * 1024).toBeLessThan(MAX_MESSAGE_BYTES);
  });
});

describe("attack: the stdio transport at a small limit (in-process)", () => {
  function transport(limit: number) {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const t = new LimitedStdioServerTransport(stdin, stdout, limit);
    const received: JSONRPCMessage[] = [];
    t.onmessage = (m) => received.push(m);
    t.onerror = () => undefined;
    let out = "";
    stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    return { t, stdin, received, replies: () => out.split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, any>) };
  }

  it("reads messages split across chunks and several in one chunk, CRLF included, and skips only the long one", async () => {
    const { t, stdin, received, replies } = transport(100);
    await t.start();
    const ping = (id: number) => JSON.stringify({ jsonrpc: "2.0", id, method: "ping" });
    const all = `${ping(1)}\r\n${ping(2)}\n{"jsonrpc":"2.0","id":3,"method":"ping","params":{"x":"${"y".repeat(200)}"}}\n${ping(4)}\n`;
    for (let i = 0; i < all.length; i += 7) stdin.write(Buffer.from(all.slice(i, i + 7)));
    await new Promise((r) => setImmediate(r));
    expect(received.map((m) => (m as { id: number }).id)).toEqual([1, 2, 4]);
    expect(replies()).toEqual([
      { jsonrpc: "2.0", id: 3, error: expect.objectContaining({ code: -32600, data: { limitBytes: 100, sizeBytes: expect.any(Number) } }) },
    ]);
  });

  it("turns a reply over the limit into an error for the same id", async () => {
    const { t, replies } = transport(1000);
    await t.send({ jsonrpc: "2.0", id: 5, result: { content: [{ type: "text", text: "表".repeat(1000) }] } } as JSONRPCMessage);
    await t.send({ jsonrpc: "2.0", id: 6, result: {} } as JSONRPCMessage);
    await new Promise((r) => setImmediate(r));
    const [big, small] = replies();
    expect(big.id).toBe(5);
    expect(big.error.message).toMatch(/^回复过大：3,\d{3} 字节，上限 1,000 字节，未发送/);
    expect(small).toEqual({ jsonrpc: "2.0", id: 6, result: {} });
  });
});

/** POST to the server with raw control of headers and body; `chunks` sends a body without Content-Length. */
function post(url: string, opts: { headers?: Record<string, string>; body?: Buffer | string; chunks?: () => Generator<Buffer> }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    let answered: { status: number; body: string } | null = null;
    const req = request(url, { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream", ...opts.headers } }, (res) => {
      answered = { status: res.statusCode ?? 0, body: "" };
      res.setEncoding("utf8").on("data", (d: string) => (answered!.body += d));
      res.on("end", () => resolve(answered!));
      // The server answers an oversized body early and closes: what it said is the answer.
      res.on("close", () => resolve(answered!));
    });
    // A write cut off after the answer arrived (EPIPE, ECONNRESET) is how an early answer ends, not a failure.
    req.on("error", (e) => (answered ? resolve(answered) : reject(e)));
    if (opts.chunks) {
      const gen = opts.chunks();
      const pump = () => {
        for (let next = gen.next(); !next.done && !answered; next = gen.next()) if (!req.write(next.value)) return void req.once("drain", pump);
        req.end();
      };
      pump();
    } else {
      req.end(opts.body ?? "");
    }
  });
}

const TOKEN = "attack-token-0123456789";
const listRequest = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "list_projects", arguments: {} } });

describe("attack: HTTP limits, malformed bodies, tokens and the Host header", () => {
  let open: { url: string; stop(): Promise<void> };
  let guarded: { url: string; stop(): Promise<void> };
  beforeAll(async () => {
    const a = serverPlace();
    const b = serverPlace();
    [open, guarded] = await Promise.all([
      startHttp(["--db", a.db, "--root", a.root], a.env),
      startHttp(["--db", b.db, "--root", b.root], { ...b.env, JIXIAO_TOKEN: TOKEN }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([open?.stop(), guarded?.stop()]);
  });

  it("answers a body over the limit with 413 and a JSON-RPC error naming limit and size, then keeps serving", async () => {
    const body = Buffer.alloc(MAX_MESSAGE_BYTES + 1, 0x20);
    const r = await post(open.url, { body });
    expect(r.status).toBe(413);
    const error = JSON.parse(r.body).error;
    expect(error.message).toBe(`请求体过大：10,485,761 字节（10.0 MiB），${LIMIT_TEXT}，未处理。大段文本请存为文件放到允许的目录内，用 import_document 的 path 导入`);
    expect(error.data).toEqual({ limitBytes: MAX_MESSAGE_BYTES, sizeBytes: MAX_MESSAGE_BYTES + 1 });
    const after = await post(open.url, { body: listRequest });
    expect(after.status).toBe(200);
    expect(JSON.parse(after.body).result.structuredContent.projects).toEqual([]);
  });

  it("answers a chunked body (no Content-Length) over the limit with 413 too", async () => {
    const r = await post(open.url, {
      *chunks() {
        for (let sent = 0; sent <= MAX_MESSAGE_BYTES; sent += 1 << 20) yield Buffer.alloc(1 << 20, 0x20);
      },
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error.message).toContain(`请求体过大：超过 `);
  });

  it("answers a malformed body with a -32700 parse error and a non-JSON-RPC body with an error", async () => {
    const bad = await post(open.url, { body: "{not json" });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.code).toBe(-32700);
    const wrong = await post(open.url, { body: JSON.stringify({ hello: "world" }) });
    expect(wrong.status).toBeGreaterThanOrEqual(400);
    expect(JSON.parse(wrong.body).error).toBeDefined();
  });

  it("refuses a foreign Host header on a token-less loopback server (DNS rebinding)", async () => {
    const r = await post(open.url, { body: listRequest, headers: { Host: "attacker.example:8787" } });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).error.message).toContain("不是本机地址");
  });

  it("refuses missing, wrong and prefix tokens with 401, and serves the right one", async () => {
    for (const auth of [undefined, "Bearer wrong", `Bearer ${TOKEN.slice(0, -1)}`, TOKEN, `Basic ${TOKEN}`]) {
      const r = await post(guarded.url, { body: listRequest, headers: auth ? { Authorization: auth } : {} });
      expect(r.status, String(auth)).toBe(401);
      expect(JSON.parse(r.body).error.message).toContain("未授权");
    }
    const ok = await post(guarded.url, { body: listRequest, headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
  });
});
