// The 绩效文本 text importer. (Being implemented.)
import type { JixiaoDocument } from "../domain/schema.js";
import { InputError } from "../domain/errors.js";

export interface TextImportOptions {
  file?: string;
}

export function importText(_text: string, opts: TextImportOptions = {}): JixiaoDocument {
  throw new InputError(`${opts.file ?? "输入"}：文本导入尚未实现`);
}
