// stdio transport: stdout carries JSON-RPC only, so anything that would print there goes to stderr instead.
import type { Workspace } from "../workspace/index.js";
import { createServer } from "./server.js";
import { LimitedStdioServerTransport } from "./stdio-transport.js";

export async function startStdioServer(workspace: Workspace): Promise<{ close(): Promise<void> }> {
  // A stray console.log from any module would corrupt the protocol stream.
  console.log = console.error;
  console.info = console.error;
  console.debug = console.error;
  const server = createServer(workspace);
  const transport = new LimitedStdioServerTransport();
  await server.connect(transport);
  return { close: () => server.close() };
}
