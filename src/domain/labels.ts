// Label resolution and row placement, the taxonomy's answers to "which 一级/二级 does this cell mean in this
// profile" and "where does a new row go": used by the workspace's edits, beside taxonomy.ts's alias table.
import { InputError } from "./errors.js";
import type { Indicator, ProfileId } from "./schema.js";
import { canonicalLabel, parentOf, PROFILES, squash, type Profile } from "./taxonomy.js";

/** Own keys only: a label such as constructor or __proto__ must not find Object.prototype's members. */
function childrenOf(profile: Profile, level1: string): string[] | undefined {
  return Object.hasOwn(profile.level2, level1) ? profile.level2[level1] : undefined;
}

/** A 一级/二级 label rewritten to the profile's canonical one (产出 → 产出指标), and why (in Chinese). */
export interface LabelNote {
  field: "level1" | "level2";
  from: string;
  to: string;
  reason: string;
}

/** A label's canonical form, also when written without the 指标 suffix (社会公众满意度 → 服务对象满意度指标). */
export function canonicalOrSuffixed(label: string): string | null {
  const key = squash(label);
  if (!key) return null;
  return canonicalLabel(key) ?? (key.endsWith("指标") ? null : canonicalLabel(`${key}指标`));
}

/** The profile's 二级 for a 二级 cell; a 一级 label with a single 二级 stands for it (满意度 → 服务对象满意度指标). */
function profileLevel2(label: string, profile: Profile): string | null {
  const c = canonicalOrSuffixed(label);
  if (!c) return null;
  if (parentOf(c, profile)) return c;
  const only = childrenOf(profile, c);
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
  const children = c ? childrenOf(profile, c) : undefined;
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
export function resolveLabels(
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
export function resolveLevel1Only(
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
export function insertionIndex(rows: Indicator[], level1: string, level2: string, profile: Profile): number {
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

  const siblings = childrenOf(profile, level1) ?? [];
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

