// indicator-duplicated: the same 三级 name appears more than once in a project (typically copied into all four 效益 二级).
import { withoutTrailingNote } from "./structure-util.js";
import type { ProjectRule, RuleHit } from "./types.js";

/**
 * The text holds a character toLowerCase may change: anything outside the ranges it leaves alone (ASCII and
 * Latin-1 digits, punctuation and symbols; general punctuation, arrows, maths and shapes; CJK; full-width forms but
 * Ａ-Ｚ), read as character codes. Surrogates are included: a letter beyond the BMP may have a lowercase form.
 */
function mayHaveCase(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const caseless =
      c >= 0x3000
        ? c <= 0x9fff || (c >= 0xff01 && c <= 0xff20) || (c >= 0xff3b && c <= 0xffef)
        : c <= 0x40 || (c >= 0x5b && c <= 0xbf) || (c >= 0x2000 && c <= 0x2125) || (c >= 0x2190 && c <= 0x24b5) || (c >= 0x24d0 && c <= 0x2bff);
    if (!caseless) return true;
  }
  return false;
}

/** Compare names without whitespace, a trailing unit note such as （%） and case. */
export function nameKey(squashedName: string): string {
  // Test before lowering: a Chinese name has no case, and toLowerCase builds a new string for it.
  return withoutTrailingNote(mayHaveCase(squashedName) ? squashedName.toLowerCase() : squashedName);
}

/** Up to this many rows, the names seen are searched in a list; above it (a 10,000-row project), in a map. */
export const LIST_SEARCH_MAX_ROWS = 32;

const rule: ProjectRule = {
  id: "indicator-duplicated",
  severity: "error",
  scope: "project",
  description: "同一项目中同一个三级指标重复出现（常见于复制到各个二级指标下）",
  docs: `## 说明
每个三级指标只能考核一件事。把同一句话复制到经济、社会、生态、可持续四个二级指标下，等于只有一个指标，
其余几行无法单独评价。本规则报告第一次出现之后的每一次重复（第一次出现的行不报），名称比较时忽略空格和末尾的单位注记（如“（%）”）。
“无”行不参与比较（只报 empty-row）。

## 依据
财预〔2021〕101号（《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》，通知原文 http://lsrwf.cn/news/708af42006d811ec81694b356a0c000d）附件：同一指标不应在不同二级指标下重复设置（种子文档（承德高新区2023年部门预算绩效文本，examples/chengde-gxq-2023.txt）：“减少大气污染”出现在4个二级指标下）。

## 错误示例
| 二级指标 | 三级指标 | 指标值 |
|---|---|---|
| 生态效益指标 | 减少大气污染 | 清洁取暖减缓大气污染情况 |
| 经济效益指标 | 减少大气污染 | 清洁取暖减缓大气污染情况 |
| 社会效益指标 | 减少大气污染 | 清洁取暖减缓大气污染情况 |

## 正确示例
| 二级指标 | 三级指标 | 指标值 |
|---|---|---|
| 生态效益指标 | 减少散煤燃烧量 | ≥3000吨 |
| 社会效益指标 | 清洁取暖覆盖户数 | ≥1.1万户 |`,
  check(ctx) {
    const hits: RuleHit[] = [];
    // Each name's key and first row: a project of a dozen rows searches a list, a larger one a map (a Map per
    // project, grown and rehashed, is most of this rule's garbage over 100,000 projects).
    const firstKeys: string[] = [];
    const firstRows: number[] = [];
    const first = ctx.rows.length > LIST_SEARCH_MAX_ROWS ? new Map<string, number>() : null;
    for (const row of ctx.rows) {
      if (row.empty) continue;
      const key = nameKey(row.squashedName);
      if (key === "") continue;
      let seen: number | undefined;
      if (first !== null) seen = first.get(key);
      else {
        const at = firstKeys.indexOf(key);
        seen = at < 0 ? undefined : firstRows[at];
      }
      if (seen === undefined) {
        if (first !== null) first.set(key, row.index);
        else {
          firstKeys.push(key);
          firstRows.push(row.index);
        }
        continue;
      }
      const firstRow = ctx.rows[seen];
      const where =
        firstRow.indicator.level2.trim() && row.indicator.level2.trim() !== firstRow.indicator.level2.trim()
          ? `已在“${firstRow.indicator.level2.trim()}”下出现`
          : `已在第${seen + 1}行出现`;
      hits.push({
        indicator: row.index,
        field: "name",
        message: `三级指标“${row.indicator.name.trim()}”重复：${where}`,
        hint: "每个三级指标只写一次；在各二级指标下分别写出该方面可衡量的具体指标，或删除重复行",
      });
    }
    return hits;
  },
};

export default rule;
