// The one column-role vocabulary every format's header is read by.
import { describe, expect, it } from "vitest";
import { headerColumns } from "../../src/domain/columns.js";

describe("column roles of an indicator header", () => {
  it("reads the seed's header", () => {
    expect(headerColumns(["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"])).toEqual([
      "level1", "level2", "name", "description", "value", "basis",
    ]);
  });

  it("绩效指标 is the caption of the merged left cell, or the 三级 when it stands right of the 二级", () => {
    expect(headerColumns(["绩效指标", "一级指标", "二级指标", "指标内容", "指标值"])).toEqual(["ignore", "level1", "level2", "name", "value"]);
    expect(headerColumns(["一级指标", "二级指标", "绩效指标", "指标值"])).toEqual(["level1", "level2", "name", "value"]);
  });

  it("指标内容 beside a 三级指标 column describes it", () => {
    expect(headerColumns(["一级指标", "二级指标", "三级指标", "指标内容", "指标值"])).toEqual(["level1", "level2", "name", "description", "value"]);
  });

  it("目标值 is the number when a 指标值 text column is there too, else the value", () => {
    expect(headerColumns(["项目名称", "一级指标", "二级指标", "三级指标", "指标值", "指标性质", "目标值", "计量单位", "指标方向"])).toEqual([
      "projectName", "level1", "level2", "name", "value", "nature", "target", "unit", "direction",
    ]);
    expect(headerColumns(["一级指标", "二级指标", "三级指标", "指标性质", "目标值", "计量单位", "分值"])).toEqual([
      "level1", "level2", "name", "nature", "value", "unit", "weight",
    ]);
  });

  it("provincial words: 度量单位, 权重, 指标方向性, 绩效标准, 评（扣）分标准, 计算符号", () => {
    expect(headerColumns(["一级指标", "二级指标", "三级指标", "计算符号", "指标值", "度量单位", "权重", "指标方向性", "评（扣）分标准"])).toEqual([
      "level1", "level2", "name", "operator", "value", "unit", "weight", "direction", "basis",
    ]);
    expect(headerColumns(["一级指标", "二级指标", "三级指标", "指标值", "绩效标准"])?.[4]).toBe("basis");
  });

  it("is no header without levels or without a value or name", () => {
    expect(headerColumns(["项目名称", "预算数", "资金用途"])).toBeNull();
    expect(headerColumns(["一级指标", "备注"])).toBeNull();
  });
});
