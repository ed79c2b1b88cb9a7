// The package root (where package.json, prompts/ and templates/ live), found by walking up from this module
// so it works from src/ (tsx) and from dist/ (built).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "prompts"))) return (cached = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error("找不到 jixiao 的安装目录（缺少 package.json 或 prompts/）");
    dir = parent;
  }
}

/** A text file under prompts/; `{{key}}` placeholders replaced verbatim (prompts are plain text, not HTML). */
export function readPrompt(name: string, vars: Record<string, string> = {}): string {
  const text = readFileSync(join(packageRoot(), "prompts", name), "utf8");
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => vars[key] ?? "");
}
