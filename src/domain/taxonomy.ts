// Taxonomy profiles: which 一级/二级 labels a document uses, with the label variants real
// tables write mapped onto the canonical ones.
import type { JixiaoDocument, ProfileId, Project } from "./schema.js";
import { hasWhitespace } from "./whitespace.js";

export type Level1 = "成本指标" | "产出指标" | "效益指标" | "满意度指标";

export interface Profile {
  id: ProfileId;
  title: string;
  /** Canonical 一级 labels in table order. */
  level1: Level1[];
  /** Canonical 二级 labels under each 一级, in table order. */
  level2: Record<string, string[]>;
  /** 二级 labels a complete table must each have: the one-member sets of `mandatory`, kept for readers of a flat list. */
  requiredLevel2: string[];
  /** What a complete table must have: at least one row of each set (a profile setting; no national list exists). */
  mandatory: MandatorySet[];
  /** The usual weight split by 一级 when weights are given (the rest goes to 预算执行率). */
  weights: Partial<Record<Level1, number>>;
}

/** At least one row under one of `of` (canonical 二级 labels), with where the requirement comes from. */
export interface MandatorySet {
  of: string[];
  source: string;
}

// Where the mandatory sets come from. No national list of mandatory 二级 exists: 财预〔2021〕101号 asks that the
// indicators reflect 成本、产出、效益、满意度 ("原则上…均应设置"), and the provincial 办法 and 申报表 templates list
// 数量/质量/时效/成本 under 产出 and 服务对象满意度 under 满意度; for 效益 they let the unit choose the kinds of effect
// that fit ("根据项目实际选择设置"), so 效益 needs one of its 二级, not a given one.
const SOURCE_OUTPUT = "产出指标的数量、质量、时效、成本（财预〔2021〕101号；各地项目支出绩效目标申报表样表）";
const SOURCE_EFFECT = "效益指标至少一项，按项目实际选择经济、社会、生态效益或可持续影响（财预〔2021〕101号“根据实际设置”）";
const SOURCE_SATISFACTION = "服务对象满意度（财预〔2021〕101号；各地申报表样表）";
const EFFECT_LEVEL2 = ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"];

function mandatory(single: string[], source: string): MandatorySet[] {
  return single.map((l2) => ({ of: [l2], source }));
}

export const PROFILES: Record<ProfileId, Profile> = {
  legacy: {
    id: "legacy",
    title: "常用三级指标体系（产出/效益/满意度，成本列在产出下）",
    level1: ["产出指标", "效益指标", "满意度指标"],
    level2: {
      产出指标: ["数量指标", "质量指标", "时效指标", "成本指标"],
      效益指标: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
      满意度指标: ["服务对象满意度指标"],
    },
    requiredLevel2: ["数量指标", "质量指标", "时效指标", "成本指标", "服务对象满意度指标"],
    mandatory: [
      ...mandatory(["数量指标", "质量指标", "时效指标", "成本指标"], SOURCE_OUTPUT),
      { of: EFFECT_LEVEL2, source: SOURCE_EFFECT },
      ...mandatory(["服务对象满意度指标"], SOURCE_SATISFACTION),
    ],
    weights: { 产出指标: 50, 效益指标: 30, 满意度指标: 10 },
  },
  mof2021: {
    id: "mof2021",
    title: "财预〔2021〕101号（成本/产出/效益/满意度）",
    level1: ["成本指标", "产出指标", "效益指标", "满意度指标"],
    level2: {
      成本指标: ["经济成本指标", "社会成本指标", "生态环境成本指标"],
      产出指标: ["数量指标", "质量指标", "时效指标"],
      效益指标: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
      满意度指标: ["服务对象满意度指标"],
    },
    requiredLevel2: ["经济成本指标", "数量指标", "质量指标", "时效指标", "服务对象满意度指标"],
    mandatory: [
      ...mandatory(["经济成本指标"], "经济成本指标（财预〔2021〕101号：成本指标包括经济成本、社会成本、生态环境成本，经济成本必设）"),
      ...mandatory(["数量指标", "质量指标", "时效指标"], SOURCE_OUTPUT),
      { of: EFFECT_LEVEL2, source: SOURCE_EFFECT },
      ...mandatory(["服务对象满意度指标"], SOURCE_SATISFACTION),
    ],
    weights: { 成本指标: 20, 产出指标: 30, 效益指标: 30, 满意度指标: 10 },
  },
};

