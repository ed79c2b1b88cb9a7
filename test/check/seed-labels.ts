// Compares a Report on the seed with the hand labels of test/fixtures/seed-labels.json.
import { readFileSync } from "node:fs";
import type { JixiaoDocument } from "../../src/domain/schema.js";
import { projectRef } from "../../src/domain/schema.js";
import type { Finding } from "../../src/rules/types.js";

interface ProjectLabels {
  name: string;
  project: string[];
  rows: string[][];
}
export interface KnownMiss {
  project: string;
  row: number;
  rule: string;
  why: string;
}
export interface SeedLabels {
  document: string[];
  projects: Record<string, ProjectLabels>;
  /** Labelled findings the rules do not raise yet (reported to the lead, not counted as failures). */
  knownMisses: KnownMiss[];
}

export function loadSeedLabels(): SeedLabels {
  return JSON.parse(readFileSync(new URL("../fixtures/seed-labels.json", import.meta.url), "utf8")) as SeedLabels;
}

/** A label list split into required ids and ids merely allowed (`id?`). */
function split(labels: string[]): { required: string[]; allowed: Set<string> } {
  const required = labels.filter((l) => !l.endsWith("?"));
  const allowed = new Set(labels.map((l) => l.replace(/\?$/, "")));
  return { required, allowed };
}

export interface Comparison {
  /** Labelled but not raised — the rules miss what a reviewer marks. */
  missed: string[];
  /** Errors raised on rows labelled clean — the rules reject what a reviewer accepts. */
  falseErrors: string[];
  /** Known misses that are missed as recorded. */
  known: string[];
  /** Known misses the rules now raise: remove them from knownMisses. */
  knownNowRaised: string[];
  /** Anything raised but not labelled (shown, not failing unless it is an error on a clean row). */
  unlabelled: string[];
}

export function compareWithLabels(document: JixiaoDocument, findings: Finding[], labels: SeedLabels): Comparison {
  const out: Comparison = { missed: [], falseErrors: [], known: [], knownNowRaised: [], unlabelled: [] };
  const where = (code: string | null, row: number | null) =>
    code === null ? "文档" : `${code} ${labels.projects[code]?.name ?? ""}${row === null ? "（项目）" : ` 第${row}行(0起)`}`;
  const raisedAt = (code: string | null, row: number | null | "any") =>
    findings.filter((f) => f.project === code && (row === "any" || f.indicator === row));

  // Document level: toc and other findings without a project.
  {
    const { required, allowed } = split(labels.document);
    const raised = raisedAt(null, "any");
    for (const id of required) if (!raised.some((f) => f.rule === id)) out.missed.push(`${where(null, null)}: ${id}`);
    for (const f of raised) if (!allowed.has(f.rule)) out.unlabelled.push(`${where(null, null)}: ${f.rule} [${f.severity}] ${f.message}`);
  }

  for (const project of document.projects) {
    const code = projectRef(project);
    const pl = labels.projects[code];
    if (!pl) {
      out.missed.push(`${code}: 标注文件中没有这个项目`);
      continue;
    }
    const general = split(pl.project);
    const raisedGeneral = raisedAt(code, null);
    for (const id of general.required) if (!raisedGeneral.some((f) => f.rule === id)) out.missed.push(`${where(code, null)}: ${id}`);
    for (const f of raisedGeneral) if (!general.allowed.has(f.rule)) out.unlabelled.push(`${where(code, null)}: ${f.rule} [${f.severity}] ${f.message}`);

    if (pl.rows.length !== project.indicators.length) {
      out.missed.push(`${code}: 标注 ${pl.rows.length} 行，文档 ${project.indicators.length} 行`);
    }
    pl.rows.forEach((rowLabels, i) => {
      const { required, allowed } = split(rowLabels);
      const raised = raisedAt(code, i);
      for (const id of required) {
        const known = labels.knownMisses.find((k) => k.project === code && k.row === i && k.rule === id);
        const isRaised = raised.some((f) => f.rule === id);
        const line = `${where(code, i)} 「${project.indicators[i]?.value}」: ${id}`;
        if (known) (isRaised ? out.knownNowRaised : out.known).push(isRaised ? line : `${line} — ${known.why}`);
        else if (!isRaised) out.missed.push(line);
      }
      for (const f of raised) {
        if (allowed.has(f.rule)) continue;
        const line = `${where(code, i)} 「${project.indicators[i]?.value}」: ${f.rule} [${f.severity}] ${f.message}`;
        if (rowLabels.length === 0 && f.severity === "error") out.falseErrors.push(line);
        else out.unlabelled.push(line);
      }
    });
  }
  return out;
}

export function describeComparison(c: Comparison): string {
  const part = (title: string, lines: string[]) => (lines.length ? `${title}（${lines.length}）:\n  ${lines.join("\n  ")}\n` : "");
  return (
    part("标注了但未报告 (labelled-but-missed)", c.missed) +
    part("干净行上报告了错误 (error on a clean row)", c.falseErrors) +
    part("已知漏报现已报告，请从 knownMisses 删除 (known miss now raised)", c.knownNowRaised) +
    part("已知漏报 (known misses, reported to the lead)", c.known) +
    part("报告了但未标注 (raised-but-unlabelled)", c.unlabelled)
  );
}
