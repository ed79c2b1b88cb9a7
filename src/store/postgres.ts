// PostgreSQL store (node-postgres), for a shared deployment: any number of servers on one database. Documents
// and projects as JSONB, versioned migrations under an advisory lock (two servers may start at once), one
// transaction per call, compare-and-swap on the revision, a bounded pool, and timeouts on connecting and on
// every statement so an unreachable database is an error, never a hang.
// Why node-postgres (pg) and not postgres.js: both pool, both are maintained; pg has separate connect, statement
// and query timeouts and an explicit client per transaction (BEGIN … COMMIT on one checked-out connection), which
// is what this contract needs, ships its types (@types/pg), and is the driver most deployments already run.
// postgres.js is faster on many small queries and its sql.begin() is neater, not a difference at this scale.
import pg from "pg";
import { InputError, isInputError } from "../domain/errors.js";
import type { Project } from "../domain/schema.js";
import { redactUrl } from "./postgres-url.js";
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
export const PG_MIGRATIONS: readonly string[] = [
  `CREATE TABLE documents (
     id TEXT PRIMARY KEY,
     source TEXT,
     meta JSONB NOT NULL,
     department TEXT,
     created_at TIMESTAMPTZ NOT NULL
   );
   CREATE TABLE projects (
     ord BIGSERIAL UNIQUE,
     id TEXT PRIMARY KEY,
     document_id TEXT REFERENCES documents(id) ON DELETE SET NULL,
     department TEXT,
     revision INTEGER NOT NULL,
     data JSONB NOT NULL,
     search TEXT NOT NULL,
     created_at TIMESTAMPTZ NOT NULL,
     updated_at TIMESTAMPTZ NOT NULL
   );
   CREATE INDEX projects_department ON projects(department, ord);
   CREATE INDEX projects_document ON projects(document_id);
   CREATE TABLE snapshots (
     seq BIGSERIAL PRIMARY KEY,
     project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
     revision INTEGER NOT NULL,
     action TEXT NOT NULL,
     description TEXT NOT NULL DEFAULT '',
     undo_to INTEGER,
     data JSONB NOT NULL,
     at TIMESTAMPTZ NOT NULL
   );
   CREATE INDEX snapshots_project ON snapshots(project_id, seq);`,
];

/** Any fixed number: the advisory lock that serialises migrations between servers starting together. */
const MIGRATION_LOCK = 4_712_023;

export interface PostgresOptions {
  /** Connections per server process (default 10). */
  poolSize?: number;
  /** Give up connecting after this long (default 5 s). */
  connectTimeoutMs?: number;
  /** Cancel a statement after this long (default 30 s). */
  statementTimeoutMs?: number;
}

/**
 * A client that always has an error listener. A connection lost while checked out but between queries (or one
 * given up on by the connect timeout) emits "Connection terminated unexpectedly" on the client itself; without a
 * listener that is an uncaught exception that would end the whole server. The failing query still rejects.
 */
class ListenedClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on("error", () => undefined);
  }
}

export async function openPostgresStore(url: string, opts: PostgresOptions = {}): Promise<PostgresStore> {
  const location = redactUrl(url);
  const statementTimeout = opts.statementTimeoutMs ?? 30_000;
  const pool = new pg.Pool({
    Client: ListenedClient,
    connectionString: url,
    max: opts.poolSize ?? 10,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 5_000,
    statement_timeout: statementTimeout,
    query_timeout: statementTimeout + 5_000,
    idle_in_transaction_session_timeout: statementTimeout,
    application_name: "jixiao",
  });
  // A connection that dies while idle in the pool emits here; without a listener it would crash the process.
  pool.on("error", (e) => process.stderr.write(`jixiao: PostgreSQL 连接中断：${e.message}\n`));
  const store = new PostgresStore(pool, location);
  try {
    await store.migrate();
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw isInputError(e) ? e : unavailable(location, e);
  }
  return store;
}

function unavailable(location: string, e: unknown): InputError {
  const err = e as { code?: string; message?: string };
  const why = err.code ? `${err.code} ${err.message ?? ""}`.trim() : (err.message ?? String(e));
  return new InputError(`无法连接数据库 ${location}：${why}。请确认 PostgreSQL 已启动、地址和账户正确，然后重试`);
}

/** Connection-level failures become a clear InputError (isError in a tool call, exit 2 in the CLI). */
function isConnectionError(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  if (err.code && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|EPIPE|57P0[1-3]|08\d\d\d|57014)$/.test(err.code)) return true;
  return /timeout|Connection terminated|connect/i.test(err.message ?? "");
}

