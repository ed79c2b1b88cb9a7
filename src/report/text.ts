// Terminal report: one block per file, findings grouped by project, one line per finding with its
// hint (→ 修改建议) underneath, and the counts at the end.
import type { Finding, Report, Severity } from "../rules/types.js";
import {
  countSummary,
  groupFindings,
  importWarningLines,
  offendingCell,
  rowLabel,
  rowOf,
  SEVERITY_LABEL,
  summaryLine,
} from "./group.js";
import type { CheckResult, FormatOptions } from "./types.js";

const ANSI: Record<Severity | "dim" | "bold", string> = {
  error: "\x1b[31m",
  warning: "\x1b[33m",
  info: "\x1b[36m",
  dim: "\x1b[2m",
  bold: "\x1b[1m",
};
const RESET = "\x1b[0m";

type Summary = Report["summary"];
type Paint = (style: keyof typeof ANSI, text: string) => string;

export function formatText(results: readonly CheckResult[], opts: FormatOptions = {}): string {
  const blocks = results.map((r) => formatTextBlock(r, opts));
  if (results.length > 1) blocks.push(textTotalLine(results.length, countSummary(results.flatMap((r) => r.report.findings))));
  return blocks.join("\n");
}

/** The closing line of a run over several files (blocks and this line are joined by an empty line). */
export function textTotalLine(files: number, total: Summary): string {
  return `共 ${files} 个文件：${summaryLine(total)}\n`;
}

/** One file's block of the terminal report. */
export function formatTextBlock(result: CheckResult, opts: FormatOptions = {}): string {
  const paint: Paint = opts.color ? (style, text) => `${ANSI[style]}${text}${RESET}` : (_s, text) => text;
  const { document, report } = result;
  const lines: string[] = [paint("bold", `${result.file}（指标体系：${report.profile}）`)];
  const warnings = importWarningLines(document);
  if (warnings.length) {
    lines.push("  导入提示：");
    for (const w of warnings) lines.push(`    ${paint("dim", w)}`);
  }
  for (const group of groupFindings(document, report.findings)) {
    lines.push(`  ${paint("bold", group.title)}`);
    for (const f of [...group.general, ...group.rows]) lines.push(...findingLines(result, f, paint));
  }
  if (report.findings.length === 0) lines.push("  未发现问题。");
  lines.push(summaryLine(countSummary(report.findings)));
  return lines.join("\n") + "\n";
}

function findingLines(result: CheckResult, f: Finding, paint: Paint): string[] {
  const where: string[] = [];
  if (f.indicator !== null) {
    where.push(rowLabel(f));
    const row = rowOf(result.document, f);
    if (row?.name) where.push(row.name);
    const cell = offendingCell(result.document, f);
    if (cell !== null) where.push(`「${oneLine(cell)}」`);
  } else if (f.field) {
    where.push(FIELD_LABEL[f.field] ?? f.field);
  }
  const head = `    ${paint(f.severity, SEVERITY_LABEL[f.severity])} ${where.join(" ")}${where.length ? "：" : ""}${oneLine(f.message)} ${paint("dim", `[${f.rule}]`)}`;
  const fix = f.fix !== undefined && !f.hint.includes(f.fix) ? `（改为：${oneLine(f.fix)}）` : "";
  return [head, `      ${paint("dim", `→ 修改建议：${oneLine(f.hint)}${fix}`)}`];
}

/** Chinese names of the non-row fields findings point at. */
export const FIELD_LABEL: Record<string, string> = {
  goals: "绩效目标",
  narrativeGoals: "绩效目标说明",
  narrativeIndicators: "绩效指标说明",
  declaredCounts: "绩效指标说明",
  budget: "预算数",
  spendingPlan: "资金支出计划",
  code: "项目编码",
  toc: "目录",
  weight: "分值",
  indicators: "绩效指标",
  level2: "二级指标",
};

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ");
}
