// code-format: a 项目编码 that does not look like a budget-system project code.
import { projectRef } from "../domain/project.js";
import type { ProjectRule } from "./types.js";

/**
 * Budget-system codes: a 6–12 digit region/unit prefix, an optional letter or two (P for 项目), 4–20 digits and an
 * optional check character — 13081123P00004610002X, 13081123P000038100022, or all digits in some provinces.
 */
const CODE = /^\d{6,12}[A-Z]{0,2}\d{4,20}[0-9A-Z]?$/;

/** Full-width letters/digits → ASCII; whitespace removed; upper case (a typed code often has these slips). */
function normalizeCode(code: string): string {
  return code
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, "")
    .toUpperCase();
}

const rule: ProjectRule = {
  id: "code-format",
  severity: "warning",
  scope: "project",
  description: "项目编码格式不正确",
  docs: `## 说明
项目编码由预算管理一体化系统生成，形如 13081123P00004610002X：单位/地区代码（数字）+ P + 流水号 + 校验位。
编码写错会导致绩效目标挂不到预算项目上。含空格、全角字符或小写字母时给出可直接替换的写法；含汉字、标点或长度不对时只提示核对。
编码为空不在本规则检查范围。

## 依据
预算管理一体化系统的项目编码由区划、部门、年度和序号组成，长度固定；格式以种子文档（承德高新区2023年部门预算绩效文本，examples/chengde-gxq-2023.txt）中的编码为准（如 13081123P00004510002）。

## 错误示例
项目编码：13081123 P0000461０002x；项目编码：待定

## 正确示例
项目编码：13081123P00004610002X`,
  check(ctx) {
    const raw = ctx.project.code ?? "";
    if (raw.trim() === "") return [];
    if (CODE.test(raw)) return [];
    const normalized = normalizeCode(raw);
    const fixable = CODE.test(normalized);
    return [
      {
        field: "code",
        message: fixable
          ? `项目编码“${raw}”含空格、全角字符或小写字母`
          : `项目编码“${raw}”格式不正确（应形如 13081123P00004610002X）`,
        hint: fixable ? `改为“${normalized}”` : `从预算管理一体化系统中复制项目“${ctx.project.name.trim() || projectRef(ctx.project)}”的项目编码`,
        ...(fixable ? { fix: normalized } : {}),
      },
    ];
  },
};

export default rule;
