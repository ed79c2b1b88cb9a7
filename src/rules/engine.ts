// The rule engine: validate(document) → Report. It builds one effective value per row (text + structured
// fields) and parses it once, builds the row contexts rules
// read, runs project rules per project and document rules once, applies the user's config, and sorts findings
// into reading order (document-level first, then by project, row and catalog order).
import { InputError } from "../domain/errors.js";
import { isEmptyRow, projectRef } from "../domain/project.js";
import type { Indicator, JixiaoDocument, Project, ProfileId } from "../domain/schema.js";
import { canonicalLabel, detectProfile, LEVEL1_LABELS, PROFILES, profileOfVotes, profileVote, shiftedLevels } from "../domain/taxonomy.js";
import { composeValueText, createValueParser, type ValueParser } from "../domain/value.js";
import { RULES } from "./registry.js";
import { checkOptions, type OptionProblem } from "./options.js";
import { Row } from "./row.js";
import type {
  DocumentContext,
  Finding,
  JixiaoConfig,
  ProjectContext,
  Report,
  Rule,
  RuleConfig,
  RuleHit,
  RowContext,
  Severity,
  ValidateOptions,
} from "./types.js";

const SEVERITIES: ReadonlySet<string> = new Set(["error", "warning", "info"]);
/** The config of a rule without thresholds: one frozen object for every project, not one per project. */
const NO_CONFIG: RuleConfig = Object.freeze({});

/** A rule switched on by the config, with its effective severity override and thresholds. */
interface ActiveRule {
  rule: Rule;
  order: number;
  /** Severity forced by the config; null keeps the rule's own (and per-hit) severity. */
  severity: Severity | null;
  config: RuleConfig;
  /** The config sets thresholds of this rule (most runs set none: the project context is then passed as it is). */
  configured: boolean;
  /** empty-row, the one rule that reports 无 rows. */
  emptyRowRule: boolean;
  /** The rule's scope and exclusive field, read once: rules are objects of many shapes, active rules of one. */
  documentRule: boolean;
  exclusive: string | undefined;
}

/** Validate a whole document with the registered rules. */
export function validate(document: JixiaoDocument, opts: ValidateOptions = {}): Report {
  return validateWith(RULES, document, opts);
}

/** Validate one project on its own, as a one-project document (workspace and MCP editing). */
export function validateProject(project: Project, opts: ValidateOptions = {}): Report {
  const document: JixiaoDocument = {
    unit: "万元",
    toc: [],
    projects: [project],
    ...(project.profile ? { profile: project.profile } : {}),
  };
  return validate(document, opts);
}

/** The engine over an explicit rule list (the registry in production; synthetic rules in tests). */
export function validateWith(rules: readonly Rule[], document: JixiaoDocument, opts: ValidateOptions = {}): Report {
  return collectReport(findingBuckets(rules, document, opts));
}

/** The buckets gathered into one Report (its findings in reading order, counted). */
export function collectReport({ profile, buckets }: FindingBuckets): Report {
  const findings: Finding[] = [];
  const summary = { error: 0, warning: 0, info: 0 };
  for (const bucket of buckets) {
    for (const f of bucket) {
      findings.push(f);
      summary[f.severity]++;
    }
  }
  return { profile, findings, summary };
}

/** A document's findings as the report lists them, one bucket at a time: see findingBuckets. */
export interface FindingBuckets {
  profile: ProfileId;
  buckets: Iterable<Finding[]>;
}

/** validate(), its findings handed out bucket by bucket (a report written as it goes holds one project's rows). */
export function validateInBuckets(document: JixiaoDocument, opts: ValidateOptions = {}): FindingBuckets {
  return findingBuckets(RULES, document, opts);
}

/**
 * The findings in reading order, bucketed: document level first, then one bucket per project, then those pointing
 * at a project the document lacks. Document rules run first (they read projects, not rows); a project's rows are
 * built when its bucket is asked for and dropped after, so little of a 900,000-row document survives its check.
 */
