// Rendering speed: the seed as HTML and Excel, and a 1,000-project document (the gold projects repeated)
// written to Excel and read back. Target: 1,000 projects under 3 s.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseDocumentJson } from "../src/import/json.js";
import { importXlsx } from "../src/import/xlsx.js";
import { renderDocumentHtml, renderDocumentXlsx } from "../src/render/index.js";
import type { JixiaoDocument } from "../src/domain/schema.js";

const goldPath = fileURLToPath(new URL("../examples/chengde-gxq-2023.gold.json", import.meta.url));

async function time(fn: () => unknown | Promise<unknown>, runs = 1): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  return Math.round(((performance.now() - t0) / runs) * 10) / 10;
}

export async function run(): Promise<Record<string, number | object>> {
  const gold = parseDocumentJson(readFileSync(goldPath, "utf8"));
  const big: JixiaoDocument = {
    ...gold,
    toc: [],
    projects: Array.from({ length: 1000 }, (_, i) => {
      const p = gold.projects[i % gold.projects.length];
      return { ...p, seq: i + 1, code: `${p.code}-${i + 1}` };
    }),
  };
  // Warm up template compilation and exceljs before measuring.
  renderDocumentHtml(gold);
  await renderDocumentXlsx(gold);
  const seed_html_ms = await time(() => renderDocumentHtml(gold), 5);
  const seed_xlsx_ms = await time(() => renderDocumentXlsx(gold), 3);
  let buffer: Buffer = Buffer.alloc(0);
  // CPU time too: wall time swings with machine load, CPU time shows the work itself.
  const cpu0 = process.cpuUsage();
  const xlsx_1000_ms = await time(async () => {
    buffer = await renderDocumentXlsx(big);
  });
  const cpu = process.cpuUsage(cpu0);
  const xlsx_1000_cpu_ms = Math.round((cpu.user + cpu.system) / 1000);
  const html_1000_ms = await time(() => renderDocumentHtml(big));
  const import_xlsx_1000_ms = await time(() => importXlsx(buffer, "big.xlsx"));
  return { seed_html_ms, seed_xlsx_ms, xlsx_1000_ms, xlsx_1000_cpu_ms, html_1000_ms, import_xlsx_1000_ms, xlsx_1000_bytes: buffer.length };
}
