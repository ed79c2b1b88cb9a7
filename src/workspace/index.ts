// The workspace: the one service API over the store (memory-server style — domain logic here and in the pure
// edits, MCP tools and CLI commands stay thin). Every write runs in one store transaction: read the row, apply a
// pure edit, keep a snapshot of the previous state for undo, compare-and-swap the revision. Which projects a
// caller sees is decided here (tenancy.ts), once, for every tool, resource and command.
import { join, resolve as resolvePath } from "node:path";
import { InputError } from "../domain/errors.js";
import { projectRef, type JixiaoDocument, type ProfileId, type Project } from "../domain/schema.js";
import { SEVERITIES } from "../domain/vocabulary.js";
import type { DraftInput, DraftResult, TextGenerator } from "../draft/index.js";
import { validateProject } from "../rules/engine.js";
import { applyProjectFixes, describeFix, type AppliedFix } from "../rules/fixes.js";
import type { Finding, Report } from "../rules/types.js";
import type { DamagedRow, Store, StoreSession, StoredProject } from "../store/types.js";
import { checkDocument } from "./check.js";
import type {
  CreateProjectInput,
  FindingSummary,
  HistoryEntry,
  ImportResult,
  IndicatorInput,
  IndicatorPatch,
  LabelNormalization,
  MutationResult,
  ProjectListItem,
  ProjectPatch,
  WorkspaceFinding,
} from "./contracts.js";
import * as edits from "./edits.js";
import { availableRevisions, historyEntry, stepBack } from "./history.js";
import { newId } from "./ids.js";
import { checkInputStrings, checkProjectLimits, requireText, TEXT_LIMITS } from "./limits.js";
import { exportProject, renderProject, type ExportResult, type OutputOptions, type RenderFormat, type RenderOptions, type RenderResult } from "./output.js";
import { defaultRoot, resolveAllowedPath as resolveInRoots } from "../allowed-roots.js";
import { MAX_IMPORT_TEXT_CHARS } from "../domain/limits.js";
import { canSee, ensureCanWrite, OWNER, owningDepartment, visibleDepartment, type Access } from "./tenancy.js";

export * from "./contracts.js";
export type { Access } from "./tenancy.js";
export type { ExportResult, OutputOptions, RenderFormat, RenderOptions, RenderResult } from "./output.js";
export { safeFileName } from "./ids.js";

