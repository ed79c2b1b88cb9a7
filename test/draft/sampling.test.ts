import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { CreateMessageRequestSchema, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createServer } from "../../src/mcp/server.js";
import { openSqliteStore } from "../../src/store/sqlite.js";
import { Workspace } from "../../src/workspace/index.js";
import { cleanDraft, flawedDraft, INPUT } from "./drafts.js";

const LLM_ENV = ["JIXIAO_LLM_BASE_URL", "JIXIAO_LLM_API_KEY", "JIXIAO_LLM_MODEL", "OPENAI_BASE_URL", "OPENAI_API_KEY", "OPENAI_MODEL"];
let savedEnv: Record<string, string | undefined> = {};
beforeEach(() => {
  // The "no sampling" path must not reach a real endpoint configured on the developer's machine.
  savedEnv = Object.fromEntries(LLM_ENV.map((k) => [k, process.env[k]]));
  for (const k of LLM_ENV) delete process.env[k];
});
afterEach(() => {
  for (const [k, v] of Object.entries(savedEnv)) if (v !== undefined) process.env[k] = v;
});

async function connect(opts: { answers?: string[] }) {
  const workspace = new Workspace(openSqliteStore(":memory:"));
  const server = createServer(workspace);
  const client = new Client({ name: "test-client", version: "1.0.0" }, { capabilities: opts.answers ? { sampling: {} } : {} });
  const prompts: { system?: string; user: string }[] = [];
  if (opts.answers) {
    const answers = [...opts.answers];
    client.setRequestHandler(CreateMessageRequestSchema, async (req) => {
      const first = req.params.messages[0].content;
      prompts.push({ system: req.params.systemPrompt, user: !Array.isArray(first) && first.type === "text" ? first.text : "" });
      return { role: "assistant", model: "client-model", content: { type: "text", text: answers.shift() ?? "" } };
    });
  }
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  await client.connect(clientSide);
  return {
    client,
    workspace,
    prompts,
    async close() {
      await client.close();
      await server.close();
      await workspace.close();
    },
  };
}

async function callTool(client: Client, name: string, args: Record<string, unknown>) {
  const r = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = r.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");
  return { r, text, data: r.structuredContent as Record<string, any> };
}

describe("draft_project over MCP", () => {
  it("drafts with the client's model through sampling and repairs in 2 rounds", async () => {
    const s = await connect({ answers: [JSON.stringify(flawedDraft()), JSON.stringify(cleanDraft())] });
    try {
      const { r, data, text } = await callTool(s.client, "draft_project", { ...INPUT, save: true });
      expect(r.isError).toBeFalsy();
      expect(data.drafter).toBe("sampling");
      expect(data.drafterLabel).toContain("test-client");
      expect(data.rounds).toBe(2);
      expect(data.summary.error).toBe(0);
      expect(text).toMatch(/已用客户端模型（MCP 采样）/);
      expect(s.prompts).toHaveLength(2);
      expect(s.prompts[0].system).toContain("required-level2-missing");
      expect(s.prompts[1].user).toContain("value-repeats-name");
      // Saved: the workspace holds it under the returned id.
      expect((await s.workspace.getProject(data.projectId)).project.name).toBe(INPUT.name);
    } finally {
      await s.close();
    }
  });

  it("drafts offline when the client has no sampling and no endpoint is configured, listing the questions", async () => {
    const s = await connect({});
    try {
      const { data, text } = await callTool(s.client, "draft_project", { name: "洁净型煤推广", summary: "计划推广使用洁净型煤代燃煤户数约 2600 户。", budget: 260 });
      expect(data.drafter).toBe("offline");
      expect(data.rounds).toBe(1);
      expect(data.summary.error).toBe(0);
      expect(data.project.indicators.map((i: { value: string }) => i.value)).toContain("≥2600户");
      expect(text).toMatch(/已用离线指标库/);
      expect(text).toMatch(/请向用户确认以下默认值/);
      expect(data.projectId).toBeUndefined();
    } finally {
      await s.close();
    }
  });

  it("returns an input error as an isError result", async () => {
    const s = await connect({});
    try {
      const { r, text } = await callTool(s.client, "draft_project", { name: "培训", summary: "培训", budget: 1, spendingMonths: [0] });
      expect(r.isError).toBe(true);
      expect(text).toMatch(/spendingMonths|支出月份|Too small|too_small|>=1/);
    } finally {
      await s.close();
    }
  });
});

describe("suggest_indicators over MCP", () => {
  it("returns library suggestions for a summary and a 二级", async () => {
    const s = await connect({});
    try {
      const { data, text } = await callTool(s.client, "suggest_indicators", { summary: "组织全区党务干部业务培训3期", level2: "服务对象满意度指标" });
      expect(data.suggestions[0]).toMatchObject({ kind: "培训", name: "参训人员满意度", value: "≥90%" });
      expect(text).toContain("参训人员满意度");
      const bad = await callTool(s.client, "suggest_indicators", { summary: "x", kind: "火箭发射" });
      expect(bad.r.isError).toBe(true);
      expect(bad.text).toMatch(/未知的项目类型/);
    } finally {
      await s.close();
    }
  });
});
