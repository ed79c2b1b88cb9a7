// Who is calling, and what they may see: on a shared server each token is an editor of one department (reads and
// edits only that department's projects) or a reviewer (reads every department, edits none). Single-user use
// (stdio, or HTTP with the one JIXIAO_TOKEN) is the owner: everything, as before departments existed.
import { InputError } from "../domain/errors.js";
import type { StoredProject } from "../store/types.js";

export type Access =
  | { role: "owner" }
  | { role: "editor"; department: string }
  | { role: "reviewer" };

export const OWNER: Access = { role: "owner" };

/** The department filter of a list: an editor's own; undefined (all) for the owner and reviewers. */
export function visibleDepartment(access: Access): string | undefined {
  return access.role === "editor" ? access.department : undefined;
}

/** Another department's project reads as missing: a token learns nothing about projects it may not see. */
export function canSee(access: Access, row: Pick<StoredProject, "department">): boolean {
  return access.role !== "editor" || row.department === access.department;
}

/** The department new projects and documents belong to. */
export function owningDepartment(access: Access): string | null {
  return access.role === "editor" ? access.department : null;
}

export function ensureCanWrite(access: Access, what: string): void {
  if (access.role === "reviewer") {
    throw new InputError(`审核令牌只能读取，不能${what}：请用所属部门的编辑令牌操作`);
  }
}

export function describeAccess(access: Access): string {
  if (access.role === "editor") return `部门 ${access.department} 的编辑`;
  return access.role === "reviewer" ? "审核（只读全部部门）" : "单用户";
}
