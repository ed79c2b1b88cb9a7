// A page copied as one line (the excerpts of search engines and document-sharing sites): every cell of a
// transcribed table joined with no separator (`join: ""`) or one space (`join: " "`), merged 一级/二级 labels
// written once, as the page showed them. Used by the flattened-copy test and `npm run corpus -- --flat`.
import type { Indicator, JixiaoDocument } from "../src/domain/schema.js";

export function flattenDocument(doc: JixiaoDocument, join: "" | " "): string {
  const pieces: string[] = [];
  for (const p of doc.projects) {
    pieces.push("项目名称", p.name);
    if (p.budget.total !== null) pieces.push("资金总额(万元)", String(p.budget.total));
    if (p.goals.length > 0) pieces.push("年度绩效目标", p.goals.join(""));
    pieces.push("一级指标", "二级指标", "三级指标", "指标值");
    let l1: string | null = null;
    let l2: string | null = null;
    for (const row of p.indicators as Indicator[]) {
      if (row.level1 && row.level1 !== l1) {
        pieces.push(row.level1);
        l2 = null;
      }
      if (row.level2 && row.level2 !== l2) pieces.push(row.level2);
      l1 = row.level1;
      l2 = row.level2;
      pieces.push(row.name ?? "", row.value ?? "");
    }
  }
  return pieces.filter(Boolean).join(join) + "\n";
}
