// The workspace: the one service API over the store (memory-server style — domain logic here, MCP tools and
// CLI commands stay thin). Every mutation runs in one store transaction, bumps the project's revision, keeps a
// snapshot of the previous state for undo, and returns {project, revision, findings}.
import { randomBytes } from "node:crypto";
import { defaultRoot, resolveAllowedPath } from "./allowed-roots.js";
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { InputError } from "./domain/errors.js";
import { MAX_IMPORT_TEXT_CHARS } from "./domain/limits.js";
import {
  ProjectSchema,
  projectRef,
  type Budget,
  type Indicator,
  type JixiaoDocument,
  type ProfileId,
  type Project,
  type SpendingPlan,
} from "./domain/schema.js";
import { canonicalLabel, detectProfile, parentOf, PROFILES, squash, type Profile } from "./domain/taxonomy.js";
// Importers, renderers and the drafter are loaded on first use: they pull in exceljs, handlebars and the
// indicator library, which a server that mostly edits and validates never needs (startup time, memory).
import type { DraftInput, DraftResult, TextGenerator } from "./draft/index.js";
import { validate, validateProject } from "./rules/engine.js";
import type { Finding, Report } from "./rules/types.js";
import type { Snapshot, Store, StoredProject } from "./store/types.js";

/** A finding with the stable id of the indicator it points at, so a client can call update_indicator directly. */
export type WorkspaceFinding = Finding & { indicatorId?: string };

export interface FindingSummary {
  error: number;
  warning: number;
  info: number;
}

export interface MutationResult {
  project: Project;
  revision: number;
  findings: WorkspaceFinding[];
  summary: FindingSummary;
}

/** A 一级/二级 label the workspace rewrote to the profile's canonical label (产出 → 产出指标). */
export interface LabelNormalization {
  indicatorId: string;
  field: "level1" | "level2";
  from: string;
  to: string;
  /** Why, in Chinese: an alias, or a 一级 that did not match the 二级. */
  reason: string;
}

export interface IndicatorMutationResult extends MutationResult {
  /** Labels rewritten to canonical ones; empty when every label was given as the profile writes it. */
  normalized: LabelNormalization[];
}

