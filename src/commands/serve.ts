// `jixiao serve` (being implemented).
import type { Command } from "commander";

export function registerServe(program: Command): void {
  program.command("serve").description("(尚未实现)").action(() => {
    throw new Error("not implemented");
  });
}
