// Where the data lives, chosen by one location: `--db` > JIXIAO_DB > ~/.jixiao/jixiao.db. A file path (or
// :memory:) is the embedded SQLite store; a postgres:// URL is a PostgreSQL server shared by several processes.
// Exports go to ~/.jixiao/exports, or next to a custom db file.
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { InputError, isInputError } from "../domain/errors.js";
import { isPostgresUrl } from "./postgres-url.js";
import type { Store } from "./types.js";

export type {
  Store,
  StoreSession,
  StoredProject,
  StoredDocument,
  Snapshot,
  NewSnapshot,
  ProjectQuery,
  ProjectPage,
  DamagedRow,
} from "./types.js";

export function jixiaoHome(): string {
  return process.env.JIXIAO_HOME ? resolve(process.env.JIXIAO_HOME) : join(homedir(), ".jixiao");
}

export { isPostgresUrl };

/** The database location: a postgres:// URL as given, `:memory:`, or an absolute file path. */
export function defaultDbPath(explicit?: string): string {
  const chosen = explicit ?? process.env.JIXIAO_DB;
  if (chosen === ":memory:" || (chosen && isPostgresUrl(chosen))) return chosen;
  return chosen ? resolve(chosen) : join(jixiaoHome(), "jixiao.db");
}

/** Exports folder: ~/.jixiao/exports for the default db or a server URL, `<db dir>/exports` for a custom file. */
export function defaultExportsDir(dbPath: string): string {
  if (dbPath === ":memory:" || isPostgresUrl(dbPath)) return join(jixiaoHome(), "exports");
  return join(dirname(dbPath), "exports");
}

export interface OpenOptions {
  /** Read-only commands: never write, never create. */
  readOnly?: boolean;
  /** PostgreSQL connections per process (JIXIAO_DB_POOL, default 10). */
  poolSize?: number;
}

/** Open (and migrate) the store at `location`; any failure is an InputError naming it (exit 2 at start). */
export async function openStore(location: string, opts: OpenOptions = {}): Promise<Store> {
  try {
    if (isPostgresUrl(location)) {
      const { openPostgresStore } = await import("./postgres.js");
      return await openPostgresStore(location, { poolSize: opts.poolSize ?? poolSizeFromEnv() });
    }
    const { openSqliteStore } = await import("./sqlite.js");
    return openSqliteStore(location, { readOnly: opts.readOnly });
  } catch (e) {
    if (isInputError(e)) throw e;
    throw new InputError(`无法打开数据库 ${location}：${e instanceof Error ? e.message : String(e)}`);
  }
}

function poolSizeFromEnv(): number | undefined {
  const raw = process.env.JIXIAO_DB_POOL;
  if (!raw) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new InputError(`JIXIAO_DB_POOL“${raw}”无效：应为 1–1000 的整数（每个进程的数据库连接数）`);
  return n;
}

/**
 * Open a database that must already exist, read-only (the read-only CLI commands): a missing file or one this
 * version cannot open is an InputError with the path, never a new empty database created by mistake.
 */
export async function openExistingStore(location: string): Promise<Store> {
  if (location !== ":memory:" && !isPostgresUrl(location) && !existsSync(location)) {
    throw new InputError(
      `数据库文件不存在：${location}。用 --db FILE 或环境变量 JIXIAO_DB 指定数据库（项目由 jixiao serve 的 MCP 工具创建或导入）`,
    );
  }
  return openStore(location, { readOnly: true });
}
