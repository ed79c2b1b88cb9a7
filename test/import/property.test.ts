// Whatever text comes in — the seed garbled, cut, shuffled or random — importText returns a valid Document
// or throws InputError; nothing else escapes.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/domain/errors.js";
import { DocumentSchema } from "../../src/domain/schema.js";
import { importText } from "../../src/import/text.js";

const seed = readFileSync(new URL("../../examples/chengde-gxq-2023.txt", import.meta.url), "utf8");
const seedLines = seed.split("\n");

/** Text fragments that steer the parser into its branches (labels, headers, months, values, separators). */
const FRAGMENTS = [
  "\t", "\t\t", "\n", " ", "一级指标\t二级指标\t三级指标\t指标值", "产出指标", "成本指标", "效益指标", "满意度指标",
  "数量指标", "项目编码\t", "项目名称", "预算数\t", "3月底\t", "12月底", "100%", "≥", "万元", "元", "（一）", "关于", "说明",
  "第二部分", "目 录", ".....\t", "共设置", "项", "十", "绩效目标\t", "错误！未定义书签。", "\u0000", "\uFFFD", "𠀀", "",
];

type Edit =
  | { kind: "deleteLine"; at: number }
  | { kind: "duplicateLine"; at: number }
  | { kind: "swapLines"; at: number; with: number }
  | { kind: "insert"; at: number; text: string }
  | { kind: "deleteChars"; at: number; length: number }
  | { kind: "truncate"; at: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("deleteLine" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("duplicateLine" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("swapLines" as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 }), fc.string({ unit: "grapheme", maxLength: 8 })) }),
  fc.record({ kind: fc.constant("deleteChars" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
);

function applyEdits(edits: Edit[]): string {
  let lines = [...seedLines];
  for (const e of edits) {
    if (lines.length === 0) break;
    const i = e.at % lines.length;
    if (e.kind === "deleteLine") lines.splice(i, 1);
    else if (e.kind === "duplicateLine") lines.splice(i, 0, lines[i]);
    else if (e.kind === "swapLines") {
      const j = e.with % lines.length;
      [lines[i], lines[j]] = [lines[j], lines[i]];
    } else if (e.kind === "truncate") lines = lines.slice(0, i);
    else {
      const line = lines[i];
      const at = line.length === 0 ? 0 : e.at % line.length;
      lines[i] = e.kind === "insert" ? line.slice(0, at) + e.text + line.slice(at) : line.slice(0, at) + line.slice(at + e.length);
    }
  }
  return lines.join("\n");
}

function importsOrRejects(text: string): void {
  try {
    const doc = importText(text, { file: "变体.txt" });
    expect(DocumentSchema.safeParse(doc).success).toBe(true);
    expect(doc.projects.length).toBeGreaterThan(0);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    expect(e.message.startsWith("变体.txt：")).toBe(true);
  }
}

describe("importText on garbled input", () => {
  it("returns a Document or throws InputError for edited variants of the seed", () => {
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 30 }), (edits) => importsOrRejects(applyEdits(edits))), { numRuns: 300 });
  });

  it("returns a Document or throws InputError for random text", () => {
    const piece = fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 }));
    fc.assert(fc.property(fc.array(piece, { maxLength: 80 }), (pieces) => importsOrRejects(pieces.join(""))), { numRuns: 300 });
  });

  it("returns a Document or throws InputError for the seed with its lines' tabs turned into spaces or removed", () => {
    fc.assert(
      fc.property(fc.constantFrom(" ", "  ", "", "\n"), fc.double({ min: 0, max: 1, noNaN: true }), (sep, share) => {
        const text = seedLines.map((l, k) => (k / seedLines.length < share ? l.replaceAll("\t", sep) : l)).join("\n");
        importsOrRejects(text);
      }),
      { numRuns: 60 },
    );
  });
});
