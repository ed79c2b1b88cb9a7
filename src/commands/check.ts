// `jixiao check FILE…` — validate 绩效目标表 files (.txt .json .xlsx, or folders of them) and report.
// Several inputs: every readable file is reported; each unreadable one gets one line on stderr and the
// exit code is 2 (unreadable input outranks findings), so a batch never hides a file it could not check.
import { closeSync, openSync, readdirSync, readSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import type { Command } from "commander";
import { loadConfig } from "../config.js";
import { InputError, isInputError } from "../domain/errors.js";
import { importFile, STDIN } from "../import/index.js";
import { FOLDER_EXTS } from "../import/registry.js";
import { REPORT_FORMATS, type CheckResult, type ReportFormat } from "../report/index.js";
import type { StreamedResult } from "../report/types.js";
import { reportStream, type ReportStream } from "../report/stream.js";
import { addToSummary, importWarningLines } from "../report/group.js";
import { applyDocumentFixes, describeFix } from "../rules/fixes.js";
import { collectReport, validateInBuckets } from "../rules/engine.js";
import type { Finding, Report, ValidateOptions } from "../rules/types.js";
import { PROFILE_IDS as PROFILES } from "../domain/vocabulary.js";
import { EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, openOutFile, writeOut, writeOutFile, type OutFile } from "./common.js";

// The formats departments hand in. Markdown and web pages in a folder are more often notes than tables: they
// are checked when named, not when a folder is walked.
const CHECKED_EXTENSIONS = new Set(FOLDER_EXTS);
/** Folders never walked: installed packages and build output hold JSON that is no 绩效目标表. */
const SKIPPED_FOLDERS = new Set(["node_modules"]);

export interface CheckOptions {
  format?: string;
  profile?: string;
  config?: string;
  quiet?: boolean;
  output?: string;
  maxWarnings?: string;
  fixDryRun?: boolean;
}

export function registerCheck(program: Command): void {
  program
    .command("check")
    .description("检查绩效目标表（.txt/.md 绩效文本、.json 文档、.xlsx 表格、.docx、.pdf、.html，或包含它们的文件夹）")
    .argument("<files...>", "要检查的文件或文件夹；- 表示从标准输入读取")
    .option("--format <format>", "报告格式：text、json、markdown（审核意见）", "text")
    .option("--profile <profile>", "指标体系：legacy 或 mof2021（默认按配置文件或自动识别）")
    .option("--config <file>", "配置文件（默认从文件所在目录向上查找 .jixiaorc.json）")
    .option("--quiet", "只显示错误")
    .option("-o, --output <FILE>", "把报告写入文件（默认输出到标准输出；不会覆盖被检查的文件）")
    .option("--max-warnings <N>", "警告超过 N 条时也以退出码 1 结束（批量检查时用）")
    .option("--fix-dry-run", "只列出 jixiao fix 会做的确定修正（原值 → 新值），不写任何文件")
    .action(async (files: string[], opts: CheckOptions) => {
      process.exitCode = await runCheck(files, opts);
    });
}

/** The whole command; returns the exit code. Input errors of a single file propagate (runMain → exit 2). */
export async function runCheck(inputs: string[], opts: CheckOptions): Promise<number> {
  const format = checkFormat(opts.format ?? "text");
  const profile = checkProfile(opts.profile);
  const maxWarnings = checkMaxWarnings(opts.maxWarnings);
  const skipped: SkippedCount = { folders: 0, files: 0 };
  const files = expandInputs(inputs, skipped);
  if (skipped.folders + skipped.files > 0) {
    process.stderr.write(`jixiao: 已跳过 ${skipped.folders} 个文件夹（node_modules、以 . 开头的）和 ${skipped.files} 个不是文档 JSON 的 .json 文件\n`);
  }
  const single = inputs.length === 1 && files.length === 1 && files[0] === inputs[0];

  const color = !opts.output && format === "text" && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  // Each file's part of the report is written as soon as it is checked; nothing of it is kept but the counts.
  // With -o it goes to a temporary file beside the output, which replaces the output once complete (never a file
  // checked). --fix-dry-run lists its fixes at the end.
  const out = opts.output && !opts.fixDryRun ? openOutFile(opts.output, files) : null;
  const report = reportStream(format, { color, single }, out ? out.write : writeOut);
  try {
    return await checkAll(files, { format, profile, maxWarnings, single }, opts, report, out);
  } catch (e) {
    out?.abort();
    throw e;
  }
}

interface CheckRun {
  format: ReportFormat;
  profile: ValidateOptions["profile"];
  maxWarnings: number | null;
  single: boolean;
}

async function checkAll(files: string[], run: CheckRun, opts: CheckOptions, report: ReportStream, out: OutFile | null): Promise<number> {
  const { format, profile, maxWarnings, single } = run;
  const fixes: string[] = [];
  let errorsFound = false;
  let warnings = 0;
  const unreadable: string[] = [];
  const progress = await startProgress(files.length);
  for (const file of files) {
    try {
      const checked = await checkFile(file, profile, opts);
      if (opts.fixDryRun) {
        const result = { file: checked.file, document: checked.document, report: collectReport(checked) };
        errorsFound ||= result.report.summary.error > 0;
        warnings += result.report.summary.warning;
        fixes.push(fixDryRun(result));
        continue;
      }
      // The findings are counted as the report takes them (a large document's are never all in memory at once);
      // with --quiet only the errors are shown, but the warnings still count for --max-warnings.
      const hidden = { error: 0, warning: 0, info: 0 };
      const shown = opts.quiet ? { ...checked, buckets: errorsOnly(checked.buckets, hidden) } : checked;
      // stdout stays pure JSON; import warnings go to stderr.
      if (format === "json") for (const w of importWarningLines(shown.document)) process.stderr.write(`jixiao: ${shown.file}：导入提示：${w}\n`);
      const written = await report.add(shown);
      const tally = opts.quiet ? hidden : written;
      errorsFound ||= tally.error > 0;
      warnings += tally.warning;
    } catch (e) {
      if (!isInputError(e) || single || e instanceof ConfigError) throw e;
      unreadable.push(namingFile(e.message, file));
    } finally {
      progress?.increment();
    }
  }
  progress?.stop();
  if (opts.fixDryRun) {
    await writeReport(`${fixes.join("\n\n")}\n`, opts.output, files);
    for (const line of unreadable) process.stderr.write(`jixiao: ${line}\n`);
    return unreadable.length > 0 ? EXIT_INPUT : EXIT_OK;
  }
  await report.end();
  out?.commit();
  for (const line of unreadable) process.stderr.write(`jixiao: ${line}\n`);

  if (unreadable.length > 0) return EXIT_INPUT;
  if (errorsFound) return EXIT_FINDINGS;
  if (maxWarnings !== null && warnings > maxWarnings) {
    process.stderr.write(`jixiao: 警告 ${warnings} 条，超过 --max-warnings ${maxWarnings}\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

/** The report to stdout, or to -o FILE (never over one of the files checked). */
async function writeReport(text: string, output: string | undefined, inputs: string[]): Promise<void> {
  if (output) await writeOutFile(output, text, inputs);
  else await writeOut(text);
}

/** What `jixiao fix` would change in one file: one line per field, the text before and after. */
function fixDryRun(r: CheckResult): string {
  const { applied } = applyDocumentFixes(r.document, r.report.findings);
  if (applied.length === 0) return `${r.file}：没有可自动修正的问题`;
  return [`${r.file}：${applied.length} 处可自动修正（jixiao fix ${r.file} -o 输出文件）`, ...applied.map((f) => `  ${describeFix(f)}`)].join("\n");
}

function checkMaxWarnings(value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InputError(`--max-warnings“${value}”无效：应为 0 或正整数`);
  return n;
}

/** The file imported and judged; its findings are made bucket by bucket as the report asks for them. */
async function checkFile(file: string, profile: ValidateOptions["profile"], opts: CheckOptions): Promise<StreamedResult> {
  // A broken config is fatal for the whole run (it would misjudge every file): ConfigError is rethrown.
  const { config } = loadConfigOrThrow(file, opts.config);
  const document = await importFile(file);
  const { profile: used, buckets } = validateInBuckets(document, { config, ...(profile ? { profile } : {}) });
  return { file: file === STDIN ? "标准输入" : file, document, profile: used, buckets };
}

/** The buckets' errors only (--quiet), every finding counted into `tally` by severity on the way. */
function* errorsOnly(buckets: Iterable<Finding[]>, tally: Report["summary"]): Generator<Finding[]> {
  for (const bucket of buckets) {
    addToSummary(tally, bucket);
    yield bucket.filter((f) => f.severity === "error");
  }
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

function checkFormat(format: string): ReportFormat {
  if ((REPORT_FORMATS as readonly string[]).includes(format)) return format as ReportFormat;
  throw new InputError(`不支持的报告格式“${format}”，可选：${REPORT_FORMATS.join("、")}`);
}

function checkProfile(profile: string | undefined): ValidateOptions["profile"] {
  if (profile === undefined) return undefined;
  if ((PROFILES as readonly string[]).includes(profile)) return profile as (typeof PROFILES)[number];
  throw new InputError(`未知的指标体系“${profile}”，可选：${PROFILES.join("、")}`);
}

interface SkippedCount {
  folders: number;
  files: number;
}

/**
 * Files as given, folders expanded recursively to their .txt/.json/.xlsx/.docx files in sorted order —
 * without node_modules and dot-folders, and without .json files that are not Document JSON (logs, configs).
 */
export function expandInputs(inputs: string[], skipped: SkippedCount = { folders: 0, files: 0 }): string[] {
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
    const found = walk(input, skipped);
    if (found.length === 0) throw new InputError(`${input}：文件夹中没有可检查的文件（${FOLDER_EXTS.join("、")}）`);
    out.push(...found);
  }
  return out;
}

function walk(dir: string, skipped: SkippedCount): string[] {
  const files: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith(".") || SKIPPED_FOLDERS.has(entry.name)) skipped.folders++;
      else files.push(...walk(path, skipped));
      continue;
    }
    if (entry.name.startsWith(".")) continue; // .jixiaorc.json, editor files
    const ext = extname(entry.name).toLowerCase();
    if (!entry.isFile() || !CHECKED_EXTENSIONS.has(ext)) continue;
    if (ext === ".json" && !looksLikeDocumentJson(path)) skipped.files++;
    else files.push(path);
  }
  return files;
}

/** A Document JSON names its projects or indicators; a log or a config does not (cheap test, no parse). */
function looksLikeDocumentJson(path: string): boolean {
  // The head of the file is enough (a province's document is hundreds of MB).
  try {
    const fd = openSync(path, "r");
    try {
      const head = Buffer.alloc(64 * 1024);
      const n = readSync(fd, head, 0, head.length, 0);
      return /"(projects|indicators|project)"\s*:/.test(head.subarray(0, n).toString("utf8"));
    } finally {
      closeSync(fd);
    }
  } catch {
    return true; // unreadable: checked, and reported as such
  }
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
