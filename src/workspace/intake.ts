// Import into the store: a file inside the allowed roots or pasted text, through the import registry, checked
// once (checkDocument), every project stored with fresh ids in one transaction, in the caller's department.
import { InputError } from "../domain/errors.js";
import { projectRef } from "../domain/project.js";
import type { JixiaoDocument } from "../domain/schema.js";
import type { Store, StoredProject } from "../store/types.js";
import { checkDocument } from "./check.js";
import type { ImportResult } from "./contracts.js";
import { withIds } from "./edits.js";
import { newId } from "./ids.js";
import { checkProjectLimits } from "./limits.js";
import { resolveAllowedPath } from "../allowed-roots.js";
import { MAX_IMPORT_TEXT_CHARS } from "../domain/limits.js";
import { groupByProject, listItem, summarize } from "./views.js";

export async function importDocument(
  store: Store,
  input: { path?: string; text?: string },
  where: { roots: string[]; department: string | null },
): Promise<ImportResult> {
  const hasPath = typeof input.path === "string" && input.path.trim() !== "";
  const hasText = typeof input.text === "string" && input.text.trim() !== "";
  if (hasPath === hasText) throw new InputError("请二选一：给出 path（允许目录内的文件路径）或 text（绩效文本内容）");
  const { importBytes, importFile } = await import("../import/index.js");
  let document: JixiaoDocument;
  let source: string;
  if (hasPath) {
    source = resolveAllowedPath(where.roots, input.path!);
    document = await importFile(source);
  } else {
    if (input.text!.length > MAX_IMPORT_TEXT_CHARS) {
      throw new InputError(
        `text 过长（${input.text!.length.toLocaleString("en-US")} 字符），上限 ${MAX_IMPORT_TEXT_CHARS.toLocaleString("en-US")} 字符；请把文本存为文件放到允许的目录内，改用 path 导入`,
      );
    }
    source = "粘贴的文本";
    document = await importBytes({ buffer: Buffer.from(input.text!, "utf8"), name: source, ext: ".txt" });
  }
  const { profile, report } = checkDocument(document, { source, requireProjects: true });
  document.projects.forEach((p, n) => checkProjectLimits(p, `${source}的第 ${n + 1} 个项目“${p.name.slice(0, 60)}”`));
  const documentId = newId("d");
  const { department } = where;
  const { projects, ...meta } = document;
  const stored = await store.transaction(async (tx) => {
    await tx.insertDocument({ id: documentId, meta: { ...meta, profile }, source, department });
    const rows: StoredProject[] = [];
    for (const p of projects) {
      const project = withIds(p, { profile: p.profile ?? profile });
      rows.push(await tx.insertProject({ id: project.id!, documentId, department, project }));
    }
    return rows;
  });
  const byRef = groupByProject(report.findings);
  return {
    documentId,
    profile,
    projects: stored.map((row) => ({ ...listItem(row), summary: summarize(byRef.get(projectRef(row.project)) ?? []) })),
    documentFindings: report.findings.filter((f) => f.project === null),
    summary: report.summary,
    importWarnings: document.importWarnings ?? [],
  };
}
