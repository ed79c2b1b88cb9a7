// Shared CLI plumbing: InputError → one Chinese line on stderr and exit 2; anything else is a bug,
// still reported in one line (stack only with JIXIAO_DEBUG=1).
import { closeSync, fstatSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from "node:fs";
import { writeFile } from "node:fs/promises";
import { basename, dirname, join, parse } from "node:path";
import { CommanderError, Help, type Command } from "commander";
import { InputError, isInputError } from "../domain/errors.js";

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_INPUT = 2;

export function fail(message: string): never {
  process.stderr.write(`jixiao: ${message}\n`);
  process.exit(EXIT_INPUT);
}

const STDOUT_ERRORS: Record<string, string> = {
  ENOSPC: "磁盘空间已满",
  EDQUOT: "超出磁盘配额",
  EIO: "输入输出错误",
  EBADF: "标准输出已关闭",
  EFBIG: "文件超过系统允许的大小",
};

export function runMain(main: () => Promise<unknown>): void {
  // `jixiao import x | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    // Any other write error (a full disk) means the output is incomplete: exit 2, never 1 (“errors found”).
    fail(`无法写入标准输出：${STDOUT_ERRORS[e.code ?? ""] ?? e.message}（${e.code ?? "未知错误"}），输出不完整`);
  });
  main().catch((e: unknown) => {
    // --help and --version end with exit code 0; a usage error was already printed by usageErrors().
    if (e instanceof CommanderError) process.exit(e.exitCode === 0 ? EXIT_OK : EXIT_INPUT);
    if (isInputError(e)) fail(e.message);
    if (process.env.JIXIAO_DEBUG) console.error(e);
    fail(`内部错误：${e instanceof Error ? e.message : String(e)}（设置 JIXIAO_DEBUG=1 查看详情）`);
  });
}

/**
 * Write an `-o OUT` file; a missing folder or no permission is unwritable output (exit 2, one line). An
 * output is never written over one of the command's inputs (the file read, the database): refused.
 */
export async function writeOutFile(path: string, content: string | Uint8Array, inputs: string[] = []): Promise<void> {
  refuseOverInput(path, inputs);
  try {
    await writeFile(path, content);
  } catch (e) {
    throw unwritable(path, e);
  }
  process.stderr.write(`已写入 ${path}\n`);
}

/** An `-o OUT` written piece by piece as the output is made (see openOutFile). */
export interface OutFile {
  write(text: string): Promise<void>;
  /** The output is complete: it replaces OUT. */
  commit(): void;
  /** The run failed: the partial output is removed and OUT stays as it was. */
  abort(): void;
}

/**
 * An `-o OUT` for output too large to gather first (the JSON report of a province's document is larger than the
 * document): written to a temporary file beside OUT as it is made, renamed over OUT once complete. Refused over
 * an input, as writeOutFile. OUT that is not a regular file (/dev/null, /dev/stdout, a FIFO) is written into as it
 * is: a file renamed over it would take the device's place. A symlink's target is replaced, not the link.
 */
