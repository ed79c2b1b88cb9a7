// The workspace: the one service API over the store (memory-server style — domain logic here and in the pure
// edits, MCP tools and CLI commands stay thin). Every write runs in one store transaction: read the row, apply a
// pure edit, keep a snapshot of the previous state for undo, compare-and-swap the revision. Which projects a
// caller sees is decided here (tenancy.ts), once, for every tool, resource and command.
import { join, resolve as resolvePath } from "node:path";
import { InputError } from "../domain/errors.js";
import type { JixiaoDocument, ProfileId, Project } from "../domain/schema.js";
import type { DraftInput, DraftResult, TextGenerator } from "../draft/index.js";
import { validateProject } from "../rules/engine.js";
import { applyProjectFixes, describeFix, type AppliedFix } from "../rules/fixes.js";
import type { Finding, Report } from "../rules/types.js";
import type { Store, StoreSession, StoredProject } from "../store/types.js";
import type {
  CreateProjectInput,
  FindingSummary,
  HistoryEntry,
  ImportResult,
  IndicatorInput,
  IndicatorPatch,
  LabelNormalization,
  MutationResult,
  ProjectList,
  ProjectListItem,
  ProjectPatch,
  RenderFormat,
  RenderResult,
  WorkspaceFinding,
} from "./contracts.js";
import * as edits from "./edits.js";
import { historyEntry, planUndo } from "./history.js";
import { importDocument } from "./intake.js";
import { checkInputStrings, checkProjectLimits, requireText } from "./limits.js";
import { exportProject, renderProject, type ExportResult, type OutputOptions, type RenderOptions } from "./output.js";
import { defaultRoot, resolveAllowedPath as resolveInRoots } from "../allowed-roots.js";
import { conflictMessage, listItem, withIndicatorIds } from "./views.js";
import { canSee, ensureCanWrite, OWNER, owningDepartment, visibleDepartment, type Access } from "./tenancy.js";

export * from "./contracts.js";
export type { Access } from "./tenancy.js";
export type { ExportResult, OutputOptions, RenderOptions } from "./output.js";
export { safeFileName } from "./ids.js";

export type IndicatorMutationResult = MutationResult & { normalized: LabelNormalization[] };
export type ProjectView = MutationResult & { documentId: string | null; createdAt: string; updatedAt: string };
export type UndoResult = MutationResult & { undone: HistoryEntry; undoneChanges: HistoryEntry[]; restoredRevision: number };

export interface WorkspaceOptions {
  /** Folders import_document may read from (real paths are compared). Default: ~/Documents/jixiao. */
  roots?: string[];
  /** Where render_project writes html/xlsx files. */
  exportsDir?: string;
  /** Who is calling (default: the single-user owner). */
  access?: Access;
  /** A shared server: every write must name the revision it read (no lost update). */
  requireRevision?: boolean;
  /** Reached over the network (HTTP): rendered files go back inside the reply, never to this server's disk. */
  remote?: boolean;
}

export class Workspace {
  readonly roots: string[];
  readonly exportsDir: string;
  readonly access: Access;
  readonly requireRevision: boolean;
  readonly remote: boolean;

  constructor(
    readonly store: Store,
    private readonly opts: WorkspaceOptions = {},
  ) {
    this.roots = (opts.roots && opts.roots.length > 0 ? opts.roots : [defaultRoot()]).map((r) => resolvePath(r));
    this.exportsDir = opts.exportsDir ?? join(process.cwd(), "exports");
    this.access = opts.access ?? OWNER;
    this.requireRevision = opts.requireRevision ?? false;
    this.remote = opts.remote ?? false;
  }

  /** The same workspace seen by another caller (one per HTTP request); nothing is copied but the options. */
  forCaller(access: Access, requireRevision = this.requireRevision, remote = this.remote): Workspace {
    return new Workspace(this.store, { ...this.opts, roots: this.roots, exportsDir: this.exportsDir, access, requireRevision, remote });
  }

  close(): Promise<void> {
    return this.store.close();
  }

  // ---- projects -------------------------------------------------------------------------------------------

