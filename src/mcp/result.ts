// Tool results: structuredContent plus a short Chinese text; failures as isError results the model can act on.
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { isInputError } from "../domain/errors.js";
import { SEVERITY_LABEL } from "../domain/vocabulary.js";
import type { WorkspaceFinding } from "../workspace/index.js";

type Content = CallToolResult["content"][number];

export function ok(structured: Record<string, unknown>, text: string, extra: Content[] = []): CallToolResult {
  return { content: [{ type: "text", text }, ...extra], structuredContent: structured };
}

export function failure(message: string): CallToolResult {
  return { content: [{ type: "text", text: message }], isError: true };
}

/**
 * Run a tool body. InputError → isError with its Chinese message (the model fixes its call); anything else is a
 * bug: logged to stderr (never stdout, which carries the protocol) and reported without internals.
 */
export async function guard(body: () => CallToolResult | Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await body();
  } catch (e) {
    if (isInputError(e)) return failure(e.message);
    process.stderr.write(`jixiao: 工具内部错误：${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return failure(`内部错误：${e instanceof Error ? e.message : String(e)}。这不是你的输入问题，请稍后重试或报告此问题`);
  }
}


/** Findings as short lines the model can act on: where, what, how to fix. */
export function findingsText(findings: WorkspaceFinding[], limit = 30): string {
  if (findings.length === 0) return "未发现问题。";
  const lines = findings.slice(0, limit).map((f) => {
    const where = f.indicatorId ? `指标 ${f.indicatorId}（第 ${f.indicator! + 1} 行）` : f.field ? `字段 ${f.field}` : "项目";
    const fix = f.fix !== undefined ? ` 建议改为：${f.fix}` : "";
    // The hint is labelled so a reader (or a chat model) can tell the problem from the fix.
    return `- [${SEVERITY_LABEL[f.severity]}] ${f.rule} @ ${where}：${f.message}；修改建议：${f.hint}${fix}`;
  });
  if (findings.length > limit) lines.push(`……另有 ${findings.length - limit} 条，见 structuredContent.findings`);
  return lines.join("\n");
}

export function summaryText(s: { error: number; warning: number; info: number }): string {
  return `错误 ${s.error}、警告 ${s.warning}、提示 ${s.info}`;
}

/** One line per label the workspace rewrote (产出 → 产出指标), so the model writes canonical labels next time. */
export function normalizedText(notes: { indicatorId: string; reason: string }[]): string {
  if (notes.length === 0) return "";
  return `已规范指标层级名称（请以后直接使用规范名称）：${notes.map((n) => `${n.reason}（${n.indicatorId}）`).join("；")}。\n`;
}

/** One line per stored change, oldest first: `版本 3 → 4｜时间｜描述（action）`. */
export function historyText(entries: { revision: number; action: string; description: string; at: string }[]): string {
  if (entries.length === 0) return "（还没有修改记录）";
  return entries.map((e) => `- 版本 ${e.revision} → ${e.revision + 1}｜${e.at}｜${e.description || "（未记录）"}（${e.action}）`).join("\n");
}
