// The stdio transport with a message limit that answers instead of dying. The SDK's StdioServerTransport
// clears its buffer, reports an error and closes on a line over 10 MiB, so the server exits 0 without a
// reply; and a line that is not JSON-RPC gets no reply at all. Here an over-limit line is skipped up to
// its newline and answered with a JSON-RPC error naming the limit and the size, a malformed line with a
// parse error, a reply over the limit (which would end the client's connection the same way) with an
// error, and the server keeps serving.
import { deserializeMessage, serializeMessage } from "@modelcontextprotocol/sdk/shared/stdio.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { formatBytes, MAX_MESSAGE_BYTES } from "../domain/limits.js";

/** How much of an over-limit line is kept to find its id: clients put it first or last. */
const EDGE_BYTES = 256;

/** JSON-RPC 2.0 error codes. */
const PARSE_ERROR = -32700;
const INVALID_REQUEST = -32600;
const INTERNAL_ERROR = -32603;

type RequestId = string | number | null;

interface OverLimitLine {
  head: Buffer;
  tail: Buffer;
  size: number;
}

export class LimitedStdioServerTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  private chunks: Buffer[] = [];
  private size = 0;
  private over: OverLimitLine | null = null;

  constructor(
    private readonly stdin: NodeJS.ReadableStream = process.stdin,
    private readonly stdout: NodeJS.WritableStream = process.stdout,
    readonly maxMessageBytes: number = MAX_MESSAGE_BYTES,
  ) {}

  async start(): Promise<void> {
    this.stdin.on("data", this.onData);
    this.stdin.on("error", this.onStreamError);
  }

  async close(): Promise<void> {
    this.stdin.off("data", this.onData);
    this.stdin.off("error", this.onStreamError);
    if (this.stdin.listenerCount("data") === 0) this.stdin.pause();
    this.chunks = [];
    this.size = 0;
    this.over = null;
    this.onclose?.();
  }

  send(message: JSONRPCMessage): Promise<void> {
    let line = serializeMessage(message);
    const size = Buffer.byteLength(line);
    // The client's transport has the same limit: a larger reply would end its connection, so it gets an error.
    if (size > this.maxMessageBytes && "id" in message && "result" in message) {
      line = serializeMessage({
        jsonrpc: "2.0",
        id: message.id,
        error: {
          code: INTERNAL_ERROR,
          message: `回复过大：${formatBytes(size)}，上限 ${formatBytes(this.maxMessageBytes)}，未发送。请缩小请求的范围（如用 render_project 生成 html 或 xlsx 文件）`,
          data: { limitBytes: this.maxMessageBytes, sizeBytes: size },
        },
      } as unknown as JSONRPCMessage);
    }
    return new Promise((resolve) => {
      if (this.stdout.write(line)) resolve();
      else this.stdout.once("drain", resolve);
    });
  }

  private readonly onStreamError = (error: Error) => this.onerror?.(error);

  private readonly onData = (chunk: Buffer | string) => {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    for (let start = 0; ; ) {
      const newline = bytes.indexOf(0x0a, start);
      this.take(bytes.subarray(start, newline === -1 ? bytes.length : newline));
      if (newline === -1) return;
      this.endLine();
      start = newline + 1;
    }
  };

  /** Add a piece of the current line; past the limit only its edges are kept (for the id) and its size. */
  private take(piece: Buffer): void {
    if (piece.length === 0) return;
    if (this.over) {
      this.over.size += piece.length;
      this.over.tail = Buffer.concat([this.over.tail, piece]).subarray(-EDGE_BYTES);
      return;
    }
    if (this.size + piece.length <= this.maxMessageBytes) {
      this.chunks.push(piece);
      this.size += piece.length;
      return;
    }
    const seen = Buffer.concat([...this.chunks, piece]);
    this.over = { head: seen.subarray(0, EDGE_BYTES), tail: seen.subarray(-EDGE_BYTES), size: seen.length };
    this.chunks = [];
    this.size = 0;
  }

  private endLine(): void {
    if (this.over) {
      const { head, tail, size } = this.over;
      this.over = null;
      const message =
        `消息过大：${formatBytes(size)}，上限 ${formatBytes(this.maxMessageBytes)}，未处理。` +
        "大段文本请存为文件放到允许的目录内，用 import_document 的 path 导入";
      this.reply(guessId(head.toString("utf8"), tail.toString("utf8")), INVALID_REQUEST, message, {
        limitBytes: this.maxMessageBytes,
        sizeBytes: size,
      });
      return;
    }
    const line = Buffer.concat(this.chunks).toString("utf8").replace(/\r$/, "");
    this.chunks = [];
    this.size = 0;
    if (line.trim() === "") return;
    let message: JSONRPCMessage;
    try {
      message = deserializeMessage(line);
    } catch (e) {
      const notJson = e instanceof SyntaxError;
      const id = guessId(line.slice(0, EDGE_BYTES), line.slice(-EDGE_BYTES));
      this.reply(id, notJson ? PARSE_ERROR : INVALID_REQUEST, notJson ? `消息不是有效的 JSON：${e.message}` : "消息不是有效的 JSON-RPC 2.0 请求");
      this.onerror?.(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    this.onmessage?.(message);
  }

  private reply(id: RequestId, code: number, message: string, data?: Record<string, number>): void {
    const error = data ? { code, message, data } : { code, message };
    void this.send({ jsonrpc: "2.0", id, error } as unknown as JSONRPCMessage);
  }
}

const ID_VALUE = String.raw`(-?\d+|"(?:[^"\\]|\\.)*")`;
/** `{"jsonrpc":"2.0","id":7,…` or `{"id":7,…` at the start, or `…,"id":7}` closing the message (the SDK's order). */
const ID_AT_START = new RegExp(String.raw`^\s*\{\s*(?:"jsonrpc"\s*:\s*"2\.0"\s*,\s*)?"id"\s*:\s*${ID_VALUE}`);
const ID_AT_END = new RegExp(String.raw`[{,]\s*"id"\s*:\s*${ID_VALUE}\s*\}\s*$`);

/** The id of a request that cannot be parsed whole, so the client's pending call gets its answer. */
function guessId(head: string, tail: string): RequestId {
  const raw = ID_AT_START.exec(head)?.[1] ?? ID_AT_END.exec(tail)?.[1];
  if (raw === undefined) return null;
  try {
    return JSON.parse(raw) as string | number;
  } catch {
    return null;
  }
}