interface ProjectRow {
  id: string;
  document_id: string | null;
  department: string | null;
  revision: number;
  data: unknown;
  created_at: Date;
  updated_at: Date;
}

type Queryable = Pick<pg.PoolClient, "query">;

/** The operations over one connection (the transaction's) or the pool (autocommit reads). */
function session(db: Queryable): StoreSession {
  const getProject = async (id: string): Promise<StoredProject | null> => {
    const { rows } = await db.query<ProjectRow>("SELECT * FROM projects WHERE id = $1", [id]);
    if (rows.length === 0) return null;
    const decoded = decodeProject(rows[0].id, rows[0].data);
    if ("damaged" in decoded) throw damagedError(decoded.damaged);
    return toStored(rows[0], decoded.project);
  };
  return {
    getProject,
    async listProjects(query: ProjectQuery = {}): Promise<ProjectPage> {
      const where: string[] = [];
      const args: unknown[] = [];
      if (query.text && squashLower(query.text)) {
        args.push(squashLower(query.text));
        where.push(`strpos(search, $${args.length}) > 0`);
      }
      if (query.department !== undefined) {
        args.push(query.department);
        where.push(`department = $${args.length}`);
      }
      if (query.documentId !== undefined) {
        args.push(query.documentId);
        where.push(`document_id = $${args.length}`);
      }
      const filter = where.length > 0 ? `WHERE ${where.join(" AND ")}` : "";
      const count = await db.query<{ n: string }>(`SELECT count(*) AS n FROM projects ${filter}`, args);
      const page = `ORDER BY ord ${query.limit !== undefined ? `LIMIT ${Math.max(0, Math.trunc(query.limit))}` : ""} OFFSET ${Math.max(0, Math.trunc(query.offset ?? 0))}`;
      const { rows } = await db.query<ProjectRow>(`SELECT * FROM projects ${filter} ${page}`, args);
      const out: ProjectPage = { rows: [], damaged: [], total: Number(count.rows[0].n) };
      for (const row of rows) {
        const decoded = decodeProject(row.id, row.data);
        if ("damaged" in decoded) out.damaged.push(decoded.damaged);
        else out.rows.push(toStored(row, decoded.project));
      }
      return out;
    },
    async insertProject(p: NewProject): Promise<StoredProject> {
      const at = now();
      const { rows } = await db.query<ProjectRow>(
        `INSERT INTO projects (id, document_id, department, revision, data, search, created_at, updated_at)
         VALUES ($1, $2, $3, 1, $4, $5, $6, $6) RETURNING *`,
        [p.id, p.documentId, p.department ?? null, JSON.stringify(p.project), searchKey(p.project), at],
      );
      return toStored(rows[0], p.project);
    },
    async updateProject(id: string, project: Project, expectedRevision: number): Promise<StoredProject | null> {
      // Compare-and-swap: a concurrent writer holding the row makes this wait, then see its new revision and match 0 rows.
      const { rows } = await db.query<ProjectRow>(
        `UPDATE projects SET data = $1, search = $2, revision = revision + 1, updated_at = $3
         WHERE id = $4 AND revision = $5 RETURNING *`,
        [JSON.stringify(project), searchKey(project), now(), id, expectedRevision],
      );
      return rows.length === 1 ? toStored(rows[0], project) : null;
    },
    async deleteProject(id: string): Promise<boolean> {
      return ((await db.query("DELETE FROM projects WHERE id = $1", [id])).rowCount ?? 0) === 1;
    },
    async insertDocument(d: NewDocument): Promise<StoredDocument> {
      const at = now();
      await db.query("INSERT INTO documents (id, source, meta, department, created_at) VALUES ($1, $2, $3, $4, $5)", [
        d.id,
        d.source,
        JSON.stringify(d.meta),
        d.department ?? null,
        at,
      ]);
      return { id: d.id, meta: d.meta, source: d.source, department: d.department ?? null, createdAt: at };
    },
    async getDocument(id: string): Promise<StoredDocument | null> {
      const { rows } = await db.query<{ id: string; source: string | null; meta: StoredDocument["meta"]; department: string | null; created_at: Date }>(
        "SELECT * FROM documents WHERE id = $1",
        [id],
      );
      const r = rows[0];
      return r ? { id: r.id, source: r.source, meta: r.meta, department: r.department, createdAt: r.created_at.toISOString() } : null;
    },
    async addSnapshot(s: NewSnapshot): Promise<void> {
      await db.query(
        "INSERT INTO snapshots (project_id, revision, action, description, undo_to, data, at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        [s.projectId, s.revision, s.action, s.description ?? "", s.undoTo ?? null, JSON.stringify(s.project), now()],
      );
      await db.query(
        `DELETE FROM snapshots WHERE project_id = $1 AND seq NOT IN
           (SELECT seq FROM snapshots WHERE project_id = $1 ORDER BY seq DESC LIMIT ${SNAPSHOTS_KEPT})`,
        [s.projectId],
      );
    },
    async listSnapshots(projectId: string): Promise<Snapshot[]> {
      const { rows } = await db.query<{
        seq: string;
        project_id: string;
        revision: number;
        action: string;
        description: string;
        undo_to: number | null;
        data: unknown;
        at: Date;
      }>("SELECT * FROM snapshots WHERE project_id = $1 ORDER BY seq", [projectId]);
      return rows.map((r) => {
        const decoded = decodeProject(r.project_id, r.data);
        return {
          seq: Number(r.seq),
          projectId: r.project_id,
          revision: r.revision,
          action: r.action,
          description: r.description,
          ...(r.undo_to !== null ? { undoTo: r.undo_to } : {}),
          project: "project" in decoded ? decoded.project : (r.data as Project),
          at: r.at.toISOString(),
        };
      });
    },
  };
}

