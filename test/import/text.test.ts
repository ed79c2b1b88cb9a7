// Unit behaviour of the text importer: errors, warnings, tab positions, label anchoring, declared counts.
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/domain/errors.js";
import { importText } from "../../src/import/text.js";
import { cleanCell, joinParagraphs } from "../../src/import/form/lines.js";
import { parseDeclaredCounts } from "../../src/import/form/narrative.js";
import { parseAmount } from "../../src/import/form/fields.js";
import { splitRunTogether } from "../../src/import/form/values.js";
import { compareDocuments } from "./compare.js";

const HEADER = "一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据";
const tabTable = (...rows: string[]) =>
  ["项目编码\tP001\t\t项目名称\t测试项目\t\t", "预算规模及资金用途\t预算数\t10.00\t其中：财政资金\t10.00\t其他资金\t", ...rows].join("\n");

describe("importText errors", () => {
  it("throws InputError naming the file when no table is found", () => {
    expect(() => importText("这是一段没有表格的文字。\n第二行。", { file: "说明.txt" })).toThrowError(InputError);
    expect(() => importText("", { file: "空.txt" })).toThrowError(/^空\.txt：未找到绩效目标表/);
  });

  it("throws InputError for a table head without indicator rows", () => {
    expect(() => importText(tabTable(), { file: "t.txt" })).toThrowError(InputError);
  });
});

describe("tab tables", () => {
  it("reads the spending plan by tab position, a month header spanning two columns", () => {
    const doc = importText(
      tabTable("资金支出计划（%）\t3月底\t\t6月底\t10月底\t12月底\t", "\t\t30%\t60%\t\t100%\t", HEADER, "产出指标\t数量指标\t次数\t次数\t2次\t计划"),
    );
    // 30% sits in the second column of 3月底; 10月底 is empty.
    expect(doc.projects[0].spendingPlan).toEqual({ mar: 30, jun: 60, oct: null, dec: 100 });
  });

  it("carries merged 一级/二级 down and joins a cell finished after a page break", () => {
    const doc = importText(
      tabTable(
        HEADER,
        "产出指标\t数量指标\t培训次数\t培训次数\t4次\t工作\t",
        "\t\t培训人数\t培训人数\t≥100人\t工作计",
        "",
        HEADER,
        "\t\t\t\t\t划",
        "\t质量指标\t合格率\t合格率\t100%\t考核",
      ),
    );
    const rows = doc.projects[0].indicators;
    expect(rows.map((r) => [r.level1, r.level2, r.name])).toEqual([
      ["产出指标", "数量指标", "培训次数"],
      ["产出指标", "数量指标", "培训人数"],
      ["产出指标", "质量指标", "合格率"],
    ]);
    expect(rows[1].basis).toBe("工作计划");
  });

  it("warns, naming the line, instead of dropping an unreadable row", () => {
    const doc = importText(tabTable(HEADER, "产出指标\t数量指标\t次数\t次数\t2次\t计划", "\t乱码\t", "满意度指标\t服务对象满意度指标\t满意度\t满意度\t≥90%\t问卷"));
    const p = doc.projects[0];
    expect(p.indicators).toHaveLength(3);
    expect(p.importWarnings).toEqual([{ line: 5, message: "第5行：指标行没有三级指标和指标值：乱码" }]);
  });
});

