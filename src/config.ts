// `.jixiaorc.json` loading (markdownlint-like): found from the input file's folder up to the filesystem
// root, then the current directory; or given with --config. Every key is checked, because a misspelt rule
// id silently ignored would let a reviewer believe a rule is off (or on) when it is not.
import { readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { isProfileId, PROFILE_IDS, SEVERITIES } from "./domain/vocabulary.js";
import { InputError } from "./domain/errors.js";
import { checkRuleOptions } from "./rules/engine.js";
import { RULES, ruleById } from "./rules/registry.js";
import type { JixiaoConfig } from "./rules/types.js";

export const CONFIG_FILE_NAME = ".jixiaorc.json";

/** The keys a config may have; a rule's own thresholds are checked against its options (checkRuleOptions). */
const CONFIG_KEYS = ["$schema", "profile", "rules"];
const isSeverity = (v: unknown) => typeof v === "string" && (SEVERITIES as readonly string[]).includes(v);
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

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
  // Checked by hand, in the order of the keys, each problem named in Chinese: every `check` looks for a config,
  // and loading zod for it would cost more than the check of a small file.
  const config = raw as Record<string, unknown>;
  const fail = (key: string, problem: string) => new InputError(`${file}：配置项 ${key} ${problem}`);
  if (config.$schema !== undefined && typeof config.$schema !== "string") throw fail("$schema", "应为文本");
  if (config.profile !== undefined && !isProfileId(config.profile)) throw fail("profile", `应为 ${PROFILE_IDS.map((id) => JSON.stringify(id)).join(" 或 ")}`);
  for (const [id, setting] of Object.entries((rules ?? {}) as Record<string, unknown>)) {
    if (typeof setting === "boolean" || isSeverity(setting)) continue;
    if (!isPlainObject(setting)) {
      throw fail(`rules.${id}`, "应为 false（关闭）、true、\"error\"/\"warning\"/\"info\"，或对象 {\"severity\": …, \"enabled\": …, 阈值…}");
    }
    if (setting.severity !== undefined && !isSeverity(setting.severity)) throw fail(`rules.${id}.severity`, "应为 \"error\"、\"warning\" 或 \"info\"");
    if (setting.enabled !== undefined && typeof setting.enabled !== "boolean") throw fail(`rules.${id}.enabled`, "应为 true 或 false");
  }
  const unknown = Object.keys(config).find((k) => !CONFIG_KEYS.includes(k));
  if (unknown !== undefined) throw fail(unknown, "不是已知的配置项（可用：profile、rules）");
  for (const [id, setting] of Object.entries((rules ?? {}) as Record<string, unknown>)) {
    if (!isPlainObject(setting)) continue;
    const { severity: _severity, enabled: _enabled, ...thresholds } = setting;
    const problem = checkRuleOptions(ruleById(id)!, thresholds);
    if (problem) throw fail(`rules.${id}.${problem.key}`, problem.problem);
  }
  return config as JixiaoConfig;
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
