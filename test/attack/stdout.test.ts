// A write error on stdout (a full disk) used to crash with a stack trace and exit 1, the code `check` uses for
// “errors found”: it is exit 2 with one Chinese line naming the cause. A reader closing the pipe early
// (`| head`) stays the reader's choice: no message, no stack trace.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { documentJson, REPO, runCli, tempDir, writeDocument } from "./support.js";

const FULL = "/dev/full";

describe.skipIf(!existsSync(FULL))("attack: stdout on a full disk", () => {
  it("check, import and render --to md end with exit 2 and one line, never a stack trace", async () => {
    const dir = tempDir("stdout");
    // An error row, so check would exit 1 if the write error were taken for findings.
    const file = writeDocument(dir, "doc.json", documentJson((d) => (d.projects[0].indicators[0].value = "文字描述")));
    const runs = await Promise.all([
      runCli(["check", file], { stdoutFile: FULL }),
      runCli(["import", file], { stdoutFile: FULL }),
      runCli(["render", file, "--to", "md"], { stdoutFile: FULL }),
    ]);
    for (const r of runs) {
      expect(r.code).toBe(2);
      expect(r.stderr).toBe("jixiao: 无法写入标准输出：磁盘空间已满（ENOSPC），输出不完整\n");
    }
  });
});

describe("attack: stdout closed by the reader", () => {
  it("import into a pipe closed at once ends without a stack trace", async () => {
    const dir = tempDir("stdout");
    const file = writeDocument(dir, "doc.json", documentJson((d) => {
      // Large enough that the write cannot finish before the pipe is gone.
      d.projects[0].purpose = "资金用途".repeat(200_000);
    }));
    const child = spawn(process.execPath, [`${REPO}dist/cli.js`, "import", file], { cwd: dir });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const code = await new Promise<number | null>((r) => child.on("close", r));
    expect(stderr).not.toMatch(/\n\s+at |Error:/);
    expect([0, 2]).toContain(code);
  });
});
