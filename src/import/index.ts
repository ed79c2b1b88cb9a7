// Read any supported input file into a Document: .json (Document JSON), .xlsx (Excel), anything else as
// text (the 绩效文本 importer). Unreadable input throws InputError with a one-line Chinese reason.
import { readFile, stat } from "node:fs/promises";
import { extname, basename } from "node:path";
import { InputError } from "../domain/errors.js";
import type { JixiaoDocument } from "../domain/schema.js";
import { parseDocumentJson } from "./json.js";
import { importText } from "./text.js";
import { importXlsx } from "./xlsx.js";

/** The path that means standard input on the command line (`jixiao check -`). */
export const STDIN = "-";

/** A file's bytes with the name and extension to read them by; `-` reads standard input. */
export interface InputBytes {
  buffer: Buffer;
  name: string;
  ext: string;
}

export async function readInputBytes(path: string): Promise<InputBytes> {
  if (path === STDIN) {
    const buffer = await readStdin();
    if (buffer.length === 0) throw new InputError("标准输入为空：请用管道或重定向提供内容，如 jixiao check - < 文件.txt");
    return { buffer, name: "标准输入", ext: sniffExtension(buffer) };
  }
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new InputError(`${path}：文件不存在或无法访问`);
  }
  if (info.isDirectory()) throw new InputError(`${path}：是文件夹，不是文件`);
  return { buffer: await readFile(path), name: basename(path), ext: extname(path).toLowerCase() };
}

export async function importFile(path: string): Promise<JixiaoDocument> {
  return importBytes(await readInputBytes(path));
}

export async function importBytes({ buffer, name, ext }: InputBytes): Promise<JixiaoDocument> {
  if (buffer.length === 0) throw new InputError(`${name}：文件是空的`);
  if (ext === ".xlsx" || ext === ".xlsm") return importXlsx(buffer, name);
  if (ext === ".xls") throw new InputError(`${name}：不支持旧版 .xls 格式，请在 Excel 中另存为 .xlsx 后再导入`);
  if (looksBinary(buffer)) throw new InputError(`${name}：是二进制文件，无法作为文本导入（支持 .txt、.json、.xlsx）`);
  const text = decodeText(buffer);
  if (ext === ".json") return parseDocumentJson(text, name);
  return importText(text, { file: name });
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Standard input has no file name: an xlsx is a zip, a Document JSON starts with `{`, the rest is text. */
function sniffExtension(buffer: Buffer): string {
  if (buffer.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return ".xlsx";
  const head = decodeText(buffer.subarray(0, 64)).trimStart();
  return head.startsWith("{") ? ".json" : ".txt";
}

function looksBinary(buffer: Buffer): boolean {
  if (utf16Encoding(buffer)) return false;
  const head = buffer.subarray(0, 8000);
  if (head.includes(0)) return true;
  return false;
}

/** UTF-16 with a byte-order mark: Windows Notepad's “Unicode” and Word's “Unicode 文本” save as. */
function utf16Encoding(buffer: Buffer): "utf-16le" | "utf-16be" | null {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return "utf-16le";
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return "utf-16be";
  return null;
}

/**
 * UTF-8 with or without BOM; UTF-16 with a BOM; GB18030 (common for files saved by Chinese Windows) when
 * UTF-8 fails.
 */
export function decodeText(buffer: Buffer): string {
  let text: string;
  const utf16 = utf16Encoding(buffer);
  if (utf16) return new TextDecoder(utf16).decode(buffer).replace(/^\uFEFF/, "");
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buffer);
  } catch {
    text = new TextDecoder("gb18030").decode(buffer);
  }
  return text.replace(/^\uFEFF/, "");
}
