// An in-process server over InMemoryTransport with a fresh :memory: store.
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "../../src/mcp/server.js";
import { openSqliteStore } from "../../src/store/sqlite.js";
import { Workspace } from "../../src/workspace/index.js";
import { connect } from "./session.js";

export async function inMemoryClient(opts: { roots?: string[] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-mcp-"));
  const workspace = new Workspace(openSqliteStore(":memory:"), { roots: opts.roots ?? [dir], exportsDir: join(dir, "exports") });
  const server = createServer(workspace);
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = await connect(clientSide);
  return {
    client,
    workspace,
    dir,
    async close() {
      await client.close();
      await server.close();
      await workspace.close();
    },
  };
}
