// What a cell of the Excel export can hold. Characters XML forbids (U+FFFE, U+FFFF, control characters, lone
// surrogates) made an ill-formed workbook jixiao itself could not read back: they are removed and the removal
// reported. A cell over Excel's 32,767 characters is refused with the project and field named. Formula-like
// values stay text.
import ExcelJS from "exceljs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runRender } from "../../src/commands/render.js";
import { MAX_XLSX_CELL_CHARS } from "../../src/domain/limits.js";
import { importFile } from "../../src/import/index.js";
import { renderDocumentXlsx } from "../../src/render/index.js";
import { documentJson, parsedDocument, runCli, snapshotTree, tempDir, writeDocument } from "./support.js";

describe("attack: xlsx cells", () => {
  it("removes XML-invalid characters, says so, and the workbook reads back", async () => {
    const dir = tempDir("xlsx");
    const file = writeDocument(dir, "doc.json", documentJson((d) => {
      d.projects[0].name = "培训\uFFFF项目";
      d.projects[0].indicators[0].value = "≥4\uFFFE期\u0001";
      d.projects[0].indicators[1].basis = "记录\uD800"; // a lone surrogate
      d.department.name = "测试\u000B局";
    }));
    const out = join(dir, "out.xlsx");
    const r = await runCli(["render", file, "--to", "xlsx", "-o", out, "--with-findings"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("已删除 Excel 不允许的控制字符 5 个");
    expect(r.stderr).toContain("indicators[0].value 2 个");
    const back = await importFile(out);
    expect(back.projects[0].name).toBe("培训项目");
    expect(back.projects[0].indicators[0].value).toBe("≥4期");
    expect(back.projects[0].indicators[1].basis).toBe("记录");
  });

  it("refuses a cell over 32,767 characters, naming project, row and field, and writes nothing", async () => {
    const dir = tempDir("xlsx");
    const file = writeDocument(dir, "doc.json", documentJson((d) => {
      d.projects[0].indicators[2].description = "说".repeat(MAX_XLSX_CELL_CHARS + 1);
    }));
    const before = snapshotTree(dir);
    const message = await runRender(file, { to: "xlsx", output: join(dir, "out.xlsx") }).then(
      () => "written",
      (e: Error) => e.message,
    );
    expect(message).toBe(
      "项目“基层统计人员业务培训”（13081123P00005110003A）的第3行绩效指标描述有 32,768 个字符，超过 Excel 单元格上限 32,767 个字符，无法写入 Excel；请缩短后再导出（Markdown 和 HTML 不受此限）",
    );
    expect(snapshotTree(dir)).toEqual(before);
  });

  it("accepts a cell of exactly 32,767 characters", async () => {
    const doc = documentJson((d) => (d.projects[0].purpose = "用".repeat(MAX_XLSX_CELL_CHARS)));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderDocumentXlsx(parsedDocument(doc))) as unknown as ExcelJS.Buffer);
    expect(book.worksheets[0].getCell("B5").value).toBe("用".repeat(MAX_XLSX_CELL_CHARS));
  });

  it("writes formula-like values as text, never as formulas", async () => {
    const hostile = ["=1+1", "=HYPERLINK(\"http://127.0.0.1/x\",\"点我\")", "+SUM(A1:A9)", "-2+3", "@SUM(A1)", "=100%"];
    const doc = documentJson((d) => hostile.forEach((v, i) => (d.projects[0].indicators[i % 4] = { ...d.projects[0].indicators[i % 4], value: v, name: `${i}${v}` })));
    const buffer = await renderDocumentXlsx(parsedDocument(doc));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const cells: unknown[] = [];
    book.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(c.value))));
    expect(cells.some((v) => typeof v === "object" && v !== null && ("formula" in v || "sharedFormula" in v))).toBe(false);
    const sheetXml = buffer.toString("latin1");
    expect(sheetXml).not.toContain("<f>");
    for (const v of hostile.slice(2)) expect(cells).toContain(v);
  });
});