function findingBuckets(rules: readonly Rule[], document: JixiaoDocument, opts: ValidateOptions): FindingBuckets {
  const chosen = chosenProfile(document, opts);
  const active = resolveRules(rules, opts.config);
  const meant = new MeantRow();
  const profileId = chosen ?? votedProfile(document, meant);
  const profile = PROFILES[profileId];
  const year = document.year ?? null;
  const projects = document.projects.map((project) => ({ project, profile, year }));
  const documentHits = documentRuleHits(active, { document, profile, projects }, projects.length);
  // One parse cache per run: values repeat across rows, and the cache dies with the run.
  const parse = createValueParser();

  // (row, field) already judged by an exclusive rule: later exclusive rules stay silent there. Renewed per project.
  const claimed = new Claims();

  function* buckets(): Generator<Finding[]> {
    for (let b = 0; b < projects.length + 2; b++) {
      const project = b >= 1 && b <= projects.length ? projects[b - 1].project : null;
      const pc: ProjectContext | null = project && { project, profile, rows: buildRows(project, meant, parse), config: NO_CONFIG, year };
      // The reference findings carry, made once per project (not once per rule).
      const ref = project ? projectRef(project) : "";
      // Rules in catalog order, so the bucket holds its findings in rule order; a stable sort by row then gives
      // the reading order without a global sort over every finding of a 90,000-row document.
      const bucket: Finding[] = [];
      claimed.nextProject();
      for (let r = 0; r < active.length; r++) {
        const a = active[r];
        if (a.documentRule) {
          const hits = documentHits[r]?.get(b);
          if (hits) bucket.push(...hits);
        } else if (pc) {
          projectRuleFindings(a, pc, ref, claimed, bucket);
        }
      }
      sortByRow(bucket);
      yield bucket;
    }
  }
  return { profile: profileId, buckets: buckets() };
}

/** One project rule over one project, its findings pushed onto `bucket`. */
function projectRuleFindings(a: ActiveRule, pc: ProjectContext, ref: string, claimed: Claims, bucket: Finding[]): void {
  const rule = a.rule as Extract<Rule, { scope: "project" }>;
  const exclusive = a.exclusive;
  const hits = rule.check(a.configured ? { ...pc, config: a.config } : pc);
  for (let h = 0; h < hits.length; h++) {
    const hit = hits[h];
    // An empty (无) row raises only empty-row: it counts for nothing else.
    if (!a.emptyRowRule && hit.indicator != null && pc.rows[hit.indicator]?.empty) continue;
    if (exclusive !== undefined && hit.indicator != null && (hit.field ?? exclusive) === exclusive) {
      if (!claimed.claim(exclusive, hit.indicator)) continue;
    }
    bucket.push(toFinding(a, hit, ref));
  }
}

/**
 * The (field, row) pairs exclusive rules have judged in the current project: per field, the project's stamp at
 * each row claimed. A new project is a new stamp, so no Set is made and emptied for each of 100,000 projects.
 */
class Claims {
  private readonly stamps = new Map<string, number[]>();
  private project = 0;

  nextProject(): void {
    this.project++;
  }

  /** Claim the row's field for the current project; false when an earlier exclusive rule has claimed it. */
  claim(field: string, row: number): boolean {
    let stamps = this.stamps.get(field);
    if (!stamps) this.stamps.set(field, (stamps = []));
    // Grown densely (a 10,000-row project's first claim may be its last row): a holey array could turn into a dictionary.
    while (stamps.length <= row) stamps.push(0);
    if (stamps[row] === this.project) return false;
    stamps[row] = this.project;
    return true;
  }
}

/**
 * Each document rule's findings (by its index in `active`), grouped by bucket: a document rule pointing at a
 * project sorts with the first project of that reference; an unknown reference goes last.
 */
function documentRuleHits(
  active: readonly ActiveRule[],
  ctx: Omit<DocumentContext, "config">,
  projectCount: number,
): Map<number, Finding[]>[] {
  const projectIndex = new Map<string, number>();
  ctx.projects.forEach(({ project }, i) => {
    const ref = projectRef(project);
    if (!projectIndex.has(ref)) projectIndex.set(ref, i);
  });
  const byRule: Map<number, Finding[]>[] = [];
  active.forEach((a, r) => {
    if (a.rule.scope !== "document") return;
    const byBucket = new Map<number, Finding[]>();
    for (const hit of a.rule.check({ ...ctx, config: a.config })) {
      const ref = hit.project ?? null;
      const b = ref === null ? 0 : (projectIndex.get(ref) ?? projectCount) + 1;
      let bucket = byBucket.get(b);
      if (!bucket) byBucket.set(b, (bucket = []));
      bucket.push(toFinding(a, hit, ref));
    }
    byRule[r] = byBucket;
  });
  return byRule;
}

