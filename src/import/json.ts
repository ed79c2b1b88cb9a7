// Document JSON input: shape-checked in one pass (zod words a schema break, in Chinese with its JSON path); a large
// file is read project by project from its bytes.
import { z } from "zod";
import { DocumentSchema, IndicatorSchema, ProjectSchema, type ImportWarning, type JixiaoDocument } from "../domain/schema.js";
import { InputError } from "../domain/errors.js";
import { decodeText } from "./decode.js";
import { bufferSource, LARGE_JSON_BYTES, readLargeDocumentJson, type ByteSource } from "./json-bytes.js";
import { compileShape, INVALID, type UnknownFields } from "./shape.js";

const EXPECTED: Record<string, string> = {
  string: "文本",
  number: "数字",
  array: "数组",
  object: "对象",
  boolean: "布尔值",
  integer: "整数",
  null: "null",
};

export function jsonPath(path: PropertyKey[]): string {
  let out = "$";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : `.${String(key)}`;
  return out;
}

export function describeIssue(issue: z.core.$ZodIssue): string {
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
    // One line: V8's message quotes the offending text, newlines included.
    const reason = (e as Error).message.replace(/\s+/g, " ").slice(0, 120);
    throw new InputError(`${file}：不是有效的 JSON（${reason}）`);
  }
  return toDocument(raw, file);
}

/** Unknown fields are noted on the Document, its projects and their rows (where a typo loses data). */
const WATCHED = new Set([DocumentSchema, ProjectSchema, IndicatorSchema]);
const MAX_UNKNOWN_WARNINGS = 20;

/** Where the shape check reports unknown fields during the current call (it is synchronous). */
let unknownSink: UnknownFields = () => {};
const checkShape = compileShape(DocumentSchema, WATCHED, () => unknownSink);
const checkProject = compileShape(ProjectSchema, WATCHED, () => unknownSink);
/** The document around projects already checked one by one (large files): the same fields, projects as they are. */
const DocumentHeadSchema = DocumentSchema.extend({ projects: z.array(z.any()) });
const checkDocumentHead = compileShape(DocumentHeadSchema, new Set([DocumentHeadSchema]), () => unknownSink);

/**
 * Check an already-parsed value against the Document schema: one pass that also notes unknown fields; zod
 * runs only when that pass says no, to name the first problem (and count the others) exactly as before.
 */
export function toDocument(raw: unknown, file = "输入"): JixiaoDocument {
  const shaped = asDocumentShape(raw);
  const unknown: ImportWarning[] = [];
  unknownSink = (path, keys) => {
    if (unknown.length < MAX_UNKNOWN_WARNINGS) unknown.push(unknownFieldWarning(path, keys));
  };
  let checked: unknown;
  try {
    checked = checkShape(shaped);
  } finally {
    unknownSink = () => {};
  }
  if (checked === INVALID) throw schemaError(shaped, file);
  return finishDocument(checked as JixiaoDocument, unknown, file);
}

/** The checks and numbering after the shape: projects present, 序号 by position, unknown fields noted. */
function finishDocument(data: JixiaoDocument, unknown: ImportWarning[], file: string): JixiaoDocument {
  const result = { data };
  if (result.data.projects.length === 0) {
    throw new InputError(`${file}：文档 JSON 中没有项目（需要 projects 数组，每个项目含 name 和 indicators）`);
  }
  // A project written by hand has no 序号: number it by position (findings say 第1个项目 / #1, not #0).
  result.data.projects.forEach((p, i) => {
    if (!p.seq) p.seq = i + 1;
  });
  if (unknown.length > 0) result.data.importWarnings = [...(result.data.importWarnings ?? []), ...unknown];
  return result.data;
}

/** The first schema break in zod's words, with the JSON path and how many more there are. */
function schemaError(shaped: unknown, file: string): InputError {
  const result = DocumentSchema.safeParse(shaped);
  if (result.success) throw new Error("文档 JSON 检查不一致：快速检查拒绝、zod 接受"); // a bug in shape.ts, never input
  const issue = result.error.issues[0];
  const more = result.error.issues.length > 1 ? `（另有 ${result.error.issues.length - 1} 处）` : "";
  return new InputError(`${file}：文档 JSON 不符合格式：${jsonPath(issue.path)} ${describeIssue(issue)}${more}`);
}

/** Fields the schema does not know are dropped: say so (a typo such as `indicator` loses rows). */
function unknownFieldWarning(path: string, keys: string[]): ImportWarning {
  return { line: null, message: `${path} 中的未知字段 ${keys.join("、")} 未导入（字段名见文档 JSON 格式，如 indicators、value）` };
}

/**
 * The JSON shapes people hand to `check` besides a Document: the output of `jixiao draft --format json`
 * ({project, findings, …}) and a bare project ({name, indicators}). Both become a one-project Document, so
 * they are checked instead of reading as an empty document with “no problems”.
 */
function asDocumentShape(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw) || "projects" in raw) return raw;
  const obj = raw as Record<string, unknown>;
  if (obj.project && typeof obj.project === "object" && !Array.isArray(obj.project)) return { projects: [obj.project] };
  if ("indicators" in obj) return { projects: [obj] };
  return raw;
}

/** A Document JSON file's bytes as a Document: UTF-8 or the encodings decodeText knows; large files UTF-8 only. */
export function readDocumentJson(bytes: Buffer, file = "输入", largeFrom = LARGE_JSON_BYTES): JixiaoDocument {
  if (bytes.length < largeFrom) return parseDocumentJson(decodeText(bytes), file);
  return readLargeDocument(bufferSource(bytes), file);
}

/**
 * A large Document JSON read from its source a window at a time (json-bytes.ts): a file is never held whole.
 * `windowBytes` is the window's first size (tests make it tiny, so values cross windows).
 */
export function readLargeDocument(source: ByteSource, file = "输入", windowBytes?: number): JixiaoDocument {
  // Each project is shape-checked as soon as it is parsed, so its raw objects die young (one copy in memory, not two).
  const projectWarnings: ImportWarning[] = [];
  let allValid = true;
  unknownSink = (path, keys) => {
    if (projectWarnings.length < MAX_UNKNOWN_WARNINGS) projectWarnings.push(unknownFieldWarning(path, keys));
  };
  let raw: unknown;
  try {
    raw = readLargeDocumentJson(
      source,
      file,
      (project, i) => {
        if (!allValid) return project;
        const checked = checkProject(project, `$.projects[${i}]`);
        if (checked !== INVALID) return checked;
        allValid = false;
        return project;
      },
      windowBytes,
    );
  } finally {
    unknownSink = () => {};
  }
  // A schema break (zod words it over the whole document), or no projects array: the general path.
  if (!allValid || !Array.isArray((raw as { projects?: unknown }).projects)) return toDocument(raw, file);
  const documentWarnings: ImportWarning[] = [];
  unknownSink = (path, keys) => documentWarnings.push(unknownFieldWarning(path, keys));
  let checked: unknown;
  try {
    checked = checkDocumentHead(raw);
  } finally {
    unknownSink = () => {};
  }
  if (checked === INVALID) throw schemaError(raw, file);
  // The document's own unknown fields come first, as in the one-pass check.
  return finishDocument(checked as JixiaoDocument, [...documentWarnings, ...projectWarnings].slice(0, MAX_UNKNOWN_WARNINGS), file);
}

