// `jixiao serve`: the MCP server over stdio (default) or Streamable HTTP (--http). Logs go to stderr only.
import type { Command } from "commander";
import { InputError } from "../domain/errors.js";

interface ServeOptions {
  http?: boolean;
  port: string;
  host: string;
  db?: string;
  root: string[];
  dbPool?: string;
}

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("启动 MCP 服务器（默认 stdio；--http 为 Streamable HTTP）")
    .option("--http", "以 Streamable HTTP 方式提供服务（无状态，端点 /mcp，健康检查 /health）")
    .option("--port <port>", "HTTP 端口", "8787")
    .option("--host <host>", "HTTP 监听地址（非本机地址须设置 JIXIAO_TOKEN）", "127.0.0.1")
    .option("--db <file|url>", "数据库：文件（默认 JIXIAO_DB 或 ~/.jixiao/jixiao.db；:memory: 为内存库）或 postgres://… 地址（多台服务器共用）")
    .option("--db-pool <n>", "PostgreSQL：每个进程的连接数（默认 JIXIAO_DB_POOL 或 10）")
    .option("--root <dir>", "import_document 允许读取的目录，可重复（默认：JIXIAO_ROOTS，否则 ~/Documents/jixiao；不接受 / 和整个主目录）", collect, [])
    .action(async (opts: ServeOptions) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InputError(`端口“${opts.port}”无效，应为 0–65535 的整数`);
      // The store and the roots' checks load when the server starts, not with every command.
      const { chooseRoots } = await import("../allowed-roots.js");
      const { defaultDbPath, defaultExportsDir, openStore } = await import("../store/index.js");
      const { redactUrl } = await import("../store/postgres-url.js");
      const roots = chooseRoots(opts.root);
      const dbPath = defaultDbPath(opts.db);
      const poolSize = opts.dbPool === undefined ? undefined : Number(opts.dbPool);
      if (poolSize !== undefined && !(Number.isInteger(poolSize) && poolSize >= 1 && poolSize <= 1000)) {
        throw new InputError(`--db-pool“${opts.dbPool}”无效：应为 1–1000 的整数`);
      }
      // Tokens first: a bad tokens file must stop the start before anything connects.
      const { loadTokens } = await import("../mcp/auth.js");
      const tokens = opts.http ? loadTokens() : null;
      const store = await openStore(dbPath, { poolSize });
      // The workspace and the MCP SDK load when the server starts, not with every command.
      const { Workspace } = await import("../workspace/index.js");
      const shown = redactUrl(dbPath);
      const workspace = new Workspace(store, { roots, exportsDir: defaultExportsDir(dbPath) });
      const shutdown = (code: number) => {
        void workspace.close().finally(() => process.exit(code));
      };
      process.on("SIGINT", () => shutdown(0));
      process.on("SIGTERM", () => shutdown(0));

      if (opts.http) {
        const { startHttpServer } = await import("../mcp/http.js");
        let running;
        try {
          running = await startHttpServer(workspace, { host: opts.host, port, ...(tokens ? { tokens } : {}) });
        } catch (e) {
          await workspace.close();
          if ((e as NodeJS.ErrnoException).code === "EADDRINUSE") throw new InputError(`端口 ${port} 已被占用，请用 --port 换一个`);
          throw e;
        }
        process.stderr.write(`jixiao: MCP (Streamable HTTP) 已启动：${running.url}，数据库 ${shown}${tokens ? `，${tokens.describe()}` : ""}，允许读取 ${roots.join("、")}\n`);
        return;
      }
      const { startStdioServer } = await import("../mcp/stdio.js");
      await startStdioServer(workspace);
      process.stdin.on("end", () => shutdown(0));
      process.stderr.write(`jixiao: MCP (stdio) 已启动，数据库 ${shown}${store.readOnly ? "（只读：修改会被拒绝）" : ""}，允许读取 ${roots.join("、")}\n`);
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
