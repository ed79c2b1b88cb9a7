import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { fileURLToPath } from "node:url";
import { parseDocumentJson } from "../../src/import/json.js";
import { emptyProject, type Indicator, type JixiaoDocument, type Project } from "../../src/domain/schema.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export function loadGold(): JixiaoDocument {
  return parseDocumentJson(readFileSync(`${ROOT}examples/chengde-gxq-2023.gold.json`, "utf8"), "gold");
}

export function makeIndicator(partial: Partial<Indicator>): Indicator {
  return { level1: "", level2: "", name: "", description: "", value: "", basis: "", ...partial };
}

export function makeProject(partial: Partial<Project>): Project {
  return { ...emptyProject(), ...partial };
}

/** The indicator rows of a rendered HTML table: row index → { level1/level2 rowspans, cell html }. */
export function htmlRows(html: string): { index: number; body: string; l1?: number; l2?: number }[] {
  return [...html.matchAll(/<tr data-row="(\d+)"[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => {
    const l1 = m[2].match(/data-col="level1" rowspan="(\d+)"/);
    const l2 = m[2].match(/data-col="level2" rowspan="(\d+)"/);
    return { index: Number(m[1]), body: m[2], l1: l1 ? Number(l1[1]) : undefined, l2: l2 ? Number(l2[1]) : undefined };
  });
}

export async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return wb;
}

export async function saveWorkbook(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
