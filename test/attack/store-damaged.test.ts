// Attack 12: a damaged database. A damaged page used to pass /health and fail every call as 内部错误; one
// unparsable row broke list_projects for every project. Now PRAGMA quick_check runs at start (a clear refusal,
// exit 2), and a bad row is listed apart, named, readable as a clear error, and removable with delete_project.
import Database from "better-sqlite3";
import { openSync, readFileSync, writeSync, closeSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/store/sqlite.js";
import { ProjectSchema } from "../../src/domain/schema.js";
import { clientOn, runJixiao, storedState, tempDb, textOf } from "./store-helpers.js";

/** A database of 300 projects (many pages), closed cleanly, then b-tree pages overwritten with garbage. */
async function damagedFile(): Promise<string> {
  const { db } = tempDb();
  const store = openSqliteStore(db);
  for (let n = 0; n < 300; n++) {
    await store.insertProject({ id: `p_${n}`, documentId: null, project: ProjectSchema.parse({ name: `项目${n}`, summary: "概况".repeat(50) }) });
  }
  await store.close();
  const pageSize = 4096;
  const fd = openSync(db, "r+");
  // Pages 3–20 (page 1 is the header and schema): what a torn write or a bad disk sector leaves.
  writeSync(fd, Buffer.alloc(pageSize * 18, 0xa5), 0, pageSize * 18, pageSize * 2);
  closeSync(fd);
  return db;
}

describe("attack: damaged database", () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of closers.splice(0)) await c();
  });

  it("refuses to serve a file with a damaged page (exit 2, says so), and so do the read commands", async () => {
    const db = await damagedFile();
    const bytes = readFileSync(db);
    const serve = await runJixiao(["serve", "--db", db]);
    expect(serve.code).toBe(2);
    expect(serve.stderr).toMatch(/已损坏/);
    expect(serve.stderr).not.toMatch(/at .*\.ts:\d+/);
    const http = await runJixiao(["serve", "--http", "--port", "0", "--db", db]);
    expect(http.code).toBe(2);
    const projects = await runJixiao(["projects", "--db", db]);
    expect(projects.code).toBe(2);
    expect(projects.stderr).toMatch(/已损坏/);
    expect(readFileSync(db).equals(bytes)).toBe(true);
  }, 60_000);

  it("lists every readable project beside one unparsable row, names it, and lets delete_project remove it", async () => {
    const { db } = tempDb();
    const s = await clientOn(db);
    closers.push(s.close);
    const ids: string[] = [];
    for (const name of ["甲", "乙", "丙"]) {
      ids.push(((await s.call("create_project", { name, budget: { total: 1 } })).structuredContent as { project: { id: string } }).project.id);
    }
    const raw = new Database(db);
    raw.prepare("UPDATE projects SET data = ? WHERE id = ?").run('{"name": "乙", "indicators": [', ids[1]);
    raw.close();
    const before = storedState(db);

    const list = await s.call("list_projects", {});
    expect(list.isError).toBeFalsy();
    const content = list.structuredContent as { projects: { id: string }[]; damaged: { id: string; reason: string }[] };
    expect(content.projects.map((p) => p.id)).toEqual([ids[0], ids[2]]);
    expect(content.damaged.map((d) => d.id)).toEqual([ids[1]]);
    expect(textOf(list)).toContain("delete_project");

    const read = await s.call("get_project", { projectId: ids[1] });
    expect(read.isError).toBe(true);
    expect(textOf(read)).toContain(`项目“${ids[1]}”的存储记录已损坏`);
    expect(textOf(read)).not.toContain("内部错误");
    const edit = await s.call("update_project", { projectId: ids[1], patch: { name: "丁" } });
    expect(edit.isError).toBe(true);
    expect(storedState(db)).toBe(before);

    const gone = await s.call("delete_project", { projectId: ids[1] });
    expect(gone.isError).toBeFalsy();
    const after = (await s.call("list_projects", {})).structuredContent as { projects: { id: string }[]; damaged?: unknown[] };
    expect(after.projects.map((p) => p.id)).toEqual([ids[0], ids[2]]);
    expect(after.damaged).toBeUndefined();
  });
});
