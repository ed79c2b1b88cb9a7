// Document JSON input: shape-checked in one pass (zod words a schema break, in Chinese with its JSON path); a large
// file is read project by project from its bytes.
import { z } from "zod";
import { DocumentSchema, IndicatorSchema, ProjectSchema, type ImportWarning, type JixiaoDocument } from "../domain/schema.js";
import { isUtf8, transcode } from "node:buffer";
import { InputError } from "../domain/errors.js";
import { decodeText } from "./decode.js";
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

/**
 * Above this size a Document JSON is read project by project from its bytes (readLargeDocumentJson): no string
 * of the whole file (V8 cannot make one over ~512 M characters, and a 400 MB one costs 800 MB), each project
 * parsed from its own slice. Below it the whole text is parsed at once, with V8's own error messages.
 */
export const LARGE_JSON_BYTES = 64 * 1024 * 1024;

/** A Document JSON file's bytes as a Document: UTF-8 or the encodings decodeText knows; large files UTF-8 only. */
export function readDocumentJson(bytes: Buffer, file = "输入", largeFrom = LARGE_JSON_BYTES): JixiaoDocument {
  if (bytes.length < largeFrom) return parseDocumentJson(decodeText(bytes), file);
  // Each project is shape-checked as soon as it is parsed, so its raw objects die young (one copy in memory, not two).
  const projectWarnings: ImportWarning[] = [];
  let allValid = true;
  unknownSink = (path, keys) => {
    if (projectWarnings.length < MAX_UNKNOWN_WARNINGS) projectWarnings.push(unknownFieldWarning(path, keys));
  };
  let raw: unknown;
  try {
    raw = readLargeDocumentJson(bytes, file, (project, i) => {
      if (!allValid) return project;
      const checked = checkProject(project, `$.projects[${i}]`);
      if (checked !== INVALID) return checked;
      allValid = false;
      return project;
    });
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

/**
 * Checked UTF-8 bytes (a whole value: never cut inside a character) as a string. ICU's converter to UTF-16 and a
 * copy into a string cost a third of TextDecoder's or Buffer#toString's decoding of mostly Chinese text — the
 * largest single cost of reading a 400 MB document. A Node built without ICU has no transcode: TextDecoder then.
 */
const utf8Text: (bytes: Buffer) => string =
  typeof transcode === "function"
    ? (bytes) => transcode(bytes, "utf8", "utf16le").toString("utf16le")
    : (bytes) => UTF8.decode(bytes);
const UTF8 = new TextDecoder("utf-8", { ignoreBOM: true });

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

/**
 * The top-level object of a large Document JSON, its `projects` parsed one element at a time. The scan only
 * finds where each value ends (strings are skipped with indexOf); JSON.parse reads every slice, so what is
 * accepted is exactly JSON.
 */
function readLargeDocumentJson(bytes: Buffer, file: string, eachProject: (project: unknown, index: number) => unknown): unknown {
  const mb = Math.round(bytes.length / 1024 / 1024);
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (!isUtf8(bytes)) {
    throw new InputError(`${file}：文档 JSON 有 ${mb} MB，不是 UTF-8 编码；这么大的文档 JSON 请存为 UTF-8 再检查`);
  }
  const fail = (at: number, what: string): never => {
    throw new InputError(`${file}：不是有效的 JSON（第 ${at} 字节附近：${what}）`);
  };
  const parseSlice = (from: number, to: number, what: string): unknown => {
    try {
      return JSON.parse(utf8Text(bytes.subarray(from, to)));
    } catch (e) {
      return fail(from, `${what}：${(e as Error).message.replace(/\s+/g, " ").slice(0, 120)}`);
    }
  };
  const out: Record<string, unknown> = {};
  let i = skipSpace(bytes, start);
  if (bytes[i] !== OPEN_BRACE) fail(i, "应以 { 开头");
  i = skipSpace(bytes, i + 1);
  while (bytes[i] !== CLOSE_BRACE) {
    if (bytes[i] !== QUOTE) fail(i, "应为字段名");
    const keyEnd = stringEnd(bytes, i, fail);
    const key = parseSlice(i, keyEnd, "字段名") as string;
    i = skipSpace(bytes, keyEnd);
    if (bytes[i] !== COLON) fail(i, `字段 ${key} 后应为冒号`);
    i = skipSpace(bytes, i + 1);
    let value: unknown;
    if (key === "projects" && bytes[i] === OPEN_BRACKET) {
      const projects: unknown[] = [];
      i = skipSpace(bytes, i + 1);
      while (bytes[i] !== CLOSE_BRACKET) {
        const end = valueEnd(bytes, i, fail);
        projects.push(eachProject(parseSlice(i, end, `第 ${projects.length + 1} 个项目`), projects.length));
        i = skipSpace(bytes, end);
        if (bytes[i] === COMMA) i = skipSpace(bytes, i + 1);
        else if (bytes[i] !== CLOSE_BRACKET) fail(i, `第 ${projects.length} 个项目后应为逗号或 ]`);
      }
      i++;
      value = projects;
    } else {
      const end = valueEnd(bytes, i, fail);
      value = parseSlice(i, end, `字段 ${key}`);
      i = end;
    }
    // defineProperty: a key named __proto__ stays a plain field, as JSON.parse keeps it.
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    i = skipSpace(bytes, i);
    if (bytes[i] === COMMA) i = skipSpace(bytes, i + 1);
    else if (bytes[i] !== CLOSE_BRACE) fail(i, `字段 ${key} 后应为逗号或 }`);
  }
  if (skipSpace(bytes, i + 1) < bytes.length) fail(i + 1, "文档对象之后还有内容");
  return out;
}

function skipSpace(b: Buffer, i: number): number {
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09)) i++;
  return i;
}

/** Just past the string whose opening quote is at `i`. */
function stringEnd(b: Buffer, i: number, fail: (at: number, what: string) => never): number {
  let q = b.indexOf(QUOTE, i + 1);
  while (q >= 0) {
    let slashes = 0;
    while (b[q - 1 - slashes] === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return q + 1;
    q = b.indexOf(QUOTE, q + 1);
  }
  return fail(i, "字符串没有结束引号");
}

/** Just past the value that starts at `i` (objects and arrays by bracket depth, strings skipped). */
function valueEnd(b: Buffer, i: number, fail: (at: number, what: string) => never): number {
  const c = b[i];
  if (c === QUOTE) return stringEnd(b, i, fail);
  if (c !== OPEN_BRACE && c !== OPEN_BRACKET) {
    let j = i;
    while (j < b.length && b[j] !== COMMA && b[j] !== CLOSE_BRACE && b[j] !== CLOSE_BRACKET && b[j] > 0x20) j++;
    return j;
  }
  let depth = 0;
  for (let j = i; j < b.length; j++) {
    const x = b[j];
    if (x === QUOTE) j = stringEnd(b, j, fail) - 1;
    else if (x === OPEN_BRACE || x === OPEN_BRACKET) depth++;
    else if ((x === CLOSE_BRACE || x === CLOSE_BRACKET) && --depth === 0) return j + 1;
  }
  return fail(i, "括号没有闭合");
}
