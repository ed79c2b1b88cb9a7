// Helpers over a project and its rows that the rules, reports and renderers share. Apart from schema.ts so that
// code needing them (every `check`) does not load zod, which only the edges (MCP, stored data) need.
import type { Indicator, Project } from "./schema.js";

/** The project reference used in findings: the 项目编码, or `#<seq>` for a project without one. */
export function projectRef(project: Pick<Project, "code" | "seq">): string {
  return project.code ? project.code : `#${project.seq}`;
}

/** A row whose name or value is 无 — placeholder rows real tables keep for an unused 二级. */
export function isEmptyRow(ind: Pick<Indicator, "name" | "value">): boolean {
  const name = ind.name.replace(/\s+/g, "");
  const value = ind.value.replace(/\s+/g, "");
  return name === "无" || value === "无";
}
