// Names shared by the Excel writer and reader: our flat sheet's columns and the hidden lossless sheet.
import { createHash } from "node:crypto";

export const FLAT_SHEET = "指标明细";
export const META_SHEET = "_jixiao";
export const META_MAGIC = "jixiao-document-v1";
/** Excel allows 32,767 characters in a cell; stay well below. */
export const META_CHUNK = 30000;

/** 预算管理一体化 column layout, plus 绩效指标描述 at the end so our own flat sheet loses nothing. */
export const FLAT_COLUMNS = [
  "单位名称", "项目编码", "项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标",
  "指标性质", "指标方向", "目标值", "计量单位", "分值", "指标值", "指标值确定依据", "绩效指标描述",
] as const;

/** A digest of the flat sheet's cell texts: tells whether someone edited the sheet after we wrote it. */
export function flatDigest(rows: string[][]): string {
  const hash = createHash("sha256");
  for (const row of rows) hash.update(JSON.stringify(row)).update("\n");
  return hash.digest("hex").slice(0, 32);
}

/** The findings list a reviewer's marked-up workbook carries; the importer skips it by its header row. */
export const REVIEW_SHEET = "审核意见";
export const REVIEW_COLUMNS = [
  "序号", "项目编码", "项目名称", "行", "三级指标", "原填写内容", "级别", "问题", "修改建议", "规则",
] as const;
