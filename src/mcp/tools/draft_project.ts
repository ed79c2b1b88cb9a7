import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { Workspace } from "../../workspace/index.js";
import { findingsText, guard, ok, summaryText } from "../result.js";
import { chooseGenerator } from "../sampling.js";
import { findingSchema, profileSchema, projectOutputSchema, summarySchema } from "../schemas.js";

const DRAFTER_TEXT = { offline: "离线指标库", llm: "配置的模型服务", sampling: "客户端模型（MCP 采样）" } as const;

export function register(server: McpServer, workspace: Workspace): void {
  server.registerTool(
    "draft_project",
    {
      title: "起草绩效目标表",
      description:
        "根据项目名称和概况起草完整的绩效目标表（目标、各级指标、指标值、依据、支出计划），并按规则检查、自动修正。" +
        "概况中写明的数字会直接采用；其余默认值会列出需要向用户确认的问题。Draft a full performance target table from a description.",
      inputSchema: z.object({
        name: z.string().min(1).describe("项目名称，如 基层统计人员业务培训"),
        summary: z.string().min(1).describe("项目概况：做什么、为谁做、做多少（次数、户数、人数、面积）、何时完成"),
        budget: z.number().min(0).optional().describe("预算数，单位：万元"),
        profile: profileSchema.optional(),
        spendingMonths: z.array(z.number().int().min(1).max(12)).optional().describe("资金支出的月份，如 [6, 12]"),
        year: z.number().int().min(2000).max(2100).optional().describe("预算年度（默认：概况写明的年度或“明年”；否则 9 月起为下一年，之前为当年）"),
        save: z.boolean().optional().describe("为 true 时把草稿保存为新项目（返回项目 id），之后可用 update_indicator 修改"),
      }),
      outputSchema: {
        project: projectOutputSchema,
        findings: z.array(findingSchema),
        summary: summarySchema,
        rounds: z.number(),
        drafter: z.enum(["offline", "llm", "sampling"]),
        drafterLabel: z.string(),
        needsConfirmation: z.array(z.object({ indicator: z.number(), name: z.string(), value: z.string(), question: z.string() })),
        kind: z.object({ id: z.string(), label: z.string(), runnerUp: z.object({ id: z.string(), label: z.string() }).optional() }),
        year: z.object({ value: z.number(), source: z.enum(["option", "text", "clock"]) }),
        unusedFacts: z.array(z.object({ text: z.string(), reason: z.string() })),
        projectId: z.string().optional(),
        revision: z.number().optional(),
      },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
    },
    ({ name, summary, budget, profile, spendingMonths, year, save }) =>
      guard(async () => {
        const generator = chooseGenerator(server);
        const r = await workspace.draft({ name, summary, budget, profile, spendingMonths, year }, { save: save ?? false, generator });
        const count = { error: 0, warning: 0, info: 0 };
        for (const f of r.findings) count[f.severity]++;
        const questions = r.needsConfirmation.map((q) => `- 第 ${q.indicator + 1} 行 ${q.name}（${q.value}）：${q.question}`);
        const saved = r.saved ? `已保存为项目 ${r.saved.project.id}（版本 ${r.saved.revision}）。` : "未保存（save=true 可保存）。";
        const text =
          `已用${r.drafter === "offline" ? DRAFTER_TEXT.offline : `${DRAFTER_TEXT[r.drafter]}（${r.drafterLabel}）`}起草“${r.project.name}”，${r.project.indicators.length} 项指标，` +
          `${r.rounds} 轮，检查：${summaryText(count)}。${saved}\n` +
          `项目类型：${r.kind.label}${r.kind.runnerUp ? `（与“${r.kind.runnerUp.label}”接近，请向用户确认）` : ""}；` +
          `预算年度：${r.year.value}${r.year.source === "clock" ? "（概况未写年度，按当前日期推断，请向用户确认）" : ""}。\n` +
          (r.unusedFacts.length > 0 ? `概况中未采用的数字：\n${r.unusedFacts.map((f) => `- ${f.text}：${f.reason}`).join("\n")}\n` : "") +
          (questions.length > 0 ? `请向用户确认以下默认值：\n${questions.join("\n")}\n` : "") +
          findingsText(r.findings);
        return ok(
          {
            project: r.project,
            findings: r.findings,
            summary: count,
            rounds: r.rounds,
            drafter: r.drafter,
            drafterLabel: r.drafterLabel,
            needsConfirmation: r.needsConfirmation,
            kind: r.kind,
            year: r.year,
            unusedFacts: r.unusedFacts,
            ...(r.saved ? { projectId: r.saved.project.id, revision: r.saved.revision } : {}),
          },
          text,
        );
      }),
  );
}
