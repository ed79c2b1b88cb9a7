// SQLite store (better-sqlite3): WAL journal, schema versions through PRAGMA user_version, one row per
// project holding its JSON and revision, snapshots for history/undo.
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { JixiaoDocument, Project } from "../domain/schema.js";
import type { NewSnapshot, Snapshot, Store, StoredDocument, StoredProject } from "./types.js";

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
];

/** Newest snapshots kept per project: enough undo depth without growing the file forever. */
const SNAPSHOTS_KEPT = 50;

interface ProjectRow {
  id: string;
  document_id: string | null;
  revision: number;
  data: string;
  created_at: string;
  updated_at: string;
}

export function openSqliteStore(file: string): Store {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  // Set first: the pragmas below may wait for another process that is creating the same file.
  db.pragma("busy_timeout = 5000");
  db.pragma("journal_mode = WAL");
  // In WAL mode NORMAL keeps every committed transaction across a killed process; only an OS crash/power loss
  // can drop the last commits — the usual trade for an interactive tool.
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  migrate(db);
  return new SqliteStore(db);
}

function migrate(db: Database.Database): void {
  const current = () => db.pragma("user_version", { simple: true }) as number;
  if (current() > MIGRATIONS.length) {
    throw new Error(`数据库版本 ${current()} 比本程序支持的 ${MIGRATIONS.length} 新，请升级 jixiao`);
  }
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
}

const now = (): string => new Date().toISOString();

class SqliteStore implements Store {
  private readonly stmts;
  private depth = 0;

  constructor(private readonly db: Database.Database) {
    this.stmts = {
      getProject: db.prepare<[string], ProjectRow>("SELECT * FROM projects WHERE id = ?"),
      listProjects: db.prepare<[], ProjectRow>("SELECT * FROM projects ORDER BY rowid" /* insertion order: a document keeps its project order */),
      insertProject: db.prepare(
        "INSERT INTO projects (id, document_id, revision, data, created_at, updated_at) VALUES (?, ?, 1, ?, ?, ?)",
      ),
      updateProject: db.prepare(
        "UPDATE projects SET data = ?, revision = revision + 1, updated_at = ? WHERE id = ? AND revision = ?",
      ),
      deleteProject: db.prepare("DELETE FROM projects WHERE id = ?"),
      insertDocument: db.prepare("INSERT INTO documents (id, source, meta, created_at) VALUES (?, ?, ?, ?)"),
      getDocument: db.prepare<[string], { id: string; source: string | null; meta: string; created_at: string }>(
        "SELECT * FROM documents WHERE id = ?",
      ),
      addSnapshot: db.prepare(
        "INSERT INTO snapshots (project_id, revision, action, description, undo_to, data, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      ),
      trimSnapshots: db.prepare(
        `DELETE FROM snapshots WHERE project_id = ? AND seq NOT IN
           (SELECT seq FROM snapshots WHERE project_id = ? ORDER BY seq DESC LIMIT ${SNAPSHOTS_KEPT})`,
      ),
      listSnapshots: db.prepare<
        [string],
        {
          seq: number;
          project_id: string;
          revision: number;
          action: string;
          description: string;
          undo_to: number | null;
          data: string;
          at: string;
        }
      >("SELECT * FROM snapshots WHERE project_id = ? ORDER BY seq"),
      deleteSnapshot: db.prepare("DELETE FROM snapshots WHERE seq = ?"),
    };
  }

  transaction<T>(fn: () => T): T {
    // Nested calls join the outer transaction (a workspace method may call another).
    if (this.depth > 0) return fn();
    this.depth++;
    try {
      // IMMEDIATE takes the write lock up front, so two processes on one file queue instead of failing mid-way.
      return this.db.transaction(fn).immediate();
    } finally {
      this.depth--;
    }
  }

  getProject(id: string): StoredProject | null {
    const row = this.stmts.getProject.get(id);
    return row ? toStored(row) : null;
  }

  listProjects(): StoredProject[] {
    return this.stmts.listProjects.all().map(toStored);
  }

  insertProject(p: { id: string; documentId: string | null; project: Project }): StoredProject {
    const at = now();
    this.stmts.insertProject.run(p.id, p.documentId, JSON.stringify(p.project), at, at);
    return { id: p.id, documentId: p.documentId, revision: 1, project: p.project, createdAt: at, updatedAt: at };
  }

  updateProject(id: string, project: Project, expectedRevision: number): StoredProject | null {
    const info = this.stmts.updateProject.run(JSON.stringify(project), now(), id, expectedRevision);
    if (info.changes !== 1) return null;
    return this.getProject(id);
  }

  deleteProject(id: string): boolean {
    return this.stmts.deleteProject.run(id).changes === 1;
  }

  insertDocument(d: { id: string; meta: Omit<JixiaoDocument, "projects">; source: string | null }): StoredDocument {
    const at = now();
    this.stmts.insertDocument.run(d.id, d.source, JSON.stringify(d.meta), at);
    return { id: d.id, meta: d.meta, source: d.source, createdAt: at };
  }

  getDocument(id: string): StoredDocument | null {
    const row = this.stmts.getDocument.get(id);
    return row ? { id: row.id, source: row.source, meta: JSON.parse(row.meta), createdAt: row.created_at } : null;
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

  deleteSnapshot(seq: number): void {
    this.stmts.deleteSnapshot.run(seq);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function toStored(row: ProjectRow): StoredProject {
  return {
    id: row.id,
    documentId: row.document_id,
    revision: row.revision,
    project: JSON.parse(row.data) as Project,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