/** Label variants seen in real tables → canonical label. Keys are compared with whitespace removed. */
export const LABEL_ALIASES: Record<string, string> = {
  // 一级
  产出: "产出指标",
  效益: "效益指标",
  效果指标: "效益指标",
  效果: "效益指标",
  满意度: "满意度指标",
  成本: "成本指标",
  // 二级
  数量: "数量指标",
  质量: "质量指标",
  时效: "时效指标",
  进度指标: "时效指标",
  经济效益: "经济效益指标",
  经济指标: "经济效益指标",
  社会效益: "社会效益指标",
  社会指标: "社会效益指标",
  生态效益: "生态效益指标",
  环境效益指标: "生态效益指标",
  环境效益: "生态效益指标",
  生态环境效益指标: "生态效益指标",
  可持续影响: "可持续影响指标",
  可持续效益指标: "可持续影响指标",
  可持续发展指标: "可持续影响指标",
  服务对象满意度: "服务对象满意度指标",
  社会公众或服务对象满意度指标: "服务对象满意度指标",
  社会公众满意度指标: "服务对象满意度指标",
  服务对象满意度指标: "服务对象满意度指标",
  // The 2019-era 项目支出绩效目标 templates of 建设工程 projects (东莞, test/fixtures/corpus/doc01): 预算(或投资规模)控制指标
  // is the cost 二级; its bracketed alternatives (或建筑规模指标, 工期指标、形象进度指标) are template notes.
  预算控制指标: "成本指标",
  投资规模控制指标: "成本指标",
  建筑规模指标: "数量指标",
  工期指标: "时效指标",
  形象进度指标: "时效指标",
  经济成本: "经济成本指标",
  社会成本: "社会成本指标",
  生态环境成本: "生态环境成本指标",
  环境成本指标: "生态环境成本指标",
  生态成本指标: "生态环境成本指标",
};

const ALL_LEVEL1 = new Set<string>(["成本指标", "产出指标", "效益指标", "满意度指标"]);
/** The canonical 一级 labels (a canonicalLabel result is tested here, not read again). */
export const LEVEL1_LABELS: ReadonlySet<string> = ALL_LEVEL1;
const ALL_LEVEL2 = new Set<string>(
  Object.values(PROFILES).flatMap((p) => Object.values(p.level2).flat()),
);

/** Remove all whitespace (cells wrap and PDF extraction inserts spaces anywhere; \s covers U+3000). */
export function squash(text: string): string {
  // Most cells hold no whitespace: test first, so they are returned without a new string.
  return hasWhitespace(text) ? text.replace(/\s+/g, "") : text;
}

/**
 * LABEL_ALIASES as a map, for the look-ups: own keys only (a cell reading constructor or __proto__ is no label:
 * Object.prototype members are not aliases), and a look-up that need not intern a cell's text as a property key.
 */
const ALIASES: ReadonlyMap<string, string> = new Map(Object.entries(LABEL_ALIASES));

/** The canonical label for a 一级 or 二级 cell, or null when it is not a known label or variant. */
export function canonicalLabel(label: string): string | null {
  const key = squash(label);
  if (ALL_LEVEL1.has(key) || ALL_LEVEL2.has(key)) return key;
  return ALIASES.get(key) ?? readLabel(key)?.canonical ?? null;
}

// Template variants (a label as a provincial form or a template writes it, mapped when the meaning is certain):
// - the template's own note left in the cell: 质量指标（必填）, 经济效益指标(选填), ★数量指标, 产出指标：
//   (申报表 templates mark which 二级 must be filled; the note is not part of the label);
// - …目标 for …指标 (社会效益目标: the 宁夏 同心县 公示 of test/fixtures/corpus/doc07), …类指标 / …类 for …指标
//   (社会效益类指标, as category headings of 共性指标库 tables are written).
// Sources: test/fixtures/corpus/SOURCES.md (doc02 湖北, doc07 宁夏, doc08 湖南); 佳县财政支出项目绩效目标申报表
// (陕西, https://docx.baby/p/20793843881926.html: 环境效益指标, 指标内容 as the 三级 column).
const TEMPLATE_NOTE_RE = /[（(【\[]\s*(?:或[^（()）【】\[\]]+|[^（()）【】\[\]、，,]*指标(?:[、，,][^（()）【】\[\]、，,]*指标)*|必填|选填|必选|可选|非必填|选报|必报|可不填|如有|若有|选择性填写|可多选|至少填写?一项)[^（()）【】\[\]]*[）)】\]]/g;
const LEAD_MARKS = "★☆*※";
const LEAD_MARK_RE = new RegExp(`^[${LEAD_MARKS}]+`);
const LEAD_MARK_CODES: ReadonlySet<number> = new Set([...LEAD_MARKS].map((mark) => mark.charCodeAt(0)));
const TRAIL_MARK_RE = /[:：]+$/;

