// A scripted OpenAI-compatible server on 127.0.0.1 for the real `openai` client: each request to
// /v1/chat/completions takes the next scripted answer (a message content, an HTTP error, or a delay).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type Answer =
  | { content: string }
  | { status: number; error: string }
  | { refuseJsonSchema: true }
  | { delayMs: number; content: string };

export interface Stub {
  baseURL: string;
  requests: Array<{ response_format?: { type: string }; messages: Array<{ role: string; content: string }> }>;
  close(): Promise<void>;
}

export async function startStub(script: Answer[]): Promise<Stub> {
  const requests: Stub["requests"] = [];
  const queue = [...script];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const parsed = JSON.parse(body || "{}");
      requests.push(parsed);
      const send = (status: number, payload: unknown) => {
        if (res.destroyed) return;
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(payload));
      };
      const answer = queue.shift();
      if (!answer) return send(500, { error: { message: "script exhausted" } });
      if ("refuseJsonSchema" in answer) {
        if (parsed.response_format?.type === "json_schema") {
          // Re-queue: the json_object retry of the same round gets the next answer.
          return send(400, { error: { message: "response_format type json_schema is not supported by this model", type: "invalid_request_error" } });
        }
        return send(500, { error: { message: "unexpected" } });
      }
      if ("status" in answer) return send(answer.status, { error: { message: answer.error } });
      const reply = () =>
        send(200, {
          id: `cmpl-${requests.length}`,
          object: "chat.completion",
          created: 0,
          model: parsed.model,
          choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content: answer.content } }],
        });
      if ("delayMs" in answer) setTimeout(reply, answer.delayMs);
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
