// The rule engine: validate(document) → Report. It builds one effective value per row (text + structured
// fields) and parses it once, builds the row contexts rules
// read, runs project rules per project and document rules once, applies the user's config, and sorts findings
// into reading order (document-level first, then by project, row and catalog order).
import { InputError } from "../domain/errors.js";
import { isEmptyRow, projectRef } from "../domain/project.js";
import type { JixiaoDocument, Project, ProfileId } from "../domain/schema.js";
import { canonicalLabel, detectProfile, PROFILES, profileFromLabels, shiftedLevels } from "../domain/taxonomy.js";
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

/** A rule switched on by the config, with its effective severity override and thresholds. */
interface ActiveRule {
  rule: Rule;
  order: number;
  /** Severity forced by the config; null keeps the rule's own (and per-hit) severity. */
  severity: Severity | null;
  config: RuleConfig;
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
  const chosen = chosenProfile(document, opts);
  const active = resolveRules(rules, opts.config);
  const labels = new LabelCache();
  // One parse cache per run: values repeat across rows, and the cache dies with the run.
  const parse = createValueParser();
  const rowsOf = document.projects.map((project) => buildRows(project, labels, parse));
  // Detect from the rows' canonical labels: one canonicalLabel pass serves rows and detection.
  const profileId = chosen ?? profileFromLabels(rowsOf.flat());
  const profile = PROFILES[profileId];

  const projects: ProjectContext[] = document.projects.map((project, i) => ({
    project,
    profile,
    rows: rowsOf[i],
    config: {},
    year: document.year ?? null,
  }));

  // Findings are bucketed by project (index 0 = document level). Rules run in catalog order, so each bucket
  // already holds its findings in rule order; a stable sort by row then gives the reading order without a
  // global sort over every finding of a 90,000-row document.
  const buckets: Finding[][] = Array.from({ length: projects.length + 2 }, () => []);
  const refs = projects.map((p) => projectRef(p.project));
  const projectIndex = new Map<string, number>();
  refs.forEach((ref, i) => {
    if (!projectIndex.has(ref)) projectIndex.set(ref, i);
  });
  // (project, row, field) already judged by an exclusive rule: later exclusive rules stay silent there.
  // Keyed by a number (project × the longest project's row count + row), one set per field: no key string per
  // hit on a 900,000-row document.
  const claimed = new Map<string, Set<number>>();
  const rowSpan = rowsOf.reduce((most, rows) => Math.max(most, rows.length), 0) + 1;
  for (const a of active) {
    const { rule } = a;
    const exclusive = rule.exclusive;
    const hasConfig = Object.keys(a.config).length > 0;
    if (rule.scope === "project") {
      // Plain loops: this runs rules × projects times (300,000 on the benchmark document).
      const keepEmptyRows = rule.id === "empty-row";
      for (let pi = 0; pi < projects.length; pi++) {
        const pc = projects[pi];
        const hits = rule.check(hasConfig ? { ...pc, config: a.config } : pc);
        for (const hit of hits) {
          // An empty (无) row raises only empty-row: it counts for nothing else.
          if (!keepEmptyRows && hit.indicator != null && pc.rows[hit.indicator]?.empty) continue;
          if (exclusive !== undefined && hit.indicator != null && (hit.field ?? exclusive) === exclusive) {
            let rows = claimed.get(exclusive);
            if (!rows) claimed.set(exclusive, (rows = new Set<number>()));
            const key = pi * rowSpan + hit.indicator;
            if (rows.has(key)) continue;
            rows.add(key);
          }
          buckets[pi + 1].push(toFinding(a, hit, refs[pi]));
        }
      }
    } else {
      const ctx: DocumentContext = { document, profile, projects, config: a.config };
      for (const hit of rule.check(ctx)) {
        const ref = hit.project ?? null;
        // A document rule pointing at a project sorts with it; an unknown reference goes last.
        const bucket = ref === null ? 0 : (projectIndex.get(ref) ?? projects.length) + 1;
        buckets[bucket].push(toFinding(a, hit, ref));
      }
    }
  }

  const findings: Finding[] = [];
  const summary = { error: 0, warning: 0, info: 0 };
  for (const bucket of buckets) {
    if (bucket.length > 1) bucket.sort(byRow);
    for (const f of bucket) {
      findings.push(f);
      summary[f.severity]++;
    }
  }
  return { profile: profileId, findings, summary };
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
      active.push({ rule, order, severity: null, config: {} });
      return;
    }
    if (setting === false) return;
    if (typeof setting === "string") {
      active.push({ rule, order, severity: checkSeverity(rule.id, setting), config: {} });
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
    active.push({
      rule,
      order,
      severity: severity === undefined ? null : checkSeverity(rule.id, severity),
      config: thresholds,
    });
  });
  return active;
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

function buildRows(project: Project, labels: LabelCache, parse: ValueParser): RowContext[] {
  return project.indicators.map((written, index) => {
    // A form with its levels one column to the right is read as meant (level-invalid notes it as info).
    const shift = shiftedLevels(written);
    const indicator = shift ? { ...written, ...shift, description: written.description } : written;
    const level1 = labels.get(indicator.level1 ?? "");
    const level2 = labels.get(indicator.level2 ?? "");
    // The 二级 tells the grammar that a bare 5-digit number in a 时效 row is an Excel date serial.
    // One effective value per row: the text completed from the structured fields (运算符 | 目标值 | 计量单位).
    const value = composeValueText(indicator);
    const parsed = parse(value, level2 ?? indicator.level2 ?? "");
    // Only a cell containing 无 can be a 无 row; skip isEmptyRow's whitespace squashing for the rest.
    const empty = (indicator.name.includes("无") || indicator.value.includes("无")) && isEmptyRow(indicator);
    return new Row(index, indicator, value, parsed, level1, level2, empty, shift ? written : undefined);
  });
}

function toFinding(a: ActiveRule, hit: RuleHit, project: string | null): Finding {
  const finding: Finding = {
    rule: a.rule.id,
    severity: a.severity ?? hit.severity ?? a.rule.severity,
    project,
    indicator: hit.indicator ?? null,
    field: hit.field ?? null,
    message: hit.message,
    hint: hit.hint,
  };
  if (hit.fix !== undefined) finding.fix = hit.fix;
  return finding;
}

/** Project-level findings (no row) first, then by row; Array.prototype.sort is stable, keeping rule order. */
function byRow(x: Finding, y: Finding): number {
  return (x.indicator ?? -1) - (y.indicator ?? -1);
}
