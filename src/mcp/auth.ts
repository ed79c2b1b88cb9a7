// Who a bearer token is: the one JIXIAO_TOKEN (single user, today's meaning), or an entry of the JIXIAO_TOKENS
// file — an editor of one department or a reviewer of all. Tokens are compared in constant time, and a server on
// a non-loopback address refuses tokens short enough to guess.
import { createHash, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";
import { InputError } from "../domain/errors.js";
import { OWNER, type Access } from "../workspace/tenancy.js";

/** Shortest token accepted on a public address: 16 characters of a random token are ~96 bits and more. */
export const MIN_PUBLIC_TOKEN_LENGTH = 16;

const TokenEntrySchema = z.union([
  z.object({ token: z.string().min(1), department: z.string().min(1).max(64), role: z.literal("editor") }).strict(),
  z.object({ token: z.string().min(1), role: z.literal("reviewer") }).strict(),
]);
const TokenFileSchema = z.array(TokenEntrySchema).min(1);

export interface TokenTable {
  /** The caller of a request, or null when the header names no known token. */
  identify(authorization: string | undefined): Access | null;
  /** For messages and /health: how many tokens, and of which kind. */
  describe(): string;
  readonly shortest: number;
}

/** JIXIAO_TOKENS (a file) wins over JIXIAO_TOKEN; neither = no auth (loopback only). */
export function loadTokens(env: { JIXIAO_TOKENS?: string; JIXIAO_TOKEN?: string } = process.env): TokenTable | null {
  if (env.JIXIAO_TOKENS) return tokensFromFile(env.JIXIAO_TOKENS);
  if (env.JIXIAO_TOKEN) return singleToken(env.JIXIAO_TOKEN);
  return null;
}

export function singleToken(token: string): TokenTable {
  const digest = hash(token);
  return {
    identify: (header) => (matches(bearer(header), digest) ? OWNER : null),
    describe: () => "单一令牌（JIXIAO_TOKEN）",
    shortest: token.length,
  };
}

export function tokensFromFile(file: string): TokenTable {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new InputError(`无法读取令牌文件 ${file}（JIXIAO_TOKENS）：${(e as Error).message}`);
  }
  const parsed = TokenFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      `令牌文件 ${file} 格式不对（${issue.path.join(".") || "根"}：${issue.message}）：应为 JSON 数组，每项为 ` +
        `{"token": "…", "department": "部门编码", "role": "editor"} 或 {"token": "…", "role": "reviewer"}`,
    );
  }
  const entries = parsed.data.map((e) => ({
    digest: hash(e.token),
    access: (e.role === "editor" ? { role: "editor", department: e.department } : { role: "reviewer" }) as Access,
  }));
  if (new Set(entries.map((e) => e.digest.toString("hex"))).size !== entries.length) {
    throw new InputError(`令牌文件 ${file} 中有重复的令牌：每个令牌只能对应一个部门或角色`);
  }
  const editors = parsed.data.filter((e) => e.role === "editor").length;
  return {
    identify(header) {
      const given = bearer(header);
      let found: Access | null = null;
      // Every entry is compared, so the time taken says nothing about which (or whether one) matched.
      for (const e of entries) if (matches(given, e.digest) && !found) found = e.access;
      return found;
    },
    describe: () => `令牌文件 ${file}：${editors} 个部门编辑令牌、${entries.length - editors} 个审核令牌`,
    shortest: Math.min(...parsed.data.map((e) => e.token.length)),
  };
}

/** A token table fit for a non-loopback address: every token long enough. */
export function checkPublicTokens(tokens: TokenTable, host: string): void {
  if (tokens.shortest < MIN_PUBLIC_TOKEN_LENGTH) {
    throw new InputError(
      `令牌太短（最短的只有 ${tokens.shortest} 个字符），拒绝在非本机地址 ${host} 上监听：公开地址上每个令牌至少 ${MIN_PUBLIC_TOKEN_LENGTH} 个字符。` +
        "可用 openssl rand -hex 24 生成",
    );
  }
}

function bearer(header: string | undefined): Buffer | null {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? "");
  return match ? Buffer.from(match[1].trim()) : null;
}

/** Digests of equal length, so timingSafeEqual never throws and token lengths do not leak. */
function hash(token: string | Buffer): Buffer {
  return createHash("sha256").update(token).digest();
}

function matches(given: Buffer | null, digest: Buffer): boolean {
  return given !== null && timingSafeEqual(hash(given), digest);
}
