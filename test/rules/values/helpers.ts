// Build small documents and run the value rules through the real engine.
import { DocumentSchema, type JixiaoDocument } from "../../../src/domain/schema.js";
import { validate } from "../../../src/rules/engine.js";
import type { Finding, JixiaoConfig } from "../../../src/rules/types.js";

export interface RowSpec {
  level1?: string;
  level2: string;
  name: string;
  value: string;
  basis?: string;
  description?: string;
  direction?: "正向" | "反向";
}

const PARENT: Record<string, string> = {
  数量指标: "产出指标",
  质量指标: "产出指标",
  时效指标: "产出指标",
  成本指标: "产出指标",
  经济效益指标: "效益指标",
  社会效益指标: "效益指标",
  生态效益指标: "效益指标",
  可持续影响指标: "效益指标",
  服务对象满意度指标: "满意度指标",
};

export function docOf(rows: RowSpec[], budget = 100): JixiaoDocument {
  return DocumentSchema.parse({
    projects: [
      {
        seq: 1,
        code: "P1",
        name: "测试项目",
        budget: { total: budget, fiscal: budget, other: null },
        indicators: rows.map((r) => ({
          level1: r.level1 ?? PARENT[r.level2] ?? "",
          level2: r.level2,
          name: r.name,
          description: r.description ?? r.name,
          value: r.value,
          basis: r.basis ?? "统计调查制度",
          ...(r.direction ? { direction: r.direction } : {}),
        })),
      },
    ],
  });
}

/** Findings of one rule for a one-project document (legacy profile unless given). */
export function findingsOf(rule: string, rows: RowSpec[], opts: { budget?: number; config?: JixiaoConfig } = {}): Finding[] {
  const report = validate(docOf(rows, opts.budget), { profile: "legacy", ...(opts.config ? { config: opts.config } : {}) });
  return report.findings.filter((f) => f.rule === rule);
}

/** The one finding of a rule on a one-row document, or undefined. */
export function one(rule: string, row: RowSpec, opts: { budget?: number; config?: JixiaoConfig } = {}): Finding | undefined {
  const found = findingsOf(rule, [row], opts);
  if (found.length > 1) throw new Error(`${rule} fired ${found.length} times on one row`);
  return found[0];
}
