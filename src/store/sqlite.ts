// SQLite store (better-sqlite3), the embedded default: WAL journal, schema versions through PRAGMA user_version,
// one row per project holding its JSON and revision, snapshots for history/undo. better-sqlite3 is synchronous;
// the async contract is kept by running every call, and every transaction as a whole, one at a time.
import Database from "better-sqlite3";
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { InputError } from "../domain/errors.js";
import type { Project } from "../domain/schema.js";
import { damagedError, decodeProject, now } from "./rows.js";
import {
  SNAPSHOTS_KEPT,
  searchKey,
  squashLower,
  type NewDocument,
  type NewProject,
  type NewSnapshot,
  type ProjectPage,
  type ProjectQuery,
  type Snapshot,
  type Store,
  type StoreHealth,
  type StoreSession,
  type StoredDocument,
  type StoredProject,
} from "./types.js";

/** Each entry upgrades the schema from version i to i+1; never edit a shipped entry, append a new one. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE documents (
     id TEXT PRIMARY KEY,
     source TEXT,
     meta TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE projects (
     id TEXT PRIMARY KEY,
     document_id TEXT REFERENCES documents(id) ON DELETE SET NULL,
     revision INTEGER NOT NULL,
     data TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE snapshots (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
     revision INTEGER NOT NULL,
     action TEXT NOT NULL,
     data TEXT NOT NULL,
     at TEXT NOT NULL
   );
   CREATE INDEX snapshots_project ON snapshots(project_id, seq);`,
  // v2: what each change did, in Chinese (添加 3 条指标 …), and for an undo the revision it went back to.
  // Snapshots written before v2 get "" (shown as （未记录）).
  `ALTER TABLE snapshots ADD COLUMN description TEXT NOT NULL DEFAULT '';
   ALTER TABLE snapshots ADD COLUMN undo_to INTEGER;`,
  // v3: the owning department (shared deployments) and the text list filters match, so the store filters and
  // pages instead of the caller loading every row. Rows written before v3 get their search text on open.
  `ALTER TABLE projects ADD COLUMN department TEXT;
   ALTER TABLE projects ADD COLUMN search TEXT;
   ALTER TABLE documents ADD COLUMN department TEXT;
   CREATE INDEX projects_department ON projects(department);
   CREATE INDEX projects_document ON projects(document_id);`,
];

interface ProjectRow {
  id: string;
  document_id: string | null;
  department: string | null;
  revision: number;
  data: string;
  created_at: string;
  updated_at: string;
}

interface SnapshotRow {
  seq: number;
  project_id: string;
  revision: number;
  action: string;
  description: string;
  undo_to: number | null;
  data: string;
  at: string;
}

export interface SqliteOptions {
  /** Open without writing anything (read-only commands); the file must exist. */
  readOnly?: boolean;
}

export function openSqliteStore(file: string, opts: SqliteOptions = {}): SqliteStore {
  const memory = file === ":memory:";
  // A file this process may not write (or in a folder it may not write, where WAL needs its -shm/-wal files)
  // is opened read-only: reading works, and every write is refused with a message naming the file.
  const readOnly = !memory && (opts.readOnly === true || (existsSync(file) && !writable(file)));
  if (!memory && !readOnly) mkdirSync(dirname(file), { recursive: true });
  let db: Database.Database;
  try {
    db = readOnly ? openReadOnly(file) : new Database(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`无法打开数据库 ${file}：${(e as Error).message}`);
  }
  try {
    // Set first: the pragmas below may wait for another process that is creating the same file.
    db.pragma("busy_timeout = 5000");
    checkIntegrity(db, file);
    if (readOnly) {
      const version = db.pragma("user_version", { simple: true }) as number;
      if (version > MIGRATIONS.length) throw newerVersion(version);
      if (version < MIGRATIONS.length) {
        throw new InputError(
          `数据库 ${file} 是旧版本（${version}，当前 ${MIGRATIONS.length}），以只读方式打开时无法升级：请用有写权限的账户运行一次 jixiao serve --db ${file}`,
        );
      }
    } else {
      db.pragma("journal_mode = WAL");
      // In WAL mode NORMAL keeps every committed transaction across a killed process; only an OS crash/power loss
      // can drop the last commits — the usual trade for an interactive tool.
      db.pragma("synchronous = NORMAL");
      db.pragma("foreign_keys = ON");
      migrate(db);
    }
  } catch (e) {
    db.close();
    throw e;
  }
  return new SqliteStore(db, file, readOnly);
}

