// `jixiao draft FILE|-` — draft a 绩效目标表 from a project description (text, or JSON {name, summary, budget}).
// Offline by default; with JIXIAO_LLM_* (or OPENAI_*) set, the configured model drafts (--offline forces offline).
import { readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import type { Command } from "commander";
import { InputError } from "../domain/errors.js";
import type { ProfileId } from "../domain/schema.js";
import type { DraftInput, DraftResult } from "../draft/index.js";
import { EXIT_FINDINGS, EXIT_OK, writeOut } from "./common.js";

export interface DraftCommandOptions {
  name?: string;
  budget?: string;
  format?: string;
  profile?: string;
  months?: string;
  year?: string;
  offline?: boolean;
}

export function registerDraft(program: Command): void {
  program
    .command("draft")
    .description("根据项目概况起草绩效目标表（默认离线；设置 JIXIAO_LLM_* 环境变量时用模型起草）")
    .argument("<file>", "项目概况文本文件（首行可为项目名称），或 JSON {name, summary, budget}；- 表示从标准输入读取")
    .option("--name <name>", "项目名称（默认取文件首行）")
    .option("--budget <万元>", "预算数，单位：万元")
    .option("--format <format>", "输出格式：md 或 json", "md")
    .option("--profile <profile>", "指标体系：legacy 或 mof2021", "legacy")
    .option("--months <list>", "资金支出月份，逗号分隔，如 6,12")
    .option("--year <年份>", "预算年度（默认：概况写明的年度或“明年”；否则 9 月起为下一年，之前为当年）")
    .option("--offline", "即使配置了模型也只用离线指标库起草")
    .action(async (file: string, opts: DraftCommandOptions) => {
      process.exitCode = await runDraft(file, opts);
    });
}

function readInput(file: string): string {
  let bytes: Buffer;
  try {
    bytes = file === "-" ? readFileSync(0) : readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === "ENOENT" ? `${file}：文件不存在` : `${file}：无法读取（${code ?? String(e)}）`);
  }
  if (looksBinary(bytes)) {
    throw new InputError(`${file === "-" ? "标准输入" : file}：是二进制文件，不是项目概况文字；请给出 UTF-8 文本或 JSON {name, summary, budget}`);
  }
  return bytes.toString("utf8");
}

/** NUL bytes or invalid UTF-8 in the first 8 KB: an executable, an image or a zip, not a description. */
function looksBinary(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return true;
  // A multi-byte character cut at the 8 KB boundary is no sign of binary: decode with that tail dropped.
  const text = new TextDecoder("utf-8", { fatal: false }).decode(head.length < bytes.length ? head.subarray(0, head.length - 4) : head);
  const bad = (text.match(/\uFFFD/g) ?? []).length;
  return bad > 0 && bad / Math.max(text.length, 1) > 0.01;
}

function parseYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text.replace(/年度?$/, ""));
  if (!Number.isInteger(n) || n < 2000 || n > 2100) throw new InputError(`预算年度“${text}”无效：应为 2000–2100 的年份，如 2027`);
  return n;
}

function parseNumber(text: string | undefined, what: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text.replace(/万元$/, ""));
  if (!Number.isFinite(n) || n < 0) throw new InputError(`${what}“${text}”无效：应为不小于 0 的数字（万元）`);
  return n;
}

function parseMonths(text: string | undefined): number[] | undefined {
  if (!text) return undefined;
  return text.split(/[,，、\s]+/).filter(Boolean).map((m) => {
    const n = Number(m.replace(/月$/, ""));
    if (!Number.isInteger(n) || n < 1 || n > 12) throw new InputError(`支出月份“${m}”无效：应为 1–12 的整数`);
    return n;
  });
}

