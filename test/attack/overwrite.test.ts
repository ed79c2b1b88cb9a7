// Outputs are never written over an input: `render mine.xlsx --to xlsx` without -o writes beside the input
// under a new name, an explicit -o naming the input (however spelled: `..`, a symlink, a hard link) is
// refused, and `export -o` never writes over the database it reads. The exit code and the one-line message
// are checked on the spawned CLI; the other spellings call the command in-process (same code, no spawn).
import { linkSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runExport } from "../../src/commands/export.js";
import { runRender } from "../../src/commands/render.js";
import { renderDocumentXlsx } from "../../src/render/index.js";
import { parsedDocument, RawStdioServer, runCli, serverPlace, snapshotTree, tempDir, writeDocument } from "./support.js";

let workbook: Buffer;
beforeAll(async () => {
  workbook = await renderDocumentXlsx(parsedDocument());
});

/** A folder holding a person's workbook `mine.xlsx`. */
function folderWithWorkbook(): { dir: string; book: string } {
  const dir = tempDir("overwrite");
  mkdirSync(join(dir, "sub"));
  writeFileSync(join(dir, "mine.xlsx"), workbook);
  return { dir, book: join(dir, "mine.xlsx") };
}

async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("not refused");
}

describe("attack: an output never overwrites an input", () => {
  it("render mine.xlsx --to xlsx in its folder writes mine-绩效目标表.xlsx beside it and leaves mine.xlsx as it was", async () => {
    const { dir, book } = folderWithWorkbook();
    const r = await runCli(["render", "mine.xlsx", "--to", "xlsx"], { cwd: dir });
    expect(r.stderr).toContain("mine-绩效目标表.xlsx");
    expect(r.code).toBe(0);
    expect(readFileSync(book).equals(workbook)).toBe(true);
    expect(readFileSync(join(dir, "mine-绩效目标表.xlsx")).length).toBeGreaterThan(0);
  });

  it("refuses -o naming the input: exit 2, one Chinese line, the folder unchanged", async () => {
    const { dir } = folderWithWorkbook();
    const before = snapshotTree(dir);
    const r = await runCli(["render", "mine.xlsx", "--to", "xlsx", "-o", "./sub/../mine.xlsx"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^jixiao: 拒绝写入 \.\/sub\/\.\.\/mine\.xlsx：它就是输入文件 mine\.xlsx.*请用 -o 另选一个输出文件名\n$/);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it("the derived name goes beside the input, not into the working folder", async () => {
    const { dir, book } = folderWithWorkbook();
    const cwd = process.cwd();
    const elsewhere = tempDir("cwd");
    process.chdir(elsewhere);
    try {
      await runRender(book, { to: "xlsx" });
    } finally {
      process.chdir(cwd);
    }
    expect(snapshotTree(elsewhere)).toEqual({});
    expect(Object.keys(snapshotTree(dir))).toContain("mine-绩效目标表.xlsx");
  });

  for (const [how, spell] of [
    ["its own name", (dir: string) => join(dir, "mine.xlsx")],
    ["a symlink to it", (dir: string) => {
      symlinkSync(join(dir, "mine.xlsx"), join(dir, "alias.xlsx"));
      return join(dir, "alias.xlsx");
    }],
    ["a hard link to it", (dir: string) => {
      linkSync(join(dir, "mine.xlsx"), join(dir, "hard.xlsx"));
      return join(dir, "hard.xlsx");
    }],
  ] as const) {
    it(`refuses -o naming the input by ${how}`, async () => {
      const { dir, book } = folderWithWorkbook();
      const output = spell(dir);
      const before = snapshotTree(dir);
      expect(await refusal(() => runRender(book, { to: "xlsx", output }))).toContain("它就是输入文件");
      expect(snapshotTree(dir)).toEqual(before);
    });
  }

  it("refuses render --to md -o onto its own JSON input", async () => {
    const dir = tempDir("overwrite");
    const json = writeDocument(dir, "doc.json");
    const before = snapshotTree(dir);
    expect(await refusal(() => runRender(json, { to: "md", output: json }))).toContain("拒绝写入");
    expect(snapshotTree(dir)).toEqual(before);
  });

  it("export -o never writes over the database it reads", async () => {
    const place = serverPlace();
    writeDocument(place.root, "doc.json");
    const server = await RawStdioServer.start(["--db", place.db, "--root", place.root], place.env);
    const imported = await server.callTool(1, "import_document", { path: "doc.json" });
    await server.stop();
    const projectId = imported.structuredContent.projects[0].id as string;
    const before = readFileSync(place.db);
    for (const output of [place.db, `${place.db}-wal`]) {
      expect(await refusal(() => runExport(projectId, { db: place.db, to: "json", output }))).toContain("它就是输入文件");
    }
    expect(readFileSync(place.db).equals(before)).toBe(true);
  });
});
