// `jixiao check FILE…` — validate 绩效目标表 files (.txt .json .xlsx, or folders of them) and report.
// Several inputs: every readable file is reported; each unreadable one gets one line on stderr and the
// exit code is 2 (unreadable input outranks findings), so a batch never hides a file it could not check.
import { readdirSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import type { Command } from "commander";
import { loadConfig } from "../config.js";
import { InputError, isInputError } from "../domain/errors.js";
import { importFile, STDIN } from "../import/index.js";
import { REPORT_FORMATS, type CheckResult, type ReportFormat } from "../report/index.js";
import { reportStream } from "../report/stream.js";
import { countSummary, importWarningLines } from "../report/group.js";
import type { ValidateOptions } from "../rules/types.js";
import { checkDocument } from "../workspace/check.js";
import { PROFILE_IDS as PROFILES } from "../domain/vocabulary.js";
import { EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, writeOut } from "./common.js";

const CHECKED_EXTENSIONS = new Set([".txt", ".json", ".xlsx"]);

export interface CheckOptions {
  format?: string;
  profile?: string;
  config?: string;
  quiet?: boolean;
}

export function registerCheck(program: Command): void {
  program
    .command("check")
    .description("检查绩效目标表（.txt 绩效文本、.json 文档、.xlsx 表格，或包含它们的文件夹）")
    .argument("<files...>", "要检查的文件或文件夹；- 表示从标准输入读取")
    .option("--format <format>", "报告格式：text、json、markdown（审核意见）", "text")
    .option("--profile <profile>", "指标体系：legacy 或 mof2021（默认按配置文件或自动识别）")
    .option("--config <file>", "配置文件（默认从文件所在目录向上查找 .jixiaorc.json）")
    .option("--quiet", "只显示错误")
    .action(async (files: string[], opts: CheckOptions) => {
      process.exitCode = await runCheck(files, opts);
    });
}

/** The whole command; returns the exit code. Input errors of a single file propagate (runMain → exit 2). */
export async function runCheck(inputs: string[], opts: CheckOptions): Promise<number> {
  const format = checkFormat(opts.format ?? "text");
  const profile = checkProfile(opts.profile);
  const files = expandInputs(inputs);
  const single = inputs.length === 1 && files.length === 1 && files[0] === inputs[0];

  const color = format === "text" && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  // Each file's part of the report is written as soon as it is checked; nothing of it is kept but the counts.
  const report = reportStream(format, { color, single }, writeOut);
  let errorsFound = false;
  const unreadable: string[] = [];
  const progress = await startProgress(files.length);
  for (const file of files) {
    try {
      const result = await checkFile(file, profile, opts);
      errorsFound ||= result.report.summary.error > 0;
      const shown = opts.quiet ? errorsOnly(result) : result;
      // stdout stays pure JSON; import warnings go to stderr.
      if (format === "json") for (const w of importWarningLines(shown.document)) process.stderr.write(`jixiao: ${shown.file}：导入提示：${w}\n`);
      await report.add(shown);
    } catch (e) {
      if (!isInputError(e) || single || e instanceof ConfigError) throw e;
      unreadable.push(namingFile(e.message, file));
    } finally {
      progress?.increment();
    }
  }
  progress?.stop();
  await report.end();
  for (const line of unreadable) process.stderr.write(`jixiao: ${line}\n`);

  if (unreadable.length > 0) return EXIT_INPUT;
  return errorsFound ? EXIT_FINDINGS : EXIT_OK;
}

async function checkFile(file: string, profile: ValidateOptions["profile"], opts: CheckOptions): Promise<CheckResult> {
  // A broken config is fatal for the whole run (it would misjudge every file): ConfigError is rethrown.
  const { config } = loadConfigOrThrow(file, opts.config);
  const { document, report } = checkDocument(await importFile(file), { config, ...(profile ? { profile } : {}) });
  return { file: file === STDIN ? "标准输入" : file, document, report };
}

function loadConfigOrThrow(file: string, configPath: string | undefined) {
  try {
    return loadConfig({ inputPath: file, ...(configPath ? { configPath } : {}) });
  } catch (e) {
    if (isInputError(e)) throw new ConfigError(e.message);
    throw e;
  }
}

/** A config problem: an InputError that must stop the run rather than mark one file unreadable. */
class ConfigError extends InputError {}

/** The message with the path as the user gave it (importers name files by their base name). */
function namingFile(message: string, file: string): string {
  if (message.startsWith(file)) return message;
  const base = basename(file);
  if (message.startsWith(`${base}：`)) return file + message.slice(base.length);
  return `${file}：${message}`;
}

function errorsOnly(r: CheckResult): CheckResult {
  const findings = r.report.findings.filter((f) => f.severity === "error");
  return { ...r, report: { ...r.report, findings, summary: countSummary(findings) } };
}

function checkFormat(format: string): ReportFormat {
  if ((REPORT_FORMATS as readonly string[]).includes(format)) return format as ReportFormat;
  throw new InputError(`不支持的报告格式“${format}”，可选：${REPORT_FORMATS.join("、")}`);
}

function checkProfile(profile: string | undefined): ValidateOptions["profile"] {
  if (profile === undefined) return undefined;
  if ((PROFILES as readonly string[]).includes(profile)) return profile as (typeof PROFILES)[number];
  throw new InputError(`未知的指标体系“${profile}”，可选：${PROFILES.join("、")}`);
}

/** Files as given, folders expanded recursively to their .txt/.json/.xlsx files in sorted order. */
export function expandInputs(inputs: string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    let isDir = false;
    try {
      isDir = statSync(input).isDirectory();
    } catch {
      // Missing paths stay in the list: importFile reports them as unreadable.
    }
    if (!isDir) {
      out.push(input);
      continue;
    }
    const found = walk(input);
    if (found.length === 0) throw new InputError(`${input}：文件夹中没有可检查的文件（.txt、.json、.xlsx）`);
    out.push(...found);
  }
  return out;
}

function walk(dir: string): string[] {
  const files: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue; // .jixiaorc.json, editor and VCS files
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...walk(path));
    else if (entry.isFile() && CHECKED_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push(path);
  }
  return files;
}

interface Progress {
  increment(): void;
  stop(): void;
}

async function startProgress(total: number): Promise<Progress | null> {
  if (total <= 3 || !process.stderr.isTTY) return null;
  // Loaded only for a bar on a terminal: a check of one file never pays for it.
  const { default: cliProgress } = await import("cli-progress");
  const bar = new cliProgress.SingleBar(
    { format: "检查中 [{bar}] {value}/{total}", stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}
