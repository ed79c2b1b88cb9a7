// Every renderer is clean by default — a table to hand in: no marked cells, no notes, no 审核意见 sheet, no
// flag on a 目录 entry — and marks all of these once findings are given (--with-findings).
import { describe, expect, it } from "vitest";
import { renderDocumentHtml, renderDocumentMarkdown, renderDocumentXlsx } from "../../src/render/index.js";
import { REVIEW_SHEET } from "../../src/render/xlsx-layout.js";
import { validate } from "../../src/rules/engine.js";
import { loadGold, loadWorkbook } from "./helpers.js";

const gold = loadGold();
const findings = validate(gold).findings;

describe("clean or marked", () => {
  it("the seed has findings to mark", () => {
    expect(findings.length).toBeGreaterThan(10);
  });

  it("HTML: clean carries no marks or notes; marked does", () => {
    const clean = renderDocumentHtml(gold);
    for (const mark of ['class="finding', '<sup class="fn">', '<ol class="notes">', "修改建议", "（未附绩效目标表）", "目录列有此项"]) {
      expect(clean, mark).not.toContain(mark);
    }
    const marked = renderDocumentHtml(gold, { findings });
    for (const mark of ['class="finding', '<sup class="fn">', '<ol class="notes">', "修改建议", "（未附绩效目标表）"]) expect(marked, mark).toContain(mark);
  });

  it("Markdown: clean carries no marks or notes; marked does", () => {
    const clean = renderDocumentMarkdown(gold);
    for (const mark of ["⚠〔", "修改建议", "目录列有此项"]) expect(clean, mark).not.toContain(mark);
    const marked = renderDocumentMarkdown(gold, { findings });
    for (const mark of ["⚠〔", "修改建议"]) expect(marked, mark).toContain(mark);
  });

  it("Excel: clean has no 审核意见 sheet, no filled cell and no cell note; marked has all three", async () => {
    const inspect = async (buffer: Buffer) => {
      const wb = await loadWorkbook(buffer);
      let filled = 0;
      let noted = 0;
      for (const ws of wb.worksheets) {
        ws.eachRow((row) =>
          row.eachCell((c) => {
            const fill = c.fill as { fgColor?: { argb?: string } } | undefined;
            if (fill?.fgColor?.argb && !/^FF(FFFFFF|D9D9D9|F2F2F2)$/i.test(fill.fgColor.argb)) filled++;
            if (c.note) noted++;
          }),
        );
      }
      return { review: wb.worksheets.some((ws) => ws.name === REVIEW_SHEET), filled, noted };
    };
    const clean = await inspect(await renderDocumentXlsx(gold));
    const marked = await inspect(await renderDocumentXlsx(gold, { findings }));
    expect(clean.review).toBe(false);
    expect(clean.noted).toBe(0);
    expect(marked.review).toBe(true);
    expect(marked.noted).toBeGreaterThan(0);
    expect(marked.filled).toBeGreaterThan(clean.filled);
  });
});
