import { afterEach, describe, expect, it } from "vitest";
import { InputError } from "../../src/domain/errors.js";
import { createLlmGenerator, draftProject, llmConfigFromEnv } from "../../src/draft/index.js";
import type { Finding } from "../../src/rules/types.js";
import { cleanDraft, flawedDraft, INPUT } from "./drafts.js";
import { startStub, type Stub } from "./stub.js";

let stub: Stub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

function generator(s: Stub, timeoutMs = 5000) {
  return createLlmGenerator({ baseURL: s.baseURL, apiKey: "test-key", model: "stub-model", timeoutMs });
}

const userText = (s: Stub, i: number) => s.requests[i].messages.find((m) => m.role === "user")!.content;

describe("LLM drafter against an OpenAI-compatible stub", () => {
  it("repairs a flawed first draft in 2 rounds, sending the findings back verbatim", async () => {
    stub = await startStub([{ content: JSON.stringify(flawedDraft()) }, { content: JSON.stringify(cleanDraft()) }]);
    const r = await draftProject(INPUT, { generator: generator(stub) });
    expect(r.rounds).toBe(2);
    expect(r.drafter).toBe("llm");
    expect(r.drafterLabel).toBe("stub-model");
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(stub.requests).toHaveLength(2);
    expect(stub.requests[0].response_format?.type).toBe("json_schema");
    const repair = userText(stub, 1);
    for (const rule of ["value-repeats-name", "value-direction", "cost-over-budget"]) expect(repair).toContain(rule);
    expect(repair).toContain("≤50万元");
    expect(stub.requests[0].messages[0].content).toContain("value-direction"); // the rule catalog in the system prompt
    expect(r.needsConfirmation.length).toBeGreaterThan(0);
  });

  it("sends the stated facts as required content and repairs until every fact is placed and no 效益 row is vague", async () => {
    // Round 1 has no error but drops the 4期 count and writes 效益 as a grade word; round 2 fixes both.
    const gappy = cleanDraft();
    gappy.indicators = gappy.indicators
      .filter((i) => !i.value.includes("4期"))
      .map((i) => (i.level1 === "效益指标" ? { ...i, value: "有效提升", needsConfirmation: null } : i));
    stub = await startStub([{ content: JSON.stringify(gappy) }, { content: JSON.stringify(cleanDraft()) }]);
    const r = await draftProject(INPUT, { generator: generator(stub) });
    const first = userText(stub, 0);
    expect(first).toContain("必须写入的事实");
    expect(first).toContain("- 4期");
    expect(first).toContain("- 200人次");
    expect(r.rounds).toBe(2);
    const repair = userText(stub, 1);
    expect(repair).toMatch(/还没有写进任何指标[\s\S]*4期/);
    expect(repair).toMatch(/只写了等级词[\s\S]*有效提升/);
    expect(r.unusedFacts).toEqual([]);
    expect(r.project.indicators.some((i) => i.value.includes("4期"))).toBe(true);
  });

  it("falls back to json_object when the server refuses json_schema with a 400", async () => {
    stub = await startStub([{ refuseJsonSchema: true }, { content: JSON.stringify(cleanDraft()) }]);
    const r = await draftProject(INPUT, { generator: generator(stub) });
    expect(r.rounds).toBe(1);
    expect(stub.requests.map((q) => q.response_format?.type)).toEqual(["json_schema", "json_object"]);
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("answers malformed JSON with a repair round", async () => {
    stub = await startStub([{ content: '{"goals": ["1.x"], "indicators": [' }, { content: "```json\n" + JSON.stringify(cleanDraft()) + "\n```" }]);
    const r = await draftProject(INPUT, { generator: generator(stub) });
    expect(r.rounds).toBe(2);
    expect(userText(stub, 1)).toMatch(/无法解析：JSON 语法错误/);
    expect(r.drafter).toBe("llm");
  });

  it("turns a timeout into a clear Chinese error", async () => {
    stub = await startStub([{ delayMs: 2000, content: "{}" }]);
    const err = await draftProject(INPUT, { generator: generator(stub, 200) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/没有响应（超时）/);
    expect((err as Error).message).toContain(stub.baseURL);
  });

  it("reports an HTTP error of the endpoint in one Chinese line", async () => {
    stub = await startStub([{ status: 401, error: "invalid api key" }]);
    await expect(draftProject(INPUT, { generator: generator(stub) })).rejects.toThrow(/HTTP 401.*JIXIAO_LLM_API_KEY/);
  });

  it("falls back to the offline draft when no round parses", async () => {
    stub = await startStub([{ content: "no json" }, { content: "still none" }, { content: "[]" }]);
    const r = await draftProject(INPUT, { generator: generator(stub) });
    expect(r.rounds).toBe(3);
    expect(r.drafter).toBe("offline");
    expect(r.drafterLabel).toMatch(/stub-model 在 3 轮内未返回可解析的 JSON/);
    expect(r.project.indicators.length).toBeGreaterThan(5);
  });
});

describe("the repair loop with an injected validate", () => {
  const error: Finding = { rule: "x-rule", severity: "error", project: "#1", indicator: 0, field: "value", message: "第一行有错", hint: "改正" };

  it("stops after 3 rounds and returns the best draft with its remaining findings", async () => {
    stub = await startStub([1, 2, 3].map(() => ({ content: JSON.stringify(cleanDraft()) })));
    let calls = 0;
    const r = await draftProject(INPUT, {
      generator: generator(stub),
      validate: () => (++calls === 2 ? [] : [error, { ...error, indicator: 1 }]).slice(0, calls === 3 ? 1 : 2),
    });
    // Round 2 had no findings: the loop stops there.
    expect(r.rounds).toBe(2);
    expect(r.findings).toEqual([]);
    expect(userText(stub, 1)).toContain("第一行有错");
  });

  it("keeps the best of 3 non-converging rounds", async () => {
    stub = await startStub([1, 2, 3].map(() => ({ content: JSON.stringify(cleanDraft()) })));
    const perRound = [[error, error], [error], [error, error, error]];
    let round = 0;
    const r = await draftProject(INPUT, { generator: generator(stub), validate: () => perRound[round++] });
    expect(r.rounds).toBe(3);
    expect(r.findings).toHaveLength(1);
  });
});

describe("llmConfigFromEnv", () => {
  it("reads JIXIAO_LLM_* first, OPENAI_* as fallback, and nothing without a model", () => {
    expect(llmConfigFromEnv({})).toBeNull();
    expect(llmConfigFromEnv({ OPENAI_API_KEY: "k" })).toBeNull();
    expect(llmConfigFromEnv({ OPENAI_API_KEY: "k", OPENAI_MODEL: "m" })).toMatchObject({ apiKey: "k", model: "m" });
    expect(
      llmConfigFromEnv({ JIXIAO_LLM_BASE_URL: "http://127.0.0.1:1/v1", JIXIAO_LLM_MODEL: "local", OPENAI_MODEL: "other" }),
    ).toMatchObject({ baseURL: "http://127.0.0.1:1/v1", model: "local" });
  });
});
