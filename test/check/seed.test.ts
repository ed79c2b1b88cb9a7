// The seed, labelled by hand (test/fixtures/seed-labels.json), against what `check` raises.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importFile } from "../../src/import/index.js";
import { parseDocumentJson } from "../../src/import/json.js";
import { validate } from "../../src/rules/engine.js";
import { compareWithLabels, describeComparison, loadSeedLabels } from "./seed-labels.js";

const labels = loadSeedLabels();

function expectMatchesLabels(document: Parameters<typeof validate>[0]): void {
  const report = validate(document);
  const c = compareWithLabels(document, report.findings, labels);
  const diff = describeComparison(c);
  if (c.unlabelled.length || c.known.length) console.info(diff);
  expect(c.missed.length + c.falseErrors.length + c.knownNowRaised.length, diff).toBe(0);
}

describe("seed labels", () => {
  it("cover the 14 projects and 126 rows of the gold transcription", () => {
    const gold = parseDocumentJson(readFileSync("examples/chengde-gxq-2023.gold.json", "utf8"));
    expect(Object.keys(labels.projects).sort()).toEqual(gold.projects.map((p) => p.code).sort());
    const rows = Object.values(labels.projects).reduce((n, p) => n + p.rows.length, 0);
    expect(rows).toBe(gold.projects.reduce((n, p) => n + p.indicators.length, 0));
    expect(rows).toBe(126);
  });

  it("the gold Document raises every labelled finding and no error on a clean row", () => {
    const gold = parseDocumentJson(readFileSync("examples/chengde-gxq-2023.gold.json", "utf8"), "gold.json");
    expectMatchesLabels(gold);
  });

  it("the seed text through the text importer gives the same judgement", async () => {
    const doc = await importFile("examples/chengde-gxq-2023.txt");
    expectMatchesLabels(doc);
  });
});