  async createProject(input: CreateProjectInput): Promise<IndicatorMutationResult & { added: string[] }> {
    ensureCanWrite(this.access, "新建项目");
    checkInputStrings(input, "create_project 的输入");
    const edit = edits.createProject(input);
    const stored = await this.store.insertProject({
      id: edit.project.id!,
      documentId: null,
      department: owningDepartment(this.access),
      project: edit.project,
    });
    return { ...this.result(stored), added: edit.added, normalized: edit.normalized };
  }

  async updateProject(projectId: string, patch: ProjectPatch, revision?: number): Promise<MutationResult> {
    checkInputStrings(patch, "update_project 的 patch");
    return (await this.commit(projectId, revision, "update_project", (p) => edits.updateProject(p, patch))).result;
  }

  async getProject(projectId: string): Promise<ProjectView> {
    const row = await this.requireProject(projectId);
    return { ...this.result(row), documentId: row.documentId, createdAt: row.createdAt, updatedAt: row.updatedAt };
  }

  /** Whether a project with this id exists for this caller (the CLI names its database when it does not). */
  async hasProject(projectId: string): Promise<boolean> {
    const row = await this.store.getProject(projectId).catch(() => null);
    return row !== null && canSee(this.access, row);
  }

  /** Projects this caller may see whose name, code or summary contains the query; filtered and paged by the store. */
  async listProjects(query?: string, page: { offset?: number; limit?: number } = {}): Promise<ProjectList> {
    const found = await this.store.listProjects({ text: query, department: visibleDepartment(this.access), ...page });
    const seen = (page.offset ?? 0) + found.rows.length + found.damaged.length;
    return {
      projects: found.rows.map(listItem),
      total: found.total,
      ...(seen < found.total ? { nextOffset: seen } : {}),
      ...(found.damaged.length > 0 ? { damaged: found.damaged } : {}),
    };
  }

  /** listProjects with each project's finding counts (validated now, as get_project would). */
  async listProjectsWithSummary(query?: string): Promise<(ProjectListItem & { summary: FindingSummary })[]> {
    const found = await this.store.listProjects({ text: query, department: visibleDepartment(this.access) });
    return found.rows.map((row) => ({ ...listItem(row), summary: this.report(row.project).summary }));
  }

  /** Remove a project and its history (a project that should never have been stored, or a damaged row). */
  async deleteProject(projectId: string, revision?: number): Promise<{ deleted: string; name: string | null }> {
    ensureCanWrite(this.access, "删除项目");
    this.requireRevisionGiven(revision, "删除项目");
    return this.store.transaction(async (tx) => {
      let name: string | null = null;
      try {
        const row = await this.requireProject(projectId, tx);
        this.checkRevision(row, revision);
        name = row.project.name;
      } catch (e) {
        // A damaged row cannot be read, and so has no revision to compare: the owner may still remove it.
        if (!(e instanceof InputError && /已损坏/.test(e.message) && this.access.role === "owner")) throw e;
      }
      if (!(await tx.deleteProject(projectId))) throw this.notFound(projectId);
      return { deleted: projectId, name };
    });
  }

  // ---- documents ------------------------------------------------------------------------------------------

  /** An imported document: its metadata and its projects as currently stored (edits included). */
  async getDocument(documentId: string): Promise<{ id: string; source: string | null; createdAt: string; document: JixiaoDocument }> {
    const doc = await this.store.getDocument(documentId);
    if (!doc || !canSee(this.access, doc)) {
      throw new InputError(`找不到文档“${documentId}”。文档 id 由 import_document 返回，也见 list_projects 中的 documentId`);
    }
    const { rows } = await this.store.listProjects({ documentId, department: visibleDepartment(this.access) });
    return { id: doc.id, source: doc.source, createdAt: doc.createdAt, document: { ...doc.meta, projects: rows.map((r) => r.project) } };
  }

  // ---- indicators -----------------------------------------------------------------------------------------

  async addIndicators(projectId: string, indicators: IndicatorInput[], revision?: number): Promise<IndicatorMutationResult & { added: string[] }> {
    checkInputStrings(indicators, "add_indicators 的 indicators");
    const { result, edit } = await this.commit(projectId, revision, "add_indicators", (p) => edits.addIndicators(p, indicators));
    return { ...result, added: edit.added, normalized: edit.normalized };
  }

