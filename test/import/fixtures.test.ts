// Every fixture under test/fixtures/import/*.txt imports to the Document in the .expected.json next to it
// (layouts: web copy with spaces, one cell per line, cells run together, Word tabs, a partly unreadable table).
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DocumentSchema } from "../../src/domain/schema.js";
import { importText } from "../../src/import/text.js";
import { compareDocuments } from "./compare.js";

const dir = new URL("../fixtures/import/", import.meta.url);
const fixtures = readdirSync(dir).filter((f) => f.endsWith(".txt"));

describe("text import fixtures", () => {
  it("has a fixture of each layout", () => {
    expect(fixtures).toEqual(expect.arrayContaining(["web-spaces.txt", "word-cells.txt", "run-together.txt", "word-tabs.txt", "partial.txt"]));
  });

  for (const file of fixtures) {
    it(`${file} imports to ${file.replace(/\.txt$/, ".expected.json")}`, () => {
      const doc = importText(readFileSync(new URL(file, dir), "utf8"), { file });
      const expected = DocumentSchema.parse(JSON.parse(readFileSync(new URL(file.replace(/\.txt$/, ".expected.json"), dir), "utf8")));
      const mismatches = compareDocuments(doc, expected);
      if (mismatches.length > 0) console.log(`${file}:\n${mismatches.join("\n")}`);
      expect(mismatches).toEqual([]);
    });
  }
});
