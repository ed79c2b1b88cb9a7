// An OpenAI-compatible endpoint as a TextGenerator (Chat Completions). Structured output with
// response_format json_schema; servers that refuse it (HTTP 400 naming response_format/json_schema) get
// json_object from then on. Network failures become one-line Chinese InputErrors.
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from "openai";
import { InputError } from "../domain/errors.js";
import type { TextGenerator } from "./types.js";

export interface LlmConfig {
  baseURL: string;
  apiKey: string;
  model: string;
  /** Per-request timeout, ms. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 120_000;

/** JIXIAO_LLM_* (or OPENAI_*) from the environment; null when no model is configured. */
export function llmConfigFromEnv(env: NodeJS.ProcessEnv = process.env): LlmConfig | null {
  const baseURL = env.JIXIAO_LLM_BASE_URL || env.OPENAI_BASE_URL || "";
  const apiKey = env.JIXIAO_LLM_API_KEY || env.OPENAI_API_KEY || "";
  const model = env.JIXIAO_LLM_MODEL || env.OPENAI_MODEL || "";
  if (!model || (!baseURL && !apiKey)) return null;
  const timeout = Number(env.JIXIAO_LLM_TIMEOUT_MS);
  return {
    baseURL: baseURL || "https://api.openai.com/v1",
    apiKey: apiKey || "not-needed",
    model,
    ...(Number.isFinite(timeout) && timeout > 0 ? { timeoutMs: timeout } : {}),
  };
}

function refusesJsonSchema(e: unknown): boolean {
  return e instanceof APIError && e.status === 400 && /response_format|json_schema/i.test(e.message);
}

export function createLlmGenerator(config: LlmConfig): TextGenerator {
  const timeout = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const client = new OpenAI({ baseURL: config.baseURL, apiKey: config.apiKey, timeout, maxRetries: 0 });
  let jsonSchemaRefused = false;

  async function complete(system: string, user: string, jsonSchema: Record<string, unknown> | undefined): Promise<string> {
    const response_format =
      jsonSchema && !jsonSchemaRefused
        ? ({ type: "json_schema", json_schema: { name: "performance_target_table", schema: jsonSchema, strict: true } } as const)
        : ({ type: "json_object" } as const);
    const r = await client.chat.completions.create({
      model: config.model,
      messages: [
        { role: "system", content: system },
        { role: "user", content: user },
      ],
      response_format,
      temperature: 0.2,
    });
    return r.choices[0]?.message?.content ?? "";
  }

  return {
    kind: "llm",
    label: config.model,
    async generate({ system, user, jsonSchema }) {
      try {
        try {
          return await complete(system, user, jsonSchema);
        } catch (e) {
          if (!jsonSchema || jsonSchemaRefused || !refusesJsonSchema(e)) throw e;
          jsonSchemaRefused = true;
          return await complete(system, user, jsonSchema);
        }
      } catch (e) {
        throw toInputError(e, config, timeout);
      }
    },
  };
}

function toInputError(e: unknown, config: LlmConfig, timeout: number): Error {
  if (e instanceof APIConnectionTimeoutError) {
    return new InputError(
      `模型服务 ${config.baseURL} 在 ${Math.round(timeout / 1000)} 秒内没有响应（超时）；请检查 JIXIAO_LLM_BASE_URL、网络，或稍后重试；不设置模型时使用离线起草`,
    );
  }
  if (e instanceof APIConnectionError) {
    return new InputError(`无法连接模型服务 ${config.baseURL}：${e.message}；请检查 JIXIAO_LLM_BASE_URL 和网络`);
  }
  if (e instanceof APIError) {
    const hint = e.status === 401 || e.status === 403 ? "；请检查 JIXIAO_LLM_API_KEY" : e.status === 404 ? "；请检查 JIXIAO_LLM_MODEL 和地址" : "";
    return new InputError(`模型服务返回错误（HTTP ${e.status ?? "?"}）：${e.message.split("\n")[0]}${hint}`);
  }
  return e instanceof Error ? e : new Error(String(e));
}