  async updateIndicator(projectId: string, indicatorId: string, patch: IndicatorPatch, revision?: number): Promise<IndicatorMutationResult> {
    checkInputStrings(patch, "update_indicator 的 patch");
    const { result, edit } = await this.commit(projectId, revision, "update_indicator", (p) => edits.updateIndicator(p, indicatorId, patch));
    return { ...result, normalized: edit.normalized };
  }

  async removeIndicators(projectId: string, indicatorIds: string[], revision?: number): Promise<MutationResult & { removed: string[] }> {
    let removed: string[] = [];
    const { result } = await this.commit(projectId, revision, "remove_indicators", (p) => {
      const edit = edits.removeIndicators(p, indicatorIds);
      removed = edit.removed;
      return edit;
    });
    return { ...result, removed };
  }

  /**
   * Every certain fix of the project's findings (a finding's `fix`) applied as one change: one history entry,
   * undone by one undo. Nothing to fix is refused, so no empty revision is recorded.
   */
  async applyFixes(projectId: string, revision?: number): Promise<MutationResult & { applied: AppliedFix[] }> {
    let applied: AppliedFix[] = [];
    const { result } = await this.commit(projectId, revision, "apply_fixes", (p) => {
      const fixed = applyProjectFixes(p, validateProject(p).findings);
      if (fixed.applied.length === 0) throw new InputError("这个项目没有可自动修正的问题（检查结果中没有带确定修正值的条目），未做修改");
      applied = fixed.applied;
      return { project: fixed.project, added: [], normalized: [], description: `应用 ${applied.length} 处确定的修正：${applied.map(describeFix).join("；")}` };
    });
    return { ...result, applied };
  }

  // ---- validate / render ----------------------------------------------------------------------------------

  async validateProject(projectId: string, profile?: ProfileId): Promise<Report & { findings: WorkspaceFinding[] }> {
    const row = await this.requireProject(projectId);
    return this.report(row.project, profile);
  }

  async renderProject(projectId: string, format: RenderFormat, opts: RenderOptions = {}): Promise<RenderResult> {
    const row = await this.requireProject(projectId);
    return renderProject(row, format, this.exportsDir, (p) => this.report(p), opts);
  }

  /** A project's table as file content (md, html, xlsx) or as a one-project Document JSON. */
  async exportProject(projectId: string, format: string, opts: OutputOptions = {}): Promise<ExportResult> {
    const row = await this.requireProject(projectId);
    const meta = row.documentId ? (await this.store.getDocument(row.documentId))?.meta : undefined;
    return exportProject(row, format, meta, (p) => this.report(p), opts);
  }

  // ---- import / draft -------------------------------------------------------------------------------------

  /** Read a file (inside the allowed roots) or pasted text, check it, and store every project it holds. */
  async importDocument(input: { path?: string; text?: string }): Promise<ImportResult> {
    ensureCanWrite(this.access, "导入文档");
    return importDocument(this.store, input, { roots: this.roots, department: owningDepartment(this.access) });
  }

  /** Draft a project from a description; with `save` the draft is stored as a new project. */
  async draft(input: DraftInput, opts: { save?: boolean; generator?: TextGenerator } = {}): Promise<DraftResult & { saved?: MutationResult }> {
    requireText(input.name, "项目名称（name）");
    requireText(input.summary, "项目概况（summary）");
    checkInputStrings(input, "draft_project 的输入");
    const { draftProject } = await import("../draft/index.js");
    const result = await draftProject(input, opts.generator ? { generator: opts.generator } : {});
    if (!opts.save) return result;
    ensureCanWrite(this.access, "保存草稿");
    const project = edits.withIds(result.project);
    checkProjectLimits(project, `项目“${project.name.slice(0, 60)}”`);
    const row = await this.store.insertProject({ id: project.id!, documentId: null, department: owningDepartment(this.access), project });
    const saved = this.result(row);
    return { ...result, project: saved.project, findings: saved.findings, saved };
  }

  // ---- history --------------------------------------------------------------------------------------------

