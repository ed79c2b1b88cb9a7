// Document JSON input: parsed with zod; a schema break is reported in Chinese with its JSON path.
import type { z } from "zod";
import { DocumentSchema, type JixiaoDocument } from "../domain/schema.js";
import { InputError } from "../domain/errors.js";

const EXPECTED: Record<string, string> = {
  string: "文本",
  number: "数字",
  array: "数组",
  object: "对象",
  boolean: "布尔值",
  integer: "整数",
  null: "null",
};

function jsonPath(path: PropertyKey[]): string {
  let out = "$";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : `.${String(key)}`;
  return out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type") {
    const expected = EXPECTED[String(issue.expected)] ?? String(issue.expected);
    return `应为${expected}`;
  }
  if (issue.code === "invalid_value") return `应为 ${issue.values.map((v) => JSON.stringify(v)).join(" 或 ")} 之一`;
  if (issue.code === "too_small" || issue.code === "too_big") return `取值超出范围`;
  if (issue.code === "unrecognized_keys") return `有未知字段 ${issue.keys.join("、")}`;
  return issue.message;
}

/** Parse Document JSON text; throws InputError naming the file, the JSON path and what was expected. */
export function parseDocumentJson(text: string, file = "输入"): JixiaoDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${file}：不是有效的 JSON（${(e as Error).message}）`);
  }
  return toDocument(raw, file);
}

/** Check an already-parsed value against the Document schema. */
export function toDocument(raw: unknown, file = "输入"): JixiaoDocument {
  const result = DocumentSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const more = result.error.issues.length > 1 ? `（另有 ${result.error.issues.length - 1} 处）` : "";
    throw new InputError(`${file}：文档 JSON 不符合格式：${jsonPath(issue.path)} ${describeIssue(issue)}${more}`);
  }
  return result.data;
}
