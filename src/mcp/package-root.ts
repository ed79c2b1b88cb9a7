// Server texts under prompts/ (instructions, MCP prompts), read from the package root.
import { readFileSync } from "node:fs";
import { packagePath } from "../paths.js";

/** A text file under prompts/; `{{key}}` placeholders replaced verbatim (prompts are plain text, not HTML). */
export function readPrompt(name: string, vars: Record<string, string> = {}): string {
  const text = readFileSync(packagePath("prompts", name), "utf8");
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => vars[key] ?? "");
}
