// Read any supported input into a Document through the importer registry (registry.ts): Document JSON, Excel,
// Word, PDF, saved web pages and text. Unreadable input throws InputError with a one-line Chinese reason.
import { open, stat, type FileHandle } from "node:fs/promises";
import { basename, extname } from "node:path";
import { InputError } from "../domain/errors.js";
import type { JixiaoDocument } from "../domain/schema.js";
import { fileSource, LARGE_JSON_BYTES } from "./json-bytes.js";
import { isZip, readerFor } from "./registry.js";

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
  return withInputFile(path, async ({ handle, name, ext }) => ({ buffer: await handle.readFile(), name, ext }));
}

interface InputFile {
  handle: FileHandle;
  size: number;
  name: string;
  ext: string;
}

/**
 * The file opened for `read` and closed after; a missing file, a folder, a device or an oversized file is refused
 * before it is opened.
 */
async function withInputFile<T>(path: string, read: (file: InputFile) => Promise<T>): Promise<T> {
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
    return await read({ handle, size: info.size, name: basename(path), ext: extname(path).toLowerCase() });
  } finally {
    await handle.close();
  }
}

/** Enough of a file's start for the registry to tell its format (see readerFor's sniffs). */
const HEAD_BYTES = 64 * 1024;

export async function importFile(path: string): Promise<JixiaoDocument> {
  if (path === STDIN) return importBytes(await readInputBytes(path));
  return withInputFile(path, async ({ handle, size, name, ext }) => {
    // A large file that is Document JSON is read from disk a window at a time, never held whole; the rest whole.
    if (size >= LARGE_JSON_BYTES) {
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(HEAD_BYTES), 0, HEAD_BYTES, 0);
      const head = buffer.subarray(0, bytesRead);
      // A zip names its parts further in than the head: it is never JSON.
      if (!isZip(head) && readerFor(head, name, ext).id === "json") {
        const { readLargeDocument } = await import("./json.js");
        return readLargeDocument(fileSource(handle.fd, size), name);
      }
    }
    return importBytes({ buffer: await handle.readFile(), name, ext });
  });
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