describe("loose layouts", () => {
  it("splits a run-together row by the labels and where the value starts", () => {
    const doc = importText("项目名称：学校改造\n一级指标二级指标三级指标指标值\n产出指标数量指标农村义务教育学校改造覆盖率100%\n质量指标校舍维修改造质量合格率100%");
    expect(doc.projects[0].indicators.map((r) => [r.level1, r.level2, r.name, r.value])).toEqual([
      ["产出指标", "数量指标", "农村义务教育学校改造覆盖率", "100%"],
      ["产出指标", "质量指标", "校舍维修改造质量合格率", "100%"],
    ]);
  });

  it("reads label variants (效果指标, 社会公众或服务对象满意度指标) and 成本指标 as a legacy 二级", () => {
    const doc = importText(
      "项目名称 测试\n一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 次数 ≥2次\n成本指标 总成本 ≤5万元\n效果指标 社会效益 群众受益面 扩大\n满意度指标 社会公众或服务对象满意度指标 满意度 ≥90%",
    );
    expect(doc.projects[0].indicators.map((r) => [r.level1, r.level2, r.name, r.value])).toEqual([
      ["产出指标", "数量指标", "次数", "≥2次"],
      ["产出指标", "成本指标", "总成本", "≤5万元"],
      ["效果指标", "社会效益", "群众受益面", "扩大"],
      ["满意度指标", "社会公众或服务对象满意度指标", "满意度", "≥90%"],
    ]);
  });

  it("keeps a row whose value cannot be found, with a warning naming the line", () => {
    const doc = importText("项目名称：测试\n一级指标二级指标三级指标指标值\n产出指标数量指标次数≥2次\n时效指标按时完成");
    const p = doc.projects[0];
    expect(p.indicators[1]).toMatchObject({ level1: "产出指标", level2: "时效指标", name: "按时完成", value: "" });
    expect(p.importWarnings?.[0].line).toBe(4);
    expect(p.importWarnings?.[0].message).toMatch(/^第4行：/);
  });

  it("reads amounts in 元 into 万元", () => {
    expect(parseAmount("1,200,000元")).toBe(120);
    expect(parseAmount("860")).toBe(860);
    expect(parseAmount("0.5万元")).toBe(0.5);
    expect(parseAmount("5000", "元")).toBe(0.5);
    expect(parseAmount("")).toBeNull();
    expect(parseAmount("十万元")).toBeUndefined();
  });

  it("finds the value start after digits inside the name", () => {
    expect(splitRunTogether("第3批次完成率≥90%")).toEqual({ name: "第3批次完成率", value: "≥90%" });
    expect(splitRunTogether("项目完工时间2024年11月底前")).toEqual({ name: "项目完工时间", value: "2024年11月底前" });
    expect(splitRunTogether("没有数值的文字")).toBeNull();
  });
});

describe("declared counts", () => {
  it("reads totals and per-一级 counts, summing per-goal statements and ignoring 二级 labels", () => {
    expect(parseDeclaredCounts("此项工作活动共设置 9 项绩效指标。其中：产出指标 4 项，效益指标 4 项：经济指标、社会效益指标；满意度指标使用服务对象满意度指标。")).toEqual({
      total: 9,
      output: 4,
      effect: 4,
      satisfaction: null,
    });
    expect(parseDeclaredCounts("对应目标一设置产出指标 2 项、效果指标 1 项、满意度指标 1 项\n对应目标二设置产出指标 2 项。")).toEqual({
      total: null,
      output: 4,
      effect: 1,
      satisfaction: 1,
    });
    expect(parseDeclaredCounts("设置共设置绩效指标四项，产出指标三项，社会效益指标1项").total).toBe(4);
    expect(parseDeclaredCounts("设置共设置绩效指标四项，产出指标三项，社会效益指标1项").effect).toBeNull();
  });
});

describe("text helpers", () => {
  it("drops wrap spaces between Chinese characters only", () => {
    expect(cleanCell("建设承德工业 互联网平台 数量")).toBe("建设承德工业互联网平台数量");
    expect(cleanCell("≥90  百分比")).toBe("≥90 百分比");
    expect(cleanCell("下达 2023 年")).toBe("下达 2023 年");
  });

  it("joins a paragraph cut by a page break and keeps whole paragraphs apart", () => {
    expect(joinParagraphs(["5000元以上", "上需经会议同意。", "第二段。"])).toBe("5000元以上上需经会议同意。\n第二段。");
  });

  it("the comparison used by the fixture tests reports a changed field", () => {
    expect(compareDocuments({ a: [{ b: "x 1" }] }, { a: [{ b: "x1" }] }, { squashStrings: true })).toEqual([]);
    expect(compareDocuments({ a: [{ b: "x2" }] }, { a: [{ b: "x1" }] })).toEqual(['$.a.0.b: 得到 "x2"，应为 "x1"']);
  });
});

describe("explanation sections", () => {
  it("reads headings with their text on the same line", () => {
    const doc = importText(
      [
        "关于测试项目绩效目标指标的说明",
        "（一）项目概况：为测试而设。",
        "（二）资金安排情况：安排资金10万元。",
        "（一）绩效目标：1.完成测试。",
        "（二）绩效指标：此项工作共设置2项绩效指标。其中：产出指标1项，满意度指标1项。",
        "测试绩效目标表",
        tabTable(HEADER, "产出指标\t数量指标\t次数\t次数\t2次\t计划", "满意度指标\t服务对象满意度指标\t满意度\t满意度\t≥90%\t问卷"),
      ].join("\n"),
    );
    const p = doc.projects[0];
    expect(p).toMatchObject({
      explanationTitle: "关于测试项目绩效目标指标的说明",
      tableTitle: "测试绩效目标表",
      summary: "为测试而设。",
      funding: "安排资金10万元。",
      narrativeGoals: ["1.完成测试。"],
      declaredCounts: { total: 2, output: 1, effect: null, satisfaction: 1 },
    });
  });
});
