// level-invalid: a 一级/二级 label unknown to the profile, or a 二级 under the wrong 一级.
import { readLabel, type Profile } from "../domain/taxonomy.js";
import type { ProjectRule, RowContext, RuleHit } from "./types.js";

/** Canonical 二级 → its 一级, per profile, computed once (rows already carry canonical labels). */
const PARENTS = new WeakMap<Profile, Map<string, string>>();
function parentsOf(profile: Profile): Map<string, string> {
  let map = PARENTS.get(profile);
  if (!map) {
    map = new Map();
    for (const [l1, l2s] of Object.entries(profile.level2)) for (const l2 of l2s) map.set(l2, l1);
    PARENTS.set(profile, map);
  }
  return map;
}

const rule: ProjectRule = {
  id: "level-invalid",
  severity: "error",
  scope: "project",
  description: "一级或二级指标不是所用指标体系中的名称，或二级指标放在了错误的一级指标下",
  docs: `## 说明
一级、二级指标是固定的分类，预算系统按名称导入和汇总。常见写法变体（效果指标、社会公众或服务对象满意度指标、环境效益）按别名表认可；
模板留下的说明文字（“质量指标（必填）”“经济效益指标(选填)”“★数量指标”）和各地的写法（“社会效益目标”“社会效益类指标”）
按其含义检查，只给一条提示（info），不报错误；层级错位一列的表格（一级列是“绩效指标”之类的标题，二级列是“产出指标”，三级列是“数量指标”，
指标内容在下一列）按本意读取，同样只给提示；
其余名称、空白，或与指标体系不符的层级（如常用体系下的“经济成本指标”、把“质量指标”放在“效益指标”下）都会报告。
指标体系：legacy 为 产出/效益/满意度（成本指标在产出下）；mof2021 为 成本/产出/效益/满意度（财预〔2021〕101号）。“无”行只报 empty-row。

## 依据
指标体系：财预〔2021〕101号附件《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》（成本/产出/效益/满意度）与
各地项目支出绩效目标申报表样表（产出下数量/质量/时效/成本，效益下经济/社会/生态效益和可持续影响，服务对象满意度）。
写法变体来自实际表格：湖北、湖南、宁夏、陕西（佳县）等地公开的绩效目标表（见 test/fixtures/corpus/SOURCES.md 与
src/domain/taxonomy.ts 的注释）。

## 错误示例
| 一级指标 | 二级指标 | 三级指标 |
|---|---|---|
| 效益指标 | 质量指标 | 数据审核准确率 |
| 产出指标 | 服务指标 | 服务次数 |

## 正确示例
| 一级指标 | 二级指标 | 三级指标 |
|---|---|---|
| 产出指标 | 质量指标 | 数据审核准确率 |
| 效果指标 | 社会效益指标 | 带动就业人数 |`,
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const row of ctx.rows) {
      if (row.empty) continue;
      checkRow(row, ctx.profile, hits);
      variantNotes(row, hits);
    }
    return hits;
  },
};

const LEVEL_NAME = { level1: "一级指标", level2: "二级指标" } as const;

/** A label written as a template variant (质量指标（必填）, 社会效益目标): read as the standard one, said as info. */
function variantNotes(row: RowContext, hits: RuleHit[]): void {
  const shifted = row.shiftedFrom;
  if (shifted) {
    hits.push({
      indicator: row.index,
      field: "level2",
      severity: "info",
      message: `这一行的层级错位了一列：二级指标列是一级指标“${shifted.level2.trim()}”，三级指标列是二级指标“${shifted.name.trim()}”，已按“${shifted.level2.trim()}/${shifted.name.trim()}/${shifted.description.trim()}”检查`,
      hint: "按一级、二级、三级指标各占一列的标准格式填写",
    });
  }
  // Each level read by name (not row[field] over a list of fields: a keyed read of many row shapes is slow).
  levelNote(row, "level1", row.indicator.level1, row.level1, hits);
  levelNote(row, "level2", row.indicator.level2, row.level2, hits);
}

function levelNote(row: RowContext, field: "level1" | "level2", cell: string, canonical: string | null, hits: RuleHit[]): void {
  const written = cell.trim();
  // A label written in its canonical form (the usual case) is no variant: no need to read it again.
  if (written === canonical) return;
  const reading = readLabel(written);
  if (!reading) return;
  const what = reading.variant === "note" ? "带有模板说明文字" : "不是标准写法";
  hits.push({
    indicator: row.index,
    field,
    severity: "info",
    message: `${LEVEL_NAME[field]}“${written}”${what}，已按“${reading.canonical}”检查`,
    hint: `改写为标准名称“${reading.canonical}”，便于系统导入和汇总`,
    fix: reading.canonical,
  });
}

/** Short profile names for one-line messages. */
const PROFILE_NAME: Record<string, string> = { legacy: "常用指标体系", mof2021: "财预〔2021〕101号指标体系" };

function checkRow(row: RowContext, profile: Profile, hits: RuleHit[]): void {
  const system = PROFILE_NAME[profile.id] ?? profile.id;
  const parents = parentsOf(profile);
  const parent = row.level2 === null ? undefined : parents.get(row.level2);
  const level1Known = row.level1 !== null && profile.level1.includes(row.level1 as never);
  const level2Known = parent !== undefined;
  if (level1Known && level2Known && parent === row.level1) return;
  const written1 = row.indicator.level1.trim();
  const written2 = row.indicator.level2.trim();
  const level1List = profile.level1.join("、");

  if (!level1Known) {
    hits.push({
      indicator: row.index,
      field: "level1",
      message: written1 === "" ? "一级指标为空" : `一级指标“${written1}”不是${system}中的一级指标`,
      hint: `一级指标应为：${level1List}`,
      ...(parent !== undefined ? { fix: parent } : {}),
    });
  }
  if (!level2Known) {
    const under = level1Known ? profile.level2[row.level1!] : null;
    hits.push({
      indicator: row.index,
      field: "level2",
      message: written2 === "" ? "二级指标为空" : `二级指标“${written2}”不是${system}中的二级指标`,
      hint: under ? `“${written1}”下的二级指标应为：${under.join("、")}` : `二级指标应为指标体系中的名称，如 ${Object.values(profile.level2).flat().slice(0, 4).join("、")}`,
    });
  } else if (level1Known) {
    if (parent !== row.level1) {
      hits.push({
        indicator: row.index,
        field: "level2",
        message: `二级指标“${written2}”不属于一级指标“${written1}”，应属于“${parent}”`,
        hint: `把这一行移到“${parent}”下，或改用“${written1}”下的二级指标：${profile.level2[row.level1!].join("、")}`,
      });
    }
  }
}

export default rule;
