// The baseline for the HTTP figure: an MCP server built with the same SDK, stateless as jixiao's, with one tool
// that echoes its input — the SDK's own cost per request and nothing else. Prints its URL on stdout.
import { createServer } from "node:http";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { z } from "zod";

const server = createServer((req, res) => {
  if (req.method !== "POST") {
    // Stateless, as jixiao's: no standalone SSE stream.
    res.writeHead(405, { Allow: "POST" }).end();
    return;
  }
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", async () => {
    // The SDK's stateless pattern: a server (one tool) and a transport per request.
    const mcp = new McpServer({ name: "echo", version: "0" });
    mcp.registerTool("echo", { inputSchema: { text: z.string() } }, ({ text }) => ({ content: [{ type: "text", text }] }));
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on("close", () => void transport.close());
    await mcp.connect(transport);
    await transport.handleRequest(req, res, JSON.parse(Buffer.concat(chunks).toString("utf8")));
  });
});
server.listen(0, "127.0.0.1", () => process.stdout.write(`http://127.0.0.1:${server.address().port}/mcp\n`));
