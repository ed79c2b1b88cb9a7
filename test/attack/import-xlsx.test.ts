// Crafted workbooks that used to take the server down: a whole-sheet merge (out of memory), one cell at
// XFD1048576 (minutes of column counting), a zip that declares gigabytes (a bomb). Each is refused before
// exceljs reads it, with the limit and the figure in the message, in well under a second.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { importBytes } from "../../src/import/index.js";

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("项目");
  ws.addRow(["一级指标", "二级指标", "三级指标", "指标值"]);
  ws.addRow(["产出指标", "数量指标", "培训人次", "≥300人次"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The same workbook with its first sheet's XML changed by `edit`. */
async function crafted(edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await workbook());
  const path = "xl/worksheets/sheet1.xml";
  zip.file(path, edit(await zip.file(path)!.async("string")));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const read = (buffer: Buffer) => importBytes({ buffer, name: "攻击.xlsx", ext: ".xlsx" });

describe("crafted Excel files", () => {
  it("the honest workbook reads (so the refusals below are the crafting's doing)", async () => {
    const doc = await read(await workbook());
    expect(doc.projects[0].indicators[0]).toMatchObject({ name: "培训人次", value: "≥300人次" });
  });

  it("a merge over the whole sheet is refused naming the merge and the limit", async () => {
    const bad = await crafted((xml) => xml.replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="F5:XFD1048576"/></mergeCells>'));
    expect(bad.length).toBeLessThan(20_000);
    await expect(read(bad)).rejects.toThrow(/合并单元格 F5:XFD1048576.*超过上限 1,000,000/);
  });

  it("one cell at XFD1048576 is refused naming the cell", async () => {
    const bad = await crafted((xml) => xml.replace("</sheetData>", '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'));
    await expect(read(bad)).rejects.toThrow(/XFD1048576（第 1,048,576 行、第 16,384 列），超过上限/);
  });

  it("a zip that declares gigabytes is refused before anything is inflated", async () => {
    const bomb = await workbook();
    // Patch the central directory's declared uncompressed size of the first entry to 4 GB − 1.
    const dir = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const first = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    expect(dir).toBeGreaterThan(0);
    bomb.writeUInt32LE(0xfffffffe, first + 24);
    await expect(read(bomb)).rejects.toThrow(/解压后为 4096\.0 MB，超过上限 100\.0 MB/);
  });

  it("an entry whose real size exceeds what it declares stops inflating at the limit", async () => {
    const zip = await JSZip.loadAsync(await workbook());
    const path = "xl/worksheets/sheet1.xml";
    const xml = await zip.file(path)!.async("string");
    // 110 MB of padding inside the sheet XML (compresses to ~100 KB), declared small in the directory.
    zip.file(path, xml.replace("<sheetData>", `<sheetData>${" ".repeat(110 * 1024 * 1024)}`));
    const big = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    let at = big.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    while (at >= 0) {
      const nameLength = big.readUInt16LE(at + 28);
      if (big.toString("utf8", at + 46, at + 46 + nameLength) === path) big.writeUInt32LE(1000, at + 24);
      at = big.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 46);
    }
    await expect(read(big)).rejects.toThrow(/声明的大小与实际不符|超过上限/);
  });
});
