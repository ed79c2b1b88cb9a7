// Regressions found by using the product on inputs people really have: a hand-typed Excel, a web page whose
// table alone is tab-separated, JSON that is not quite a Document, standard input.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { InputError } from "../../src/domain/errors.js";
import { importBytes } from "../../src/import/index.js";
import { parseDocumentJson } from "../../src/import/json.js";
import { importText } from "../../src/import/text.js";
import { importXlsx } from "../../src/import/xlsx.js";

async function handTypedWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  ws.addRow(["乡村道路养护项目绩效目标表"]);
  ws.addRow(["项目名称", "乡村道路养护项目", "预算金额（元）", 1250000]);
  ws.addRow(["一级指标", "二级指标", "三级指标", "指标值"]);
  ws.addRow(["产出指标", "数量指标", "养护里程", "42公里"]);
  ws.addRow(["", "质量指标", "优良路率", 0.8]);
  ws.getCell("D5").numFmt = "0%";
  ws.addRow(["满意度指标", "服务对象满意度指标", "沿线群众满意度", { formula: "0.9", result: 0.9 }]);
  ws.getCell("D6").numFmt = "0.0%";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("Excel typed by a person", () => {
  it("reads 预算金额（元） in 元 and converts it to 万元", async () => {
    const doc = await importXlsx(await handTypedWorkbook(), "手工.xlsx");
    expect(doc.projects[0].budget.total).toBe(125);
  });

  it("reads a percent-formatted 指标值 cell as the percentage shown (0.8 → 80%)", async () => {
    const doc = await importXlsx(await handTypedWorkbook(), "手工.xlsx");
    const values = doc.projects[0].indicators.map((i) => i.value);
    expect(values).toEqual(["42公里", "80%", "90%"]);
  });
});

const WEB_TABBED = [
  "当前位置：首页 > 政务公开 > 部门预算",
  "项目名称：基本公共卫生服务项目",
  "预算资金：480.5万元（财政资金 480.5 万元，其他资金 20 万元）",
  "总体目标：为辖区常住居民免费提供12类基本公共卫生服务。",
  "",
  "一级指标\t二级指标\t三级指标\t指标值",
  "产出指标\t数量指标\t老年人健康管理人数\t≥8500人",
  "满意度指标\t服务对象满意度指标\t居民满意度\t≥85%",
].join("\n");

describe("web page whose indicator table alone is tab-separated", () => {
  it("keeps the budget and goal stated above the table", () => {
    const p = importText(WEB_TABBED, { file: "web.txt" }).projects[0];
    expect(p.name).toBe("基本公共卫生服务项目");
    expect(p.budget).toEqual({ total: 480.5, fiscal: 480.5, other: 20 });
    expect(p.goals).toEqual(["为辖区常住居民免费提供12类基本公共卫生服务。"]);
  });

  it("reads the same page copied with spaces, and does not read the share buttons as an indicator", () => {
    const text = `${WEB_TABBED.replace(/\t/g, "  ")}\n\n分享到：微信 微博\n【打印本页】【关闭窗口】\n`;
    const p = importText(text, { file: "web.txt" }).projects[0];
    expect(p.budget).toEqual({ total: 480.5, fiscal: 480.5, other: 20 });
    expect(p.indicators.map((i) => i.name)).toEqual(["老年人健康管理人数", "居民满意度"]);
  });
});

describe("JSON that is not quite a Document", () => {
  const project = {
    name: "培训",
    indicators: [{ level1: "产出指标", level2: "数量指标", name: "培训人数", value: "≥50人" }],
  };

  it("checks the output of `jixiao draft --format json` instead of reading it as an empty document", () => {
    const doc = parseDocumentJson(JSON.stringify({ project, findings: [], rounds: 1 }), "draft.json");
    expect(doc.projects).toHaveLength(1);
    expect(doc.projects[0].indicators[0].name).toBe("培训人数");
    expect(doc.projects[0].seq).toBe(1);
  });

  it("reads a bare project object as a one-project document", () => {
    expect(parseDocumentJson(JSON.stringify(project), "p.json").projects[0].name).toBe("培训");
  });

  it("refuses a document without projects rather than reporting no problems", () => {
    expect(() => parseDocumentJson("{}", "empty.json")).toThrow(/没有项目/);
  });

  it("names unknown fields instead of dropping them silently", () => {
    const doc = parseDocumentJson(JSON.stringify({ projects: [{ name: "x", indicator: [] }] }), "typo.json");
    expect(doc.importWarnings?.map((w) => w.message).join("\n")).toContain("indicator");
  });

  it("reports invalid JSON on one line", () => {
    try {
      parseDocumentJson("not json\n", "bad.json");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as Error).message).not.toMatch(/\n/);
    }
  });
});

function cli(args: string[], stdin: string | Buffer) {
  return runCli(args, { stdin });
}

describe("`-` reads standard input", () => {
  it("check - reads a 绩效文本 piped in", async () => {
    const r = await cli(["check", "-", "--format", "json"], WEB_TABBED);
    expect(r.stderr).toBe("");
    const report = JSON.parse(r.stdout);
    expect(report.projects[0].name).toBe("基本公共卫生服务项目");
    expect(r.code).toBe(1);
  });

  it("import - reads an Excel workbook piped in", async () => {
    const r = await cli(["import", "-"], await handTypedWorkbook());
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).projects[0].budget.total).toBe(125);
  });

  it("an empty standard input is unreadable input (exit 2, one line)", async () => {
    const r = await cli(["check", "-"], "");
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("标准输入为空");
  });
});

describe("text encodings Windows saves", () => {
  // Notepad's “Unicode” and Word's “Unicode 文本” are UTF-16 with a byte-order mark, not binary files.
  const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(WEB_TABBED, "utf16le")]);
  const utf16be = Buffer.from(utf16le.subarray(2)).swap16();

  it("reads UTF-16LE and UTF-16BE with a BOM like the same text in UTF-8", async () => {
    const utf8 = await importBytes({ buffer: Buffer.from(WEB_TABBED), name: "网页.txt", ext: ".txt" });
    const le = await importBytes({ buffer: utf16le, name: "网页.txt", ext: ".txt" });
    const be = await importBytes({
      buffer: Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]),
      name: "网页.txt",
      ext: ".txt",
    });
    expect(le.projects[0].name).toBe("基本公共卫生服务项目");
    expect(le.projects).toEqual(utf8.projects);
    expect(be.projects).toEqual(utf8.projects);
  });

  it("still refuses UTF-16 without a BOM as binary", async () => {
    await expect(importBytes({ buffer: utf16le.subarray(2), name: "无BOM.txt", ext: ".txt" })).rejects.toThrow(
      /无BOM\.txt：是二进制文件/,
    );
  });
});
