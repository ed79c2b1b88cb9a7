// Where the data lives: `--db` > JIXIAO_DB > ~/.jixiao/jixiao.db. Exports go to ~/.jixiao/exports,
// or next to a custom db file.
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { InputError } from "../domain/errors.js";
import { openSqliteStore } from "./sqlite.js";
import type { Store } from "./types.js";

export type { Store, StoredProject, StoredDocument, Snapshot, NewSnapshot } from "./types.js";

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

/**
 * Open a database that must already exist (the read-only CLI commands): a missing file or one this version cannot
 * open is an InputError with the path, never a new empty database created by mistake.
 */
export function openExistingStore(dbPath: string): Store {
  if (dbPath !== ":memory:" && !existsSync(dbPath)) {
    throw new InputError(
      `数据库文件不存在：${dbPath}。用 --db FILE 或环境变量 JIXIAO_DB 指定数据库（项目由 jixiao serve 的 MCP 工具创建或导入）`,
    );
  }
  try {
    return openSqliteStore(dbPath);
  } catch (e) {
    throw new InputError(`无法打开数据库 ${dbPath}：${e instanceof Error ? e.message : String(e)}`);
  }
}
