// `jixiao render` (being implemented).
import type { Command } from "commander";

export function registerRender(program: Command): void {
  program.command("render").description("(尚未实现)").action(() => {
    throw new Error("not implemented");
  });
}
