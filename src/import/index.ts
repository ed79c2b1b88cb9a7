// Read any supported input file into a Document: .json (Document JSON), .xlsx (Excel), anything else as
// text (the 绩效文本 importer). Unreadable input throws InputError with a one-line Chinese reason.
import { readFile, stat } from "node:fs/promises";
import { extname, basename } from "node:path";
import { InputError } from "../domain/errors.js";
import type { JixiaoDocument } from "../domain/schema.js";
import { parseDocumentJson } from "./json.js";
import { importText } from "./text.js";
import { importXlsx } from "./xlsx.js";

export async function importFile(path: string): Promise<JixiaoDocument> {
  const name = basename(path);
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new InputError(`${path}：文件不存在或无法访问`);
  }
  if (info.isDirectory()) throw new InputError(`${path}：是文件夹，不是文件`);
  const buffer = await readFile(path);
  const ext = extname(path).toLowerCase();
  if (ext === ".xlsx" || ext === ".xlsm") return importXlsx(buffer, name);
  if (ext === ".xls") throw new InputError(`${name}：不支持旧版 .xls 格式，请在 Excel 中另存为 .xlsx 后再导入`);
  if (looksBinary(buffer)) throw new InputError(`${name}：是二进制文件，无法作为文本导入（支持 .txt、.json、.xlsx）`);
  const text = decodeText(buffer);
  if (ext === ".json") return parseDocumentJson(text, name);
  return importText(text, { file: name });
}

function looksBinary(buffer: Buffer): boolean {
  const head = buffer.subarray(0, 8000);
  if (head.includes(0)) return true;
  return false;
}

/** UTF-8 with or without BOM; GB18030 (common for files saved by Chinese Windows) when UTF-8 fails. */
export function decodeText(buffer: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buffer);
  } catch {
    text = new TextDecoder("gb18030").decode(buffer);
  }
  return text.replace(/^\uFEFF/, "");
}
