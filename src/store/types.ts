// The persistence contract the workspace codes against: projects as JSON with a revision, the documents they
// were imported from, and pre-change snapshots for history/undo. Asynchronous, so one contract fits an embedded
// SQLite file and a PostgreSQL server; every backend passes test/store/contract.ts.
import type { JixiaoDocument, Project } from "../domain/schema.js";

export interface StoredProject {
  id: string;
  documentId: string | null;
  /** The department (editor token) that created or imported it; null for single-user databases. */
  department: string | null;
  /** Increases by one on every write; a write naming an older revision is refused. */
  revision: number;
  project: Project;
  createdAt: string;
  updatedAt: string;
}

export interface StoredDocument {
  id: string;
  /** The document without its projects (department, year, toc, overall …). */
  meta: Omit<JixiaoDocument, "projects">;
  source: string | null;
  department: string | null;
  createdAt: string;
}

export interface Snapshot {
  /** Monotonic id; undo pops the highest. */
  seq: number;
  projectId: string;
  /** The project revision this snapshot holds (the state before the change). */
  revision: number;
  /** What the change was, e.g. update_indicator. */
  action: string;
  /** What the change did, in Chinese (添加 3 条指标); "" for snapshots written before this was recorded. */
  description: string;
  /** For an undo: the revision whose content it restored. */
  undoTo?: number;
  project: Project;
  at: string;
}

export interface NewSnapshot {
  projectId: string;
  revision: number;
  action: string;
  description?: string;
  undoTo?: number;
  project: Project;
}

export interface NewProject {
  id: string;
  documentId: string | null;
  department?: string | null;
  project: Project;
}

export interface NewDocument {
  id: string;
  meta: Omit<JixiaoDocument, "projects">;
  source: string | null;
  department?: string | null;
}

/** Which projects a list returns; the store filters and pages (never the caller over every row). */
export interface ProjectQuery {
  /** Substring of name, code or summary, whitespace and case ignored. */
  text?: string;
  /** Only this department's projects; undefined = every department. */
  department?: string;
  documentId?: string;
  /** Rows to skip, in insertion order (a document keeps its project order). */
  offset?: number;
  /** At most this many rows; undefined = all. */
  limit?: number;
}

/** A stored row that cannot be read (damaged JSON): listed apart, so one bad row never hides the others. */
export interface DamagedRow {
  id: string;
  reason: string;
}

export interface ProjectPage {
  rows: StoredProject[];
  damaged: DamagedRow[];
  /** Rows matching the query before paging (damaged ones included). */
  total: number;
}

/** What a transaction may do: reads see the transaction's own writes. */
export interface StoreSession {
  getProject(id: string): Promise<StoredProject | null>;
  listProjects(query?: ProjectQuery): Promise<ProjectPage>;
  insertProject(p: NewProject): Promise<StoredProject>;
  /**
   * Write a new state if the stored revision is still `expectedRevision` (compare-and-swap); returns the new
   * row, or null when the revision moved on (someone else wrote first).
   */
  updateProject(id: string, project: Project, expectedRevision: number): Promise<StoredProject | null>;
  deleteProject(id: string): Promise<boolean>;
  insertDocument(d: NewDocument): Promise<StoredDocument>;
  getDocument(id: string): Promise<StoredDocument | null>;
  addSnapshot(s: NewSnapshot): Promise<void>;
  listSnapshots(projectId: string): Promise<Snapshot[]>;
}

export interface StoreHealth {
  ok: boolean;
  /** sqlite | postgres */
  backend: string;
  /** A short Chinese line: 正常, or what is wrong. */
  detail: string;
}

export interface Store extends StoreSession {
  /** sqlite | postgres */
  readonly backend: string;
  /** Where the data lives, for messages: a file path, or a URL without its password. */
  readonly location: string;
  /** Opened read-only (a read-only file, or a read-only command): every write is refused with a clear message. */
  readonly readOnly: boolean;
  /** Run fn in one write transaction: everything or nothing. */
  transaction<T>(fn: (tx: StoreSession) => Promise<T>): Promise<T>;
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}

/** Newest snapshots kept per project: enough undo depth without growing the database forever. */
export const SNAPSHOTS_KEPT = 50;

/** The text list filters match: name, code and summary without whitespace, lower-cased, one per line. */
export function searchKey(project: Pick<Project, "name" | "code" | "summary">): string {
  return [project.name, project.code, project.summary].map(squashLower).join("\n");
}

export function squashLower(text: string): string {
  return text.replace(/\s+/g, "").toLowerCase();
}
