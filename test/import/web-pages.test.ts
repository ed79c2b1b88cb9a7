// Real pages found after the readers were written (test/fixtures/web/SOURCES.md): a 部门整体绩效目标表 copied as
// pipe rows whose copy dropped empty cells inside rows.
import { describe, expect, it } from "vitest";
import { importFile } from "../../src/import/index.js";

describe("岳阳楼区 2023 整体绩效目标表 (pipe copy, cells dropped inside rows)", () => {
  it("reads the department, goal, duties and every row into its columns", async () => {
    const doc = await importFile(new URL("../fixtures/web/yueyanglou-2023-department.txt", import.meta.url).pathname);
    expect(doc.department?.name).toBe("岳阳楼区价格认证鉴定中心");
    expect(doc.year).toBe(2023);
    const p = doc.projects[0];
    expect(p.goals).toEqual(["做好涉案、价格认定工作。"]);
    expect(p.notes).toBe("部门(单位)职责：负责价格认定工作");
    expect(p.indicators.map((i) => [i.level1, i.level2, i.name, i.value, i.nature ?? "", i.description, i.basis])).toEqual([
      ["产出指标", "数量指标", "业务工作支出安排金额", "28.8万元", "定量", "该指标主要考察业务工作支出安排情况", "未达指标值酌情扣分"],
      ["产出指标", "质量指标", "业务工作支出到位率", "100%", "定量", "该指标主要考察业务工作支出安排到位情况", "未达指标值酌情扣分"],
      // The 计量单位 cell was empty and dropped: the 指标解释 after it goes back to its column.
      ["产出指标", "时效指标", "工作安排时间", "按月安排", "定量", "该指标主要考察业务工作支出安排时间", "未达指标值酌情扣分"],
      // The 三级 cell was empty and dropped: 定量 goes back under 指标值类型, the row has no name.
      ["成本指标", "社会成本指标", "", "100%", "定量", "该指标主要考察总成本控制情况", "未达指标值酌情扣分"],
      // An empty row shrunk to its 评(扣)分标准.
      ["效益指标", "经济效益指标", "", "", "", "", "未达指标值酌情扣分"],
      ["效益指标", "社会效益指标", "保证单位正常运转", "应保尽保", "定性", "该指标主要考察单位运转需要保障范围应保尽保", "未达指标值酌情扣分"],
    ]);
    // 计量单位 % beside 28.8万元 is the document's own contradiction: kept as written for the checker.
    expect(p.indicators[0].unit).toBe("%");
  });
});

describe("黄石 2022 批复表 (pipe copy, rows that lost their merged cells)", () => {
  it("reads the head, every row under its labels, and says how it read the value sub-columns", async () => {
    const doc = await importFile(new URL("../fixtures/web/huangshi-2022-approval.txt", import.meta.url).pathname);
    expect(doc.year).toBe(2022);
    const p = doc.projects[0];
    expect([p.name, p.budget.total, p.budget.fiscal]).toEqual(["主体班", 164, 132]);
    expect(p.goals[0]).toMatch(/^主体班培训280人次/);
    const rows = p.indicators.map((i) => `${i.level1}/${i.level2}/${i.name}/${i.value}`);
    expect(rows).toHaveLength(13);
    // Rows that start at the first column are 三级 rows; the 一级 written mid-block is theirs too.
    expect(rows.slice(0, 6)).toEqual([
      "产出指标/数量指标/主体班培训人次/280人次",
      "产出指标/数量指标/邀请校外名师、领导授课人次/25人次",
      "产出指标/数量指标/情景教学或外训批次/6次",
      "产出指标/数量指标/理论教育和党性教育课时比例/70%",
      "产出指标/数量指标/开设课程数量/220",
      "产出指标/质量指标/培训完成率/100%",
    ]);
    expect(rows[12]).toBe("满意度指标/服务对象满意度指标/培训学员对培训效果满意度/≥95%");
    const warnings = (p.importWarnings ?? []).map((w) => w.message);
    expect(warnings[0]).toMatch(/^第9行：指标值分“2021年实际实现值”“预期2022年实现值”两栏/);
    expect(warnings[1]).toMatch(/^第23行：不是指标行，未导入：财政资金管理科室/);
  });
});

describe("青山 2020 (one cell per line, empty cells as lines of spaces, 长期 and 年度 column sets)", () => {
  it("reads the 年度 set row by row, the 长期 cells kept as notes, and the department with its code", async () => {
    const doc = await importFile(new URL("../fixtures/web/qingshan-2020-cells.txt", import.meta.url).pathname);
    expect(doc.department).toEqual({ code: "015001", name: "武汉市青山区教育局" });
    const p = doc.projects[0];
    expect([p.name, p.budget.total, p.budget.fiscal]).toEqual(["教育系统基础设施建设和设备购置", 10000, 10000]);
    expect(p.goals).toEqual(["优化教育布局,推进教育领域综合改革全面提升育人质量实现基础教育持续发展", "按工作计划完成教育局重点项目建设经费预算安排"]);
    expect(p.indicators.map((i) => `${i.level1}/${i.level2}/${i.name}/${i.value}`)).toEqual([
      "产出指标/数量指标/重点建设工程安排数量/2",
      "产出指标/质量指标/重点建设工程验收合格率/100%",
      "产出指标/成本指标/建设项目成本/参照政府采购成本控制",
      "产出指标/时效指标/重点建设工程按期完成率/100%",
      "效益指标/可持续影响指标/基础教育巩固提高情况/巩固提高",
      "效益指标/社会效益指标/基础教育学校办学条件/持续改善",
      "满意度指标/服务对象满意度指标/学生、家长、社会满意度/≥90%",
    ]);
    expect(p.importWarnings ?? []).toEqual([]);
  });
});
