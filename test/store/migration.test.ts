// Upgrading a database written by the previous schema (user_version 1: snapshots without descriptions).
import Database from "better-sqlite3";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ProjectSchema } from "../../src/domain/schema.js";
import { MIGRATIONS, openSqliteStore } from "../../src/store/sqlite.js";
import { Workspace } from "../../src/workspace/index.js";

const V1_SCHEMA = MIGRATIONS[0];

/** A file exactly as jixiao with schema version 1 left it: a project at revision 4 with two snapshots. */
function v1Database(): string {
  const file = join(mkdtempSync(join(tmpdir(), "jixiao-migrate-")), "old.db");
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.exec(V1_SCHEMA);
  db.pragma("user_version = 1");
  const at = "2024-03-01T08:00:00.000Z";
  const version = (name: string, value: string) =>
    JSON.stringify(
      ProjectSchema.parse({
        id: "p_old",
        name,
        budget: { total: 2 },
        indicators: [{ id: "i_1", level1: "产出指标", level2: "数量指标", name: "培训次数", description: "培训次数", value, basis: "" }],
      }),
    );
  db.prepare("INSERT INTO projects (id, document_id, revision, data, created_at, updated_at) VALUES (?, NULL, 4, ?, ?, ?)").run(
    "p_old", version("旧项目", "≥4次"), at, at,
  );
  const snap = db.prepare("INSERT INTO snapshots (project_id, revision, action, data, at) VALUES (?, ?, ?, ?, ?)");
  snap.run("p_old", 2, "update_indicator", version("旧项目", "4 次"), at);
  snap.run("p_old", 3, "update_project", version("旧名称", "≥4次"), at);
  db.close();
  return file;
}

describe("schema migration 1 → 2", () => {
  it("is one appended step (v3 after it: departments and list search)", async () => {
    expect(MIGRATIONS).toHaveLength(3);
  });

  it("upgrades a version-1 file in place; old snapshots stay readable with an empty description", async () => {
    const file = v1Database();
    const store = openSqliteStore(file);
    const snaps = await store.listSnapshots("p_old");
    expect(snaps.map((s) => [s.revision, s.action, s.description, s.undoTo])).toEqual([
      [2, "update_indicator", "", undefined],
      [3, "update_project", "", undefined],
    ]);
    expect(snaps[0].project.indicators[0].value).toBe("4 次");
    expect((await store.getProject("p_old"))?.revision).toBe(4);
    await store.close();
    const raw = new Database(file);
    expect(raw.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    const columns = (raw.pragma("table_info(snapshots)") as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(expect.arrayContaining(["description", "undo_to"]));
    raw.close();
  });

  it("opens the upgraded file again without re-running the step", async () => {
    const file = v1Database();
    await openSqliteStore(file).close();
    const again = openSqliteStore(file);
    expect(await again.listSnapshots("p_old")).toHaveLength(2);
    await again.close();
  });

  it("lets the workspace list and undo old changes, recording the new ones with descriptions", async () => {
    const ws = new Workspace(openSqliteStore(v1Database()));
    expect((await ws.history("p_old")).entries.map((e) => e.description)).toEqual(["", ""]);
    const u = await ws.undo("p_old");
    expect(u.restoredRevision).toBe(3);
    expect(u.project.name).toBe("旧名称");
    const back = await ws.undo("p_old", undefined, 2);
    expect(back.project.indicators[0].value).toBe("4 次");
    expect((await ws.history("p_old")).entries.map((e) => [e.revision, e.description])).toEqual([
      [2, ""],
      [3, ""],
      [4, "撤销到版本 3"],
      [5, "撤销到版本 2"],
    ]);
    await ws.close();
  });
});
