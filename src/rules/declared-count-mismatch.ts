// declared-count-mismatch: the explanation's indicator counts (共设置N项, 产出指标N项 …) disagree with each other
// or with the table (无 rows do not count).
import { readCount, squash } from "./structure-util.js";
import type { ProjectContext, ProjectRule, RowContext, RuleHit } from "./types.js";

type Part = "output" | "effect" | "satisfaction" | "cost";
type Key = "total" | Part;

const N = "([0-9０-９]+|[一二两三四五六七八九十]{1,3})";
/**
 * One scan finds every stated count; the label says which. Global: an explanation that splits counts by goal
 * (对应目标一…对应目标二…) is summed. 经济效益指标 2 项 / 服务对象满意度指标 1 项 / 经济成本指标 are sub-counts, not
 * the 一级 count, hence the lookbehinds. "共设置2项绩效目标" counts goals, not indicators. Each lookbehind follows
 * the label's first character (效(?<![济…]效) is (?<![济…])效): an alternative that starts with a character lets
 * the engine skip positions by it.
 */
export const COUNT = new RegExp(
  `(共设置?了?|共有|共计|合计|产出指标|效(?<![济会态境续]效)(?:益|果)指标|满(?<![象众]满)意度指标|成(?<![济会境态]成)本指标)` +
    `\\s*[:：]?\\s*(?:绩效指标|指标)?\\s*${N}\\s*[项个](\\s*(?:绩效)?目标)?`,
  "g",
);

function keyOf(label: string): Key {
  if (label.startsWith("产出")) return "output";
  if (label.startsWith("满意")) return "satisfaction";
  if (label.startsWith("成本")) return "cost";
  if (label.endsWith("指标")) return "effect";
  return "total";
}

const PARTS_WITH_COST: readonly Part[] = ["cost", "output", "effect", "satisfaction"];
const PARTS: readonly Part[] = ["output", "effect", "satisfaction"];

/** The object has no own key (without listing its keys). */
function isEmpty(declared: Partial<Record<Key, Declared>>): boolean {
  for (const _ in declared) return false;
  return true;
}

function countHit(message: string, hint: string): RuleHit {
  return { indicator: null, field: "narrativeIndicators", message, hint };
}

const PART_NAME: Record<Part, string> = { output: "产出指标", effect: "效益指标", satisfaction: "满意度指标", cost: "成本指标" };

/** The table's rows (无 rows not counted), in all and per 一级: plain counters, one pass, no keyed updates. */
function tableCounts(rows: readonly RowContext[]): Record<Key, number> {
  let total = 0;
  let output = 0;
  let effect = 0;
  let satisfaction = 0;
  let cost = 0;
  for (const row of rows) {
    if (row.empty) continue;
    total++;
    switch (row.level1) {
      case "产出指标": output++; break;
      case "效益指标": effect++; break;
      case "满意度指标": satisfaction++; break;
      case "成本指标": cost++; break;
    }
  }
  return { total, output, effect, satisfaction, cost };
}

interface Declared {
  value: number;
  /** The text the count came from, quoted in the message. */
  text: string;
}

/** Counts stated in the explanation paragraph; empty when it states none. */
export function parseDeclaredCounts(text: string, withCost: boolean): Partial<Record<Key, Declared>> {
  const out: Partial<Record<Key, Declared>> = {};
  if (!text.includes("项") && !text.includes("个")) return out;
  // exec on the one global pattern, not matchAll: matchAll clones the pattern on every call (once per project).
  COUNT.lastIndex = 0;
  for (let m = COUNT.exec(text); m !== null; m = COUNT.exec(text)) {
    const key = keyOf(m[1]);
    if (m[3] !== undefined || (key === "cost" && !withCost)) continue;
    const n = readCount(m[2]);
    if (n === null) continue;
    const snippet = squash(m[0]);
    const seen = out[key];
    out[key] = seen ? { value: seen.value + n, text: `${seen.text}＋${snippet}` } : { value: n, text: snippet };
  }
  return out;
}

function fromStructured(ctx: ProjectContext, withCost: boolean): Partial<Record<Key, Declared>> {
  const dc = ctx.project.declaredCounts;
  const out: Partial<Record<Key, Declared>> = {};
  if (!dc) return out;
  const label: Record<Key, string> = { total: "共设置", ...PART_NAME };
  for (const key of ["total", "output", "effect", "satisfaction", "cost"] as const) {
    if (key === "cost" && !withCost) continue;
    const v = dc[key];
    if (typeof v === "number" && Number.isFinite(v)) out[key] = { value: v, text: `${label[key]}${v}项` };
  }
  return out;
}

const rule: ProjectRule = {
  id: "declared-count-mismatch",
  severity: "warning",
  scope: "project",
  description: "说明中的指标数量（共设置N项、产出指标N项）前后不一致或与表中指标数不符",
  docs: `## 说明
说明部分的“绩效指标”段落写明了指标数量，审核时会与表格核对。读取“共设置N项”“产出指标N项”“效益（效果）指标N项”“满意度指标N项”
（阿拉伯数字或中文数字，允许空格；按目标分别列出的数量相加），没有这段文字时使用导入得到的 declaredCounts。
依次核对：各类合计是否超过（或在各类齐全时不等于）总数；总数与表中指标行数；各类数量与表中该一级指标的行数。
表中只写“无”的行不计数。

## 依据
文本中的“共设置N项绩效指标”须与表格一致（种子文档（承德高新区2023年部门预算绩效文本，examples/chengde-gxq-2023.txt）：共设置3项…其中：产出指标4项）。

## 错误示例
此项工作活动共设置3项绩效指标。其中：产出指标4项……效益指标1项（表中共有 9 项指标，效益指标 4 项）

## 正确示例
此项工作活动共设置8项绩效指标。其中：产出指标4项……（表中 9 行，其中 1 行为“无”，实有 8 项）`,
  check(ctx) {
    const withCost = ctx.profile.level1.includes("成本指标");
    const parsed = parseDeclaredCounts(ctx.project.narrativeIndicators ?? "", withCost);
    const declared = isEmpty(parsed) ? fromStructured(ctx, withCost) : parsed;
    if (isEmpty(declared)) return [];

    const table = tableCounts(ctx.rows);

    const hits: RuleHit[] = [];
    const parts = withCost ? PARTS_WITH_COST : PARTS;
    const given: Part[] = [];
    for (const p of parts) if (declared[p] !== undefined) given.push(p);
    const total = declared.total;

    if (total && given.length > 0) {
      let sum = 0;
      for (const p of given) sum += declared[p]!.value;
      const complete = given.length === parts.length;
      if (sum > total.value || (complete && sum !== total.value)) {
        hits.push(
          countHit(
            `说明写“${total.text}”，但其中${given.map((p) => `“${declared[p]!.text}”`).join("、")}合计${sum}项`,
            "核对说明中的总数与各类指标数，使各类之和等于总数",
          ),
        );
      }
    }
    if (total && total.value !== table.total) {
      hits.push(
        countHit(
          `说明写“${total.text}”，表中实有${table.total}项指标（不含“无”行）`,
          `把说明中的指标总数改为${table.total}项，或补齐/删减表中指标`,
        ),
      );
    }
    for (const p of given) {
      const d = declared[p]!;
      if (d.value !== table[p]) {
        hits.push(
          countHit(
            `说明写“${d.text}”，表中${PART_NAME[p]}实有${table[p]}项（不含“无”行）`,
            `把说明中的${PART_NAME[p]}数改为${table[p]}项，或调整表中的${PART_NAME[p]}`,
          ),
        );
      }
    }
    return hits;
  },
};

export default rule;
