// toc-broken-entry: a 目录 entry with no project table behind it, or a broken page reference (错误！未定义书签).
import { quoted, squash } from "./structure-util.js";
import type { DocumentRule, RuleHit } from "./types.js";

/** Word's broken cross-reference text, Chinese and English. */
const BROKEN_REF = /错误[！!]?\s*未定义书签|Error!\s*Bookmark\s*not\s*defined/i;
/** Leading numbering of a title: 1. 三、 （一） 第一部分. */
const NUMBERING = /^(?:\d+\s*[.．、]|[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十\d]+[)）])\s*/;
/** Entries that stand for a project table (others — 部门整体绩效目标, 工作保障措施 — have no table to match). */
const TABLE_ENTRY = /(?:绩效)?目标表$/;

/** Title key: whitespace, numbering, the 绩效目标表 suffix and quote styles removed. */
export function titleKey(title: string): string {
  return squash(title)
    .replace(NUMBERING, "")
    .replace(/(?:绩效)?目标表$/, "")
    .replace(/[“”"「」『』]/g, "")
    .toLowerCase();
}

const rule: DocumentRule = {
  id: "toc-broken-entry",
  severity: "error",
  scope: "document",
  description: "目录条目找不到对应的绩效目标表，或页码是断开的引用（错误！未定义书签）",
  docs: `## 说明
目录中的每个项目条目都应对应正文中的一张绩效目标表。页码显示“错误！未定义书签。”说明对应的表被删除或书签丢失；
条目标题（去掉编号、空格和“绩效目标表”后）与任何项目的表名、项目名称都对不上，说明表缺失或标题不一致。
只有以“目标表”结尾的条目需要对应表格。

## 依据
目录与正文须对应；“错误！未定义书签”是 Word 域代码失效的残留（种子文档（承德高新区2023年部门预算绩效文本，examples/chengde-gxq-2023.txt）：商贸流通企业奖补）。

## 错误示例
7.商贸流通企业奖补绩效目标表 ……错误！未定义书签。（正文中没有这张表）

## 正确示例
8.商务工作专项绩效目标表 ……20（正文中有“三.商务工作专项绩效目标表”）`,
  check(ctx) {
    // No 目录 (JSON, Excel, a single project): nothing to match, so skip keying every project title.
    if (ctx.document.toc.length === 0) return [];
    const known = new Set<string>();
    for (const { project } of ctx.projects) {
      for (const t of [project.tableTitle, project.name]) if (t && t.trim()) known.add(titleKey(t));
    }
    const hits: RuleHit[] = [];
    for (const entry of ctx.document.toc) {
      const broken = BROKEN_REF.test(entry.page ?? "");
      const needsTable = TABLE_ENTRY.test(squash(entry.title));
      const missing = needsTable && !known.has(titleKey(entry.title));
      if (!broken && !missing) continue;
      const title = quoted(`${entry.no}.${entry.title.trim()}`, 60);
      const problem = broken && missing ? "页码是断开的引用，正文中也没有这张表" : broken ? `页码是断开的引用“${entry.page.trim()}”` : "正文中没有对应的绩效目标表";
      hits.push({
        project: null,
        field: "toc",
        message: `目录条目“${title}”${problem}`,
        hint: missing ? "补上该项目的绩效目标表，或从目录中删除该条目并更新目录" : "在 Word 中更新目录域（右键→更新域），修复页码引用",
      });
    }
    return hits;
  },
};

export default rule;
