// Prose to tables: the project name and summary taken from a free text.
import { describe, expect, it } from "vitest";
import { draftFromProse, splitTitle } from "../../src/draft/prose.js";

describe("splitTitle", () => {
  it("drops list numbering in front of a title", () => {
    expect(splitTitle("1.基层统计人员业务培训\n全年培训4次").name).toBe("基层统计人员业务培训");
    expect(splitTitle("（一）垃圾清运：全年清运3600吨").name).toBe("垃圾清运");
    expect(splitTitle("三、经济普查工作经费\n开展普查").name).toBe("经济普查工作经费");
  });

  it("keeps a name that only looks numbered", () => {
    expect(splitTitle("5G基站建设\n建设基站10个").name).toBe("5G基站建设");
  });
});

describe("draftFromProse", () => {
  it("cuts a huge text instead of copying it whole into 项目概况", () => {
    const text = `农村生活垃圾清运\n${"全年对12个行政村的生活垃圾进行日常清运。".repeat(5000)}`;
    const doc = draftFromProse(text, { file: "大文件.txt" });
    expect(doc.projects[0].name).toBe("农村生活垃圾清运");
    expect(doc.projects[0].summary.length).toBeLessThanOrEqual(2000);
  });
});
