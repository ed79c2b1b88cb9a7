// Where the data lives: `--db` > JIXIAO_DB > ~/.jixiao/jixiao.db. Exports go to ~/.jixiao/exports,
// or next to a custom db file.
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { openSqliteStore } from "./sqlite.js";
import type { Store } from "./types.js";

export type { Store, StoredProject, StoredDocument, Snapshot } from "./types.js";

export function jixiaoHome(): string {
  return process.env.JIXIAO_HOME ? resolve(process.env.JIXIAO_HOME) : join(homedir(), ".jixiao");
}

export function defaultDbPath(explicit?: string): string {
  const chosen = explicit ?? process.env.JIXIAO_DB;
  if (chosen === ":memory:") return chosen;
  return chosen ? resolve(chosen) : join(jixiaoHome(), "jixiao.db");
}

/** Exports folder: ~/.jixiao/exports for the default db, `<db dir>/exports` for a custom one. */
export function defaultExportsDir(dbPath: string): string {
  if (dbPath === ":memory:") return join(jixiaoHome(), "exports");
  return join(dirname(dbPath), "exports");
}

export function openStore(dbPath: string): Store {
  return openSqliteStore(dbPath);
}
