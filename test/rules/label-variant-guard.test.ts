// readLabel answers null without reading a key that holds no mark, note or variant prefix or suffix (most 三级
// names name-is-category reads); this pins that guard to the full reading over many generated labels.
import { describe, expect, it } from "vitest";
import { allCategoryLabels, LABEL_ALIASES, readLabel, readVariant, squash } from "../../src/domain/taxonomy.js";
import { seededDraws } from "../support/random.js";

// Labels, their stems and pieces, with the marks, notes and endings variants are made of, and other text.
const LABELS = [...allCategoryLabels(), ...Object.keys(LABEL_ALIASES)];
const PIECES = [
  ...LABELS,
  ...LABELS.map((l) => l.replace(/指标$/, "")),
  "预期", "类", "目标", "类指标", "类目标", "指标", "★", "※", "*", ":", "：", "（必填）", "(选填)", "【或建筑规模指标】", "[如有]",
  "（", "(", "【", "[", "）", " ", "\u3000", "满意度", "培训人次", "经费执行率", "%", "",
];

const ENDINGS = ["类", "目标", "类指标", "类目标", "指标", " "];

describe("readLabel guard", () => {
  it("answers as the full reading of the squashed label does", () => {
    const next = seededDraws(3);
    let read = 0;
    for (let i = 0; i < 30000; i++) {
      // A label built as variants are (a mark, 预期, a stem, an ending, a note, a colon), each part often left out
      // or replaced by any piece, so that labels, variants and neither are all common.
      const part = (options: readonly string[]) => (next(3) === 0 ? PIECES[next(PIECES.length)] : next(2) === 0 ? "" : options[next(options.length)]);
      const label =
        part(["★", "※", "*"]) + part(["预期"]) + PIECES[next(PIECES.length)] + part(ENDINGS) + part(["（必填）", "(选填)", "【如有】"]) + part([":", "："]);
      const expected = readVariant(squash(label));
      expect(readLabel(label), label).toEqual(expected);
      if (expected) read++;
    }
    expect(read).toBeGreaterThan(1000);
    expect(readLabel("社会效益类指标")).toEqual({ canonical: "社会效益指标", variant: "form" });
    expect(readLabel("★数量指标")).toEqual({ canonical: "数量指标", variant: "note" });
    expect(readLabel("培训人次")).toBeNull();
  });
});
