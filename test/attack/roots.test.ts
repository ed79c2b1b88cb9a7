// The folders import_document may read: never the whole disk or the whole home folder, by default a
// `jixiao` folder in the user's documents (not the working folder a chat client chose); one refusal for
// every path outside them, existing or not; regular files only (a FIFO hung the server, /dev/zero was read
// without end); a size limit checked before reading; names such as `..dots.json` inside a root allowed.
import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkRoot, resolveAllowedPath } from "../../src/allowed-roots.js";
import { MAX_INPUT_FILE_BYTES } from "../../src/domain/limits.js";
import { documentJson, RawStdioServer, resultText, runCli, serverPlace, tempDir, writeDocument } from "./support.js";

const OUTSIDE = "不在允许的目录内";

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("not refused");
}

describe("attack: allowed roots (in-process)", () => {
  const base = tempDir("roots");
  const root = join(base, "root");
  const outside = join(base, "outside");
  mkdirSync(root);
  mkdirSync(outside);
  writeFileSync(join(outside, "secret.txt"), "秘密");
  writeFileSync(join(root, "..dots.txt"), "名称以两个点开头");

  it("answers a path outside the roots with one message, whether or not the file exists", () => {
    const exists = refusal(() => resolveAllowedPath([root], join(outside, "secret.txt")));
    const missing = refusal(() => resolveAllowedPath([root], join(outside, "missing.txt")));
    const missingFolder = refusal(() => resolveAllowedPath([root], join(base, "no-such-folder", "x.txt")));
    expect(exists).toContain(OUTSIDE);
    expect(missing.replace("missing.txt", "secret.txt")).toBe(exists);
    expect(missingFolder).toContain(OUTSIDE);
  });

  it("refuses traversal and links out of the root, including a link whose target is missing", () => {
    symlinkSync(join(outside, "secret.txt"), join(root, "link.txt"));
    symlinkSync(outside, join(root, "linkdir"));
    symlinkSync(join(outside, "gone.txt"), join(root, "dangling.txt"));
    for (const path of ["../outside/secret.txt", "link.txt", "linkdir/secret.txt", "dangling.txt", "linkdir/../../outside/secret.txt"]) {
      expect(refusal(() => resolveAllowedPath([root], path)), path).toContain(OUTSIDE);
    }
    // A sibling folder whose name starts with the root's name is not inside it.
    mkdirSync(`${root}2`);
    writeFileSync(join(`${root}2`, "x.txt"), "x");
    expect(refusal(() => resolveAllowedPath([root], join(`${root}2`, "x.txt")))).toContain(OUTSIDE);
  });

  it("allows a name that starts with two dots inside the root", () => {
    expect(resolveAllowedPath([root], "..dots.txt")).toBe(join(root, "..dots.txt"));
  });

  it("says when an allowed folder itself does not exist yet", () => {
    expect(refusal(() => resolveAllowedPath([join(base, "not-made")], "doc.json"))).toContain(`${join(base, "not-made")} 还不存在，请先建立`);
  });

  it("says a missing file inside the root does not exist", () => {
    expect(refusal(() => resolveAllowedPath([root], "missing.txt"))).toContain("不存在");
  });

  it("refuses the whole disk and the home folder as roots", () => {
    expect(refusal(() => checkRoot("/"))).toContain("整个磁盘");
    expect(refusal(() => checkRoot(join(root, "..", "..", "..", "..", "..", "..")))).toContain("整个磁盘");
    expect(refusal(() => checkRoot(process.env.HOME ?? "/root"))).toContain("整个用户主目录");
    expect(checkRoot(root)).toBe(root);
  });
});

describe("attack: import_document paths over a spawned server", () => {
  let server: RawStdioServer;
  let place: ReturnType<typeof serverPlace>;
  let documents: string;
  let nextId = 1;
  const call = (args: Record<string, unknown>) => server.callTool(nextId++, "import_document", args);
  const projectCount = async () => (await server.callTool(nextId++, "list_projects", {})).structuredContent.projects.length as number;

  beforeAll(async () => {
    place = serverPlace();
    // No --root: the default is <home>/Documents/jixiao, however the working folder is set.
    documents = join(place.dir, "Documents", "jixiao");
    mkdirSync(documents, { recursive: true });
    writeDocument(documents, "doc.json");
    writeDocument(documents, "..dots.json");
    execFileSync("mkfifo", [join(documents, "pipe.txt")]);
    symlinkSync("/dev/zero", join(documents, "zero.txt"));
    writeFileSync(join(documents, "huge.txt"), "");
    truncateSync(join(documents, "huge.txt"), MAX_INPUT_FILE_BYTES + 1); // sparse: no disk used
    writeDocument(place.dir, "beside.json");
    server = await RawStdioServer.start(["--db", place.db], place.env);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("starts with a jixiao folder in the documents as the only root, not the working folder", async () => {
    expect(server.stderr).toContain(`允许读取 ${documents}`);
    const r = await call({ path: join(place.dir, "beside.json") });
    expect(r.isError).toBe(true);
    expect(resultText(r)).toContain(OUTSIDE);
    const ok = await call({ path: "doc.json" });
    expect(ok.isError).toBeFalsy();
    expect(ok.structuredContent.projects).toHaveLength(1);
  });

  it("refuses a FIFO, a link to /dev/zero and a file over the size limit without reading them; nothing is stored", async () => {
    const before = await projectCount();
    const fifo = await call({ path: "pipe.txt" });
    expect(fifo.isError).toBe(true);
    expect(resultText(fifo)).toContain("不是普通文件");
    const zero = await call({ path: "zero.txt" });
    expect(zero.isError).toBe(true);
    expect(resultText(zero)).toContain(OUTSIDE);
    const huge = await call({ path: "huge.txt" });
    expect(huge.isError).toBe(true);
    expect(resultText(huge)).toContain(`文件过大，有 ${(MAX_INPUT_FILE_BYTES + 1).toLocaleString("en-US")} 字节`);
    expect(resultText(huge)).toContain("上限 20,971,520 字节（20 MiB）");
    expect(await projectCount()).toBe(before);
  });

  it("imports ..dots.json from inside the root", async () => {
    const r = await call({ path: "..dots.json" });
    expect(resultText(r)).toContain("已导入 1 个项目");
    expect(r.structuredContent.projects[0].name).toBe(documentJson().projects[0].name);
  });

  it("refuses traversal, absolute paths and /etc/passwd alike", async () => {
    for (const path of ["../../../../../../etc/passwd", "/etc/passwd", "/etc/no-such-file"]) {
      const r = await call({ path });
      expect(r.isError, path).toBe(true);
      expect(resultText(r)).toContain(OUTSIDE);
    }
  });
});

describe("attack: serve refuses roots that are too wide", () => {
  it("exits 2 with one line for --root /, the home folder, and JIXIAO_ROOTS=/", async () => {
    const place = serverPlace();
    const runs = await Promise.all([
      runCli(["serve", "--db", place.db, "--root", "/"], { env: place.env }),
      runCli(["serve", "--db", place.db, "--root", place.dir], { env: place.env }),
      runCli(["serve", "--db", place.db], { env: { ...place.env, JIXIAO_ROOTS: "/" } }),
    ]);
    expect(runs.map((r) => r.code)).toEqual([2, 2, 2]);
    expect(runs[0].stderr).toMatch(/^jixiao: 允许目录“\/”是整个磁盘，范围过大/);
    expect(runs[1].stderr).toContain("整个用户主目录");
    expect(runs[2].stderr).toContain("整个磁盘");
    expect(runs.every((r) => r.stdout === "")).toBe(true);
  });
});
