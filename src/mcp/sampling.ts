// MCP sampling as a TextGenerator: the chat client's own model drafts, when the client declares the
// sampling capability. Otherwise the configured endpoint, else offline (chooseGenerator).
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { InputError } from "../domain/errors.js";
import { createLlmGenerator, llmConfigFromEnv } from "../draft/llm.js";
import type { TextGenerator } from "../draft/types.js";

const MAX_TOKENS = 4000;

export function samplingGenerator(server: McpServer): TextGenerator | null {
  const caps = server.server.getClientCapabilities();
  if (!caps?.sampling) return null;
  const client = server.server.getClientVersion();
  return {
    kind: "sampling",
    label: client?.name ? `${client.name}（MCP 采样）` : "客户端模型（MCP 采样）",
    async generate({ system, user }) {
      const result = await server.server.createMessage({
        systemPrompt: system,
        messages: [{ role: "user", content: { type: "text", text: user } }],
        maxTokens: MAX_TOKENS,
        includeContext: "none",
      });
      const blocks = Array.isArray(result.content) ? result.content : [result.content];
      const text = blocks.flatMap((b) => (b.type === "text" ? [b.text] : [])).join("");
      if (!text) throw new InputError("客户端模型（MCP 采样）没有返回文本内容，无法起草");
      return text;
    },
  };
}

/** Sampling when the client supports it, else the endpoint configured in the environment, else none (offline). */
export function chooseGenerator(server: McpServer, env: NodeJS.ProcessEnv = process.env): TextGenerator | undefined {
  const sampling = samplingGenerator(server);
  if (sampling) return sampling;
  const config = llmConfigFromEnv(env);
  return config ? createLlmGenerator(config) : undefined;
}
