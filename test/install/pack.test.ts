// The package as a user installs it, outside the clone: `npm pack`, the tarball installed into an empty folder,
// `npx jixiao check` run there, and the MCP configurations the README gives started from yet another folder,
// each listing the tools. Slow (pack ~15 s, install ~15 s with a warm npm cache) and it needs the npm registry
// when the cache is cold, so it runs only with JIXIAO_PACK_TEST=1 (`npm run test:pack`).
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../render/helpers.js";

const enabled = process.env.JIXIAO_PACK_TEST === "1";
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

interface McpConfig {
  mcpServers: Record<string, { command: string; args: string[] }>;
}

/** The MCP configurations of the README, by their marker comment. */
function readmeConfigs(): Record<string, McpConfig> {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const out: Record<string, McpConfig> = {};
  for (const m of readme.matchAll(/<!-- mcp-config: (\w+) -->\s*```json\n([\s\S]*?)```/g)) out[m[1]] = JSON.parse(m[2]) as McpConfig;
  return out;
}

async function listTools(command: string, args: string[], cwd: string, env: Record<string, string>): Promise<string[]> {
  const transport = new StdioClientTransport({ command, args, cwd, env, stderr: "pipe" });
  const client = new Client({ name: "jixiao-pack-test", version: "0.0.0" });
  await client.connect(transport);
  try {
    return (await client.listTools()).tools.map((t) => t.name);
  } finally {
    await client.close();
  }
}

describe.runIf(enabled)("the packed tarball, installed outside the clone", () => {
  const base = mkdtempSync(join(tmpdir(), "jixiao-pack-"));
  const app = join(base, "app");
  const elsewhere = join(base, "elsewhere");
  // The server's database and roots go to a home of its own, never the tester's.
  const home = join(base, "home");
  let tarball = "";
  let env: Record<string, string> = {};

  beforeAll(() => {
    for (const dir of [app, elsewhere, home]) mkdirSync(dir, { recursive: true });
    // `npm pack` runs `prepare` (the build), so the tarball holds a fresh dist/.
    const name = execFileSync(npm, ["pack", "--pack-destination", base, "--silent"], { cwd: ROOT, encoding: "utf8" }).trim().split("\n").pop()!;
    tarball = join(base, name);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "jixiao-pack-test-app", private: true }));
    // Install scripts are skipped and the addon this checkout already built is copied in: the same pinned
    // better-sqlite3 version, so the compile (~60 s) is not repeated. Offline first; the registry if the cache lacks a package.
    const install = (mode: string) =>
      spawnSync(npm, ["install", tarball, mode, "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: app, encoding: "utf8" });
    let r = install("--offline");
    if (r.status !== 0) r = install("--prefer-offline");
    expect(r.status, r.stderr).toBe(0);
    const addon = join(app, "node_modules", "better-sqlite3");
    const version = (dir: string) => (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version;
    const ours = join(ROOT, "node_modules", "better-sqlite3");
    if (version(addon) === version(ours) && existsSync(join(ours, "build", "Release", "better_sqlite3.node"))) {
      cpSync(join(ours, "build"), join(addon, "build"), { recursive: true });
    } else {
      const rebuilt = spawnSync(npm, ["rebuild", "better-sqlite3"], { cwd: app, encoding: "utf8" });
      expect(rebuilt.status, rebuilt.stderr).toBe(0);
    }
    env = {
      ...(process.env as Record<string, string>),
      HOME: home,
      USERPROFILE: home,
      // What `npm install -g` gives: the installed bin on PATH.
      PATH: `${join(app, "node_modules", ".bin")}${delimiter}${process.env.PATH ?? ""}`,
    };
  }, 240_000);

  it("the tarball holds LICENSE, dist, templates and prompts, and no sources or tests", () => {
    const files = execFileSync("tar", ["tzf", tarball], { encoding: "utf8" }).split("\n");
    for (const f of ["package/LICENSE", "package/dist/cli.js", "package/templates/document.html.hbs", "package/prompts/server-instructions.md", "package/package.json"]) {
      expect(files, f).toContain(f);
    }
    expect(files.some((f) => f.startsWith("package/src/") || f.startsWith("package/test/"))).toBe(false);
  });

  it("npx jixiao check runs in the install folder", () => {
    copyFileSync(join(ROOT, "examples/chengde-gxq-2023.txt"), join(app, "seed.txt"));
    const r = spawnSync("npx", ["--no-install", "jixiao", "check", "seed.txt"], { cwd: app, env, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/\d+ 个错误，\d+ 个警告，\d+ 个提示/);
    const v = spawnSync("npx", ["--no-install", "jixiao", "-v"], { cwd: app, env, encoding: "utf8" });
    expect(v.stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version);
  }, 60_000);

  it("npx jixiao serve in the install folder lists the tools", async () => {
    const tools = await listTools("npx", ["--no-install", "jixiao", "serve"], app, env);
    expect(tools).toEqual(expect.arrayContaining(["create_project", "render_project", "apply_fixes", "validate_project"]));
  }, 60_000);

  it("each MCP configuration of the README starts from another folder and lists the tools", async () => {
    const configs = readmeConfigs();
    expect(Object.keys(configs).sort()).toEqual(["absolute", "installed"]);
    const cli = join(app, "node_modules", "jixiao", "dist", "cli.js");
    for (const [name, config] of Object.entries(configs)) {
      const server = config.mcpServers.jixiao;
      const command = server.command === "node" ? process.execPath : server.command;
      const args = server.args.map((a) => a.replace("/绝对路径/jixiao/dist/cli.js", cli));
      const tools = await listTools(command, args, elsewhere, env);
      expect(tools.length, name).toBeGreaterThanOrEqual(15);
      expect(tools, name).toContain("render_project");
    }
  }, 60_000);
});

describe.runIf(!enabled)("the packed tarball (skipped)", () => {
  it("runs with JIXIAO_PACK_TEST=1 (npm run test:pack)", () => {
    expect(enabled).toBe(false);
  });
});