/** Wrap every operation so a lost connection or a timeout reads as a clear InputError naming the database. */
function guarded<T extends object>(target: T, location: string): T {
  const out: Record<string, unknown> = {};
  for (const [key, fn] of Object.entries(target)) {
    out[key] = async (...args: unknown[]) => {
      try {
        return await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
      } catch (e) {
        throw !isInputError(e) && isConnectionError(e) ? unavailable(location, e) : e;
      }
    };
  }
  return out as T;
}

export class PostgresStore implements Store {
  readonly backend = "postgres";
  readonly readOnly = false;
  private readonly reads: StoreSession;

  constructor(
    private readonly pool: pg.Pool,
    readonly location: string,
  ) {
    this.reads = guarded(session(pool), location);
  }

  async migrate(): Promise<void> {
    await this.transaction(async () => undefined, async (client) => {
      await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      await client.query("CREATE TABLE IF NOT EXISTS jixiao_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
      const { rows } = await client.query<{ v: number | null }>("SELECT max(version) AS v FROM jixiao_migrations");
      const current = rows[0].v ?? 0;
      if (current > PG_MIGRATIONS.length) {
        throw new InputError(`数据库 ${this.location} 的版本 ${current} 比本程序支持的 ${PG_MIGRATIONS.length} 新，请升级 jixiao`);
      }
      for (let v = current; v < PG_MIGRATIONS.length; v++) {
        await client.query(PG_MIGRATIONS[v]);
        await client.query("INSERT INTO jixiao_migrations (version) VALUES ($1)", [v + 1]);
      }
    });
  }

  async transaction<T>(fn: (tx: StoreSession) => Promise<T>, raw?: (client: pg.PoolClient) => Promise<void>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (e) {
      throw unavailable(this.location, e);
    }
    let broken = false;
    try {
      await client.query("BEGIN");
      if (raw) await raw(client);
      const result = await fn(guarded(session(client), this.location));
      await client.query("COMMIT");
      return result;
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {
        broken = true;
      });
      throw !isInputError(e) && isConnectionError(e) ? unavailable(this.location, e) : e;
    } finally {
      client.release(broken);
    }
  }

  getProject = (id: string) => this.reads.getProject(id);
  listProjects = (q?: ProjectQuery) => this.reads.listProjects(q);
  insertProject = (p: NewProject) => this.transaction((tx) => tx.insertProject(p));
  updateProject = (id: string, p: Project, r: number) => this.transaction((tx) => tx.updateProject(id, p, r));
  deleteProject = (id: string) => this.transaction((tx) => tx.deleteProject(id));
  insertDocument = (d: NewDocument) => this.transaction((tx) => tx.insertDocument(d));
  getDocument = (id: string) => this.reads.getDocument(id);
  addSnapshot = (s: NewSnapshot) => this.transaction((tx) => tx.addSnapshot(s));
  listSnapshots = (id: string) => this.reads.listSnapshots(id);

  async health(): Promise<StoreHealth> {
    try {
      await this.pool.query("SELECT 1");
      return { ok: true, backend: this.backend, detail: "正常" };
    } catch (e) {
      return { ok: false, backend: this.backend, detail: unavailable(this.location, e).message };
    }
  }

  private closed = false;

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

function toStored(row: ProjectRow, project: Project): StoredProject {
  return {
    id: row.id,
    documentId: row.document_id,
    department: row.department,
    revision: row.revision,
    project,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
