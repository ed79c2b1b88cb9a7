// Small vocabularies every layer shares, written once: finding severities and their Chinese labels, the
// taxonomy profile ids, and the one-project Document that export, render and check build from a stored project.
import type { JixiaoDocument, Project } from "./schema.js";

export const SEVERITIES = ["error", "warning", "info"] as const;
export type SeverityId = (typeof SEVERITIES)[number];
export const SEVERITY_LABEL: Record<SeverityId, string> = { error: "错误", warning: "警告", info: "提示" };

/** The taxonomy profiles (domain/taxonomy.ts defines each). */
export const PROFILE_IDS = ["legacy", "mof2021"] as const;

export function isProfileId(value: unknown): value is (typeof PROFILE_IDS)[number] {
  return typeof value === "string" && (PROFILE_IDS as readonly string[]).includes(value);
}

/** A Document holding one project, with the department/year of the document it was imported from (if any). */
export function documentOf(project: Project, meta: Partial<Omit<JixiaoDocument, "projects">> = {}): JixiaoDocument {
  // The 目录 and import warnings concern all the source document's projects, not this one.
  const { importWarnings: _warnings, toc: _toc, ...rest } = meta;
  return { unit: "万元", ...rest, toc: [], projects: [project] };
}
