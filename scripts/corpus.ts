// `npm run corpus`: import every real document of the corpus and print, per document, the (name, value) cells
// right / total against its hand transcription, rows missing and extra, and what is wrong; then the mean; then
// the same pages flattened onto one line, and the real pages of test/fixtures/web.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { importFile } from "../src/import/index.js";
import { importText } from "../src/import/text.js";
import { corpusDocuments, scoreDocument } from "./corpus-score.js";
import { flattenDocument } from "./flatten.js";

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

// The same pages copied onto one line (search and document-sharing excerpts), with one space between cells and
// with none: how much of each transcription survives the flattening.
for (const join of [" ", ""] as const) {
  const flat: number[] = [];
  for (const { name, gold } of corpusDocuments()) {
    if (!gold) continue;
    let doc = null;
    try {
      doc = importText(flattenDocument(gold, join), { file: name });
    } catch {
      doc = null;
    }
    const s = scoreDocument(name, doc, gold);
    flat.push(s.right / s.total);
  }
  const share = flat.reduce((a, b) => a + b, 0) / Math.max(1, flat.length);
  console.log(`压成一行（单元格之间${join ? "一个空格" : "无分隔"}）：平均 ${(100 * share).toFixed(1)}%（${flat.map((f) => `${(100 * f).toFixed(0)}%`).join(" ")}）`);
}

// Real pages found after the readers were written (test/fixtures/web): what each gives.
const webDir = new URL("../test/fixtures/web/", import.meta.url).pathname;
for (const file of readdirSync(webDir).filter((f) => f.endsWith(".txt")).sort()) {
  try {
    const doc = await importFile(join(webDir, file));
    const rows = doc.projects.reduce((n, p) => n + p.indicators.length, 0);
    const named = doc.projects.reduce((n, p) => n + p.indicators.filter((i) => i.name && i.value).length, 0);
    const warnings = doc.projects.reduce((n, p) => n + (p.importWarnings?.length ?? 0), 0);
    console.log(`web/${file}  ${doc.projects.length} 个项目，${rows} 行指标（${named} 行有名称和指标值），${warnings} 条导入警告`);
  } catch (e) {
    console.log(`web/${file}  ${(e as Error).message}`);
  }
}
