// User text is data in rendered HTML and Markdown: tags, attribute breakouts and template syntax written
// into any field come out escaped, in the tables and in the review notes that quote them.
import { describe, expect, it } from "vitest";
import { renderDocumentHtml, renderDocumentMarkdown, renderProjectHtml } from "../../src/render/index.js";
import { validate } from "../../src/rules/engine.js";
import { documentJson, parsedDocument } from "./support.js";

const SCRIPT = "<script>alert(1)</script>";
const BREAKOUT = '"><img src=x onerror=alert(2)>';

const hostile = parsedDocument(documentJson((d) => {
  const p = d.projects[0];
  d.department.name = `</title>${SCRIPT}`;
  p.name = `培训${SCRIPT}`;
  p.code = BREAKOUT;
  p.purpose = "{{constructor.constructor 'alert(3)'}}";
  p.goals = [`<iframe src="javascript:alert(4)"></iframe>`];
  p.indicators[0].value = BREAKOUT; // not measurable: the finding quotes it
  p.indicators[1].name = `<a href="javascript:alert(5)">点我</a>`;
}));

describe("attack: HTML injection in rendered output", () => {
  const findings = validate(hostile).findings;
  const outputs = {
    document: renderDocumentHtml(hostile, { findings }),
    project: renderProjectHtml(hostile.projects[0], { findings, department: hostile.department }),
  };

  for (const [which, html] of Object.entries(outputs)) {
    it(`escapes every hostile field in the ${which} HTML, findings included`, () => {
      expect(findings.some((f) => f.message.includes(BREAKOUT))).toBe(true); // the notes do quote it
      expect(html).not.toContain("<script>alert");
      expect(html).not.toContain("<img src=x");
      expect(html).not.toContain("<iframe");
      expect(html).not.toContain('<a href="javascript');
      expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(html).toContain("{{constructor.constructor"); // printed as written, never run as a template
    });
  }

  it("escapes tags in Markdown too", () => {
    const md = renderDocumentMarkdown(hostile, { findings });
    expect(md).not.toContain("<script>");
    expect(md).not.toContain("<img src=x");
    expect(md).toContain("&lt;script&gt;");
  });
});
