// `check -o OUT` writes a temporary file and renames it over OUT once the report is complete. OUT that is not a
// regular file must never be renamed over: `-o /dev/null` run as root once replaced the machine's /dev/null with
// a regular file. A FIFO stands in for the device here (a test must not risk the real one): it stays a FIFO and
// its reader gets the whole report. A symlink keeps pointing where it did, and its target gets the report.
import { execFileSync } from "node:child_process";
import { createReadStream, lstatSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "./support.js";
import { ROOT } from "../render/helpers.js";

const SEED = join(ROOT, "examples/chengde-gxq-2023.gold.json");

function readAll(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    createReadStream(path, "utf8")
      .on("data", (d) => (text += d))
      .on("end", () => resolve(text))
      .on("error", reject);
  });
}

describe("attack: -o naming a device, a FIFO or a symlink", () => {
  it("writes into a FIFO and leaves it a FIFO", async () => {
    const dir = tempDir("out-fifo");
    const fifo = join(dir, "report.pipe");
    execFileSync("mkfifo", [fifo]);
    const [r, text] = await Promise.all([runCli(["check", SEED, "--format", "json", "-o", fifo]), readAll(fifo)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`已写入 ${fifo}`);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    const report = JSON.parse(text) as { findings: unknown[] };
    expect(report.findings.length).toBeGreaterThan(50);
  });

  it("replaces a symlink's target and keeps the link", async () => {
    const dir = tempDir("out-link");
    const target = join(dir, "target.json");
    const link = join(dir, "report.json");
    writeFileSync(target, "old");
    symlinkSync(target, link);
    const r = await runCli(["check", SEED, "--format", "json", "-o", link]);
    expect(r.code).toBe(1);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(JSON.parse(readFileSync(target, "utf8")).findings.length).toBeGreaterThan(50);
  });
});