/** The draft input from the file: JSON {name, summary, budget} or text whose first short line is the name. */
export async function draftInputFromText(text: string, file: string, opts: DraftCommandOptions): Promise<DraftInput> {
  const profile = opts.profile ?? "legacy";
  if (profile !== "legacy" && profile !== "mof2021") throw new InputError(`未知的指标体系“${profile}”，可选：legacy、mof2021`);
  let name = opts.name;
  let summary = text.trim();
  let budget = parseNumber(opts.budget, "预算数");
  if (extname(file).toLowerCase() === ".json" || (file === "-" && summary.startsWith("{"))) {
    let data: { name?: unknown; summary?: unknown; budget?: unknown };
    try {
      data = JSON.parse(text);
    } catch {
      throw new InputError(`${file}：不是有效的 JSON`);
    }
    if (typeof data.summary !== "string") throw new InputError(`${file}：缺少 summary（项目概况）字段`);
    summary = data.summary;
    name ??= typeof data.name === "string" ? data.name : undefined;
    if (budget === undefined && typeof data.budget === "number") budget = data.budget;
  } else if (!name) {
    // The drafter's modules load when `draft` runs, not with every command.
    const { splitTitle } = await import("../draft/prose.js");
    const title = splitTitle(summary);
    name = title.name || undefined;
    summary = title.rest.trim() || summary;
  }
  if (!summary) throw new InputError(`${file}：没有项目概况文字`);
  name ??= file === "-" ? "" : basename(file, extname(file));
  if (!name) throw new InputError("缺少项目名称：用 --name 给出，或把名称写在文件首行");
  return { name, summary, budget, profile: profile as ProfileId, spendingMonths: parseMonths(opts.months), year: parseYear(opts.year) };
}

export async function runDraft(file: string, opts: DraftCommandOptions): Promise<number> {
  const format = opts.format ?? "md";
  if (format !== "md" && format !== "json") throw new InputError(`未知的输出格式“${format}”，可选：md、json`);
  const input = await draftInputFromText(readInput(file), file, opts);
  // The drafter (and openai with it) loads on first use, not when the CLI starts.
  const { createLlmGenerator, draftProject, llmConfigFromEnv } = await import("../draft/index.js");
  const config = opts.offline ? null : llmConfigFromEnv();
  const result = await draftProject(input, config ? { generator: createLlmGenerator(config) } : {});
  process.stderr.write(`jixiao: 起草方式：${result.drafterLabel}，${result.rounds} 轮\n`);
  process.stderr.write(`jixiao: ${kindLine(result)}；${yearLine(result)}\n`);
  await writeOut(format === "json" ? `${JSON.stringify(result, null, 2)}\n` : await draftMarkdown(result));
  return result.findings.some((f) => f.severity === "error") ? EXIT_FINDINGS : EXIT_OK;
}

/** 项目类型：水利（次选：工程建设/改造） — the runner-up only when the choice was close. */
export function kindLine(result: Pick<DraftResult, "kind">): string {
  return `项目类型：${result.kind.label}${result.kind.runnerUp ? `（与“${result.kind.runnerUp.label}”接近，如不符请说明）` : ""}`;
}

const YEAR_SOURCE = { option: "按 --year 指定", text: "按概况写明的年度", clock: "概况未写年度，按当前日期推断，请确认" } as const;

export function yearLine(result: Pick<DraftResult, "year">): string {
  return `预算年度：${result.year.value}（${YEAR_SOURCE[result.year.source]}）`;
}

export async function draftMarkdown(result: DraftResult): Promise<string> {
  const { renderProjectMarkdown } = await import("../render/index.js");
  let out = renderProjectMarkdown(result.project, { findings: result.findings });
  out += `\n\n${kindLine(result)}；${yearLine(result)}\n`;
  if (result.unusedFacts.length > 0) {
    out += `\n### 概况中未采用的数字\n\n`;
    out += result.unusedFacts.map((f) => `- ${f.text}：${f.reason}`).join("\n");
    out += "\n";
  }
  if (result.needsConfirmation.length > 0) {
    out += `\n\n### 需要确认的默认值\n\n`;
    out += result.needsConfirmation.map((q) => `- 第 ${q.indicator + 1} 行“${q.name}”（${q.value}）：${q.question}`).join("\n");
  }
  return `${out.trimEnd()}\n`;
}
