// Hostile bytes at the import door: one invalid byte in a UTF-8 file must not turn the whole file into
// GB18030 mojibake (the table is still read, the line is reported); a FIFO or a device is refused at once.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importBytes, importFile } from "../../src/import/index.js";

const seed = readFileSync(new URL("../../examples/chengde-gxq-2023.txt", import.meta.url));

describe("bytes that are not what they claim", () => {
  it("one broken byte in a UTF-8 file keeps it UTF-8: every project read, the line reported", async () => {
    const at = seed.indexOf(Buffer.from("为深入贯彻"));
    const broken = Buffer.concat([seed.subarray(0, at), Buffer.from([0xff]), seed.subarray(at)]);
    const doc = await importBytes({ buffer: broken, name: "坏字节.txt", ext: ".txt" });
    expect(doc.projects).toHaveLength(14);
    expect(doc.projects[0].name).toBe("高新区“亩均效益”综合评价专项");
    const warnings = doc.projects.flatMap((p) => p.importWarnings ?? []);
    expect(warnings.some((w) => /无法识别的字节/.test(w.message))).toBe(true);
  });

  it("a GB18030 file is still read as GB18030", async () => {
    const text = "项目名称：测试\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t培训人次\t≥300人次\n";
    // GB18030 bytes of the text, written by iconv where the platform has it; else skip the encoding step.
    let gb: Buffer;
    try {
      gb = execFileSync("iconv", ["-f", "UTF-8", "-t", "GB18030"], { input: text });
    } catch {
      return;
    }
    const doc = await importBytes({ buffer: gb, name: "gb.txt", ext: ".txt" });
    expect(doc.projects[0].indicators[0]).toMatchObject({ name: "培训人次", value: "≥300人次" });
  });

  it("a FIFO and a device are refused without reading (no hang)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-fifo-"));
    const fifo = join(dir, "管道.txt");
    execFileSync("mkfifo", [fifo]);
    await expect(importFile(fifo)).rejects.toThrow(/不是普通文件/);
    await expect(importFile("/dev/zero")).rejects.toThrow(/不是普通文件/);
  });

  it("a zip that is neither Excel nor Word is refused as such", async () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)]);
    await expect(importBytes({ buffer: zip, name: "x.zip", ext: ".zip" })).rejects.toThrow(/不是 Excel（.xlsx）或 Word（.docx）/);
  });
});