/** opts.profile ?? config.profile ?? document.profile ?? detected from the labels. */
export function resolveProfile(document: JixiaoDocument, opts: ValidateOptions = {}): ProfileId {
  return chosenProfile(document, opts) ?? detectProfile(document);
}

/** The profile the options or the document name (checked), or undefined when it is to be detected. */
function chosenProfile(document: JixiaoDocument, opts: ValidateOptions): ProfileId | undefined {
  const chosen = opts.profile ?? opts.config?.profile ?? document.profile;
  if (chosen !== undefined && !(chosen in PROFILES)) {
    throw new InputError(`未知的指标体系“${String(chosen)}”，可选：${Object.keys(PROFILES).join("、")}`);
  }
  return chosen;
}

/**
 * Apply a markdownlint-like config: `rules: {"<id>": false | true | "warning" | {severity?, enabled?, …thresholds}}`.
 * A misspelt rule id or a bad severity is an input error, not something to ignore silently.
 */
export function resolveRules(rules: readonly Rule[], config: JixiaoConfig | undefined): ActiveRule[] {
  const entries = config?.rules ?? {};
  const known = new Set(rules.map((r) => r.id));
  for (const id of Object.keys(entries)) {
    if (!known.has(id)) throw new InputError(`配置中的规则“${id}”不存在，请检查拼写（可用 jixiao://rules 查看规则列表）`);
  }
  const active: ActiveRule[] = [];
  rules.forEach((rule, order) => {
    const setting = Object.prototype.hasOwnProperty.call(entries, rule.id) ? entries[rule.id] : undefined;
    if (setting === undefined || setting === true) {
      active.push(activeRule(rule, order, null, {}));
      return;
    }
    if (setting === false) return;
    if (typeof setting === "string") {
      active.push(activeRule(rule, order, checkSeverity(rule.id, setting), {}));
      return;
    }
    if (typeof setting !== "object" || setting === null || Array.isArray(setting)) {
      throw new InputError(`配置中规则“${rule.id}”的设置无效：应为 true、false、严重级别或对象`);
    }
    const { severity, enabled, ...thresholds } = setting;
    if (enabled !== undefined && typeof enabled !== "boolean") {
      throw new InputError(`配置中规则“${rule.id}”的 enabled 应为 true 或 false`);
    }
    if (enabled === false) return;
    const problem = checkRuleOptions(rule, thresholds);
    if (problem) throw new InputError(`配置中规则“${rule.id}”的选项 ${problem.key} ${problem.problem}`);
    active.push(activeRule(rule, order, severity === undefined ? null : checkSeverity(rule.id, severity), thresholds));
  });
  return active;
}

function activeRule(rule: Rule, order: number, severity: Severity | null, config: RuleConfig): ActiveRule {
  return {
    rule,
    order,
    severity,
    config,
    configured: Object.keys(config).length > 0,
    emptyRowRule: rule.id === "empty-row",
    documentRule: rule.scope === "document",
    exclusive: rule.scope === "project" ? rule.exclusive : undefined,
  };
}

/**
 * Check a rule's thresholds against its options: a misspelt key or a wrong type is reported (a rule without
 * options takes none). Null when the thresholds are fine.
 */
export function checkRuleOptions(rule: Rule, thresholds: Record<string, unknown>): OptionProblem | null {
  if (!rule.options) {
    const keys = Object.keys(thresholds);
    return keys.length ? { key: keys[0], problem: "不是已知的选项（该规则没有可设置的阈值，只能设置 severity、enabled）" } : null;
  }
  return checkOptions(rule.options, thresholds);
}

function checkSeverity(id: string, value: unknown): Severity {
  if (typeof value === "string" && SEVERITIES.has(value)) return value as Severity;
  throw new InputError(`配置中规则“${id}”的严重级别“${String(value)}”无效，应为 error、warning 或 info`);
}

