// Projects of a 绩效文本 whose tables are tab-separated (the seed's layout): each table with the
// explanation before it (关于…的说明), its heading (…绩效目标表) and the department/unit lines.
import type { Project } from "../../domain/schema.js";
import { parseAmount, readFieldLine, splitGoals, statedUnit } from "./fields.js";
import { cleanCell, squash, type Line } from "./lines.js";
import { isExplanationTitle, readNarrative } from "./narrative.js";
import { findTabRuns, parseTable, shorten } from "./table.js";

export interface DocumentHead {
  department?: { code: string; name: string };
  unit?: string;
}

const DEPARTMENT = /^(\d{3,})\s+(\S.*)$/;
const UNIT = /^(?:金额)?单位[：:]\s*(万元|元|亿元)$/;

export function readTabbedProjects(lines: Line[], bodyStart: number, head: DocumentHead): Project[] {
  const runs = findTabRuns(lines, bodyStart);
  const projects: Project[] = [];
  let regionStart = bodyStart;
  for (const run of runs) {
    const table = parseTable(lines, run);
    const region = lines.slice(regionStart, run.start);
    regionStart = run.end;

    // Heading lines just above the table: …绩效目标表, the department line, 单位：万元.
    let k = region.length - 1;
    let tableTitle: string | undefined;
    for (; k >= 0; k--) {
      const t = region[k].text;
      if (!t) continue;
      const dept = DEPARTMENT.exec(t);
      const unit = UNIT.exec(squash(t));
      if (unit) head.unit ??= unit[1];
      else if (dept && !/[。；]/.test(t)) head.department ??= { code: dept[1], name: cleanCell(dept[2]) };
      else {
        if (/表$/.test(squash(t)) && t.length <= 160 && !isExplanationTitle(t)) {
          tableTitle = cleanCell(t);
          k--;
        }
        break;
      }
    }
    const before = region.slice(0, k + 1);

    // A table without an indicator header or head fields of its own continues the previous project.
    const prev = projects[projects.length - 1];
    if (prev && !table.hasHead && !tableTitle) {
      prev.indicators.push(...table.indicators);
      prev.importWarnings = [...(prev.importWarnings ?? []), ...table.warnings];
      continue;
    }

    const narrative = readNarrative(before);
    const project: Project = {
      seq: projects.length + 1,
      code: table.code,
      name: table.name,
      summary: narrative?.summary ?? "",
      funding: narrative?.funding ?? "",
      narrativeGoals: narrative?.narrativeGoals ?? [],
      narrativeIndicators: narrative?.narrativeIndicators ?? "",
      evaluationBasis: narrative?.evaluationBasis ?? "",
      budget: table.budget,
      purpose: table.purpose,
      spendingPlan: table.spendingPlan,
      goals: table.goals,
      indicators: table.indicators,
    };
    if (tableTitle) project.tableTitle = tableTitle;
    if (narrative?.explanationTitle) project.explanationTitle = narrative.explanationTitle;
    if (narrative?.declaredCounts) project.declaredCounts = narrative.declaredCounts;
    fillFromFieldLines(project, before);
    const warnings = [...(project.importWarnings ?? []), ...strayLines(before, prev !== undefined), ...table.warnings];
    if (!table.hasIndicatorHeader) warnings.push({ line: lines[run.start].no, message: `第${lines[run.start].no}行：表格没有“一级指标、二级指标、三级指标”表头，未读到绩效指标` });
    if (warnings.length > 0) project.importWarnings = warnings;
    projects.push(project);
  }
  const last = projects[projects.length - 1];
  if (last) {
    const trailing = strayLines(lines.slice(regionStart), true);
    if (trailing.length > 0) last.importWarnings = [...(last.importWarnings ?? []), ...trailing];
  }
  return projects;
}

/**
 * Fields the table did not carry but the text above states as `项目名称：…` lines (a web page or Word copy
 * whose indicator table alone is tab-separated): name, code, budget, purpose and goals.
 */
function fillFromFieldLines(project: Project, before: Line[]): void {
  const tableHasBudget = project.budget.total !== null || project.budget.fiscal !== null || project.budget.other !== null;
  const tableHasGoals = project.goals.length > 0;
  for (const line of before) {
    for (const hit of readFieldLine(line.text)) {
      if (!hit.value) continue;
      if (hit.kind === "name" && !project.name) project.name = hit.value;
      else if (hit.kind === "code" && !project.code) project.code = squash(hit.value);
      else if (hit.kind === "purpose" && !project.purpose) project.purpose = hit.value;
      else if (hit.kind === "goals" && !tableHasGoals) project.goals.push(...splitGoals(hit.value));
      else if ((hit.kind === "total" || hit.kind === "fiscal" || hit.kind === "other") && !tableHasBudget) {
        const unit = statedUnit(hit.label.replace(/^[^（(]*/, "")) ?? "万元";
        const amount = parseAmount(hit.value, unit);
        if (amount !== undefined) project.budget[hit.kind] = amount;
        else {
          project.importWarnings = [
            ...(project.importWarnings ?? []),
            { line: line.no, message: `第${line.no}行：${hit.label}「${shorten(hit.value)}」不是金额，按空白处理` },
          ];
        }
      }
    }
  }
}

/**
 * Text between the previous table and this project's explanation is not part of any section: report it
 * instead of dropping it silently (a table row that lost its tabs lands here).
 */
function strayLines(before: Line[], afterTable: boolean): { line: number; message: string }[] {
  if (!afterTable) return [];
  const out: { line: number; message: string }[] = [];
  for (const line of before) {
    if (!line.text) continue;
    const t = squash(line.text);
    if (isExplanationTitle(line.text) || /^第[一二三四五六七八九十]+部分/.test(t)) break;
    if (/^([（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+[、.．])/.test(t) || readFieldLine(line.text).length > 0) break;
    out.push({ line: line.no, message: `第${line.no}行：表格之后的文字未导入：${shorten(line.text)}` });
  }
  return out;
}
