// Import speed: the seed 绩效文本 parsed in-process (warm-up, then the median of 60 runs), and the seed imported
// whole (format reader + form reader) from Word and from PDF — as LibreOffice exports it and as Chromium prints
// it (many more fonts and drawing operators) — (warm-up, then the median of several runs each).
import { readFileSync } from "node:fs";
import { importText } from "../src/import/text.js";
import { importBytes } from "../src/import/index.js";

const fixture = (name: string) => readFileSync(new URL(`../test/fixtures/formats/${name}`, import.meta.url));

export async function run(): Promise<Record<string, number>> {
  const text = readFileSync(new URL("../examples/chengde-gxq-2023.txt", import.meta.url), "utf8");
  for (let i = 0; i < 10; i++) importText(text, { file: "seed.txt" });
  const times: number[] = [];
  for (let i = 0; i < 60; i++) {
    const start = performance.now();
    importText(text, { file: "seed.txt" });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = (times[29] + times[30]) / 2;

  const docx = fixture("seed.docx");
  const pdf = fixture("seed.libreoffice.pdf");
  const chromiumPdf = fixture("seed.chromium.pdf");
  return {
    seed_ms: Math.round(median * 100) / 100,
    seed_docx_ms: await medianMs(() => importBytes({ buffer: docx, name: "seed.docx", ext: ".docx" }), 3, 15),
    seed_pdf_ms: await medianMs(() => importBytes({ buffer: pdf, name: "seed.pdf", ext: ".pdf" }), 1, 5),
    seed_chromium_pdf_ms: await medianMs(() => importBytes({ buffer: chromiumPdf, name: "seed.chromium.pdf", ext: ".pdf" }), 1, 5),
  };
}

async function medianMs(read: () => Promise<unknown>, warmups: number, runs: number): Promise<number> {
  for (let i = 0; i < warmups; i++) await read();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await read();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(runs / 2);
  return Math.round((runs % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2) * 100) / 100;
}
