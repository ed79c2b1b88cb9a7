// Smaller hostile inputs at the import door: keys named like Object.prototype members in a Document JSON are
// reported as unknown fields (not silently taken for members), and a stray CR inside a Markdown table row
// does not cut the row in two.
import { describe, expect, it } from "vitest";
import { importBytes } from "../../src/import/index.js";

const read = (text: string, name: string, ext: string) => importBytes({ buffer: Buffer.from(text, "utf8"), name, ext });

describe("prototype-named keys and stray carriage returns", () => {
  it("__proto__, constructor and toString in a Document JSON are unknown fields with a warning", async () => {
    const json = '{"projects":[{"name":"甲","__proto__":{"polluted":1},"constructor":"x","indicators":[{"level1":"产出指标","toString":"y","value":"1个"}]}]}';
    const doc = await read(json, "原型.json", ".json");
    const messages = (doc.importWarnings ?? []).map((w) => w.message).join("\n");
    expect(messages).toMatch(/\$\.projects\[0\] 中的未知字段 __proto__、constructor/);
    expect(messages).toMatch(/indicators\[0\] 中的未知字段 toString/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("a lone CR inside a pipe row keeps the row whole", async () => {
    const md = ["| 一级指标 | 二级指标 | 三级指标 | 指标值 |", "|---|---|---|---|", "| 产出指标 | 数量指标 | 培训\r人次 | ≥300人次 |", "| 满意度指标 | 服务对象满意度指标 | 学员满意度 | ≥90% |"].join("\n");
    const doc = await read(md, "表.md", ".md");
    expect(doc.projects[0].indicators.map((i) => [i.name, i.value])).toEqual([
      ["培训人次", "≥300人次"],
      ["学员满意度", "≥90%"],
    ]);
  });

  it("classic Mac text (CR only) still reads line by line", async () => {
    const text = "项目名称：测试\r一级指标\t二级指标\t三级指标\t指标值\r产出指标\t数量指标\t培训人次\t≥300人次\r";
    const doc = await read(text, "mac.txt", ".txt");
    expect(doc.projects[0].indicators[0]).toMatchObject({ name: "培训人次", value: "≥300人次" });
  });
});