export function openOutFile(path: string, inputs: string[] = []): OutFile {
  refuseOverInput(path, inputs);
  let existing: Stats | undefined;
  try {
    existing = statSync(path);
  } catch {
    // Not there yet: made beside its name.
  }
  if (existing && !existing.isFile()) {
    // What was written into a device or a FIFO cannot be taken back: nothing to rename, nothing to remove.
    return outFile(path, openOut(path, path, "w"), () => {}, () => {});
  }
  const target = existing ? realpathSync(path) : path;
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.part`);
  return outFile(
    path,
    openOut(path, temp, "wx"),
    () => renameSync(temp, target),
    () => rmSync(temp, { force: true }),
  );
}

function openOut(path: string, file: string, flags: string): number {
  try {
    return openSync(file, flags);
  } catch (e) {
    throw unwritable(path, e);
  }
}

/** `-o PATH` written through `fd`: `finish` makes what was written PATH, `undo` takes a failed run's output back. */
function outFile(path: string, fd: number, finish: () => void, undo: () => void): OutFile {
  const abort = () => {
    try {
      closeSync(fd);
    } catch {
      // Already closed.
    }
    undo();
  };
  return {
    async write(text) {
      try {
        writeSync(fd, text);
      } catch (e) {
        abort();
        throw unwritable(path, e);
      }
    },
    commit() {
      try {
        closeSync(fd);
        finish();
      } catch (e) {
        abort();
        throw unwritable(path, e);
      }
      process.stderr.write(`已写入 ${path}\n`);
    },
    abort,
  };
}

function refuseOverInput(path: string, inputs: string[]): void {
  const overwritten = inputs.find((input) => sameFile(path, input));
  if (overwritten !== undefined) {
    throw new InputError(`拒绝写入 ${path}：它就是输入文件 ${overwritten}，写入会覆盖原文件；请用 -o 另选一个输出文件名`);
  }
}

function unwritable(path: string, e: unknown): InputError {
  return new InputError(`无法写入 ${path}：${(e as NodeJS.ErrnoException).code ?? String(e)}`);
}

/** The name of an output beside its input: `目录/名称-绩效目标表.xlsx` never equals `目录/名称.xlsx`. */
export function besideInput(input: string, ext: string): string {
  return join(dirname(input), `${parse(input).name}-绩效目标表${ext}`);
}

/** Whether two paths name one file: real paths compared (symlinks, `..`), and device + inode (hard links). */
function sameFile(a: string, b: string): boolean {
  if (b === "-" || b === ":memory:") return false;
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      // Not there yet: its folder's real path and its name.
      try {
        return join(realpathSync(dirname(p)), basename(p));
      } catch {
        return p;
      }
    }
  };
  if (real(a) === real(b)) return true;
  try {
    const [sa, sb] = [statSync(a), statSync(b)];
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** Write to stdout and wait for it to drain, so piping large output never truncates before exit. */
export function writeOut(text: string | Uint8Array): Promise<void> {
  if (stdoutIsFile()) {
    try {
      // Two calls, one per overload of writeSync (a string, or bytes).
      if (typeof text === "string") writeSync(1, text);
      else writeSync(1, text);
    } catch (e) {
      process.stdout.emit("error", e);
    }
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once("drain", () => resolve());
  });
}

let stdoutFile: boolean | undefined;

/**
 * Stdout redirected to a file or a device (`> report.json`, /dev/null), not a pipe or a terminal. Node writes such
 * a stdout synchronously too, but turns each string into a Buffer first; writing the string itself halves the
 * cost of a 500 MB report. Its errors (a full disk) go to the stdout error handler of runMain, as the stream's do.
 */
function stdoutIsFile(): boolean {
  if (stdoutFile === undefined) {
    try {
      const stat = fstatSync(1);
      stdoutFile = !process.stdout.isTTY && (stat.isFile() || stat.isCharacterDevice());
    } catch {
      stdoutFile = false;
    }
  }
  return stdoutFile;
}

const USAGE_MESSAGES: [RegExp, (...m: string[]) => string][] = [
  [/^missing required argument '(.+)'/, (a) => `缺少参数 ${a}`],
  [/^unknown command '(.+?)'/, (c) => `未知命令“${c}”`],
  [/^unknown option '(.+?)'/, (o) => `未知选项 ${o}`],
  [/^required option '(.+?)' not specified/, (o) => `缺少必需的选项 ${o}`],
  [/^option '(.+?)' argument missing/, (o) => `选项 ${o} 缺少取值`],
  [/^too many arguments(?: for '(.+?)')?/, (c) => `${c ? `${c} 的` : ""}参数过多`],
];

/**
 * Commander's usage errors (missing argument, unknown option …) as one Chinese line with exit 2, like any
 * unreadable input, instead of English and exit 1 (which means “errors found” for check). Set on the program
 * before its commands are added, so they inherit it.
 */
export function usageErrors(program: Command): Command {
  return program.exitOverride().configureOutput({
    outputError: (str, write) => {
      const text = str.trim().replace(/^error: /, "");
      const hit = USAGE_MESSAGES.find(([re]) => re.test(text));
      const suggestion = /\(Did you mean (.+?)\?\)/.exec(text)?.[1];
      const message = hit ? hit[1](...(hit[0].exec(text) ?? []).slice(1)) : text;
      write(`jixiao: ${message}${suggestion ? `（是否想用 ${suggestion}？）` : ""}；用 jixiao --help 查看用法\n`);
    },
  });
}

/** Commander's own help words, in Chinese: section titles, usage placeholders, notes after an option. */
const HELP_TITLES: Record<string, string> = {
  "Usage:": "用法：",
  "Options:": "选项：",
  "Global Options:": "全局选项：",
  "Commands:": "命令：",
  "Arguments:": "参数：",
};
const HELP_PLACEHOLDERS: [RegExp, string][] = [
  [/\[options\]/g, "[选项]"],
  [/\[command\]/g, "[命令]"],
];
const HELP_NOTES: [RegExp, string][] = [
  [/\(default: (.*)\)$/, "（默认：$1）"],
  [/\(choices: (.*)\)$/, "（可选：$1）"],
];

const translate = (text: string, table: [RegExp, string][]) => table.reduce((t, [re, zh]) => t.replace(re, zh), text);
/** Columns a text takes in a terminal: CJK and full-width characters take two (commander counts one). */
const displayWidth = (text: string) => [...text.replace(/\x1b\[[0-9;]*m/g, "")].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);

/**
 * The help in Chinese throughout: commander's titles and notes translated, `-h, --help` and `help [命令]`
 * described in Chinese, `-v, --version`, and columns aligned for Chinese text. Set on the program before its
 * commands are added (they inherit it).
 */
export function chineseHelp(program: Command, version: string): Command {
  const base = new Help();
  return program
    .version(version, "-v, --version", "显示版本号")
    .helpOption("-h, --help", "显示帮助")
    .helpCommand("help [命令]", "显示某个命令的帮助")
    .configureHelp({
      styleTitle: (title) => HELP_TITLES[title] ?? title,
      subcommandTerm: (cmd) => translate(base.subcommandTerm(cmd), HELP_PLACEHOLDERS),
      commandUsage: (cmd) => translate(base.commandUsage(cmd), HELP_PLACEHOLDERS),
      optionDescription: (option) => translate(base.optionDescription(option), HELP_NOTES),
      argumentDescription: (argument) => translate(base.argumentDescription(argument), HELP_NOTES),
      displayWidth,
    });
}
