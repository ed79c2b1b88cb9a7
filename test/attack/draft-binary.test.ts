// `jixiao draft` on bytes that are no text (an executable, an image) refuses in Chinese with exit 2,
// instead of drafting a project from binary noise.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);
const NO_LLM = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(JIXIAO_LLM_|OPENAI_)/.test(k))) as NodeJS.ProcessEnv;

async function draft(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(join(REPO, "node_modules/.bin/tsx"), ["src/cli.ts", "draft", file, "--offline"], { cwd: REPO, env: NO_LLM })
    .then((r) => ({ code: 0, ...r }))
    .catch((e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }));
}

describe("draft refuses binary input", () => {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-bin-"));

  it("refuses an executable-like file (NUL bytes) with exit 2 and a Chinese message naming the file", async () => {
    const file = join(dir, "program");
    // An ELF header followed by NULs and some printable bytes, as /bin/ls begins.
    writeFileSync(file, Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64), Buffer.from("培训4期")]));
    const r = await draft(file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain("二进制文件");
    expect(r.stderr).not.toMatch(/at .+\.ts:\d+/); // no stack trace
    expect(r.stdout).toBe("");
  });

  it("refuses bytes that are not UTF-8 (a PNG) the same way", async () => {
    const file = join(dir, "image.txt");
    const noise = Buffer.from(Array.from({ length: 600 }, (_, i) => 0x80 + ((i * 37) % 0x7f)));
    writeFileSync(file, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), noise]));
    const r = await draft(file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("二进制文件");
  });

  it("still drafts a UTF-8 description", async () => {
    const file = join(dir, "ok.txt");
    writeFileSync(file, "业务培训\n举办业务培训4期，培训200人次。");
    const r = await draft(file);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("≥4期");
    expect(r.stderr).toMatch(/项目类型：培训；预算年度：\d{4}/);
  });
});
