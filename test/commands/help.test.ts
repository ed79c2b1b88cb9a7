// The CLI's help in Chinese throughout: none of commander's English scaffolding (Usage, Options, "display help
// for command", "(default: …)"), and `-v` / `--version` print the package's version.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { ROOT } from "../render/helpers.js";

const ENGLISH_SCAFFOLDING = /Usage|Options|Commands|Arguments|display help|output the version|default:|choices:|\[options\]|\[command\]/;
const version = (JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as { version: string }).version;

describe("jixiao help", () => {
  for (const args of [["--help"], ["check", "--help"], ["render", "--help"], ["fix", "--help"], ["help", "export"]]) {
    it(`jixiao ${args.join(" ")}: Chinese titles, no English scaffolding, exit 0`, async () => {
      const r = await runCli(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^用法：/);
      expect(r.stdout).toContain("选项：");
      expect(r.stdout).toContain("-h, --help");
      expect(r.stdout).toContain("显示帮助");
      expect(r.stdout).not.toMatch(ENGLISH_SCAFFOLDING);
    });
  }

  it("the defaults read （默认：…）", async () => {
    const r = await runCli(["check", "--help"]);
    expect(r.stdout).toContain("（默认：\"text\"）");
  });

  it("-v and --version print the version", async () => {
    for (const flag of ["-v", "--version"]) {
      const r = await runCli([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toBe(version);
    }
  });
});