export type IndicatorMutationResult = MutationResult & { normalized: LabelNormalization[] };
export type ProjectView = MutationResult & { documentId: string | null; createdAt: string; updatedAt: string };
export type UndoResult = MutationResult & { undone: HistoryEntry; undoneChanges: HistoryEntry[]; restoredRevision: number };
export interface ProjectList {
  projects: ProjectListItem[];
  /** Rows that could not be read (damaged JSON): named, never hiding the others. */
  damaged: DamagedRow[];
  total: number;
}

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
    return { projects: found.rows.map(listItem), damaged: found.damaged, total: found.total };
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

  async importDocument(input: { path?: string; text?: string }): Promise<ImportResult> {
    ensureCanWrite(this.access, "导入文档");
    const hasPath = typeof input.path === "string" && input.path.trim() !== "";
    const hasText = typeof input.text === "string" && input.text.trim() !== "";
    if (hasPath === hasText) throw new InputError("请二选一：给出 path（允许目录内的文件路径）或 text（绩效文本内容）");
    const { importBytes, importFile } = await import("../import/index.js");
    let document: JixiaoDocument;
    let source: string;
    if (hasPath) {
      source = resolveInRoots(this.roots, input.path!);
      document = await importFile(source);
    } else {
      if (input.text!.length > MAX_IMPORT_TEXT_CHARS) {
        throw new InputError(
          `text 过长（${input.text!.length.toLocaleString("en-US")} 字符），上限 ${MAX_IMPORT_TEXT_CHARS.toLocaleString("en-US")} 字符；请把文本存为文件放到允许的目录内，改用 path 导入`,
        );
      }
      source = "粘贴的文本";
      document = await importBytes({ buffer: Buffer.from(input.text!, "utf8"), name: source, ext: ".txt" });
    }
    const { profile, report } = checkDocument(document, { source, requireProjects: true });
    document.projects.forEach((p, n) => checkProjectLimits(p, `${source}的第 ${n + 1} 个项目“${p.name.slice(0, 60)}”`));
    const documentId = newId("d");
    const department = owningDepartment(this.access);
    const { projects, ...meta } = document;
    const stored = await this.store.transaction(async (tx) => {
      await tx.insertDocument({ id: documentId, meta: { ...meta, profile }, source, department });
      const rows: StoredProject[] = [];
      for (const p of projects) {
        const project = edits.withIds(p, { profile: p.profile ?? profile });
        rows.push(await tx.insertProject({ id: project.id!, documentId, department, project }));
      }
      return rows;
    });
    const byRef = groupByProject(report.findings);
    return {
      documentId,
      profile,
      projects: stored.map((row) => ({ ...listItem(row), summary: summarize(byRef.get(projectRef(row.project)) ?? []) })),
      documentFindings: report.findings.filter((f) => f.project === null),
      summary: report.summary,
      importWarnings: document.importWarnings ?? [],
    };
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
      const name = `项目“${current.project.name}”（${projectId}）`;
      if (snapshots.length === 0) throw new InputError(`${name}没有可撤销的修改`);
      let target: number;
      if (toRevision === undefined) {
        const stepped = stepBack(snapshots, current.revision);
        if (stepped === null) throw new InputError(`${name}没有可撤销的修改：已撤销到最早保存的版本`);
        target = stepped;
      } else if (toRevision === current.revision) {
        throw new InputError(`${name}当前就是版本 ${toRevision}，无需撤销。${availableRevisions(snapshots, current.revision)}`);
      } else if (!snapshots.some((s) => s.revision === toRevision)) {
        throw new InputError(`${name}没有版本 ${String(toRevision)} 的快照，无法撤销到该版本。${availableRevisions(snapshots, current.revision)}`);
      } else {
        target = toRevision;
      }
      const snapshot = snapshots.find((s) => s.revision === target)!;
      const reverted = snapshots.filter((s) => s.revision >= target && s.revision < current.revision);
      plan = { undone: historyEntry(snapshot), undoneChanges: reverted.map(historyEntry), restoredRevision: target };
      return { project: snapshot.project, added: [], normalized: [], description: `撤销到版本 ${target}`, undoTo: target };
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

function conflictMessage(row: StoredProject, given: number, latest: number): string {
  return (
    `项目“${row.project.name}”（${row.id}）已被修改：当前版本为 ${latest}，你提交的版本是 ${given}。` +
    `为避免覆盖他人的修改，本次操作未执行。请先用 get_project 重新读取，再基于最新内容修改（revision: ${latest}）`
  );
}

function withIndicatorIds(findings: Finding[], project: Project): WorkspaceFinding[] {
  return findings.map((f) => {
    const id = f.indicator !== null ? project.indicators[f.indicator]?.id : undefined;
    return id ? { ...f, indicatorId: id } : f;
  });
}

function summarize(findings: Finding[]): FindingSummary {
  const s = Object.fromEntries(SEVERITIES.map((k) => [k, 0])) as FindingSummary;
  for (const f of findings) s[f.severity]++;
  return s;
}

function groupByProject(findings: Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.project === null) continue;
    map.set(f.project, [...(map.get(f.project) ?? []), f]);
  }
  return map;
}

function listItem(row: StoredProject): ProjectListItem {
  return {
    id: row.id,
    // A name stored before the length limits existed must not make every list unreadable (10 MB names did).
    name: row.project.name.length > TEXT_LIMITS.label ? `${row.project.name.slice(0, TEXT_LIMITS.label)}…（共 ${row.project.name.length} 字符）` : row.project.name,
    code: row.project.code.slice(0, TEXT_LIMITS.label),
    revision: row.revision,
    indicatorCount: row.project.indicators.length,
    budgetTotal: row.project.budget.total,
    documentId: row.documentId,
    department: row.department,
    updatedAt: row.updatedAt,
  };
}
