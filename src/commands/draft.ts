// `jixiao draft` (being implemented).
import type { Command } from "commander";

export function registerDraft(program: Command): void {
  program.command("draft").description("(尚未实现)").action(() => {
    throw new Error("not implemented");
  });
}
