// Input checks at the service edge, before anything is stored: required texts, amounts, profiles, and string
// lengths. A 10 MB project name once stored broke every later list_projects. The limits are far above real
// tables (in the test corpus's real documents the longest title is 61 characters, the longest 指标值 26, the
// longest prose field 1,938, and a project has at most 12 rows), and each refusal names the limit and the figure.
import { InputError } from "../domain/errors.js";
import { ProjectSchema, type Project } from "../domain/schema.js";
import { PROFILES } from "../domain/taxonomy.js";

export const TEXT_LIMITS = {
  /** 项目名称, 项目编码, 一级/二级/三级 labels, units. */
  label: 200,
  /** 指标值, 描述, 依据, one 绩效目标. */
  cell: 2_000,
  /** 项目概况, 资金用途, 资金安排情况, 评价标准 … */
  prose: 20_000,
} as const;

/** Rows per project and goals per project: a table on paper has a few dozen. */
export const COUNT_LIMITS = { indicators: 500, goals: 100 } as const;

const LABEL_FIELDS = new Set(["name", "code", "level1", "level2", "unit", "tableTitle", "explanationTitle", "operator", "direction", "nature"]);
const CELL_FIELDS = new Set(["value", "description", "basis", "needsConfirmation"]);

/** Every string of a project within its limit; `where` names the project in the message. */
export function checkProjectLimits(project: Project, where: string): void {
  if (project.indicators.length > COUNT_LIMITS.indicators) {
    throw new InputError(`${where}：指标 ${project.indicators.length} 条，超过上限 ${COUNT_LIMITS.indicators} 条，未保存`);
  }
  if (project.goals.length > COUNT_LIMITS.goals) {
    throw new InputError(`${where}：绩效目标 ${project.goals.length} 条，超过上限 ${COUNT_LIMITS.goals} 条，未保存`);
  }
  for (const [key, value] of Object.entries(project)) {
    if (typeof value === "string") checkLength(value, limitOf(key), `${where}的${FIELD_NAMES[key] ?? key}（${key}）`);
  }
  project.goals.forEach((g, n) => checkLength(g, TEXT_LIMITS.cell, `${where}的第 ${n + 1} 条绩效目标`));
  project.narrativeGoals.forEach((g, n) => checkLength(g, TEXT_LIMITS.prose, `${where}的第 ${n + 1} 条目标说明`));
  project.indicators.forEach((row, n) => {
    for (const [key, value] of Object.entries(row)) {
      if (typeof value === "string") checkLength(value, limitOf(key), `${where}第 ${n + 1} 条指标的${FIELD_NAMES[key] ?? key}（${key}）`);
    }
  });
}

export function checkLength(value: string, limit: number, what: string): void {
  if (value.length > limit) {
    throw new InputError(`${what}过长：${value.length} 个字符，上限 ${limit} 个字符。请缩短后重试，未保存任何内容`);
  }
}

function limitOf(key: string): number {
  if (LABEL_FIELDS.has(key)) return TEXT_LIMITS.label;
  if (CELL_FIELDS.has(key)) return TEXT_LIMITS.cell;
  return TEXT_LIMITS.prose;
}

const FIELD_NAMES: Record<string, string> = {
  name: "名称",
  code: "项目编码",
  summary: "项目概况",
  purpose: "资金用途",
  funding: "资金安排情况",
  evaluationBasis: "评价标准",
  narrativeIndicators: "指标说明",
  level1: "一级指标",
  level2: "二级指标",
  value: "指标值",
  description: "指标描述",
  basis: "依据",
  unit: "单位",
};

export function requireText(value: unknown, label: string): string {
  if (typeof value !== "string" || value.trim() === "") throw new InputError(`${label}不能为空`);
  return value.trim();
}

export function checkAmount(value: unknown, label: string, required = false): void {
  if (value === undefined || value === null) {
    if (required) throw new InputError(`${label}不能为空：请给出以万元为单位的金额`);
    return;
  }
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new InputError(`${label}应为不小于 0 的数字（单位：万元），收到“${String(value)}”`);
  }
}

export function checkProfile(profile: unknown): void {
  if (profile !== undefined && !(typeof profile === "string" && Object.hasOwn(PROFILES, profile))) {
    throw new InputError(`未知的指标体系“${String(profile)}”，可选：${Object.keys(PROFILES).join("、")}`);
  }
}

/** The candidate as a valid Project, its strings within the limits; named by `name` in a refusal. */
export function parseProject(candidate: unknown, name: string): Project {
  const parsed = ProjectSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`项目“${name.slice(0, 60)}”的数据无效：${issue.path.join(".")} ${issue.message}`);
  }
  checkProjectLimits(parsed.data, `项目“${name.slice(0, 60)}”`);
  return parsed.data;
}

/**
 * Before any work: no string anywhere in a call's input longer than the largest field limit, so a huge value is
 * refused before it reaches a message, a label lookup or the store. Field limits proper follow in parseProject.
 */
export function checkInputStrings(input: unknown, what: string, path = ""): void {
  if (typeof input === "string") {
    checkLength(input, TEXT_LIMITS.prose, `${what}${path ? `中的 ${path}` : ""}`);
  } else if (Array.isArray(input)) {
    if (input.length > COUNT_LIMITS.indicators) {
      throw new InputError(`${what}${path ? `中的 ${path}` : ""}有 ${input.length} 项，超过上限 ${COUNT_LIMITS.indicators} 项，未保存任何内容`);
    }
    input.forEach((v, n) => checkInputStrings(v, what, `${path}[${n}]`));
  } else if (input && typeof input === "object") {
    for (const [k, v] of Object.entries(input)) checkInputStrings(v, what, path ? `${path}.${k}` : k);
  }
}
