// "Import → validate", once: the CLI's check command and the import_document tool both judge a Document here.
// Stateless: no store, no workspace.
import { InputError } from "../domain/errors.js";
import type { JixiaoDocument, ProfileId } from "../domain/schema.js";
import { validate } from "../rules/engine.js";
import type { Report, ValidateOptions } from "../rules/types.js";

export interface CheckedDocument {
  document: JixiaoDocument;
  profile: ProfileId;
  report: Report;
}

/**
 * Validate a Document under the profile asked for, else the config's, else the one it names, else the one its
 * labels point to (the engine decides).
 * `requireProjects`: a document with no table at all is refused (import_document stores nothing then).
 */
export function checkDocument(
  document: JixiaoDocument,
  opts: ValidateOptions & { source?: string; requireProjects?: boolean } = {},
): CheckedDocument {
  const { source, requireProjects, ...validateOpts } = opts;
  if (requireProjects && document.projects.length === 0) {
    throw new InputError(`${source ?? "文档"}：没有找到任何项目绩效目标表，未导入`);
  }
  const report = validate(document, validateOpts);
  return { document, profile: report.profile, report };
}
