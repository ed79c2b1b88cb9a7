// The edits, as pure functions of a project: each takes the state it read and returns the new state with what it
// did — rows added, labels normalized, a Chinese description for the history. No store, no captured state: the
// workspace commits the result in one transaction, or refuses it.
import { InputError } from "../domain/errors.js";
import { insertionIndex, resolveLabels, resolveLevel1Only, type LabelNote } from "../domain/labels.js";
import type { Indicator, ProfileId, Project } from "../domain/schema.js";
import { detectProfile, PROFILES } from "../domain/taxonomy.js";
import type { CreateProjectInput, IndicatorInput, IndicatorPatch, LabelNormalization, ProjectPatch } from "./contracts.js";
import { describeIndicatorUpdate, describeProjectUpdate, namesOf } from "./describe.js";
import { newId, uniqueIndicatorId } from "./ids.js";
import { checkAmount, checkProfile, parseProject, requireText } from "./limits.js";

export interface Edit {
  project: Project;
  /** Ids of the rows this edit added, in input order. */
  added: string[];
  /** Labels rewritten to canonical ones; empty when every label was given as the profile writes it. */
  normalized: LabelNormalization[];
  /** What the edit did, in Chinese, for the history. */
  description: string;
}

const PATCHABLE_PROJECT_FIELDS = new Set([
  "name", "code", "summary", "purpose", "funding", "evaluationBasis", "goals", "budget", "spendingPlan", "profile",
]);

const INDICATOR_TEXT_FIELDS = ["level1", "level2", "name", "value", "description", "basis"] as const;

export function createProject(input: CreateProjectInput): Edit {
  const name = requireText(input.name, "项目名称（name）");
  checkAmount(input.budget?.total, "预算数（budget.total）", true);
  checkAmount(input.budget?.fiscal, "财政资金（budget.fiscal）");
  checkAmount(input.budget?.other, "其他资金（budget.other）");
  checkProfile(input.profile);
  const empty = parseProject(
    {
      id: newId("p"),
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
  if (!input.indicators || input.indicators.length === 0) return { project: empty, added: [], normalized: [], description: "新建项目" };
  const edit = addIndicators(empty, input.indicators);
  return { ...edit, description: "新建项目" };
}

/**
 * Add rows. 一级/二级 labels are canonicalised through the project's profile (产出 → 产出指标, 满意度 as a 二级 →
 * 服务对象满意度指标), 一级 is inferred from 二级, and each row is placed in taxonomy order. Existing rows keep
 * their order. Any invalid row refuses the whole batch.
 */
export function addIndicators(before: Project, inputs: IndicatorInput[]): Edit {
  if (inputs.length === 0) throw new InputError("indicators 为空：请至少给出一条指标（level2、name、value）");
  const p = structuredClone(before);
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
  const project = parseProject(p, before.name);
  return { project, added, normalized, description: `添加 ${added.length} 条指标${namesOf(project, added)}` };
}

export function updateIndicator(before: Project, indicatorId: string, patch: IndicatorPatch): Edit {
  if (Object.values(patch).every((v) => v === undefined)) {
    throw new InputError("patch 为空：请给出要修改的字段（level1、level2、name、value、description、basis、unit、direction、weight）");
  }
  const p = structuredClone(before);
  const index = indicatorIndex(p, indicatorId);
  const current = p.indicators[index];
  const merged: Indicator = { ...current, ...stripUndefined(patch) };
  for (const key of INDICATOR_TEXT_FIELDS) merged[key] = (merged[key] ?? "").trim();
  if (patch.value !== undefined && patch.value.trim() === "") {
    throw new InputError(`指标“${current.name}”的指标值（value）不能为空；不需要这一行时请用 remove_indicators 删除`);
  }
  let normalized: LabelNormalization[] = [];
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
  const project = parseProject(p, before.name);
  return { project, added: [], normalized, description: describeIndicatorUpdate(before, project, indicatorId, patch) };
}

export function removeIndicators(before: Project, indicatorIds: string[]): Edit & { removed: string[] } {
  if (indicatorIds.length === 0) throw new InputError("indicatorIds 为空：请给出要删除的指标 id（用 get_project 查看）");
  for (const id of indicatorIds) indicatorIndex(before, id); // every id must exist, or nothing is removed
  const removed = [...new Set(indicatorIds)];
  const drop = new Set(removed);
  const project = parseProject({ ...structuredClone(before), indicators: before.indicators.filter((i) => !drop.has(i.id ?? "")) }, before.name);
  return { project, added: [], normalized: [], removed, description: `删除 ${removed.length} 条指标${namesOf(before, removed)}` };
}

export function updateProject(before: Project, patch: ProjectPatch): Edit {
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
  const p = structuredClone(before);
  const { budget, spendingPlan, goals, ...rest } = patch;
  for (const [key, value] of Object.entries(rest)) {
    if (value !== undefined) (p as Record<string, unknown>)[key] = typeof value === "string" ? value.trim() : value;
  }
  if (goals) p.goals = goals.map((g) => g.trim()).filter((g) => g !== "");
  if (budget) p.budget = { ...p.budget, ...stripUndefined(budget) };
  if (spendingPlan) p.spendingPlan = { ...p.spendingPlan, ...stripUndefined(spendingPlan) };
  const project = parseProject(p, before.name);
  return { project, added: [], normalized: [], description: describeProjectUpdate(before, project) };
}

/** Stored copies of imported or drafted projects: fresh project id, one id per row. */
export function withIds(project: Project, extra: Partial<Project> = {}): Project {
  const id = newId("p");
  const taken = new Set<string | undefined>();
  return { ...project, ...extra, id, indicators: project.indicators.map((i) => ({ ...i, id: uniqueIndicatorId(taken) })) };
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

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

