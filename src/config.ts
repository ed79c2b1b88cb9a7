// `.jixiaorc.json` loading (markdownlint-like): found from the input file's folder up to the filesystem
// root, then the current directory; or given with --config. Every key is checked, because a misspelt rule
// id silently ignored would let a reviewer believe a rule is off (or on) when it is not.
import { readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";
import { PROFILE_IDS } from "./domain/vocabulary.js";
import { InputError } from "./domain/errors.js";
import { checkRuleOptions } from "./rules/engine.js";
import { RULES, ruleById } from "./rules/registry.js";
import type { JixiaoConfig } from "./rules/types.js";

export const CONFIG_FILE_NAME = ".jixiaorc.json";

const SEVERITY = z.enum(["error", "warning", "info"]);
// Thresholds are checked against each rule's own options schema (checkRuleOptions), not here.
const RULE_OBJECT = z
  .object({ severity: SEVERITY.optional(), enabled: z.boolean().optional() })
  .catchall(z.unknown());
const RULE_SETTING = z.union([z.boolean(), SEVERITY, RULE_OBJECT]);

const CONFIG = z
  .object({
    $schema: z.string().optional(),
    profile: z.enum(PROFILE_IDS).optional(),
    rules: z.record(z.string(), RULE_SETTING).optional(),
  })
  .strict();

export interface LoadedConfig {
  config: JixiaoConfig;
  /** The file the config came from; null when none was found (defaults apply). */
  path: string | null;
}

/** Parse and check config text; `file` names the config in messages. */
export function parseConfig(text: string, file: string): JixiaoConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${file}：配置文件不是有效的 JSON（${(e as Error).message}）`);
  }
  return checkConfig(raw, file);
}

/** Check an already-parsed config object. */
export function checkConfig(raw: unknown, file: string): JixiaoConfig {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new InputError(`${file}：配置文件应为 JSON 对象，例如 {"profile": "legacy", "rules": {"value-unit": false}}`);
  }
  const rules = (raw as { rules?: unknown }).rules;
  if (rules !== undefined && (typeof rules !== "object" || rules === null || Array.isArray(rules))) {
    throw new InputError(`${file}：配置项 rules 应为对象（规则编号 → 设置）`);
  }
  if (rules) {
    const known = new Set(RULES.map((r) => r.id));
    for (const id of Object.keys(rules)) {
      if (!known.has(id)) {
        const near = suggestRule(id, [...known]);
        throw new InputError(`${file}：配置项 rules.${id} 不是已知的规则编号${near ? `（是否想写 ${near}？）` : ""}`);
      }
    }
  }
  const result = CONFIG.safeParse(raw);
  if (!result.success) {
    // A union reports at the rule's key; re-check an object setting alone to name the bad field inside it.
    const issue = result.error.issues[0];
    throw new InputError(`${file}：配置项 ${keyPath(innerIssue(raw, issue) ?? issue)} ${describe(innerIssue(raw, issue) ?? issue)}`);
  }
  for (const [id, setting] of Object.entries(result.data.rules ?? {})) {
    if (typeof setting !== "object" || setting === null) continue;
    const { severity: _severity, enabled: _enabled, ...thresholds } = setting as Record<string, unknown>;
    const problem = checkRuleOptions(ruleById(id)!, thresholds);
    if (problem) throw new InputError(`${file}：配置项 rules.${id}.${problem.key} ${problem.problem}`);
  }
  return result.data as JixiaoConfig;
}

function innerIssue(raw: unknown, issue: z.core.$ZodIssue): z.core.$ZodIssue | null {
  if (issue.path[0] !== "rules" || issue.path.length !== 2) return null;
  const id = String(issue.path[1]);
  const setting = (raw as { rules: Record<string, unknown> }).rules[id];
  if (typeof setting !== "object" || setting === null || Array.isArray(setting)) return null;
  const inner = RULE_OBJECT.safeParse(setting);
  if (inner.success) return null;
  const first = inner.error.issues[0];
  return { ...first, path: ["rules", id, ...first.path] } as z.core.$ZodIssue;
}

/** Load the config: the explicit file when given, else the nearest `.jixiaorc.json` (see header). */
export function loadConfig(opts: { configPath?: string; inputPath?: string; cwd?: string } = {}): LoadedConfig {
  const cwd = opts.cwd ?? process.cwd();
  if (opts.configPath) {
    const path = resolve(cwd, opts.configPath);
    return { config: parseConfig(readConfigText(path, opts.configPath), opts.configPath), path };
  }
  const found = findConfigFile(opts.inputPath ? resolve(cwd, opts.inputPath) : undefined, cwd);
  if (!found) return { config: {}, path: null };
  return { config: parseConfig(readConfigText(found, found), found), path: found };
}

/** The nearest config file from the input's folder upwards, then the cwd; null when none exists. */
export function findConfigFile(inputPath: string | undefined, cwd: string): string | null {
  if (inputPath) {
    let dir = isDirectory(inputPath) ? inputPath : dirname(inputPath);
    for (;;) {
      const candidate = join(dir, CONFIG_FILE_NAME);
      if (isFile(candidate)) return candidate;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  const inCwd = join(cwd, CONFIG_FILE_NAME);
  return isFile(inCwd) ? inCwd : null;
}

function readConfigText(path: string, shown: string): string {
  try {
    return readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  } catch {
    throw new InputError(`${shown}：配置文件不存在或无法读取`);
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function keyPath(issue: z.core.$ZodIssue): string {
  const parts = issue.path.map(String);
  if (issue.code === "unrecognized_keys") parts.push(issue.keys[0] ?? "");
  return parts.length ? parts.join(".") : "（顶层）";
}

function describe(issue: z.core.$ZodIssue): string {
  const key = issue.path[issue.path.length - 1];
  if (issue.code === "unrecognized_keys") return "不是已知的配置项（可用：profile、rules）";
  if (key === "profile") return "应为 \"legacy\" 或 \"mof2021\"";
  if (key === "severity") return "应为 \"error\"、\"warning\" 或 \"info\"";
  if (key === "enabled") return "应为 true 或 false";
  if (issue.path[0] === "rules" && issue.path.length === 2) {
    return "应为 false（关闭）、true、\"error\"/\"warning\"/\"info\"，或对象 {\"severity\": …, \"enabled\": …, 阈值…}";
  }
  return issue.message;
}

/** The known id closest to a misspelt one (edit distance ≤ 3), for the error message. */
function suggestRule(id: string, known: string[]): string | null {
  let best: string | null = null;
  let bestDistance = 4;
  for (const k of known) {
    const d = editDistance(id, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}
