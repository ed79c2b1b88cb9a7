// The zip container of .docx and .xlsx, read safely: the central directory first (each entry's declared size
// and encryption flag, nothing inflated), so a zip bomb or an encrypted package is refused before any work;
// an entry is then inflated as a stream that stops at its limit, in case the declared size lies.
import type JSZip from "jszip";
import { InputError } from "../../domain/errors.js";

export interface ZipEntry {
  uncompressedSize: number;
  encrypted: boolean;
}

/** `what` names the file kind in messages (Word 文件, Excel 文件). */
export function centralDirectory(buffer: Buffer, name: string, what: string): Map<string, ZipEntry> {
  const corrupt = () => new InputError(`${name}：${what}已损坏（找不到压缩包目录）`);
  // End-of-central-directory record: 22 bytes plus a comment of up to 65,535 bytes, at the end of the file.
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt();
  const count = buffer.readUInt16LE(eocd + 10);
  let at = buffer.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== 0x02014b50) throw corrupt();
    const flags = buffer.readUInt16LE(at + 8);
    const size = buffer.readUInt32LE(at + 24);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const entryName = buffer.toString("utf8", at + 46, at + 46 + nameLength);
    // 0xFFFFFFFF defers the size to a ZIP64 field: at least 4 GB, over any limit here.
    entries.set(entryName, { uncompressedSize: size === 0xffffffff ? Number.POSITIVE_INFINITY : size, encrypted: (flags & 1) === 1 });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

export function megabytes(n: number): string {
  return Number.isFinite(n) ? `${(n / 1024 / 1024).toFixed(1)} MB` : "超过 4 GB";
}

/** Inflate one entry, stopping as soon as it passes `limit` bytes (the declared size may lie). */
export function inflateLimited(file: JSZip.JSZipObject, limit: number, tooLarge: (bytes: number) => InputError, corrupt: () => InputError): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const stream = file.nodeStream("nodebuffer");
    stream.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        (stream as unknown as { pause(): void }).pause();
        reject(tooLarge(total));
        return;
      }
      chunks.push(chunk);
    });
    stream.on("error", () => reject(corrupt()));
    stream.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}
