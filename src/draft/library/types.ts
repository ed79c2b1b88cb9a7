// Shapes of the indicator library: project kinds, each with typical 三级 indicators per role.

/**
 * Where an indicator sits, independent of the profile: the drafter maps a role to the profile's 一级/二级
 * (成本 is 产出指标/成本指标 in legacy, 成本指标/经济成本指标 in mof2021).
 */
export type Role = "数量" | "质量" | "时效" | "成本" | "经济效益" | "社会效益" | "生态效益" | "可持续影响" | "满意度";

/** A number the input may state (`培训4次`, `2600户`); when it does not, the default is asked back. */
export interface Slot {
  /** Units of a matching fact (`次`, `户`); the fact's unit is kept in the value. */
  units: string[];
  /** Words one of which must be near the number (培训, 企业); empty = any fact with a matching unit. */
  cues: string[];
  /** Library default (used with a question when the input does not state the number). */
  default: number;
  /** The unit written with the default. */
  defaultUnit: string;
  question: string;
}

export interface IndicatorTemplate {
  role: Role;
  /** The 三级 name; `{who}` is the beneficiary the input names (学生, 农户) or the kind's default. */
  name: string;
  /**
   * The value pattern. Tokens: `{n}` (the slot's number and unit), `{deadline}` (a date derived from the
   * budget year), `{budget}` (the project budget as a money amount), `{perUnit}` (budget ÷ a grounded count),
   * `{rate}` (a per-head standard the input states: 每生每天5元 → 5元/人·天; the row is dropped when none).
   * Other numbers are library defaults and need `question`, unless `derivation` names where they come from.
   */
  value: string;
  description: string;
  basis: string;
  slot?: Slot;
  /** A fixed number that is a library default: the question to confirm it. */
  question?: string;
  /** A fixed number that follows from a rule, not a guess (e.g. =100% acceptance required by contract). */
  derivation?: "full-compliance";
  /** Include only when one of these words appears in the input (清洁取暖 rows in an 环保 project). */
  whenCues?: string[];
  /** Include only when its slot is grounded in the input (an optional second count). */
  optional?: boolean;
}

export interface ProjectKind {
  id: string;
  /** Chinese name, as users say it (培训, 会议/活动 …). */
  label: string;
  /** Cue words or phrases; matched in the project name (weighted) and summary. */
  cues: string[];
  /** Who is served by default: used in goal text and for `{who}` in names when the input names nobody. */
  beneficiary: string;
  /**
   * Beneficiary groups (labels of BENEFICIARIES) this kind accepts for `{who}`: when the input names one of
   * them (学生, 农户, 企业 …), names read 受益学生人数, 受益学生满意度. Empty or absent = `{who}` is `beneficiary`.
   */
  beneficiaries?: string[];
  /** Scales this kind's cue score: below 1 for kinds whose cues are generic words (经费, 保障, 日常). */
  cueWeight?: number;
  /** A broader kind this one specialises (学校改造 is an 工程建设/改造). */
  parent?: string;
  indicators: IndicatorTemplate[];
}