/**
 * A read-only open that writes nothing. A WAL file needs its -shm beside it, which a read-only folder cannot hold:
 * then the file is read into memory (header switched to rollback mode, as SQLite requires for an image), which is
 * exact as long as no unmerged -wal holds newer commits.
 */
function openReadOnly(file: string): Database.Database {
  if (!existsSync(file)) throw new InputError(`数据库文件不存在：${file}`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.prepare("SELECT count(*) FROM sqlite_master").get();
    return db;
  } catch {
    db.close();
  }
  const wal = `${file}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) {
    throw new InputError(
      `无法以只读方式打开数据库 ${file}：它还有未合并的 WAL 日志（${wal}），而所在文件夹不可写。请用有写权限的账户运行一次 jixiao projects --db ${file}，或把文件复制到可写的文件夹`,
    );
  }
  const image = readFileSync(file);
  if (image.length >= 20) image[18] = image[19] = 1; // file format: legacy (rollback) read and write versions
  return new Database(image, { readonly: true });
}

function writable(file: string): boolean {
  try {
    accessSync(file, constants.W_OK);
    accessSync(dirname(file), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** PRAGMA quick_check before serving: a damaged file is refused at start, not discovered call by call. */
function checkIntegrity(db: Database.Database, file: string): void {
  let lines: string[];
  try {
    lines = (db.pragma("quick_check") as { quick_check: string }[]).map((r) => r.quick_check);
  } catch (e) {
    throw new InputError(`无法打开数据库 ${file}：文件已损坏或不是 jixiao 数据库（${(e as Error).message}）。请从备份恢复，或换一个数据库文件`);
  }
  if (lines.length !== 1 || lines[0] !== "ok") {
    throw new InputError(
      `无法打开数据库 ${file}：文件已损坏（完整性检查 PRAGMA quick_check：${lines.slice(0, 3).join("；")}${lines.length > 3 ? " …" : ""}）。请从备份恢复，或换一个数据库文件`,
    );
  }
}

function newerVersion(version: number): InputError {
  return new InputError(`数据库版本 ${version} 比本程序支持的 ${MIGRATIONS.length} 新，请升级 jixiao`);
}

function migrate(db: Database.Database): void {
  const current = () => db.pragma("user_version", { simple: true }) as number;
  if (current() > MIGRATIONS.length) throw newerVersion(current());
  // Two servers may open a new file at once: each step re-reads the version under the write lock, so a step
  // another process already applied is skipped rather than run twice.
  const step = db.transaction(() => {
    const v = current();
    if (v >= MIGRATIONS.length) return false;
    db.exec(MIGRATIONS[v]);
    db.pragma(`user_version = ${v + 1}`);
    return true;
  });
  while (step.immediate()) {
    /* next step */
  }
  backfillSearch(db);
}

/** Rows from before v3 have no search text yet; computed here because SQL cannot squash whitespace as JS does. */
function backfillSearch(db: Database.Database): void {
  const rows = db.prepare<[], { id: string; data: string }>("SELECT id, data FROM projects WHERE search IS NULL").all();
  if (rows.length === 0) return;
  const set = db.prepare("UPDATE projects SET search = ? WHERE id = ?");
  db.transaction(() => {
    for (const row of rows) {
      const decoded = decodeProject(row.id, row.data);
      set.run("project" in decoded ? searchKey(decoded.project) : "", row.id);
    }
  }).immediate();
}

/** The synchronous operations; the store runs them one caller at a time. */
class SqliteSession {
  private readonly stmts;

  constructor(private readonly db: Database.Database) {
    this.stmts = {
      getProject: db.prepare<[string], ProjectRow>("SELECT * FROM projects WHERE id = ?"),
      insertProject: db.prepare(
        "INSERT INTO projects (id, document_id, department, revision, data, search, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?)",
      ),
      updateProject: db.prepare(
        "UPDATE projects SET data = ?, search = ?, revision = revision + 1, updated_at = ? WHERE id = ? AND revision = ?",
      ),
      deleteProject: db.prepare("DELETE FROM projects WHERE id = ?"),
      insertDocument: db.prepare("INSERT INTO documents (id, source, meta, department, created_at) VALUES (?, ?, ?, ?, ?)"),
      getDocument: db.prepare<[string], { id: string; source: string | null; meta: string; department: string | null; created_at: string }>(
        "SELECT * FROM documents WHERE id = ?",
      ),
      addSnapshot: db.prepare(
        "INSERT INTO snapshots (project_id, revision, action, description, undo_to, data, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      ),
      trimSnapshots: db.prepare(
        `DELETE FROM snapshots WHERE project_id = ? AND seq NOT IN
           (SELECT seq FROM snapshots WHERE project_id = ? ORDER BY seq DESC LIMIT ${SNAPSHOTS_KEPT})`,
      ),
      listSnapshots: db.prepare<[string], SnapshotRow>("SELECT * FROM snapshots WHERE project_id = ? ORDER BY seq"),
    };
  }

  getProject(id: string): StoredProject | null {
    const row = this.stmts.getProject.get(id);
    if (!row) return null;
    const decoded = decodeProject(row.id, row.data);
    if ("damaged" in decoded) throw damagedError(decoded.damaged);
    return toStored(row, decoded.project);
  }

  listProjects(query: ProjectQuery = {}): ProjectPage {
    const where: string[] = [];
    const args: unknown[] = [];
    if (query.text && squashLower(query.text)) {
      where.push("instr(search, ?) > 0");
      args.push(squashLower(query.text));
    }
    if (query.department !== undefined) {
      where.push("department = ?");
      args.push(query.department);
    }
    if (query.documentId !== undefined) {
      where.push("document_id = ?");
      args.push(query.documentId);
    }
    const filter = where.length > 0 ? `WHERE ${where.join(" AND ")}` : "";
    const total = (this.db.prepare(`SELECT count(*) AS n FROM projects ${filter}`).get(...args) as { n: number }).n;
    // insertion order: a document keeps its project order
    const page = `ORDER BY rowid LIMIT ${query.limit ?? -1} OFFSET ${query.offset ?? 0}`;
    const rows = this.db.prepare<unknown[], ProjectRow>(`SELECT * FROM projects ${filter} ${page}`).all(...args);
    const out: ProjectPage = { rows: [], damaged: [], total };
    for (const row of rows) {
      const decoded = decodeProject(row.id, row.data);
      if ("damaged" in decoded) out.damaged.push(decoded.damaged);
      else out.rows.push(toStored(row, decoded.project));
    }
    return out;
  }

  insertProject(p: NewProject): StoredProject {
    const at = now();
    const department = p.department ?? null;
    this.stmts.insertProject.run(p.id, p.documentId, department, JSON.stringify(p.project), searchKey(p.project), at, at);
    return { id: p.id, documentId: p.documentId, department, revision: 1, project: p.project, createdAt: at, updatedAt: at };
  }

  updateProject(id: string, project: Project, expectedRevision: number): StoredProject | null {
    const info = this.stmts.updateProject.run(JSON.stringify(project), searchKey(project), now(), id, expectedRevision);
    if (info.changes !== 1) return null;
    return this.getProject(id);
  }

  deleteProject(id: string): boolean {
    return this.stmts.deleteProject.run(id).changes === 1;
  }

  insertDocument(d: NewDocument): StoredDocument {
    const at = now();
    const department = d.department ?? null;
    this.stmts.insertDocument.run(d.id, d.source, JSON.stringify(d.meta), department, at);
    return { id: d.id, meta: d.meta, source: d.source, department, createdAt: at };
  }

  getDocument(id: string): StoredDocument | null {
    const row = this.stmts.getDocument.get(id);
    return row
      ? { id: row.id, source: row.source, meta: JSON.parse(row.meta), department: row.department, createdAt: row.created_at }
      : null;
  }

  addSnapshot(s: NewSnapshot): void {
    this.stmts.addSnapshot.run(s.projectId, s.revision, s.action, s.description ?? "", s.undoTo ?? null, JSON.stringify(s.project), now());
    this.stmts.trimSnapshots.run(s.projectId, s.projectId);
  }

  listSnapshots(projectId: string): Snapshot[] {
    return this.stmts.listSnapshots.all(projectId).map((r) => ({
      seq: r.seq,
      projectId: r.project_id,
      revision: r.revision,
      action: r.action,
      description: r.description,
      ...(r.undo_to !== null ? { undoTo: r.undo_to } : {}),
      project: JSON.parse(r.data) as Project,
      at: r.at,
    }));
  }
}

/** The same session as promises; writes refused when the file is read-only. */
function asyncSession(session: SqliteSession, readOnly: () => string | null): StoreSession {
  const write = <A extends unknown[], R>(fn: (...a: A) => R) =>
    async (...a: A): Promise<R> => {
      const refusal = readOnly();
      if (refusal) throw new InputError(refusal);
      return fn(...a);
    };
  return {
    getProject: async (id) => session.getProject(id),
    listProjects: async (q) => session.listProjects(q),
    insertProject: write((p: NewProject) => session.insertProject(p)),
    updateProject: write((id: string, p: Project, r: number) => session.updateProject(id, p, r)),
    deleteProject: write((id: string) => session.deleteProject(id)),
    insertDocument: write((d: NewDocument) => session.insertDocument(d)),
    getDocument: async (id) => session.getDocument(id),
    addSnapshot: write((s: NewSnapshot) => session.addSnapshot(s)),
    listSnapshots: async (id) => session.listSnapshots(id),
  };
}

export class SqliteStore implements Store {
  readonly backend = "sqlite";
  private readonly session: SqliteSession;
  private readonly inner: StoreSession;
  /**
   * Calls queue here: a transaction's awaits must not let another caller's statements into it. Stores on the same
   * file in one process share the queue — else one's BEGIN IMMEDIATE would block the thread (busy_timeout) while
   * the other's open transaction waits for that very thread.
   */
  private readonly lane: { queue: Promise<unknown> };

  constructor(
    private readonly db: Database.Database,
    readonly location: string,
    readonly readOnly: boolean,
  ) {
    this.session = new SqliteSession(db);
    this.lane = location === ":memory:" ? { queue: Promise.resolve() } : laneOf(location);
    this.inner = asyncSession(this.session, () =>
      this.readOnly ? `数据库 ${location} 是只读的（没有写权限），不能保存修改：请检查文件和所在文件夹的权限，或换一个数据库文件` : null,
    );
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lane.queue.then(fn, fn);
    this.lane.queue = run.catch(() => undefined);
    return run;
  }

  transaction<T>(fn: (tx: StoreSession) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      if (this.readOnly) return fn(this.inner); // the first write inside refuses with the read-only message
      // IMMEDIATE takes the write lock up front, so two processes on one file queue instead of failing mid-way.
      this.db.exec("BEGIN IMMEDIATE");
      try {
        const result = await fn(this.inner);
        this.db.exec("COMMIT");
        return result;
      } catch (e) {
        if (this.db.inTransaction) this.db.exec("ROLLBACK");
        throw e;
      }
    });
  }

  getProject = (id: string) => this.exclusive(() => this.inner.getProject(id));
  listProjects = (q?: ProjectQuery) => this.exclusive(() => this.inner.listProjects(q));
  insertProject = (p: NewProject) => this.transaction((tx) => tx.insertProject(p));
  updateProject = (id: string, p: Project, r: number) => this.transaction((tx) => tx.updateProject(id, p, r));
  deleteProject = (id: string) => this.transaction((tx) => tx.deleteProject(id));
  insertDocument = (d: NewDocument) => this.transaction((tx) => tx.insertDocument(d));
  getDocument = (id: string) => this.exclusive(() => this.inner.getDocument(id));
  addSnapshot = (s: NewSnapshot) => this.transaction((tx) => tx.addSnapshot(s));
  listSnapshots = (id: string) => this.exclusive(() => this.inner.listSnapshots(id));

  async health(): Promise<StoreHealth> {
    try {
      this.db.prepare("SELECT 1").get();
      return { ok: true, backend: this.backend, detail: this.readOnly ? "正常（只读）" : "正常" };
    } catch (e) {
      return { ok: false, backend: this.backend, detail: `数据库不可用：${(e as Error).message}` };
    }
  }

  async close(): Promise<void> {
    await this.lane.queue;
    if (this.db.open) this.db.close();
  }
}

const lanes = new Map<string, { queue: Promise<unknown> }>();

function laneOf(file: string): { queue: Promise<unknown> } {
  let lane = lanes.get(file);
  if (!lane) lanes.set(file, (lane = { queue: Promise.resolve() }));
  return lane;
}

function toStored(row: ProjectRow, project: Project): StoredProject {
  return {
    id: row.id,
    documentId: row.document_id,
    department: row.department ?? null,
    revision: row.revision,
    project,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
