// The package root (where package.json, prompts/ and templates/ live), found by walking up from this module
// so it works from src/ (tsx) and from dist/ (built). Renderer, drafter and MCP server all read files there.
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

/** A path inside the package: packagePath("templates", "project.md.hbs"). */
export function packagePath(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}

/** The version in the package's package.json (what `jixiao -v` prints). */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(packagePath("package.json"), "utf8")) as { version: string }).version;
}
