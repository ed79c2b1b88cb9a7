// `npm run corpus`: import every real document of the corpus and print, per document, the (name, value) cells
// right / total against its hand transcription, rows missing and extra, and what is wrong; then the mean.
import { importFile } from "../src/import/index.js";
import { corpusDocuments, scoreDocument } from "./corpus-score.js";

const verbose = process.argv.includes("--verbose") || process.argv.includes("-v");
const shares: number[] = [];
for (const { name, path, gold } of corpusDocuments()) {
  let doc = null;
  let error = "";
  try {
    doc = await importFile(path);
  } catch (e) {
    error = (e as Error).message;
  }
  if (!gold) {
    const rows = doc?.projects.reduce((n, p) => n + p.indicators.length, 0) ?? 0;
    console.log(`${name}  （无转录）  ${error || `${doc?.projects.length} 个项目，${rows} 行指标，${doc?.projects.reduce((n, p) => n + (p.importWarnings?.length ?? 0), 0)} 条导入警告`}`);
    continue;
  }
  const s = scoreDocument(name, doc, gold);
  shares.push(s.right / s.total);
  console.log(`${name}  ${s.right}/${s.total} 单元格正确（${((100 * s.right) / s.total).toFixed(1)}%），缺 ${s.missing} 行，多 ${s.extra} 行${error ? `  ${error}` : ""}`);
  if (s.fieldMismatches.length > 0) console.log(`    项目字段不符 ${s.fieldMismatches.length} 处${verbose ? "" : "（-v 列出）"}`);
  if (verbose) for (const m of [...s.mismatches, ...s.fieldMismatches]) console.log(`    ${m}`);
}
const mean = shares.reduce((a, b) => a + b, 0) / Math.max(1, shares.length);
console.log(`平均：${(100 * mean).toFixed(1)}%（${shares.length} 份有转录的文档）`);
