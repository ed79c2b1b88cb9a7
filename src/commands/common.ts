// Shared CLI plumbing: InputError → one Chinese line on stderr and exit 2; anything else is a bug,
// still reported in one line (stack only with JIXIAO_DEBUG=1).
import { isInputError } from "../domain/errors.js";

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_INPUT = 2;

export function fail(message: string): never {
  process.stderr.write(`jixiao: ${message}\n`);
  process.exit(EXIT_INPUT);
}

export function runMain(main: () => Promise<unknown>): void {
  // `jixiao import x | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
  main().catch((e: unknown) => {
    if (isInputError(e)) fail(e.message);
    if (process.env.JIXIAO_DEBUG) console.error(e);
    fail(`内部错误：${e instanceof Error ? e.message : String(e)}（设置 JIXIAO_DEBUG=1 查看详情）`);
  });
}

/** Write to stdout and wait for it to drain, so piping large output never truncates before exit. */
export function writeOut(text: string | Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once("drain", () => resolve());
  });
}
