// validate(document) → Report. (Being implemented.)
import type { JixiaoDocument } from "../domain/schema.js";
import { detectProfile } from "../domain/taxonomy.js";
import type { Report, ValidateOptions } from "./types.js";

export function validate(document: JixiaoDocument, opts: ValidateOptions = {}): Report {
  return { profile: opts.profile ?? detectProfile(document), findings: [], summary: { error: 0, warning: 0, info: 0 } };
}