  /** The stored changes of a project, oldest first (the newest 50 are kept), and its current revision. */
  async history(projectId: string): Promise<{ revision: number; entries: HistoryEntry[] }> {
    const row = await this.requireProject(projectId);
    return { revision: row.revision, entries: (await this.store.listSnapshots(projectId)).map(historyEntry) };
  }

  /**
   * Restore an earlier content as a new revision (revisions only grow). Without `toRevision`: the content before
   * the last change; repeated calls keep stepping back. With `toRevision`: that revision's content. The undo is
   * itself recorded in history, so it can be undone.
   */
  async undo(projectId: string, revision?: number, toRevision?: number): Promise<UndoResult> {
    let plan: { undone: HistoryEntry; undoneChanges: HistoryEntry[]; restoredRevision: number } | undefined;
    const { result } = await this.commit(projectId, revision, "undo", (_p, current, snapshots) => {
      const planned = planUndo(snapshots, current, toRevision);
      plan = planned.plan;
      return planned.edit;
    });
    return { ...result, ...plan! };
  }

  // ---- internals ------------------------------------------------------------------------------------------

  resolveAllowedPath(path: string): string {
    return resolveInRoots(this.roots, path);
  }

  /** The one door for every change of a stored project: read, edit (pure), snapshot, compare-and-swap. */
  private async commit(
    projectId: string,
    revision: number | undefined,
    action: string,
    edit: (p: Project, current: StoredProject, snapshots: Awaited<ReturnType<StoreSession["listSnapshots"]>>) => edits.Edit & { undoTo?: number },
  ): Promise<{ result: MutationResult; edit: edits.Edit }> {
    ensureCanWrite(this.access, "修改项目");
    this.requireRevisionGiven(revision, "修改项目");
    const { row, done } = await this.store.transaction(async (tx) => {
      const current = await this.requireProject(projectId, tx);
      this.checkRevision(current, revision);
      const snapshots = action === "undo" ? await tx.listSnapshots(projectId) : [];
      const done = edit(current.project, current, snapshots);
      const next = { ...done.project, id: projectId };
      await tx.addSnapshot({ projectId, revision: current.revision, action, description: done.description, undoTo: done.undoTo, project: current.project });
      const saved = await tx.updateProject(projectId, next, current.revision);
      // Another process wrote between our read and write: refuse, never overwrite.
      if (!saved) throw await this.conflict(current, revision ?? current.revision, tx);
      return { row: saved, done };
    });
    return { result: this.result(row), edit: done };
  }

  private async requireProject(projectId: string, session: StoreSession = this.store): Promise<StoredProject> {
    const row = typeof projectId === "string" && projectId ? await session.getProject(projectId) : null;
    if (!row || !canSee(this.access, row)) throw this.notFound(projectId);
    return row;
  }

  private notFound(projectId: string): InputError {
    return new InputError(
      `找不到项目“${String(projectId).slice(0, 80)}”。请先调用 list_projects 查看已有项目的 id（形如 p_xxxxxxxx），或用 create_project / import_document 新建`,
    );
  }

  private requireRevisionGiven(revision: number | undefined, what: string): void {
    if (this.requireRevision && revision === undefined) {
      throw new InputError(
        `${what}须给出 revision：这台服务器由多人共用，不带版本号的修改可能覆盖他人的修改，本次操作未执行。` +
          "请先用 get_project 重新读取项目，再带上读到的 revision 重试",
      );
    }
  }

  private checkRevision(row: StoredProject, revision: number | undefined): void {
    if (revision !== undefined && revision !== row.revision) throw new InputError(conflictMessage(row, revision, row.revision));
  }

  private async conflict(row: StoredProject, given: number, session: StoreSession): Promise<InputError> {
    const latest = (await session.getProject(row.id))?.revision ?? row.revision;
    return new InputError(conflictMessage(row, given, latest));
  }

  private report(project: Project, profile?: ProfileId): Report & { findings: WorkspaceFinding[] } {
    const report = validateProject(project, profile ? { profile } : {});
    return { ...report, findings: withIndicatorIds(report.findings, project) };
  }

  private result(row: StoredProject): MutationResult {
    const report = this.report(row.project);
    return { project: row.project, revision: row.revision, findings: report.findings, summary: report.summary };
  }
}
