// 审核意见: the review memo a finance-bureau reviewer sends back to the department — overall counts, then
// one table per project (行 | 三级指标 | 原填写内容 | 问题 | 修改建议), and a closing paragraph.
import type { JixiaoDocument } from "../domain/schema.js";
import type { Finding } from "../rules/types.js";
import {
  countSummary,
  groupFindings,
  importWarningLines,
  offendingCell,
  rowLabel,
  rowOf,
  SEVERITY_LABEL,
  totalRows,
} from "./group.js";
import { FIELD_LABEL } from "./text.js";
import type { CheckResult } from "./types.js";

const CHINESE_NUMERALS = "一二三四五六七八九十";

export function formatMarkdown(results: readonly CheckResult[]): string {
  return results.map(formatMemo).join(MEMO_SEPARATOR);
}

/** Between the memos of several files. */
export const MEMO_SEPARATOR = "\n---\n\n";

/** One file's 审核意见. */
export function formatMemo(result: CheckResult): string {
  const { document, report } = result;
  const s = countSummary(report.findings);
  const out: string[] = [];
  out.push(`# 关于《${inline(documentTitle(result))}》预算绩效目标的审核意见`, "");
  if (document.department?.name) out.push(`${inline(document.department.name)}：`, "");
  out.push("## 总体情况", "");
  const problems = s.error + s.warning + s.info;
  out.push(
    `本次审核项目 ${document.projects.length} 个、绩效指标 ${totalRows(document)} 行（指标体系：${report.profile}），` +
      (problems === 0
        ? "未发现问题。"
        : `发现问题 ${problems} 处：错误 ${s.error} 处（须修改）、警告 ${s.warning} 处（建议修改）、提示 ${s.info} 处（供参考）。`),
    "",
  );
  const warnings = importWarningLines(document);
  if (warnings.length) {
    out.push("> 导入说明：以下内容在读取原文时未能完全识别，请核对：", ">");
    for (const w of warnings) out.push(`> - ${inline(w)}`);
    out.push("");
  }

  const groups = groupFindings(document, report.findings);
  let n = 0;
  for (const group of groups) {
    const heading = group.project === null ? "文档整体" : group.title;
    out.push(`## ${CHINESE_NUMERALS[n] ?? String(n + 1)}、${inline(heading)}`, "");
    n++;
    if (group.general.length) {
      for (const f of group.general) out.push(`- 【${SEVERITY_LABEL[f.severity]}】${generalWhere(f)}${inline(f.message)}${inline(advice(f))}`);
      out.push("");
    }
    if (group.rows.length) {
      out.push("| 行 | 三级指标 | 原填写内容 | 问题 | 修改建议 |", "|---|---|---|---|---|");
      for (const f of group.rows) out.push(tableRow(document, f));
      out.push("");
    }
  }

  out.push("## 审核结论", "");
  out.push(conclusion(s.error, s.warning), "");
  return out.join("\n");
}

function documentTitle(result: CheckResult): string {
  const { document } = result;
  if (document.department?.name && document.year) return `${document.department.name}${document.year}年部门预算绩效文本`;
  return result.file.split(/[\\/]/).pop() ?? result.file;
}

function generalWhere(f: Finding): string {
  return f.field && FIELD_LABEL[f.field] ? `${FIELD_LABEL[f.field]}：` : "";
}

function advice(f: Finding): string {
  const fix = f.fix !== undefined && !f.hint.includes(f.fix) ? `（改为：${f.fix}）` : "";
  return `——修改建议：${f.hint}${fix}`;
}

function tableRow(document: JixiaoDocument, f: Finding): string {
  const row = rowOf(document, f);
  const cell = offendingCell(document, f) ?? "";
  const fix = f.fix !== undefined && !f.hint.includes(f.fix) ? `改为“${f.fix}”。` : "";
  return `| ${rowLabel(f)} | ${cellText(row?.name ?? "")} | ${cellText(cell)} | ${cellText(`【${SEVERITY_LABEL[f.severity]}】${f.message}`)} | ${cellText(fix + f.hint)} |`;
}

function conclusion(errors: number, warnings: number): string {
  if (errors > 0) {
    return `以上标为“错误”的 ${errors} 处问题须修改后重新报送；标为“警告”“提示”的请逐项核实，能完善的一并完善。绩效指标应细化、量化、可衡量，指标值写明数值、单位和比较方式（如“≥95%”“≤10万元”“2024年12月底前”），指标值确定依据写明具体文件、标准或历史数据。如有疑问请与我们联系。`;
  }
  if (warnings > 0) {
    return `未发现必须修改的错误；标为“警告”的 ${warnings} 处请逐项核实，完善后报送。`;
  }
  return "经审核，绩效目标表填报完整、指标可衡量，未发现需要修改的问题，同意报送。";
}

/** One-line text outside tables: newlines folded, HTML-sensitive characters escaped. */
function inline(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A table cell: one line, `|` and `\` escaped so user text cannot break the table. */
export function cellText(text: string): string {
  return inline(text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|"));
}
