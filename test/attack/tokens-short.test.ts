// Attack 15 (tokens): a one-character JIXIAO_TOKEN was accepted for a public address. Tokens shorter than 16
// characters are now refused for a non-loopback address — the single token and every entry of a JIXIAO_TOKENS
// file — at start (exit 2, the length and the minimum in the message); a bad tokens file is refused too.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isInputError } from "../../src/domain/errors.js";
import { MIN_PUBLIC_TOKEN_LENGTH } from "../../src/mcp/auth.js";
import { startHttpServer } from "../../src/mcp/http.js";
import { openSqliteStore } from "../../src/store/sqlite.js";
import { Workspace } from "../../src/workspace/index.js";
import { runJixiao } from "./store-helpers.js";

function tokensFile(entries: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), "jixiao-tokens-")), "tokens.json");
  writeFileSync(file, JSON.stringify(entries));
  return file;
}

describe("attack: short tokens on a public address", () => {
  it("refuses a one-character token for 0.0.0.0 in process", async () => {
    const workspace = new Workspace(openSqliteStore(":memory:"));
    try {
      const err = await startHttpServer(workspace, { host: "0.0.0.0", port: 0, token: "x" }).catch((e: unknown) => e);
      expect(isInputError(err)).toBe(true);
      expect((err as Error).message).toContain(`最短的只有 1 个字符`);
      expect((err as Error).message).toContain(`至少 ${MIN_PUBLIC_TOKEN_LENGTH} 个字符`);
    } finally {
      await workspace.close();
    }
  });

  it("exits 2 for a short JIXIAO_TOKEN or a short entry of JIXIAO_TOKENS, and for a malformed tokens file", async () => {
    const args = ["serve", "--http", "--host", "0.0.0.0", "--port", "0", "--db", ":memory:"];
    const single = await runJixiao(args, { env: { JIXIAO_TOKEN: "x", JIXIAO_TOKENS: "" } });
    expect(single.code).toBe(2);
    expect(single.stderr).toContain("令牌太短");
    const file = tokensFile([
      { token: "a-long-enough-editor-token-0001", department: "105001", role: "editor" },
      { token: "short", role: "reviewer" },
    ]);
    const many = await runJixiao(args, { env: { JIXIAO_TOKENS: file } });
    expect(many.code).toBe(2);
    expect(many.stderr).toContain("最短的只有 5 个字符");
    const bad = await runJixiao(args, { env: { JIXIAO_TOKENS: tokensFile([{ token: "a-long-enough-token-0002", role: "admin" }]) } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("令牌文件");
    expect(bad.stderr).toContain("格式不对");
  }, 60_000);
});
