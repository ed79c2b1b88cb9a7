// The PDF reader on the seed as LibreOffice exports it (from seed.docx) and as Chromium prints seed.html,
// and on PDFs it must refuse: a scan without a text layer, something that is not a PDF, one over the limit.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../../../src/domain/errors.js";
import type { SourceDocument } from "../../../src/import/grid.js";
import { MAX_PDF_BYTES, readPdf } from "../../../src/import/readers/pdf.js";
import { compareWithGold, missingSummaries } from "./gold-rows.js";

// Taken before any PDF is read in this file: PDF.js's polyfills must not have replaced them afterwards.
const builtIns = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/formats/${name}`, import.meta.url));
const paragraphsOf = (doc: SourceDocument) => doc.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));

describe("readPdf on the seed printed by Chromium", () => {
  let doc: SourceDocument;
  beforeAll(async () => {
    doc = await readPdf(fixture("seed.chromium.pdf"), "seed.chromium.pdf");
  });

  it("reads every indicator row exactly: wrapped cells joined, tables continued over pages, header repeats dropped", () => {
    const { exact, total, mismatches } = compareWithGold(doc);
    if (mismatches.length > 0) console.log(mismatches.join("\n"));
    expect(mismatches).toEqual([]);
    expect([exact, total]).toEqual([126, 126]);
  });

  it("keeps the explanation texts and drops the running header and footer", () => {
    expect(missingSummaries(doc)).toEqual([]);
    const paragraphs = paragraphsOf(doc);
    expect(paragraphs.some((p) => /\d+\/\d+\/\d+,/.test(p))).toBe(false); // the printed date line
    expect(paragraphs.some((p) => p.includes("file://"))).toBe(false);
  });

  it("writes the Chinese characters Chromium exported as radicals (⾼, ⻓, ⼾) as the ideographs", () => {
    const all = paragraphsOf(doc).join("");
    expect(all).not.toMatch(/[\u2e80-\u2fdf]/);
    expect(all).toContain("高新区");
  });
});

describe("readPdf on the seed exported by LibreOffice", () => {
  let doc: SourceDocument;
  beforeAll(async () => {
    doc = await readPdf(fixture("seed.libreoffice.pdf"), "seed.libreoffice.pdf");
  });

  it("reads every indicator row exactly: a row cut across pages 5–6 joined, 效益指标 cells drawn short read whole", () => {
    // Page 5 ends inside the row 可持续影响指标 (every cell's last line runs to its right edge, the rest is on
    // page 6); on pages 26 and 30 LibreOffice leaves the last slot of 效益指标 without its left border, so by
    // the rules alone that row would sit under 满意度指标.
    const { exact, total, mismatches } = compareWithGold(doc);
    if (mismatches.length > 0) console.log(mismatches.join("\n"));
    expect(mismatches).toEqual([]);
    expect([exact, total]).toEqual([126, 126]);
  });

  it("keeps the explanation texts, without LibreOffice's spaces between digits and Chinese", () => {
    expect(missingSummaries(doc)).toEqual([]);
    const paragraphs = paragraphsOf(doc);
    expect(paragraphs.some((p) => p.includes("2023年该项目主要安排一般公共预算资金共计118万元"))).toBe(true);
    expect(paragraphs.some((p) => /\d [\u4e00-\u9fff]|[\u4e00-\u9fff] \d/.test(p))).toBe(false);
  });

  it("gives each cell its page", () => {
    const pages = doc.blocks.flatMap((b) => (b.kind === "table" ? b.grid.rows.flatMap((r) => r.cells.map((c) => c.source?.page)) : []));
    expect(pages.every((p) => typeof p === "number" && p >= 1)).toBe(true);
    expect(Math.max(...(pages as number[]))).toBeGreaterThan(30);
  });
});

describe("readPdf refuses what it cannot read", () => {
  it("a scan without a text layer", async () => {
    const error = await readPdf(fixture("scanned.pdf"), "扫描.pdf").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain("扫描.pdf：扫描件，没有文字层");
  });

  it("bytes that are not a PDF, and a broken one", async () => {
    await expect(readPdf(Buffer.from("项目名称：某项目"), "x.pdf")).rejects.toThrow(/x\.pdf：不是 PDF 文件/);
    await expect(readPdf(Buffer.from("%PDF-1.7\n垃圾"), "坏.pdf")).rejects.toThrow(InputError);
  });

  it("a file over the size limit, naming both figures", async () => {
    const big = Buffer.alloc(MAX_PDF_BYTES + 1024 * 1024);
    big.write("%PDF-1.4\n");
    await expect(readPdf(big, "大.pdf")).rejects.toThrow(/大\.pdf：PDF 文件 51\.0 MB，超过上限 50\.0 MB/);
  });
});

describe("a PDF table drawn without rules", () => {
  it("is read by its header's columns: every row, merged 一级/二级 carried down, the head fields above it", async () => {
    const { importFile } = await import("../../../src/import/index.js");
    const doc = await importFile(new URL("../../fixtures/formats/borderless.chromium.pdf", import.meta.url).pathname);
    const p = doc.projects[0];
    expect(p.name).toBe("乡镇综合文化站免费开放补助");
    expect(p.budget).toEqual({ total: 12, fiscal: 12, other: null });
    expect(p.indicators.map((i) => [i.level1, i.level2, i.name, i.value])).toEqual([
      ["产出指标", "数量指标", "群众文化活动场次", "≥24场"],
      ["产出指标", "数量指标", "免费开放天数", "≥300天"],
      ["产出指标", "质量指标", "活动安全事故发生率", "0"],
      ["产出指标", "时效指标", "资金拨付时间", "2024年6月底前"],
      ["产出指标", "成本指标", "每场活动平均成本", "≤0.5万元"],
      ["效益指标", "社会效益指标", "参与活动群众人次", "≥3000人次"],
      ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],
    ]);
  });
});

describe("reading a PDF leaves the process as it was", () => {
  it("Node's own Array.prototype.push, JSON.parse and JSON.stringify (not PDF.js's slower polyfills), and DecompressionStream", async () => {
    // Two reads at once (an MCP server importing two files): DecompressionStream is hidden while either runs.
    const [a, b] = await Promise.all([readPdf(fixture("borderless.chromium.pdf"), "a.pdf"), readPdf(fixture("sichuan-form.libreoffice.pdf"), "b.pdf")]);
    expect([a.blocks.length > 0, b.blocks.length > 0]).toEqual([true, true]);
    expect({ push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify }).toEqual(builtIns);
    expect(typeof globalThis.DecompressionStream).toBe("function");
  });
});