export interface LabelReading {
  canonical: string;
  /** How the written label differs from the standard one: a template note, or a variant form (…目标, …类指标). */
  variant: "note" | "form";
}

/**
 * A label that is not standard but certainly means one (see above), with how it differs; null for a standard
 * label, an alias of LABEL_ALIASES (those are the usual spellings) or an unknown label.
 */
export function readLabel(label: string): LabelReading | null {
  const key = squash(label);
  // Most keys (every 三级 name name-is-category reads) carry no mark or note and no variant's prefix or suffix.
  return mayBeVariant(key) ? readVariant(key) : null;
}

/**
 * The key could read as a variant: it holds what withoutMarks removes (a note's opening bracket, a lead mark, a
 * trailing colon) or what variantForm reads (预期…, …类, …目标, …类指标). Any other key is returned by withoutMarks
 * as it is and is no variant form: readVariant would answer null, after set look-ups and scans.
 */
function mayBeVariant(key: string): boolean {
  // The first and last characters read as codes first: a call to endsWith costs more than the comparison.
  const first = key.charCodeAt(0);
  const last = key.charCodeAt(key.length - 1);
  return (
    last === 0x3a || // :
    last === 0xff1a || // ：
    last === 0x7c7b || // 类
    (last === 0x6807 && (key.endsWith("目标") || key.endsWith("类指标"))) || // 标
    (first === 0x9884 && key.startsWith("预期")) || // 预
    LEAD_MARK_CODES.has(first) ||
    holdsNoteOpening(key)
  );
}

/** readLabel of a whitespace-free key, read in full (exported for the test pinning readLabel's guard to it). */
export function readVariant(key: string): LabelReading | null {
  if (key === "" || ALL_LEVEL1.has(key) || ALL_LEVEL2.has(key) || ALIASES.has(key)) return null;
  const stripped = withoutMarks(key);
  // The key itself was looked up above: only a key that lost a note or mark can be a label now.
  const direct = stripped !== key ? lookup(stripped) : null;
  if (stripped !== key && direct) return { canonical: direct, variant: "note" };
  const form = variantForm(stripped);
  return form ? { canonical: form, variant: stripped !== key ? "note" : "form" } : null;
}

/**
 * The text holds an opening bracket a template note starts with (（ ( 【 [, the first class of TEMPLATE_NOTE_RE):
 * read as character codes, as most labels and 三级 names are tested and hold none.
 */
function holdsNoteOpening(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0xff08 || c === 0x28 || c === 0x3010 || c === 0x5b) return true;
  }
  return false;
}

/** The label without its template notes, lead marks and trailing colons. */
function withoutMarks(key: string): string {
  // Test before replacing: most labels (and the 三级 names name-is-category reads) carry none of them.
  let s = key;
  if (holdsNoteOpening(s)) s = s.replace(TEMPLATE_NOTE_RE, "");
  if (LEAD_MARK_CODES.has(s.charCodeAt(0))) s = s.replace(LEAD_MARK_RE, "");
  if (s.endsWith(":") || s.endsWith("：")) s = s.replace(TRAIL_MARK_RE, "");
  return s;
}

function lookup(key: string): string | null {
  if (ALL_LEVEL1.has(key) || ALL_LEVEL2.has(key)) return key;
  return ALIASES.get(key) ?? null;
}

