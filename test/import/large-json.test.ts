// Large Document JSON read project by project from its bytes (readDocumentJson's large path, forced here with a
// zero threshold): the same Document as the whole-text parse, and a broken file refused with a true reason.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importFile } from "../../src/import/index.js";
import { bufferSource, LARGE_JSON_BYTES } from "../../src/import/json-bytes.js";
import { readDocumentJson, readLargeDocument } from "../../src/import/json.js";

const SEED = readFileSync("examples/chengde-gxq-2023.gold.json");
/** Window sizes the reader starts with: the default, and small ones that cut values, strings and characters. */
const WINDOWS = [undefined, 16, 17, 18, 61, 1000];

/**
 * The large path (forced with a zero threshold), then the same bytes read through every window size: each gives
 * the same Document, or the same refusal word for word (byte positions included).
 */
function large(text: string | Buffer) {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  const outcome = (read: () => unknown) => {
    try {
      return { value: read() };
    } catch (e) {
      return { error: (e as Error).message };
    }
  };
  const first = outcome(() => readDocumentJson(bytes, "big.json", 0));
  for (const size of WINDOWS) expect(outcome(() => readLargeDocument(bufferSource(bytes), "big.json", size)), `窗口 ${size}`).toStrictEqual(first);
  if ("error" in first) throw new Error(first.error);
  return first.value as ReturnType<typeof readDocumentJson>;
}

describe("large Document JSON", () => {
  it("gives the Document the whole-text parse gives (seed, pretty and compact, with a BOM)", () => {
    const whole = readDocumentJson(SEED, "big.json");
    expect(large(SEED)).toStrictEqual(whole);
    const compact = JSON.stringify(JSON.parse(SEED.toString("utf8")));
    expect(large(compact)).toStrictEqual(whole);
    expect(large(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), SEED]))).toStrictEqual(whole);
  });

  it("keeps quotes, backslashes and brackets inside strings", () => {
    const doc = { year: 2024, projects: [{ name: 'a "q" \\ } ] {', indicators: [{ level1: "产出指标", name: "x\\\\", value: "[1]" }] }], unit: "万元" };
    expect(large(JSON.stringify(doc, null, 1))).toStrictEqual(readDocumentJson(Buffer.from(JSON.stringify(doc)), "big.json"));
  });

  it("notes unknown fields and words a schema break as the whole-text parse does", () => {
    const doc = JSON.parse(SEED.toString("utf8")) as { projects: Record<string, unknown>[] } & Record<string, unknown>;
    doc.projects[3].indicator = [];
    (doc.projects[5].indicators as Record<string, unknown>[])[2].valu = "5";
    doc.extra = true;
    const text = JSON.stringify(doc);
    expect(large(text)).toStrictEqual(readDocumentJson(Buffer.from(text), "big.json"));
    expect(large(text).importWarnings?.map((w) => w.message.split(" ")[0])).toEqual(["$", "$.projects[3]", "$.projects[5].indicators[2]"]);
    doc.projects[7].seq = "七";
    doc.projects[9].name = 9;
    const broken = JSON.stringify(doc);
    const whole = () => readDocumentJson(Buffer.from(broken), "big.json");
    expect(whole).toThrow(/\$\.projects\[7\]\.seq 应为数字（另有 1 处）/);
    expect(() => large(broken)).toThrow(new RegExp(captureMessage(whole).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  });

  it("refuses broken JSON naming the project, and a non-UTF-8 file naming the encoding", () => {
    const text = SEED.toString("utf8");
    const cut = text.slice(0, text.indexOf('"seq": 3') + 20);
    expect(() => large(cut)).toThrow(/big\.json：不是有效的 JSON（第 \d+ 字节附近：/);
    const broken = text.replace('"seq": 2,', '"seq": 2,,');
    expect(() => large(broken)).toThrow(/第 2 个项目/);
    expect(() => large(Buffer.from([0x7b, 0xb2, 0xe2, 0x7d]))).toThrow(/不是 UTF-8 编码/);
    expect(() => large(`${text}x`)).toThrow(/文档对象之后还有内容/);
    expect(() => large(`${text}\n\n  ]`)).toThrow(/文档对象之后还有内容/);
  });

  it("checks every byte as UTF-8, wherever a window cuts a character", () => {
    const text = SEED.toString("utf8");
    // A GB18030 byte pair deep in the file, past the first windows: refused as not UTF-8, not read as 乱码.
    const at = Buffer.byteLength(text.slice(0, text.indexOf("承德", 20_000)));
    const gb = Buffer.concat([SEED.subarray(0, at), Buffer.from([0xb3, 0xd0]), SEED.subarray(at + 6)]);
    expect(() => large(gb)).toThrow(/big\.json：文档 JSON 有 0 MB，不是 UTF-8 编码/);
    // A character cut at the very end of the file.
    expect(() => large(Buffer.concat([SEED, Buffer.from([0xe6, 0x89])]))).toThrow(/不是 UTF-8 编码/);
    // Four-byte characters (outside the BMP) in names, cut by windows of every alignment.
    const doc = JSON.parse(text) as { projects: { name: string }[] };
    doc.projects[0].name = "𠀀𠀁项目𡈽".repeat(7);
    const wide = JSON.stringify(doc);
    expect(large(wide).projects[0].name).toBe("𠀀𠀁项目𡈽".repeat(7));
  });

  it("reads a value longer than the window (a project of many rows) whole", () => {
    const doc = JSON.parse(SEED.toString("utf8")) as { projects: { indicators: unknown[] }[] };
    doc.projects[2].indicators = Array.from({ length: 40 }, () => doc.projects[2].indicators).flat();
    expect(large(JSON.stringify(doc)).projects[2].indicators).toHaveLength(doc.projects[2].indicators.length);
  });

  it("reads a large file from disk a window at a time, to the Document its whole text gives", async () => {
    const seed = JSON.parse(SEED.toString("utf8")) as { projects: { code?: string; seq?: number }[] };
    const copies = Math.ceil(LARGE_JSON_BYTES / Buffer.byteLength(JSON.stringify(seed.projects, null, 1))) + 1;
    seed.projects = Array.from({ length: copies }, (_, c) => seed.projects.map((p, i) => ({ ...p, seq: c * 100 + i + 1, code: `${p.code}-${c}` }))).flat();
    const dir = mkdtempSync(join(tmpdir(), "jixiao-large-"));
    try {
      const path = join(dir, "province.json");
      const text = JSON.stringify(seed, null, 1);
      writeFileSync(path, text);
      expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(LARGE_JSON_BYTES);
      const fromDisk = await importFile(path);
      expect(fromDisk.projects).toHaveLength(seed.projects.length);
      expect(JSON.stringify(fromDisk)).toBe(JSON.stringify(readDocumentJson(Buffer.from(text), "province.json", Infinity)));
      // Cut short: refused, naming the file and the byte.
      writeFileSync(path, text.slice(0, text.length - 5000));
      await expect(importFile(path)).rejects.toThrow(/province\.json：不是有效的 JSON（第 \d+ 字节附近：/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function captureMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected a refusal");
}
