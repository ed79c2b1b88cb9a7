// createServer: one McpServer over a Workspace — tools, resources, prompts and the workflow instructions.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { Workspace } from "../workspace/index.js";
import { readPrompt } from "./package-root.js";
import { registerPrompts } from "./prompts.js";
import { registerResources } from "./resources.js";
import { registerTools } from "./tools/index.js";
import { chineseInputErrors } from "./validation.js";

export const SERVER_NAME = "jixiao";
export const SERVER_VERSION = "0.1.0";

let instructions: string | undefined;

export function serverInstructions(): string {
  return (instructions ??= readPrompt("server-instructions.md"));
}

export function createServer(workspace: Workspace): McpServer {
  const server = new McpServer(
    { name: SERVER_NAME, version: SERVER_VERSION, title: "绩效目标表助手" },
    { instructions: serverInstructions() },
  );
  chineseInputErrors(server);
  registerTools(server, workspace);
  registerResources(server, workspace);
  registerPrompts(server, workspace);
  return server;
}
