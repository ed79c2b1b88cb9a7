// Run the jixiao CLI as a user would: a child process with real files and pipes. The built CLI when
// present (npm test builds first, and it starts faster), else the sources through tsx. No model
// endpoint variables are passed on, so drafting always takes the offline path in tests.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const dist = join(root, "dist", "cli.js");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { cwd?: string; stdin?: string | Buffer } = {}): Promise<CliResult> {
  const [cmd, pre] = existsSync(dist)
    ? [process.execPath, [dist]]
    : [join(root, "node_modules", ".bin", "tsx"), [join(root, "src", "cli.ts")]];
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(JIXIAO_LLM_|OPENAI_)/.test(k)));
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, [...pre, ...args], { cwd: opts.cwd ?? root, env: { ...env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.stdin ?? "");
  });
}
