// Read any supported input into a Document through the importer registry (registry.ts): Document JSON, Excel,
// Word, PDF, saved web pages and text. Unreadable input throws InputError with a one-line Chinese reason.
import { open, stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import { InputError } from "../domain/errors.js";
import type { JixiaoDocument } from "../domain/schema.js";
import { readerFor } from "./registry.js";

export { decodeText } from "./decode.js";

/** The path that means standard input on the command line (`jixiao check -`). */
export const STDIN = "-";

/** Larger inputs are refused before they are read (a whole province's JSON is ~400 MB; see README 限制). */
export const MAX_INPUT_BYTES = 1024 * 1024 * 1024;

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
    return { buffer, name: "标准输入", ext: "" };
  }
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new InputError(`${path}：文件不存在或无法访问`);
  }
  if (info.isDirectory()) throw new InputError(`${path}：是文件夹，不是文件`);
  if (!info.isFile()) throw new InputError(`${path}：不是普通文件（设备、管道或套接字），不能导入`);
  if (info.size > MAX_INPUT_BYTES) throw new InputError(`${path}：文件有 ${info.size} 字节，超过上限 ${MAX_INPUT_BYTES} 字节`);
  const handle = await open(path, "r");
  try {
    return { buffer: await handle.readFile(), name: basename(path), ext: extname(path).toLowerCase() };
  } finally {
    await handle.close();
  }
}

export async function importFile(path: string): Promise<JixiaoDocument> {
  return importBytes(await readInputBytes(path));
}

export async function importBytes({ buffer, name, ext }: InputBytes): Promise<JixiaoDocument> {
  if (buffer.length === 0) throw new InputError(`${name}：文件是空的`);
  return readerFor(buffer, name, ext).read(buffer, name);
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_INPUT_BYTES) throw new InputError(`标准输入超过上限 ${MAX_INPUT_BYTES} 字节`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