/** 社会效益目标, 社会效益类指标, 社会效益类 → 社会效益指标; 预期产出指标 (the 2019 templates) → 产出指标. */
function variantForm(key: string): string | null {
  // Only a key with the prefix or one of the suffixes can be one: most keys leave without running a pattern.
  const expected = key.startsWith("预期") ? /^预期(.+指标)$/.exec(key) : null;
  if (expected) return lookup(expected[1]);
  if (!key.endsWith("类") && !key.endsWith("目标") && !key.endsWith("类指标")) return null;
  const m = /^(.+?)(?:类指标|类目标|目标|类)$/.exec(key);
  if (!m) return null;
  return lookup(`${m[1]}指标`) ?? lookup(m[1]);
}

export function isLevel1Label(label: string): boolean {
  const c = canonicalLabel(label);
  return c !== null && ALL_LEVEL1.has(c);
}

export function isLevel2Label(label: string): boolean {
  const c = canonicalLabel(label);
  return c !== null && ALL_LEVEL2.has(c);
}

/** The 一级 a canonical 二级 belongs to in a profile (成本指标 differs between the two). */
export function parentOf(level2: string, profile: Profile): string | null {
  const c = canonicalLabel(level2);
  if (!c) return null;
  for (const [l1, l2s] of Object.entries(profile.level2)) if (l2s.includes(c)) return l1;
  return null;
}

/** All canonical labels (一级 and 二级) — a 三级 name equal to one of these names no measure. */
export function allCategoryLabels(): string[] {
  return [...ALL_LEVEL1, ...ALL_LEVEL2];
}

/**
 * Pick the profile from the labels a document uses: a 一级 成本指标 or a mof2021-only 二级
 * (经济成本指标 …) means mof2021; 成本指标 as a 二级 under 产出 means legacy.
 */
export function detectProfile(doc: Pick<JixiaoDocument, "projects"> | { projects: Project[] }): ProfileId {
  return profileFromLabels(
    doc.projects.flatMap((p) =>
      p.indicators.map((ind) => ({ level1: canonicalLabel(ind.level1), level2: canonicalLabel(ind.level2) })),
    ),
  );
}

/** detectProfile's vote over labels already made canonical (the validator has them on every row). */
export function profileFromLabels(rows: Iterable<{ level1: string | null; level2: string | null }>): ProfileId {
  let score = 0;
  for (const { level1, level2 } of rows) score += profileVote(level1, level2);
  return profileOfVotes(score);
}

/**
 * One row's vote, from its canonical labels: +1 for each mark of mof2021 (成本指标 as a 一级, its 二级 经济成本指标
 * …), −1 for legacy's (成本指标 as a 二级). A document's rows summed decide (profileOfVotes).
 */
export function profileVote(level1: string | null, level2: string | null): number {
  let vote = level1 === "成本指标" ? 1 : 0;
  if (level2 === "经济成本指标" || level2 === "社会成本指标" || level2 === "生态环境成本指标") vote++;
  else if (level2 === "成本指标") vote--;
  return vote;
}

/** The profile the summed votes of profileVote name (legacy unless mof2021 has more). */
export function profileOfVotes(score: number): ProfileId {
  return score > 0 ? "mof2021" : "legacy";
}

export function detectProjectProfile(project: Project): ProfileId {
  return project.profile ?? detectProfile({ projects: [project] });
}

/**
 * A row of a form whose levels are shifted one column to the right: the 一级 column holds a heading (绩效指标,
 * 年度绩效指标) or nothing, the 二级 column a 一级 label (产出指标) and the 三级 column a 二级 label of it (数量指标),
 * with the measure itself in the next column (指标内容 → description). The labels as they were meant, or null when
 * the row is not certainly shifted.
 */
export function shiftedLevels(
  ind: { level1: string; level2: string; name: string; description: string },
  profile?: Profile,
): { level1: string; level2: string; name: string } | null {
  const level1 = canonicalLabel(ind.level2);
  if (level1 === null || !ALL_LEVEL1.has(level1)) return null;
  const own = canonicalLabel(ind.level1);
  if (own !== null && ALL_LEVEL1.has(own)) return null;
  const level2 = canonicalLabel(ind.name);
  if (level2 === null || !ALL_LEVEL2.has(level2) || squash(ind.description) === "") return null;
  const profiles = profile ? [profile] : Object.values(PROFILES);
  if (!profiles.some((p) => (p.level2[level1] ?? []).includes(level2))) return null;
  return { level1: ind.level2, level2: ind.name, name: ind.description };
}
