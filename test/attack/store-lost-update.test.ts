// Attack 14: lost update when revision is left out. Two read-modify-write clients without revision: one's change
// was silently gone. On a shared (HTTP) server every write must now name the revision it read, and a stale one is
// refused; stdio keeps revision optional (one user, one client — documented in the README).
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterEach, describe, expect, it } from "vitest";
import { startHttpServer } from "../../src/mcp/http.js";
import { openSqliteStore } from "../../src/store/sqlite.js";
import { Workspace } from "../../src/workspace/index.js";
import { clientOn, storedState, tempDb, textOf } from "./store-helpers.js";

async function httpClient(url: string) {
  const client = new Client({ name: "attack", version: "0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return {
    client,
    call: async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as CallToolResult,
  };
}

describe("attack: lost update without revision", () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of closers.splice(0).reverse()) await c();
  });

  it("refuses every HTTP write that names no revision, and the stale one of two that do", async () => {
    const { db } = tempDb();
    const workspace = new Workspace(openSqliteStore(db));
    const running = await startHttpServer(workspace, { port: 0, log: () => undefined });
    closers.push(() => workspace.close(), () => running.close());
    const alice = await httpClient(running.url);
    const bob = await httpClient(running.url);
    closers.push(() => alice.client.close(), () => bob.client.close());

    const made = (await alice.call("create_project", { name: "共用项目", budget: { total: 1 }, goals: ["目标一"] })).structuredContent as {
      project: { id: string };
      revision: number;
    };
    const projectId = made.project.id;
    const before = storedState(db);
    // Both read, both write back without naming what they read.
    for (const [who, goals] of [[alice, ["目标一", "爱丽丝的目标"]], [bob, ["目标一", "鲍勃的目标"]]] as const) {
      const r = await who.call("update_project", { projectId, patch: { goals } });
      expect(r.isError).toBe(true);
      expect(textOf(r)).toContain("须给出 revision");
      expect(textOf(r)).toContain("get_project 重新读取");
    }
    expect(storedState(db)).toBe(before);

    // With the revision both read, the first wins and the second is told to read again.
    const first = await alice.call("update_project", { projectId, revision: made.revision, patch: { goals: ["目标一", "爱丽丝的目标"] } });
    expect(first.isError).toBeFalsy();
    const second = await bob.call("update_project", { projectId, revision: made.revision, patch: { goals: ["目标一", "鲍勃的目标"] } });
    expect(second.isError).toBe(true);
    expect(textOf(second)).toContain("已被修改：当前版本为 2");
    const view = (await bob.call("get_project", { projectId })).structuredContent as { project: { goals: string[] } };
    expect(view.project.goals).toEqual(["目标一", "爱丽丝的目标"]);
    for (const tool of ["add_indicators", "update_indicator", "remove_indicators", "undo", "delete_project"]) {
      const args: Record<string, unknown> = { projectId, indicators: [{ level2: "数量指标", name: "次数", value: "≥1次" }], indicatorId: "i_x", indicatorIds: ["i_x"], patch: { value: "1" } };
      const r = await alice.call(tool, Object.fromEntries(Object.entries(args).filter(([k]) => k === "projectId" || TOOL_ARGS[tool].includes(k))));
      expect(r.isError, tool).toBe(true);
      expect(textOf(r), tool).toContain("须给出 revision");
    }
  });

  it("keeps revision optional on stdio (one user) — the documented choice", async () => {
    const { db } = tempDb();
    const s = await clientOn(db);
    closers.push(s.close);
    const made = (await s.call("create_project", { name: "单用户", budget: { total: 1 } })).structuredContent as { project: { id: string } };
    const r = await s.call("update_project", { projectId: made.project.id, patch: { code: "A1" } });
    expect(r.isError).toBeFalsy();
    expect((r.structuredContent as { revision: number }).revision).toBe(2);
  });
});

const TOOL_ARGS: Record<string, string[]> = {
  add_indicators: ["indicators"],
  update_indicator: ["indicatorId", "patch"],
  remove_indicators: ["indicatorIds"],
  undo: [],
  delete_project: [],
};
