// The Excel importer. (Being implemented.)
import type { JixiaoDocument } from "../domain/schema.js";
import { InputError } from "../domain/errors.js";

export async function importXlsx(_buffer: Buffer, file = "输入"): Promise<JixiaoDocument> {
  throw new InputError(`${file}：Excel 导入尚未实现`);
}
