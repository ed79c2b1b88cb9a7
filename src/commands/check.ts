// `jixiao check` (being implemented).
import type { Command } from "commander";

export function registerCheck(program: Command): void {
  program.command("check").description("(尚未实现)").action(() => {
    throw new Error("not implemented");
  });
}
