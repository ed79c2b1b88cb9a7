// The labelled real corpus (test/fixtures/corpus/labels.json): tables from other provinces, transcribed by hand
// and labelled by a reviewer. Every `must` label is raised by a rule of its family at its row, and no `clean`
// row gets an error. `soft` labels are judgements: counted and shown, not required.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocumentJson } from "../../src/import/json.js";
import { validate } from "../../src/rules/engine.js";
import type { Finding } from "../../src/rules/types.js";

const ROOT = join(import.meta.dirname, "..", "fixtures", "corpus");

interface RowLabels {
  must?: string[];
  soft?: string[];
}
interface Labels {
  families: Record<string, string[]>;
  documents: Record<string, { project: RowLabels; rows: Record<string, RowLabels>; clean: number[] }>;
}

const labels = JSON.parse(readFileSync(join(ROOT, "labels.json"), "utf8")) as Labels;

/** The gold transcriptions write `null` for an unknown text cell; the Document model leaves it out. */
function loadGold(doc: string) {
  const raw = JSON.parse(readFileSync(join(ROOT, `${doc}.gold.json`), "utf8"));
  const dropNulls = (o: Record<string, unknown>) => {
    for (const k of Object.keys(o)) if (o[k] === null) delete o[k];
  };
  if (raw.department) dropNulls(raw.department);
  for (const p of raw.projects) {
    if (p.code === null) delete p.code;
    for (const ind of p.indicators) dropNulls(ind);
  }
  return parseDocumentJson(JSON.stringify(raw), `${doc}.gold.json`);
}

function caught(findings: Finding[], row: number | null, family: string): boolean {
  const ids = labels.families[family];
  if (!ids) throw new Error(`labels.json: unknown family ${family}`);
  return findings.some((f) => f.indicator === row && ids.includes(f.rule));
}

describe("labelled corpus", () => {
  const documents = Object.entries(labels.documents);

  it("labels four documents", () => {
    expect(documents.length).toBeGreaterThanOrEqual(4);
  });

  for (const [doc, docLabels] of documents) {
    const findings = validate(loadGold(doc)).findings;

    it(`${doc}: every must label is raised by a rule of its family`, () => {
      const missed: string[] = [];
      for (const fam of docLabels.project.must ?? []) if (!caught(findings, null, fam)) missed.push(`项目 ${fam}`);
      for (const [row, l] of Object.entries(docLabels.rows)) {
        for (const fam of l.must ?? []) if (!caught(findings, Number(row), fam)) missed.push(`第${Number(row) + 1}行 ${fam}`);
      }
      expect(missed).toEqual([]);
    });

    it(`${doc}: no error on a clean row`, () => {
      const falseErrors = findings
        .filter((f) => f.severity === "error" && f.indicator !== null && docLabels.clean.includes(f.indicator))
        .map((f) => `第${f.indicator! + 1}行 ${f.rule} ${f.message}`);
      expect(falseErrors).toEqual([]);
    });
  }
});
