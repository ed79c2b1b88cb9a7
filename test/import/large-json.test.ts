// Large Document JSON read project by project from its bytes (readDocumentJson's large path, forced here with a
// zero threshold): the same Document as the whole-text parse, and a broken file refused with a true reason.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readDocumentJson } from "../../src/import/json.js";

const SEED = readFileSync("examples/chengde-gxq-2023.gold.json");
const large = (text: string | Buffer) => readDocumentJson(Buffer.isBuffer(text) ? text : Buffer.from(text), "big.json", 0);

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