export interface ProjectView extends MutationResult {
  documentId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ProjectListItem {
  id: string;
  name: string;
  code: string;
  revision: number;
  indicatorCount: number;
  budgetTotal: number | null;
  documentId: string | null;
  updatedAt: string;
}

export interface CreateProjectInput {
  name: string;
  code?: string;
  budget: { total: number; fiscal?: number | null; other?: number | null };
  summary?: string;
  purpose?: string;
  goals?: string[];
  spendingPlan?: Partial<SpendingPlan>;
  profile?: ProfileId;
  /** Indicator rows to create the project with (same rules as addIndicators). */
  indicators?: IndicatorInput[];
}

export interface ProjectPatch {
  name?: string;
  code?: string;
  summary?: string;
  purpose?: string;
  funding?: string;
  evaluationBasis?: string;
  goals?: string[];
  budget?: Partial<Budget>;
  spendingPlan?: Partial<SpendingPlan>;
  profile?: ProfileId;
}

export interface IndicatorInput {
  level1?: string;
  level2: string;
  name: string;
  value: string;
  description?: string;
  basis?: string;
  unit?: string;
  direction?: "正向" | "反向";
  weight?: number;
}

export type IndicatorPatch = Partial<IndicatorInput>;

export interface RenderResult {
  format: "markdown" | "html" | "xlsx";
  /** Markdown inline. */
  markdown?: string;
  /** html/xlsx: the written file. */
  path?: string;
  bytes?: number;
  mimeType: string;
}

export const EXPORT_FORMATS = ["md", "html", "xlsx", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportResult {
  format: ExportFormat;
  /** Text for md/html/json, bytes for xlsx. */
  content: string | Buffer;
  mimeType: string;
  /** A safe default file name: `<项目名称>-<id>.<format>`. */
  fileName: string;
}

export interface ImportResult {
  documentId: string;
  profile: ProfileId;
  projects: (ProjectListItem & { summary: FindingSummary })[];
  /** Findings that concern the document as a whole (目录, copied goals across projects …). */
  documentFindings: Finding[];
  summary: FindingSummary;
  importWarnings: { line: number | null; message: string }[];
}

/** One stored change: the project as it was at `revision`, then `action` made revision + 1. */
export interface HistoryEntry {
  /** The revision before the change; `undo` with this toRevision restores that content. */
  revision: number;
  /** The tool/method that made the change (add_indicators, update_indicator, undo …). */
  action: string;
  /** What the change did, in Chinese (添加 3 条指标、撤销到版本 5); "" when recorded before descriptions existed. */
  description: string;
  /** When the change was made (ISO 8601, UTC). */
  at: string;
  /** For an undo: the revision whose content it restored. */
  undoTo?: number;
}

export interface UndoResult extends MutationResult {
  /** The oldest change reverted (its revision is the one restored). */
  undone: HistoryEntry;
  /** Every change reverted, oldest first. */
  undoneChanges: HistoryEntry[];
  /** The revision whose content is now current again (under the new revision number). */
  restoredRevision: number;
}

export interface WorkspaceOptions {
  /** Folders import_document may read from (real paths are compared). Default: ~/Documents/jixiao. */
  roots?: string[];
  /** Where render_project writes html/xlsx files. */
  exportsDir?: string;
}

const MIME = {
  markdown: "text/markdown",
  html: "text/html",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

const PATCHABLE_PROJECT_FIELDS = new Set([
  "name", "code", "summary", "purpose", "funding", "evaluationBasis", "goals", "budget", "spendingPlan", "profile",
]);


export class Workspace {
  readonly roots: string[];
  readonly exportsDir: string;

  constructor(
    readonly store: Store,
    opts: WorkspaceOptions = {},
  ) {
    this.roots = (opts.roots && opts.roots.length > 0 ? opts.roots : [defaultRoot()]).map((r) => resolve(r));
    this.exportsDir = opts.exportsDir ?? join(process.cwd(), "exports");
  }

  close(): void {
    this.store.close();
  }

  // ---- projects -------------------------------------------------------------------------------------------

  createProject(input: CreateProjectInput): IndicatorMutationResult & { added: string[] } {
    const name = requireText(input.name, "项目名称（name）");
    checkAmount(input.budget?.total, "预算数（budget.total）", true);
    checkAmount(input.budget?.fiscal, "财政资金（budget.fiscal）");
    checkAmount(input.budget?.other, "其他资金（budget.other）");
    checkProfile(input.profile);
    const id = newId("p");
    const project = parseProject(
      {
        id,
        seq: 1,
        code: input.code?.trim() ?? "",
        name,
        summary: input.summary ?? "",
        purpose: input.purpose ?? "",
        budget: { total: input.budget.total, fiscal: input.budget.fiscal ?? null, other: input.budget.other ?? null },
        spendingPlan: { mar: null, jun: null, oct: null, dec: null, ...input.spendingPlan },
        goals: input.goals ?? [],
        indicators: [],
        ...(input.profile ? { profile: input.profile } : {}),
      },
      name,
    );
    const added: string[] = [];
    const normalized: LabelNormalization[] = [];
    if (input.indicators && input.indicators.length > 0) {
      const r = insertIndicators(project, input.indicators);
      added.push(...r.added);
      normalized.push(...r.normalized);
    }
    const stored = this.store.transaction(() => this.store.insertProject({ id, documentId: null, project: parseProject(project, name) }));
    return { ...this.result(stored), added, normalized };
  }

  updateProject(projectId: string, patch: ProjectPatch, revision?: number): MutationResult {
    if (patch.name !== undefined) requireText(patch.name, "项目名称（name）");
    if (patch.budget) {
      checkAmount(patch.budget.total, "预算数（budget.total）");
      checkAmount(patch.budget.fiscal, "财政资金（budget.fiscal）");
      checkAmount(patch.budget.other, "其他资金（budget.other）");
    }
    checkProfile(patch.profile);
    const unknown = Object.keys(patch).filter((k) => !PATCHABLE_PROJECT_FIELDS.has(k));
    if (unknown.length > 0) {
      throw new InputError(
        `不能用 update_project 修改字段：${unknown.join("、")}。可修改：${[...PATCHABLE_PROJECT_FIELDS].join("、")}；指标请用 add_indicators / update_indicator / remove_indicators`,
      );
    }
    return this.mutate(
      projectId,
      revision,
      "update_project",
      (p) => {
        const { budget, spendingPlan, goals, ...rest } = patch;
        for (const [key, value] of Object.entries(rest)) {
          if (value !== undefined) (p as Record<string, unknown>)[key] = typeof value === "string" ? value.trim() : value;
        }
        if (goals) p.goals = goals.map((g) => g.trim()).filter((g) => g !== "");
        if (budget) p.budget = { ...p.budget, ...stripUndefined(budget) };
        if (spendingPlan) p.spendingPlan = { ...p.spendingPlan, ...stripUndefined(spendingPlan) };
        return p;
      },
      describeProjectUpdate,
    );
  }

  getProject(projectId: string): ProjectView {
    const row = this.requireProject(projectId);
    return { ...this.result(row), documentId: row.documentId, createdAt: row.createdAt, updatedAt: row.updatedAt };
  }

  /** listProjects with each project's finding counts (validated now, as get_project would). */
  listProjectsWithSummary(query?: string): (ProjectListItem & { summary: FindingSummary })[] {
    return this.matchingProjects(query).map((row) => ({ ...listItem(row), summary: this.report(row.project).summary }));
  }

  listProjects(query?: string): ProjectListItem[] {
    return this.matchingProjects(query).map(listItem);
  }

  /** Stored projects whose name, code or summary contains the query (whitespace and case ignored). */
  private matchingProjects(query?: string) {
    const q = query ? squashLower(query) : "";
    return this.store
      .listProjects()
      .filter((row) => !q || [row.project.name, row.project.code, row.project.summary].some((t) => squashLower(t).includes(q)));
  }

  deleteProject(projectId: string, revision?: number): { deleted: string } {
    return this.store.transaction(() => {
      const row = this.requireProject(projectId);
      this.checkRevision(row, revision);
      this.store.deleteProject(projectId);
      return { deleted: projectId };
    });
  }

  // ---- documents ------------------------------------------------------------------------------------------

  /** An imported document: its metadata and its projects as currently stored (edits included). */
  getDocument(documentId: string): { id: string; source: string | null; createdAt: string; document: JixiaoDocument } {
    const doc = this.store.getDocument(documentId);
    if (!doc) throw new InputError(`找不到文档“${documentId}”。文档 id 由 import_document 返回，也见 list_projects 中的 documentId`);
    const projects = this.store
      .listProjects()
      .filter((row) => row.documentId === documentId)
      .map((row) => row.project);
    return { id: doc.id, source: doc.source, createdAt: doc.createdAt, document: { ...doc.meta, projects } };
  }

  // ---- indicators -----------------------------------------------------------------------------------------

  /**
   * Add rows. 一级/二级 labels are canonicalised through the project's profile (产出 → 产出指标, 满意度 as a 二级 →
   * 服务对象满意度指标), 一级 is inferred from 二级, and each row is placed in taxonomy order (after the last row of
   * its 二级, else among its 一级's rows by the profile's 二级 order, else where its 一级 goes). Existing rows keep
   * their order.
   */
  addIndicators(projectId: string, indicators: IndicatorInput[], revision?: number): IndicatorMutationResult & { added: string[] } {
    if (indicators.length === 0) throw new InputError("indicators 为空：请至少给出一条指标（level2、name、value）");
    let added: string[] = [];
    let normalized: LabelNormalization[] = [];
    const result = this.mutate(
      projectId,
      revision,
      "add_indicators",
      (p) => {
        ({ added, normalized } = insertIndicators(p, indicators));
        return p;
      },
      (_before, after) => `添加 ${added.length} 条指标${namesOf(after, added)}`,
    );
    return { ...result, added, normalized };
  }

  updateIndicator(projectId: string, indicatorId: string, patch: IndicatorPatch, revision?: number): IndicatorMutationResult {
    if (Object.values(patch).every((v) => v === undefined)) {
      throw new InputError("patch 为空：请给出要修改的字段（level1、level2、name、value、description、basis）");
    }
    let normalized: LabelNormalization[] = [];
    const result = this.mutate(projectId, revision, "update_indicator", (p) => {
      const index = indicatorIndex(p, indicatorId);
      const current = p.indicators[index];
      const merged: Indicator = { ...current, ...stripUndefined(patch) };
      for (const key of ["level1", "level2", "name", "value", "description", "basis"] as const) {
        merged[key] = (merged[key] ?? "").trim();
      }
      if (patch.value !== undefined && patch.value.trim() === "") {
        throw new InputError(`指标“${current.name}”的指标值（value）不能为空；不需要这一行时请用 remove_indicators 删除`);
      }
      if (patch.level1 !== undefined || patch.level2 !== undefined) {
        const rows = p.indicators.map((row, n) => (n === index ? merged : row));
        const profileId = p.profile ?? detectProfile({ projects: [{ ...p, indicators: rows }] });
        const where = `指标“${merged.name || current.name}”`;
        const labels =
          patch.level2 !== undefined
            ? // A new 二级 may belong to another 一级: infer it again rather than keep a now-wrong parent.
              resolveLabels({ level1: patch.level1, level2: merged.level2 }, profileId, where)
            : resolveLevel1Only(merged.level1, current.level2, profileId, where);
        merged.level1 = labels.level1;
        merged.level2 = labels.level2;
        normalized = labels.notes.map((n) => ({ ...n, indicatorId }));
      }
      // Structured fields derived from the old value would now contradict the text.
      if (patch.value !== undefined) {
        for (const k of ["operator", "target"] as const) delete merged[k];
        if (patch.unit === undefined) delete merged.unit;
      }
      p.indicators[index] = merged;
      return p;
    }, (before, after) => describeIndicatorUpdate(before, after, indicatorId, patch));
    return { ...result, normalized };
  }

  removeIndicators(projectId: string, indicatorIds: string[], revision?: number): MutationResult & { removed: string[] } {
    if (indicatorIds.length === 0) throw new InputError("indicatorIds 为空：请给出要删除的指标 id（用 get_project 查看）");
    const result = this.mutate(projectId, revision, "remove_indicators", (p) => {
      for (const id of indicatorIds) indicatorIndex(p, id); // every id must exist, or nothing is removed
      const drop = new Set(indicatorIds);
      p.indicators = p.indicators.filter((i) => !drop.has(i.id ?? ""));
      return p;
    }, (before) => `删除 ${new Set(indicatorIds).size} 条指标${namesOf(before, [...new Set(indicatorIds)])}`);
    return { ...result, removed: [...new Set(indicatorIds)] };
  }

  // ---- validate / render ----------------------------------------------------------------------------------

  validateProject(projectId: string, profile?: ProfileId): Report & { findings: WorkspaceFinding[] } {
    checkProfile(profile);
    const row = this.requireProject(projectId);
    return this.report(row.project, profile);
  }

  async renderProject(projectId: string, format: "markdown" | "html" | "xlsx"): Promise<RenderResult> {
    if (format === "markdown") {
      const { content } = await this.exportProject(projectId, "md");
      return { format, markdown: content as string, mimeType: MIME.markdown };
    }
    const { content, fileName } = await this.exportProject(projectId, format);
    await mkdir(this.exportsDir, { recursive: true });
    const path = join(this.exportsDir, fileName);
    await writeFile(path, content);
    const bytes = typeof content === "string" ? Buffer.byteLength(content) : content.length;
    return { format, path, bytes, mimeType: MIME[format] };
  }

  /**
   * A project's table as file content, the same tables render_project writes (findings overlaid): md, printable
   * html, xlsx; or json — a Document JSON holding this project (with its imported document's department/year), which
   * `jixiao check` and `jixiao import` read back.
   */
  async exportProject(projectId: string, format: ExportFormat): Promise<ExportResult> {
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new InputError(`不支持的导出格式“${String(format)}”，可选：${EXPORT_FORMATS.join("、")}`);
    }
    const row = this.requireProject(projectId);
    const { project } = row;
    const fileName = `${safeFileName(project.name || "项目")}-${projectId}.${format}`;
    if (format === "json") {
      // The imported document's department/year/profile; not its 目录 or import warnings, which concern all its projects.
      const { importWarnings: _warnings, ...meta } = (row.documentId ? this.store.getDocument(row.documentId)?.meta : undefined) ?? {};
      const document: JixiaoDocument = { unit: "万元", ...meta, toc: [], projects: [project] };
      return { format, content: `${JSON.stringify(document, null, 2)}\n`, mimeType: "application/json", fileName };
    }
    const report = this.report(project);
    const opts = { findings: report.findings, profile: report.profile };
    const { renderProjectHtml, renderProjectMarkdown, renderProjectXlsx } = await import("./render/index.js");
    if (format === "md") return { format, content: renderProjectMarkdown(project, opts), mimeType: MIME.markdown, fileName };
    if (format === "html") return { format, content: renderProjectHtml(project, opts), mimeType: MIME.html, fileName };
    return { format, content: await renderProjectXlsx(project, opts), mimeType: MIME.xlsx, fileName };
  }

  // ---- import / draft -------------------------------------------------------------------------------------

  async importDocument(input: { path?: string; text?: string }): Promise<ImportResult> {
    const hasPath = typeof input.path === "string" && input.path.trim() !== "";
    const hasText = typeof input.text === "string" && input.text.trim() !== "";
    if (hasPath === hasText) throw new InputError("请二选一：给出 path（允许目录内的文件路径）或 text（绩效文本内容）");
    let document: JixiaoDocument;
    let source: string;
    if (hasPath) {
      const file = this.resolveAllowedPath(input.path!);
      const { importFile } = await import("./import/index.js");
      document = await importFile(file);
      source = file;
    } else {
      if (input.text!.length > MAX_IMPORT_TEXT_CHARS) {
        throw new InputError(
          `text 过长（${input.text!.length.toLocaleString("en-US")} 字符），上限 ${MAX_IMPORT_TEXT_CHARS.toLocaleString("en-US")} 字符；请把文本存为文件放到允许的目录内，改用 path 导入`,
        );
      }
      const { importText } = await import("./import/text.js");
      document = importText(input.text!, { file: "粘贴的文本" });
      source = "粘贴的文本";
    }
    if (document.projects.length === 0) throw new InputError(`${source}：没有找到任何项目绩效目标表，未导入`);
    const profile = document.profile ?? detectProfile(document);
    const report = validate(document, { profile });
    const documentId = newId("d");
    const { projects, ...meta } = document;
    const stored = this.store.transaction(() => {
      this.store.insertDocument({ id: documentId, meta: { ...meta, profile }, source });
      return projects.map((p) => {
        const id = newId("p");
        const taken = new Set<string | undefined>();
        const project: Project = {
          ...p,
          id,
          profile: p.profile ?? profile,
          indicators: p.indicators.map((i) => ({ ...i, id: uniqueIndicatorId(taken) })),
        };
        return this.store.insertProject({ id, documentId, project });
      });
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
  async draft(
    input: DraftInput,
    opts: { save?: boolean; generator?: TextGenerator } = {},
  ): Promise<DraftResult & { saved?: MutationResult }> {
    requireText(input.name, "项目名称（name）");
    requireText(input.summary, "项目概况（summary）");
    const { draftProject } = await import("./draft/index.js");
    const result = await draftProject(input, opts.generator ? { generator: opts.generator } : {});
    if (!opts.save) return result;
    const id = newId("p");
    const taken = new Set<string | undefined>();
    const project: Project = {
      ...result.project,
      id,
      indicators: result.project.indicators.map((i) => ({ ...i, id: uniqueIndicatorId(taken) })),
    };
    const row = this.store.transaction(() => this.store.insertProject({ id, documentId: null, project }));
    const saved = this.result(row);
    return { ...result, project: saved.project, findings: saved.findings, saved };
  }

  // ---- history --------------------------------------------------------------------------------------------

  /** The stored changes of a project, oldest first (the newest 50 are kept), and its current revision. */
  history(projectId: string): { revision: number; entries: HistoryEntry[] } {
    const row = this.requireProject(projectId);
    return { revision: row.revision, entries: this.store.listSnapshots(projectId).map(historyEntry) };
  }

  /**
   * Restore an earlier content as a new revision (revisions only grow). Without `toRevision`: the content before
   * the last change; repeated calls keep stepping back (an undo is skipped over to the change before the one it
   * went back to). With `toRevision`: the content of that revision, one of the history's revisions. The undo is
   * itself recorded in history, so it can be undone (toRevision = the revision before the undo).
   */
  undo(projectId: string, revision?: number, toRevision?: number): UndoResult {
    const { row, target, reverted } = this.store.transaction(() => {
      const current = this.requireProject(projectId);
      this.checkRevision(current, revision);
      const snapshots = this.store.listSnapshots(projectId);
      const name = `项目“${current.project.name}”（${projectId}）`;
      if (snapshots.length === 0) throw new InputError(`${name}没有可撤销的修改`);
      let targetRevision: number;
      if (toRevision === undefined) {
        const stepped = stepBack(snapshots, current.revision);
        if (stepped === null) throw new InputError(`${name}没有可撤销的修改：已撤销到最早保存的版本`);
        targetRevision = stepped;
      } else {
        if (toRevision === current.revision) {
          throw new InputError(`${name}当前就是版本 ${toRevision}，无需撤销。${availableRevisions(snapshots, current.revision)}`);
        }
        if (!snapshots.some((s) => s.revision === toRevision)) {
          throw new InputError(`${name}没有版本 ${String(toRevision)} 的快照，无法撤销到该版本。${availableRevisions(snapshots, current.revision)}`);
        }
        targetRevision = toRevision;
      }
      const target = snapshots.find((s) => s.revision === targetRevision)!;
      this.store.addSnapshot({
        projectId,
        revision: current.revision,
        action: "undo",
        description: `撤销到版本 ${targetRevision}`,
        undoTo: targetRevision,
        project: current.project,
      });
      const saved = this.store.updateProject(projectId, target.project, current.revision);
      if (!saved) throw this.conflict(current, current.revision);
      const reverted = snapshots.filter((s) => s.revision >= targetRevision && s.revision < current.revision);
      return { row: saved, target, reverted };
    });
    return {
      ...this.result(row),
      undone: historyEntry(target),
      undoneChanges: reverted.map(historyEntry),
      restoredRevision: target.revision,
    };
  }

  // ---- internals ------------------------------------------------------------------------------------------

  /** Resolve a path against the allowed roots (see allowed-roots.ts): inside them, a regular file, not too large. */
  resolveAllowedPath(path: string): string {
    return resolveAllowedPath(this.roots, path);
  }

  private mutate(
    projectId: string,
    revision: number | undefined,
    action: string,
    change: (p: Project) => Project,
    describe: (before: Project, after: Project) => string,
  ): MutationResult {
    const row = this.store.transaction(() => {
      const current = this.requireProject(projectId);
      this.checkRevision(current, revision);
      const next = parseProject(change(structuredClone(current.project)), current.project.name);
      next.id = projectId;
      const description = describe(current.project, next);
      this.store.addSnapshot({ projectId, revision: current.revision, action, description, project: current.project });
      const saved = this.store.updateProject(projectId, next, current.revision);
      // Another process on the same file wrote between our read and write: refuse, never overwrite.
      if (!saved) throw this.conflict(current, revision ?? current.revision);
      return saved;
    });
    return this.result(row);
  }

  private requireProject(projectId: string): StoredProject {
    const row = typeof projectId === "string" && projectId ? this.store.getProject(projectId) : null;
    if (!row) {
      throw new InputError(
        `找不到项目“${projectId}”。请先调用 list_projects 查看已有项目的 id（形如 p_xxxxxxxx），或用 create_project / import_document 新建`,
      );
    }
    return row;
  }

  private checkRevision(row: StoredProject, revision: number | undefined): void {
    if (revision !== undefined && revision !== row.revision) throw this.conflict(row, revision);
  }

  private conflict(row: StoredProject, given: number): InputError {
    const latest = this.store.getProject(row.id)?.revision ?? row.revision;
    return new InputError(
      `项目“${row.project.name}”（${row.id}）已被修改：当前版本为 ${latest}，你提交的版本是 ${given}。` +
        `为避免覆盖他人的修改，本次操作未执行。请先用 get_project 重新读取，再基于最新内容修改（revision: ${latest}）`,
    );
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

// ---- helpers ----------------------------------------------------------------------------------------------

function newId(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString("hex")}`;
}

function uniqueIndicatorId(taken: Set<string | undefined>): string {
  let id = newId("i");
  while (taken.has(id)) id = newId("i");
  taken.add(id);
  return id;
}

function requireText(value: unknown, label: string): string {
  if (typeof value !== "string" || value.trim() === "") throw new InputError(`${label}不能为空`);
  return value.trim();
}

function checkAmount(value: unknown, label: string, required = false): void {
  if (value === undefined || value === null) {
    if (required) throw new InputError(`${label}不能为空：请给出以万元为单位的金额`);
    return;
  }
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new InputError(`${label}应为不小于 0 的数字（单位：万元），收到“${String(value)}”`);
  }
}

function checkProfile(profile: unknown): void {
  if (profile !== undefined && !(typeof profile === "string" && profile in PROFILES)) {
    throw new InputError(`未知的指标体系“${String(profile)}”，可选：${Object.keys(PROFILES).join("、")}`);
  }
}

function parseProject(candidate: unknown, name: string): Project {
  const parsed = ProjectSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`项目“${name}”的数据无效：${issue.path.join(".")} ${issue.message}`);
  }
  return parsed.data;
}

function asRow(input: IndicatorInput): Indicator {
  return {
    level1: input.level1 ?? "",
    level2: input.level2 ?? "",
    name: input.name ?? "",
    description: input.description ?? "",
    value: input.value ?? "",
    basis: input.basis ?? "",
  };
}

/**
 * Build and place new rows in `p` (mutated): labels resolved through the project's profile (detected with the new
 * rows when the project has none), each row inserted at its taxonomy position. Throws InputError before touching
 * `p` when any row is invalid, so a batch is all or nothing.
 */
function insertIndicators(p: Project, inputs: IndicatorInput[]): { added: string[]; normalized: LabelNormalization[] } {
  const profileId = p.profile ?? detectProfile({ projects: [{ ...p, indicators: [...p.indicators, ...inputs.map(asRow)] }] });
  const profile = PROFILES[profileId];
  const built = inputs.map((input, n) => buildIndicator(input, profileId, `第 ${n + 1} 条指标`));
  const taken = new Set(p.indicators.map((i) => i.id));
  const added: string[] = [];
  const normalized: LabelNormalization[] = [];
  for (const { row, notes } of built) {
    row.id = uniqueIndicatorId(taken);
    added.push(row.id);
    normalized.push(...notes.map((note) => ({ ...note, indicatorId: row.id! })));
    p.indicators.splice(insertionIndex(p.indicators, row.level1, row.level2, profile), 0, row);
  }
  return { added, normalized };
}

/** One new row: labels canonical for the profile, 一级 inferred from the 二级. */
function buildIndicator(input: IndicatorInput, profileId: ProfileId, where: string): { row: Indicator; notes: LabelNote[] } {
  const name = requireText(input.name, `${where}的三级指标名称（name）`);
  const value = requireText(input.value, `${where}“${name}”的指标值（value）`);
  requireText(input.level2, `${where}“${name}”的二级指标（level2）`);
  const { level1, level2, notes } = resolveLabels(input, profileId, `${where}“${name}”`);
  const row: Indicator = {
    ...asRow(input),
    level1,
    level2,
    name,
    value,
    description: input.description?.trim() || name,
    basis: input.basis?.trim() ?? "",
  };
  if (input.unit !== undefined) row.unit = input.unit;
  if (input.direction !== undefined) row.direction = input.direction;
  if (input.weight !== undefined) row.weight = input.weight;
  return { row, notes };
}

// ---- labels and row order (taxonomy helpers local to the workspace) -----------------------------------------

type LabelNote = Omit<LabelNormalization, "indicatorId">;

/** A label's canonical form, also when written without the 指标 suffix (社会公众满意度 → 服务对象满意度指标). */
function canonicalOrSuffixed(label: string): string | null {
  const key = squash(label);
  if (!key) return null;
  return canonicalLabel(key) ?? (key.endsWith("指标") ? null : canonicalLabel(`${key}指标`));
}

/** The profile's 二级 for a 二级 cell; a 一级 label with a single 二级 stands for it (满意度 → 服务对象满意度指标). */
function profileLevel2(label: string, profile: Profile): string | null {
  const c = canonicalOrSuffixed(label);
  if (!c) return null;
  if (parentOf(c, profile)) return c;
  const only = profile.level2[c];
  return only && only.length === 1 ? only[0] : null;
}

function profileLevel1(label: string, profile: Profile): string | null {
  const c = canonicalOrSuffixed(label);
  return c && (profile.level1 as string[]).includes(c) ? c : null;
}

function level2List(profile: Profile): string {
  return profile.level1.map((l1) => `${l1}：${profile.level2[l1].join("、")}`).join("；");
}

function unknownLevel2(label: string, profile: Profile, where: string): InputError {
  const c = canonicalOrSuffixed(label);
  const children = c ? profile.level2[c] : undefined;
  const why = children
    ? `“${label}”是一级指标，请给出它下面的一个二级指标：${children.join("、")}`
    : `二级指标“${label}”不在指标体系 ${profile.id}（${profile.title}）中`;
  return new InputError(`${where}：${why}。指标体系 ${profile.id} 可用的二级指标——${level2List(profile)}。请改用其中之一（一级指标可省略，按二级推断）`);
}

function unknownLevel1(label: string, profile: Profile, where: string): InputError {
  const c = canonicalOrSuffixed(label);
  const asLevel2 = c ? parentOf(c, profile) : null;
  const why = asLevel2
    ? `“${label}”是二级指标（属于“${asLevel2}”），不能作为一级指标`
    : `一级指标“${label}”不在指标体系 ${profile.id}（${profile.title}）中`;
  return new InputError(`${where}：${why}。指标体系 ${profile.id} 可用的一级指标：${profile.level1.join("、")}；二级指标——${level2List(profile)}`);
}

/**
 * 一级/二级 of a row as the profile writes them. The 二级 decides the 一级: a given 一级 that names another
 * parent is corrected (and reported). Unknown labels are refused with the profile's valid ones.
 */
function resolveLabels(
  input: { level1?: string; level2: string },
  profileId: ProfileId,
  where: string,
): { level1: string; level2: string; notes: LabelNote[] } {
  const profile = PROFILES[profileId];
  const notes: LabelNote[] = [];
  const raw2 = input.level2.trim();
  const level2 = profileLevel2(raw2, profile);
  if (!level2) throw unknownLevel2(raw2, profile, where);
  const parent = parentOf(level2, profile)!;
  if (squash(raw2) !== level2) {
    notes.push({ field: "level2", from: raw2, to: level2, reason: `二级指标“${raw2}”规范为“${level2}”` });
  }
  const raw1 = input.level1?.trim() ?? "";
  if (raw1) {
    const level1 = profileLevel1(raw1, profile);
    if (!level1) throw unknownLevel1(raw1, profile, where);
    if (level1 !== parent) {
      notes.push({ field: "level1", from: raw1, to: parent, reason: `二级指标“${level2}”属于“${parent}”，一级指标“${raw1}”已改为“${parent}”` });
    } else if (squash(raw1) !== level1) {
      notes.push({ field: "level1", from: raw1, to: level1, reason: `一级指标“${raw1}”规范为“${level1}”` });
    }
  }
  return { level1: parent, level2, notes };
}

/** update_indicator with a new 一级 only: it must be the parent of the row's 二级 (when that is known). */
function resolveLevel1Only(
  raw1: string,
  currentLevel2: string,
  profileId: ProfileId,
  where: string,
): { level1: string; level2: string; notes: LabelNote[] } {
  const profile = PROFILES[profileId];
  const level2 = profileLevel2(currentLevel2, profile);
  if (!raw1) {
    if (!level2) throw unknownLevel2(currentLevel2, profile, where);
    return resolveLabels({ level2: currentLevel2 }, profileId, where);
  }
  const level1 = profileLevel1(raw1, profile);
  if (!level1) throw unknownLevel1(raw1, profile, where);
  if (level2 && parentOf(level2, profile) !== level1) {
    throw new InputError(
      `${where}：二级指标“${currentLevel2}”属于“${parentOf(level2, profile)}”，不能放在一级指标“${raw1}”下。` +
        `要改一级指标，请同时给出新的 level2（${level1}下的二级指标：${profile.level2[level1].join("、")}）`,
    );
  }
  const notes: LabelNote[] =
    squash(raw1) !== level1 ? [{ field: "level1", from: raw1, to: level1, reason: `一级指标“${raw1}”规范为“${level1}”` }] : [];
  // The row's own 二级 is left as written (an imported row keeps its label unless the patch changes it).
  return { level1, level2: currentLevel2, notes };
}

/**
 * Where a new row goes: after the last row of its 二级; else among its 一级's rows by the profile's 二级 order;
 * else where its 一级 goes in the profile's 一级 order; else at the end. Existing rows never move.
 */
function insertionIndex(rows: Indicator[], level1: string, level2: string, profile: Profile): number {
  const l1Rank = (label: string) => (profile.level1 as string[]).indexOf(label);
  const labelsOf = rows.map((r) => {
    const l2 = canonicalOrSuffixed(r.level2) ?? "";
    const l1 = canonicalOrSuffixed(r.level1) ?? (l2 ? (parentOf(l2, profile) ?? "") : "");
    return { l1, l2 };
  });
  const lastWhere = (test: (k: number) => boolean) => {
    for (let k = rows.length - 1; k >= 0; k--) if (test(k)) return k;
    return -1;
  };
  const firstWhere = (test: (k: number) => boolean) => {
    for (let k = 0; k < rows.length; k++) if (test(k)) return k;
    return -1;
  };

  const same2 = lastWhere((k) => labelsOf[k].l1 === level1 && labelsOf[k].l2 === level2);
  if (same2 >= 0) return same2 + 1;

  const siblings = profile.level2[level1] ?? [];
  const rank2 = siblings.indexOf(level2);
  const inLevel1 = (k: number) => labelsOf[k].l1 === level1;
  const rankOf2 = (k: number) => siblings.indexOf(labelsOf[k].l2);
  if (firstWhere(inLevel1) >= 0) {
    const before = lastWhere((k) => inLevel1(k) && rankOf2(k) >= 0 && rankOf2(k) < rank2);
    if (before >= 0) return before + 1;
    const after = firstWhere((k) => inLevel1(k) && rankOf2(k) > rank2);
    if (after >= 0) return after;
    return lastWhere(inLevel1) + 1;
  }

  const rank1 = l1Rank(level1);
  const before = lastWhere((k) => l1Rank(labelsOf[k].l1) >= 0 && l1Rank(labelsOf[k].l1) < rank1);
  if (before >= 0) return before + 1;
  const after = firstWhere((k) => l1Rank(labelsOf[k].l1) > rank1);
  if (after >= 0) return after;
  return rows.length;
}

function indicatorIndex(project: Project, indicatorId: string): number {
  const index = project.indicators.findIndex((i) => i.id === indicatorId);
  if (index < 0) {
    const known = project.indicators.map((i) => `${i.id}（${i.name}）`).join("、") || "（无）";
    throw new InputError(
      `项目“${project.name}”中没有 id 为“${indicatorId}”的指标。现有指标：${known}。请用 get_project 查看最新的指标 id`,
    );
  }
  return index;
}

function withIndicatorIds(findings: Finding[], project: Project): WorkspaceFinding[] {
  return findings.map((f) => {
    const id = f.indicator !== null ? project.indicators[f.indicator]?.id : undefined;
    return id ? { ...f, indicatorId: id } : f;
  });
}

function summarize(findings: Finding[]): FindingSummary {
  const s = { error: 0, warning: 0, info: 0 };
  for (const f of findings) s[f.severity]++;
  return s;
}

function groupByProject(findings: Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.project === null) continue;
    const list = map.get(f.project) ?? [];
    list.push(f);
    map.set(f.project, list);
  }
  return map;
}

function listItem(row: StoredProject): ProjectListItem {
  return {
    id: row.id,
    name: row.project.name,
    code: row.project.code,
    revision: row.revision,
    indicatorCount: row.project.indicators.length,
    budgetTotal: row.project.budget.total,
    documentId: row.documentId,
    updatedAt: row.updatedAt,
  };
}

// ---- history ----------------------------------------------------------------------------------------------

function historyEntry(s: Snapshot): HistoryEntry {
  return {
    revision: s.revision,
    action: s.action,
    description: s.description,
    at: s.at,
    ...(s.undoTo !== undefined ? { undoTo: s.undoTo } : {}),
  };
}

/**
 * The revision a plain undo from `current` goes back to: the one before the last change; when that change was
 * itself an undo (to revision T), the one before the change that made T — so repeated undos keep stepping back.
 * Snapshots are in seq order, so their revisions increase. null: nothing older is stored.
 */
function stepBack(snapshots: Snapshot[], current: number): number | null {
  let from = current;
  for (;;) {
    const previous = snapshots.filter((s) => s.revision < from).at(-1);
    if (!previous) return null;
    if (previous.revision === from - 1 && previous.action === "undo" && previous.undoTo !== undefined && previous.undoTo < from) {
      from = previous.undoTo;
      continue;
    }
    return previous.revision;
  }
}

function availableRevisions(snapshots: Snapshot[], current: number): string {
  const list = [...new Set(snapshots.map((s) => s.revision))].filter((r) => r !== current);
  return `可撤销到的版本：${list.join("、") || "（无）"}（当前版本 ${current}；get_project 加 history: true 可查看每个版本的修改）`;
}

/** A cell value shortened for a one-line change description. */
function clip(value: unknown, max = 24): string {
  if (value === undefined || value === null || value === "") return "（空）";
  const text = String(value).replace(/\s+/g, " ").trim();
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** `：甲、乙、丙` for up to three rows (…等 beyond), by id in `project`. */
function namesOf(project: Project, ids: string[]): string {
  const names = ids.map((id) => project.indicators.find((i) => i.id === id)?.name).filter((n): n is string => Boolean(n));
  if (names.length === 0) return "";
  return `：${names.slice(0, 3).map((n) => clip(n, 16)).join("、")}${names.length > 3 ? " 等" : ""}`;
}

const INDICATOR_FIELD_LABELS: Record<string, string> = {
  level1: "一级指标",
  level2: "二级指标",
  name: "三级指标名称",
  description: "指标描述",
  value: "指标值",
  basis: "依据",
  unit: "单位",
  direction: "方向",
  weight: "权重",
};

function describeIndicatorUpdate(before: Project, after: Project, indicatorId: string, patch: IndicatorPatch): string {
  const old = before.indicators.find((i) => i.id === indicatorId) as Record<string, unknown> | undefined;
  const now = after.indicators.find((i) => i.id === indicatorId) as Record<string, unknown> | undefined;
  const changes = Object.keys(patch)
    .filter((k) => (patch as Record<string, unknown>)[k] !== undefined && k in INDICATOR_FIELD_LABELS)
    .filter((k) => old?.[k] !== now?.[k])
    .map((k) => `${INDICATOR_FIELD_LABELS[k]}：${clip(old?.[k])} → ${clip(now?.[k])}`);
  const name = typeof old?.name === "string" && old.name ? `（${clip(old.name, 16)}）` : "";
  return changes.length === 0 ? `修改指标 ${indicatorId}${name}：内容未变` : `修改指标 ${indicatorId} 的${changes.join("；")}`;
}

const PROJECT_FIELD_LABELS: Record<string, string> = {
  name: "项目名称",
  code: "项目编码",
  summary: "项目概况",
  purpose: "资金用途",
  funding: "资金安排情况",
  evaluationBasis: "评价标准",
  profile: "指标体系",
};
const BUDGET_LABELS: Record<string, string> = { total: "预算数", fiscal: "财政资金", other: "其他资金" };
const PLAN_LABELS: Record<string, string> = { mar: "3月底支出", jun: "6月底支出", oct: "10月底支出", dec: "12月底支出" };

function describeProjectUpdate(before: Project, after: Project): string {
  const changes: string[] = [];
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  for (const [key, label] of Object.entries(PROJECT_FIELD_LABELS)) {
    if (b[key] !== a[key]) changes.push(`${label}：${clip(b[key])} → ${clip(a[key])}`);
  }
  if (JSON.stringify(before.goals) !== JSON.stringify(after.goals)) {
    changes.push(`绩效目标：${before.goals.length} 条 → ${after.goals.length} 条`);
  }
  for (const [key, label] of Object.entries(BUDGET_LABELS)) {
    const x = (before.budget as Record<string, unknown>)[key];
    const y = (after.budget as Record<string, unknown>)[key];
    if (x !== y) changes.push(`${label}：${clip(x)} → ${clip(y)} 万元`);
  }
  for (const [key, label] of Object.entries(PLAN_LABELS)) {
    const x = (before.spendingPlan as Record<string, unknown>)[key];
    const y = (after.spendingPlan as Record<string, unknown>)[key];
    if (x !== y) changes.push(`${label}：${clip(x)} → ${clip(y)}%`);
  }
  return changes.length === 0 ? "修改项目：内容未变" : `修改${changes.join("；")}`;
}

function squashLower(text: string): string {
  return text.replace(/\s+/g, "").toLowerCase();
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A file name from user text: no path separators, reserved or control characters; bounded length. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").replace(/^\.+/, "_").trim();
  return cleaned.slice(0, 60) || "项目";
}
