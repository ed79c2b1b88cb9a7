// budget-sum: 预算数 must equal 财政资金 + 其他资金.
import type { ProjectRule } from "./types.js";

const DEFAULT_TOLERANCE = 0.005; // 万元: amounts are written to two decimals

/** 万元 amounts printed without floating-point noise (0.1 + 0.2 → 0.3). */
function amount(n: number): string {
  return String(Math.round(n * 10000) / 10000);
}

const rule: ProjectRule = {
  id: "budget-sum",
  severity: "error",
  scope: "project",
  options: { tolerance: { type: "number", min: 0 } },
  description: "预算数不等于财政资金与其他资金之和",
  docs: `## 说明
绩效目标表的资金栏中，预算数 = 财政资金 + 其他资金（单位：万元）。不相等说明其中一个数抄错了，
预算系统会拒绝导入。其他资金空白按 0 计；允许 0.005 万元以内的舍入差（配置项 \`tolerance\`）。
预算数空白、或财政资金与其他资金都空白时无从核对，不报告。

## 依据
绩效目标申报表的资金栏：年度资金总额 = 财政拨款 + 其他资金（各地申报表样表，如佳县财政支出项目绩效目标申报表 https://docx.baby/p/20793843881926.html）。

## 错误示例
预算数 20 | 财政资金 18 | 其他资金 空白

## 正确示例
预算数 20 | 财政资金 18 | 其他资金 2`,
  check(ctx) {
    const { total, fiscal, other } = ctx.project.budget;
    if (total === null || (fiscal === null && other === null)) return [];
    const tolerance = typeof ctx.config.tolerance === "number" ? ctx.config.tolerance : DEFAULT_TOLERANCE;
    const sum = (fiscal ?? 0) + (other ?? 0);
    if (Math.abs(total - sum) <= tolerance + 1e-9) return [];
    return [
      {
        field: "budget",
        // A blank part counts as 0, and the message says it was blank (the form left it empty, not 0).
        message: `预算数${amount(total)}万元不等于财政资金${part(fiscal)}与其他资金${part(other)}之和（${amount(sum)}万元）`,
        hint: "核对预算批复，改正预算数、财政资金或其他资金，使预算数等于两者之和",
      },
    ];
  },
};

/** A budget part as the message names it: `132万元`, or `（未填，按0计）`. */
function part(value: number | null): string {
  return value === null ? "（未填，按0计）" : `${amount(value)}万元`;
}

export default rule;
