// The Word reader on the seed written by LibreOffice (14 projects, 126 rows), on another province's form,
// and on files it must refuse before reading: not a Word package, encrypted, a zip bomb.
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/domain/errors.js";
import { expandGrid } from "../../../src/import/grid.js";
import { MAX_DOCUMENT_XML_BYTES, readDocx } from "../../../src/import/readers/docx.js";
import { compareWithGold, missingSummaries } from "./gold-rows.js";

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/formats/${name}`, import.meta.url));

describe("readDocx on the seed (LibreOffice from the rendered HTML)", async () => {
  const doc = await readDocx(fixture("seed.docx"), "seed.docx");

  it("reads every indicator row of the 14 tables exactly", () => {
    const { exact, total, mismatches } = compareWithGold(doc);
    if (mismatches.length > 0) console.log(mismatches.join("\n"));
    expect(mismatches).toEqual([]);
    expect([exact, total]).toEqual([126, 126]);
  });

  it("keeps the narrative paragraphs between the tables", () => {
    expect(missingSummaries(doc)).toEqual([]);
  });

  it("turns vMerge runs of the 一级 column into rowspans", () => {
    const firstColumnSpans = doc.blocks.flatMap((b) => (b.kind === "table" ? b.grid.rows.map((r) => r.cells[0]) : []));
    const merged = firstColumnSpans.filter((c) => c && (c.rowspan ?? 1) > 1 && c.text === "产出指标");
    expect(merged.length).toBeGreaterThanOrEqual(14);
  });
});

describe("readDocx on a Sichuan-style form with 计量单位 / 指标性质 columns", async () => {
  const doc = await readDocx(fixture("sichuan-form.docx"), "sichuan-form.docx");
  const tables = doc.blocks.filter((b) => b.kind === "table");
  const dense = tables.length === 1 && tables[0].kind === "table" ? expandGrid(tables[0].grid).map((r) => r.map((c) => c.text)) : [];

  it("reads the one table with its merged header block and indicator rows", () => {
    expect(tables).toHaveLength(1);
    expect(dense[2].slice(0, 2)).toEqual(["项目资金\n（万元）", "年度资金总额"]);
    expect(dense[4].slice(0, 2)).toEqual(["项目资金\n（万元）", "其他资金"]); // the merged label carried down
    expect(dense[6].slice(0, 6)).toEqual(["一级指标", "二级指标", "三级指标", "指标值", "计量单位", "指标性质"]);
    expect(dense[8].slice(0, 6)).toEqual(["产出指标", "数量指标", "新建灌排渠系长度", "35", "公里", "≥"]);
    expect(dense[12].slice(0, 3)).toEqual(["效益指标", "可持续影响指标", "工程设计使用年限"]);
    expect(dense).toHaveLength(14);
  });

  it("reads the paragraphs before and after the table in order", () => {
    const paragraphs = doc.blocks.filter((b) => b.kind === "paragraph").map((b) => (b.kind === "paragraph" ? b.text : ""));
    expect(paragraphs[0]).toBe("2024年度项目支出绩效目标申报表");
    expect(paragraphs.at(-1)).toContain("联系人");
    expect(doc.blocks.findIndex((b) => b.kind === "table")).toBe(2);
  });
});

describe("readDocx refuses what is not a readable Word document", () => {
  it("a zip without word/document.xml", async () => {
    const zip = new JSZip();
    zip.file("xl/workbook.xml", "<workbook/>");
    const buffer = await zip.generateAsync({ type: "nodebuffer" });
    await expect(readDocx(buffer, "表格.docx")).rejects.toThrow(InputError);
    await expect(readDocx(buffer, "表格.docx")).rejects.toThrow(/表格\.docx.*不是 Word 文档/);
  });

  it("an encrypted (OLE-wrapped) file and random bytes", async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    await expect(readDocx(ole, "加密.docx")).rejects.toThrow(/加密.*无法读取/);
    await expect(readDocx(Buffer.from("这不是压缩包"), "x.docx")).rejects.toThrow(InputError);
  });

  it("a document.xml that declares a huge size, before inflating it", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document/>");
    const buffer = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    // Patch the central directory's uncompressed size of the entry to 2 GB: the content stays 13 bytes, so
    // the only way to report 2 GB is to have read the declaration — nothing was inflated.
    const directory = buffer.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const entry = buffer.indexOf("word/document.xml", directory) - 46; // the name follows a 46-byte header
    expect(buffer.readUInt32LE(entry)).toBe(0x02014b50);
    buffer.writeUInt32LE(2 * 1024 * 1024 * 1024, entry + 24);
    const error = await readDocx(buffer, "炸弹.docx").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(String((error as Error).message)).toContain("2048.0 MB");
    expect(String((error as Error).message)).toContain(`${(MAX_DOCUMENT_XML_BYTES / 1024 / 1024).toFixed(1)} MB`);
  });
});
