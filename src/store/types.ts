// The persistence contract the workspace codes against: projects as JSON with a revision, the documents they
// were imported from, and pre-change snapshots for history/undo. Synchronous (better-sqlite3 is).
import type { JixiaoDocument, Project } from "../domain/schema.js";

export interface StoredProject {
  id: string;
  documentId: string | null;
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

export interface Store {
  /** Run fn in one write transaction: everything or nothing. */
  transaction<T>(fn: () => T): T;
  getProject(id: string): StoredProject | null;
  listProjects(): StoredProject[];
  insertProject(p: { id: string; documentId: string | null; project: Project }): StoredProject;
  /**
   * Write a new state if the stored revision is still `expectedRevision`; returns the new row,
   * or null when the revision moved on (someone else wrote first).
   */
  updateProject(id: string, project: Project, expectedRevision: number): StoredProject | null;
  deleteProject(id: string): boolean;
  insertDocument(d: { id: string; meta: Omit<JixiaoDocument, "projects">; source: string | null }): StoredDocument;
  getDocument(id: string): StoredDocument | null;
  addSnapshot(s: NewSnapshot): void;
  listSnapshots(projectId: string): Snapshot[];
  deleteSnapshot(seq: number): void;
  close(): void;
}
