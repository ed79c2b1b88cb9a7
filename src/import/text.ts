// Plain text (a 绩效文本 extracted from PDF, a copied web or Word page, Markdown pasted from a chat) → Document:
// the text reader finds the layout of each block, the form reader reads the form. No table → NoTableError.
import type { JixiaoDocument } from "../domain/schema.js";
import { readForm } from "./form/reader.js";
import { readText } from "./readers/text.js";

export interface TextImportOptions {
  /** File name used in messages and kept as the Document's source. */
  file?: string;
}

export function importText(text: string, opts: TextImportOptions = {}): JixiaoDocument {
  const doc = readForm(readText(text, opts.file ?? "输入"));
  if (!opts.file) delete doc.source;
  return doc;
}
