// Ids for stored things: a prefix and 10 hex digits (p_… projects, d_… documents, i_… indicator rows).
import { randomBytes } from "node:crypto";

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString("hex")}`;
}

export function uniqueIndicatorId(taken: Set<string | undefined>): string {
  let id = newId("i");
  while (taken.has(id)) id = newId("i");
  taken.add(id);
  return id;
}

/** A file name from user text: no path separators, reserved or control characters; bounded length. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").replace(/^\.+/, "_").trim();
  return cleaned.slice(0, 60) || "项目";
}
