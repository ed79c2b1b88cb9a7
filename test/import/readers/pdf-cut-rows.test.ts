// PDFs of forms other than the seed read as their Word originals: a Sichuan-style form exported by
// LibreOffice, and a form whose tall rows the page breaks cut — exported by LibreOffice (the cut rows'
// borders drawn, text wrapped without justification) and printed by Chromium (the cut edges left open, a
// merged cell's bottom border misplaced on the next page).
import { describe, expect, it } from "vitest";
import { importFile } from "../../../src/import/index.js";

const fixture = (name: string) => new URL(`../../fixtures/formats/${name}`, import.meta.url).pathname;
const squash = (s: string | undefined) => (s ?? "").replace(/\s+/g, "");
type Doc = Awaited<ReturnType<typeof importFile>>;
const rowsOf = (doc: Doc) => doc.projects.flatMap((p) => p.indicators.map((i) => [i.level1, i.level2, i.name, i.description, i.value, i.unit ?? "", i.basis].map(squash).join(" | ")));

describe("LibreOffice- and Chromium-made PDFs of other forms", () => {
  it("sichuan-form.libreoffice.pdf: the rows, units and funding of sichuan-form.docx", async () => {
    const [pdf, docx] = await Promise.all([importFile(fixture("sichuan-form.libreoffice.pdf")), importFile(fixture("sichuan-form.docx"))]);
    expect(rowsOf(docx)).toHaveLength(7);
    expect(rowsOf(pdf)).toEqual(rowsOf(docx));
    expect(pdf.projects[0].budget).toEqual({ total: 1200, fiscal: 1000, other: 200 });
  });

  for (const file of ["cut-rows.libreoffice.pdf", "cut-rows.chromium.pdf"]) {
    it(`${file}: every row whole where a page break cut it, as in cut-rows.docx`, async () => {
      const [pdf, docx] = await Promise.all([importFile(fixture(file)), importFile(fixture("cut-rows.docx"))]);
      expect(rowsOf(docx)).toHaveLength(11);
      expect(rowsOf(pdf)).toEqual(rowsOf(docx));
      // Rows whose cells go on over a page break in one PDF or the other, read whole.
      const byName = new Map(pdf.projects[0].indicators.map((i) => [i.name, i]));
      expect(squash(byName.get("供餐天数")?.description)).toBe("全年实际供餐的在校天数，按校历计算，春季学期与秋季学期合计，不含寒暑假、法定节假日以及因天气等原因停课的天数，由学校每月上报教育局备案。");
      expect(squash(byName.get("学校食堂供餐比例")?.value)).toBe("≥85%");
      expect(squash(byName.get("营养改善长效机制")?.basis)).toBe("制度健全并有效运行得满分，制度缺失或流于形式的酌情扣分；以学校制度文本和考核记录为准。");
      expect(pdf.projects[0].indicators.map((i) => i.level1)).toEqual(docx.projects[0].indicators.map((i) => i.level1));
    });
  }
});
