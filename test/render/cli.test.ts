// `jixiao render` as a user runs it: a spawned CLI writing to -o, with exit codes and one Chinese line.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

const SEED = "examples/chengde-gxq-2023.gold.json";

describe("jixiao render -o", () => {
  it("an -o into a missing folder is unwritable output: exit 2, one line naming the file, no internal error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-render-"));
    for (const to of ["md", "xlsx"]) {
      const out = join(dir, "没有 这个目录", `表.${to}`);
      const r = await runCli(["render", SEED, "--to", to, "-o", out]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toEqual([`jixiao: 无法写入 ${out}：ENOENT`]);
    }
  });
});
