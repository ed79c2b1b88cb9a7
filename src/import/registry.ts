// The importer registry: one entry per format — the extensions it owns, a sniff of the first bytes, and a
// read that returns a Document. `import`, `check` (files, folders, standard input) and the MCP
// `import_document` tool all go through `readerFor`. Adding a format is one reader file and one line here.
// Heavy libraries (exceljs, pdfjs-dist, parse5, jszip) and the JSON reader's schemas (zod) load only when their
// format is read.
import { InputError } from "../domain/errors.js";
import type { JixiaoDocument } from "../domain/schema.js";
import { decodeText, decodeWithReport } from "./decode.js";
import { readForm } from "./form/reader.js";
import { readText } from "./readers/text.js";

export interface Importer {
  id: "json" | "xlsx" | "docx" | "pdf" | "html" | "csv" | "text";
  /** Lower-case extensions with the dot. */
  exts: string[];
  /** True when the bytes are certainly this format, whatever the file is called. */
  sniff(bytes: Buffer): boolean;
  read(bytes: Buffer, name: string): Promise<JixiaoDocument>;
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
export const isZip = (b: Buffer) => b.subarray(0, 4).equals(ZIP);
/** A zip's local headers name its entries: Word keeps `word/`, Excel `xl/`. */
const zipHolds = (b: Buffer, entry: string) => isZip(b) && b.includes(Buffer.from(entry, "latin1"));

export const IMPORTERS: Importer[] = [
  {
    id: "json",
    exts: [".json"],
    sniff: (b) => /^\s*\{/.test(decodeText(b.subarray(0, 64)).replace(/^\uFEFF/, "")),
    read: async (b, name) => (await import("./json.js")).readDocumentJson(b, name),
  },
  {
    id: "xlsx",
    exts: [".xlsx", ".xlsm"],
    sniff: (b) => zipHolds(b, "xl/"),
    read: async (b, name) => (await import("./xlsx.js")).importXlsx(b, name),
  },
  {
    id: "docx",
    exts: [".docx"],
    sniff: (b) => zipHolds(b, "word/"),
    read: async (b, name) => readForm(await (await import("./readers/docx.js")).readDocx(b, name)),
  },
  {
    id: "pdf",
    exts: [".pdf"],
    sniff: (b) => b.subarray(0, 1024).includes(Buffer.from("%PDF-")),
    read: async (b, name) => readForm(await (await import("./readers/pdf.js")).readPdf(b, name)),
  },
  {
    id: "html",
    exts: [".html", ".htm", ".mhtml"],
    sniff: (b) => /^\s*(<!doctype\s+html|<html[\s>])/i.test(decodeText(b.subarray(0, 512)).replace(/^\uFEFF/, "")),
    read: async (b, name) => readForm((await import("./readers/html.js")).readHtml(decodeText(b), name)),
  },
  {
    id: "csv",
    exts: [".csv"],
    sniff: () => false,
    read: async (b, name) => {
      if (looksBinary(b)) throw new InputError(`${name}：是二进制文件，不是 CSV 文本`);
      return readForm(await (await import("./readers/csv.js")).readCsv(b, name));
    },
  },
  {
    id: "text",
    exts: [".txt", ".md", ".markdown", ".tsv", ""],
    sniff: () => false,
    read: async (b, name) => {
      if (looksBinary(b)) throw new InputError(`${name}：是二进制文件，无法作为文本导入（支持 .txt、.md、.json、.xlsx、.csv、.docx、.pdf、.html）`);
      const { text, badLines } = decodeWithReport(b);
      const source = readText(text, name);
      for (const line of badLines.slice(0, 20)) source.warnings.push({ line, message: `第${line}行：有无法识别的字节（不是 UTF-8 编码），已显示为 �` });
      return readForm(source);
    },
  },
];

const TEXT = IMPORTERS[IMPORTERS.length - 1];

/** Old binary Office and WPS formats: refused with how to convert them (no maintained reader keeps their tables). */
export const LEGACY_EXTS = [".xls", ".doc", ".wps", ".et"];

/**
 * The extensions `check folder/` picks up: every format read here but Markdown (a folder's README is no form; a
 * Markdown table is checked when named), and the old ones (to say they were not read).
 */
export const FOLDER_EXTS: readonly string[] = [...IMPORTERS.flatMap((r) => r.exts).filter((e) => e !== "" && e !== ".md" && e !== ".markdown"), ...LEGACY_EXTS];

/**
 * The importer for these bytes: what the bytes are wins over the name (a .docx saved as .xlsx, a PDF on
 * standard input); then the extension; then text.
 */
export function readerFor(bytes: Buffer, name: string, ext: string): Importer {
  if (LEGACY_EXTS.includes(ext)) {
    if (!isZip(bytes) && !bytes.subarray(0, 1024).includes(Buffer.from("%PDF-"))) {
      throw new InputError(`${name}：不支持旧版 ${ext} 格式，请在 Excel/Word/WPS 中另存为 ${ext === ".xls" || ext === ".et" ? ".xlsx" : ".docx"} 后再导入`);
    }
  }
  const sniffed = IMPORTERS.find((r) => r.id !== "json" && r.sniff(bytes));
  if (sniffed) return sniffed;
  if (isZip(bytes)) throw new InputError(`${name}：是压缩包，但不是 Excel（.xlsx）或 Word（.docx）文件`);
  const byExt = IMPORTERS.find((r) => r.exts.includes(ext));
  if (byExt && byExt.id !== "xlsx" && byExt.id !== "docx" && byExt.id !== "pdf") return byExt;
  if (byExt) throw new InputError(`${name}：扩展名是 ${ext}，但内容不是这种格式（文件可能已损坏或改过扩展名）`);
  if (IMPORTERS[0].sniff(bytes)) return IMPORTERS[0];
  return TEXT;
}

function looksBinary(buffer: Buffer): boolean {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return false;
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return false;
  const head = buffer.subarray(0, 8000);
  if (head.includes(0)) return true;
  // Control bytes other than tab, newline, CR and form feed: an executable or an image, not text.
  let control = 0;
  for (const byte of head) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) control++;
  return control > head.length / 100 + 2;
}
