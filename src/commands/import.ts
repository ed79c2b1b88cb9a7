// `jixiao import` (being implemented).
import type { Command } from "commander";

export function registerImport(program: Command): void {
  program.command("import").description("(尚未实现)").action(() => {
    throw new Error("not implemented");
  });
}
