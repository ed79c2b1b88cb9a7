// Reading stored JSON back, the same way for every backend: a row that no longer parses is reported as damaged
// (with its id), never thrown out of a list call where it would hide every other project.
import { InputError } from "../domain/errors.js";
import { ProjectSchema, type Project } from "../domain/schema.js";
import type { DamagedRow } from "./types.js";

/** The stored project, or why it cannot be read. */
export function decodeProject(id: string, data: unknown): { project: Project } | { damaged: DamagedRow } {
  let value: unknown = data;
  if (typeof data === "string") {
    try {
      value = JSON.parse(data);
    } catch (e) {
      return { damaged: { id, reason: `JSON 无法解析（${(e as Error).message}）` } };
    }
  }
  const parsed = ProjectSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { damaged: { id, reason: `内容不符合项目格式（${issue.path.join(".") || "根"}：${issue.message}）` } };
  }
  return { project: parsed.data };
}

export function damagedError(row: DamagedRow): InputError {
  return new InputError(
    `项目“${row.id}”的存储记录已损坏，无法读取：${row.reason}。可用 delete_project 删除这条记录，或从备份恢复数据库`,
  );
}

export const now = (): string => new Date().toISOString();