/** canonicalLabel is cheap, but labels repeat on every row of a 90,000-row document: look each up once. */
class LabelCache {
  private readonly map = new Map<string, string | null>();
  get(label: string): string | null {
    let c = this.map.get(label);
    if (c === undefined) {
      c = canonicalLabel(label);
      this.map.set(label, c);
    }
    return c;
  }
}

/**
 * A row as meant and its canonical labels: a form with its levels one column to the right is read as meant
 * (shiftedLevels), any other row as written. One reader per run, refilled for each row (no object per row).
 */
class MeantRow {
  indicator!: Indicator;
  level1: string | null = null;
  level2: string | null = null;

  private readonly labels = new LabelCache();

  read(written: Indicator): this {
    const writtenLevel2 = this.labels.get(written.level2 ?? "");
    // Only a row whose 二级 cell holds a 一级 label can sit one column to the right: the others skip the test.
    const shift = writtenLevel2 !== null && LEVEL1_LABELS.has(writtenLevel2) ? shiftedLevels(written) : null;
    this.indicator = shift === null ? written : { ...written, ...shift, description: written.description };
    this.level1 = this.labels.get(this.indicator.level1 ?? "");
    this.level2 = shift === null ? writtenLevel2 : this.labels.get(this.indicator.level2 ?? "");
    return this;
  }
}

/** The profile every row's canonical labels vote for (the rows themselves are built later, project by project). */
function votedProfile(document: JixiaoDocument, meant: MeantRow): ProfileId {
  let score = 0;
  for (const project of document.projects) {
    for (const written of project.indicators) {
      meant.read(written);
      score += profileVote(meant.level1, meant.level2);
    }
  }
  return profileOfVotes(score);
}

function buildRows(project: Project, meant: MeantRow, parse: ValueParser): RowContext[] {
  const rows: RowContext[] = new Array(project.indicators.length);
  for (let index = 0; index < rows.length; index++) {
    const written = project.indicators[index];
    const { indicator, level1, level2 } = meant.read(written);
    // The 二级 tells the grammar that a bare 5-digit number in a 时效 row is an Excel date serial.
    // One effective value per row: the text completed from the structured fields (运算符 | 目标值 | 计量单位).
    const value = composeValueText(indicator);
    const parsed = parse(value, level2 ?? indicator.level2 ?? "");
    // Only a cell containing 无 can be a 无 row; skip isEmptyRow's whitespace squashing for the rest.
    const empty = (indicator.name.includes("无") || indicator.value.includes("无")) && isEmptyRow(indicator);
    rows[index] = new Row(index, indicator, value, parsed, level1, level2, empty, indicator !== written ? written : undefined);
  }
  return rows;
}

function toFinding(a: ActiveRule, hit: RuleHit, project: string | null): Finding {
  const severity = a.severity ?? hit.severity ?? a.rule.severity;
  const indicator = hit.indicator ?? null;
  const field = hit.field ?? null;
  // One literal each way: a fix added to a finding already made would give it a second property store.
  if (hit.fix === undefined) return { rule: a.rule.id, severity, project, indicator, field, message: hit.message, hint: hit.hint };
  return { rule: a.rule.id, severity, project, indicator, field, message: hit.message, hint: hit.hint, fix: hit.fix };
}

/** Up to this many findings a bucket is sorted by insertion; above it (a 10,000-row project) by Array#sort. */
const INSERTION_SORT_MAX = 64;

/**
 * Project-level findings (no row) first, then by row, in place and stable (rule order kept within a row). A
 * project's dozen findings are sorted by insertion: Array#sort would allocate for each of 100,000 projects.
 */
function sortByRow(findings: Finding[]): void {
  if (findings.length > INSERTION_SORT_MAX) {
    findings.sort(byRow);
    return;
  }
  for (let i = 1; i < findings.length; i++) {
    const f = findings[i];
    const row = f.indicator ?? -1;
    let j = i - 1;
    while (j >= 0 && (findings[j].indicator ?? -1) > row) {
      findings[j + 1] = findings[j];
      j--;
    }
    findings[j + 1] = f;
  }
}

function byRow(x: Finding, y: Finding): number {
  return (x.indicator ?? -1) - (y.indicator ?? -1);
}
