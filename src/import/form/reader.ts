// The one form reader: any SourceDocument (text, Word, PDF, web page, Excel — see import/grid.ts) → a
// Document. Paragraphs before the first table are the front matter (cover, 目录, Part 1); each table block with
// the paragraphs before it is a project (its explanation 关于…的说明, its heading …绩效目标表, `项目名称：…`
// lines); a table without a header or head fields of its own continues the previous project (a page break).
// Never invents: a document with no indicator table is refused.
import { NoTableError } from "../../domain/errors.js";
import { DOCUMENT_ORDER, inFieldOrder } from "../../domain/field-order.js";
import type { ImportWarning, JixiaoDocument, Project } from "../../domain/schema.js";
import { expandGrid, type SourceDocument, type SourcePosition } from "../grid.js";
import { parseAmount, readFieldLine, splitGoals, statedUnit, type FieldHit } from "./fields.js";
import { FOOTER_LABEL } from "./footer.js";
import { readFrontMatter } from "./front.js";
import { cleanCell, squash, type Line } from "./lines.js";
import { isExplanationTitle, readNarrative } from "./narrative.js";
import { parseTables, shorten, type FormRow } from "./table.js";
import { isValueText } from "./values.js";
import { asLevel1, asLevel2 } from "../../domain/columns.js";

interface DocumentHead {
  department?: { code: string; name: string };
  unit?: string;
}

type Item = { kind: "line"; line: Line } | { kind: "table"; rows: FormRow[] };

// `105001 承德…本级`; a PDF's text drops the space between the code and the name (`105001承德…`).
const DEPARTMENT = /^(\d{3,})\s+(\S.*)$|^(\d{6,})([\u4e00-\u9fa5].*)$/;
const UNIT = /^(?:金额)?单位[：:]\s*(万元|元|亿元)$/;

export function whereOf(source: SourcePosition | undefined, fallback: string): string {
  if (!source) return fallback;
  if (source.sheet) return `工作表“${source.sheet}”${source.ref ? ` ${source.ref}` : ""}`;
  if (source.page && source.line) return `第${source.page}页第${source.line}行`;
  if (source.line) return `第${source.line}行`;
  if (source.ref) return source.ref;
  if (source.page) return `第${source.page}页`;
  return fallback;
}

function toItems(src: SourceDocument): Item[] {
  const items: Item[] = [];
  let paragraphNo = 0;
  let tableNo = 0;
  for (const block of src.blocks) {
    if (block.kind === "paragraph") {
      paragraphNo++;
      const no = block.source?.line ?? paragraphNo;
      for (const piece of block.text.split("\n")) items.push({ kind: "line", line: { no, raw: piece, text: piece.trim() } });
      continue;
    }
    tableNo++;
    const dense = expandGrid(block.grid);
    const rows: FormRow[] = dense.map((cells, r) => {
      const source = block.grid.rows[r]?.source ?? cells.find((c) => c.source)?.source;
      return {
        cells: cells.map((c) => (c.covered === "col" ? "" : c.text)),
        carried: cells.map((c) => c.covered === "row"),
        where: whereOf(source, `表${tableNo}第${r + 1}行`),
        line: source?.line ?? null,
        breakBefore: Boolean(block.grid.rows[r]?.breakBefore),
        warning: block.grid.rows[r]?.warning,
      };
    });
    items.push({ kind: "table", rows });
  }
  return items;
}

export function readForm(src: SourceDocument): JixiaoDocument {
  const items = toItems(src);
  const firstTable = items.findIndex((i) => i.kind === "table");
  const frontLines = items.slice(0, firstTable < 0 ? items.length : firstTable).flatMap((i) => (i.kind === "line" ? [i.line] : []));
  const front = readFrontMatter(frontLines);
  const head: DocumentHead = {};
  const { projects, sawHeader } = readProjects(items, front.bodyStart, head);
  if (!sawHeader) {
    throw new NoTableError(`${src.name}：未找到绩效目标表（需要含“一级指标、二级指标、三级指标（或指标内容）、指标值”表头的表格）`);
  }
  if (src.warnings.length > 0) projects[0].importWarnings = [...src.warnings, ...(projects[0].importWarnings ?? [])];
  const doc: JixiaoDocument = {
    source: src.name,
    department: head.department,
    preparedBy: front.preparedBy,
    reviewedBy: front.reviewedBy,
    // A 绩效文本 states its year on the cover; a copied page's first year is often its publication date
    // (发布时间：2022年…) while the table says （2021年）.
    year: (front.toc.length > 0 || front.overall ? (front.year ?? tableYear(items)) : (tableYear(items) ?? front.year)) ?? null,
    unit: head.unit ?? "万元",
    toc: front.toc,
    overall: front.overall,
    projects,
  };
  for (const key of Object.keys(doc) as (keyof JixiaoDocument)[]) if (doc[key] === undefined) delete doc[key];
  // The fields in the schema's order, as a zod parse would give them, without loading zod for every check.
  return inFieldOrder(doc, DOCUMENT_ORDER);
}

/** `（2022年度）` or `2021年…绩效目标表` above a table when the document has no cover. */
function tableYear(items: Item[]): number | undefined {
  for (const item of items) {
    const texts = item.kind === "line" ? [item.line.text] : item.rows.slice(0, 4).flatMap((r) => r.cells);
    for (const t of texts) {
      const m = /^[（(]\s*(20\d{2})\s*年度?\s*[）)]$|(20\d{2})\s*年度?.{0,30}(?:绩效目标|申报表|批复表)|(?:目标表|申报表|批复表)[（(]\s*(20\d{2})\s*年度?\s*[）)]/.exec(squash(t));
      if (m) return Number(m[1] ?? m[2] ?? m[3]);
    }
  }
  return undefined;
}

function readProjects(items: Item[], bodyStart: number, head: DocumentHead): { projects: Project[]; sawHeader: boolean } {
  const projects: Project[] = [];
  // Projects whose own table had no indicator header: a warning unless a later table brought the rows.
  const headless = new Map<Project, FormRow | undefined>();
  let sawHeader = false;
  let before: Line[] = [];
  let seenLines = 0;
  for (const item of items) {
    if (item.kind === "line") {
      if (seenLines++ >= bodyStart) before.push(item.line);
      continue;
    }
    const region = takeHeading(before, head);
    let sharedNote = "";
    for (const table of parseTables(item.rows, region.moneyUnit)) {
      sawHeader ||= table.hasIndicatorHeader;
      const prev = projects[projects.length - 1];
      // A table that names no project of its own continues the previous one: the rest of its indicators after a
      // page break, or (prev has no rows yet) the rest of its head and its indicator table.
      const continues = table.hasHead ? !table.code && !table.name && prev?.indicators.length === 0 : true;
      // The same title over each part of one project's form (a copy repeating the page header) is no new project.
      const sameTitle = !region.tableTitle || (region.tableTitle === prev?.tableTitle && prev.indicators.length === 0);
      if (prev && continues && sameTitle && !hasFields(region.before) && (!table.hasIndicatorHeader || prev.indicators.length === 0)) {
        prev.indicators.push(...table.indicators);
        prev.goals.push(...table.goals);
        // A head split over several tables (our Markdown: head, spending plan, indicators).
        if (Object.values(prev.spendingPlan).every((v) => v === null)) prev.spendingPlan = table.spendingPlan;
        if (!prev.purpose) prev.purpose = table.purpose;
        for (const key of ["total", "fiscal", "other"] as const) prev.budget[key] ??= table.budget[key];
        if (table.warnings.length > 0) prev.importWarnings = [...(prev.importWarnings ?? []), ...table.warnings];
        if (table.notes.length > 0) prev.notes = [prev.notes, ...table.notes].filter(Boolean).join("\n");
        continue;
      }
      const narrative = readNarrative(region.before);
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
      if (region.tableTitle) project.tableTitle = region.tableTitle;
      if (narrative?.explanationTitle) project.explanationTitle = narrative.explanationTitle;
      if (narrative?.declaredCounts) project.declaredCounts = narrative.declaredCounts;
      if (table.notes.length > 0) project.notes = table.notes.join("\n");
      if (table.department) head.department ??= departmentOf(table.department);
      // The head above a table of projects side by side is theirs together: kept as a note on each, not
      // given to the first.
      if (table.sideBySide && !sharedNote) sharedNote = sharedHead(region.before, head);
      const shared = table.sideBySide ? sharedNote : "";
      if (shared) project.notes = [shared, project.notes].filter(Boolean).join("\n");
      const fieldWarnings = table.sideBySide ? [] : fillFromFieldLines(project, region.before, head);
      const warnings = [...fieldWarnings, ...strayLines(region.before, prev !== undefined), ...table.warnings];
      if (warnings.length > 0) project.importWarnings = warnings;
      if (!table.hasIndicatorHeader) headless.set(project, item.rows[0]);
      projects.push(project);
      region.before = [];
    }
    before = [];
  }
  for (const [project, first] of headless) {
    if (project.indicators.length > 0) continue;
    const warning = { line: first?.line ?? null, message: `${first?.where ?? "表格"}：表格没有“一级指标、二级指标、三级指标”表头，未读到绩效指标` };
    project.importWarnings = [...(project.importWarnings ?? []), warning];
  }
  const last = projects[projects.length - 1];
  if (last) {
    const trailing = strayLines(before, true);
    if (trailing.length > 0) last.importWarnings = [...(last.importWarnings ?? []), ...trailing];
  }
  return { projects, sawHeader };
}

/** The field lines above a table of projects side by side, as one note (`并列项目共用：项目名称：…；资金总额：…`). */
function sharedHead(before: Line[], head: DocumentHead): string {
  const fields = before.filter((l) => l.text && readFieldLine(l.text).length > 0);
  for (const line of fields) for (const hit of readFieldLine(line.text)) if (hit.kind === "department" && hit.value) head.department ??= departmentOf(hit.value);
  return fields.length > 0 ? `并列项目共用：${fields.map((l) => cleanCell(l.text)).join("；")}` : "";
}

/** Heading lines just above a table: …绩效目标表, the department line, 单位：万元. */
function takeHeading(region: Line[], head: DocumentHead): { before: Line[]; tableTitle?: string; moneyUnit?: "万元" | "元" | "亿元" } {
  let k = region.length - 1;
  let tableTitle: string | undefined;
  let moneyUnit: "万元" | "元" | "亿元" | undefined;
  for (; k >= 0; k--) {
    const t = region[k].text;
    if (!t) continue;
    const dept = DEPARTMENT.exec(t);
    const unit = UNIT.exec(squash(t));
    const unitName = /^(?:填报单位|单位名称|预算单位)(?:[（(]盖章[）)])?[:：]\s*(\S.*)$/.exec(t);
    if (unitName) head.department ??= { code: "", name: cleanCell(unitName[1]) };
    else if (unit) {
      // Amounts are read into 万元 (the Document's unit); the table's own unit converts them.
      moneyUnit ??= unit[1] as "万元" | "元" | "亿元";
      if (unit[1] === "万元") head.unit ??= unit[1];
    }
    else if (dept && !/[。；]/.test(t)) {
      // `105001 承德…本级　单位：万元` on one line (Word, PDF): the unit is no part of the name.
      const [code, name] = dept[1] ? [dept[1], dept[2]] : [dept[3], dept[4]];
      const withUnit = /^(.*?)\s*(?:金额)?单位[：:]\s*(万元|元|亿元)$/.exec(name);
      if (withUnit) head.unit ??= withUnit[2];
      head.department ??= { code, name: cleanCell(withUnit ? withUnit[1] : name) };
    }
    else if (/^[（(]\s*20\d{2}\s*年度?\s*[）)]$/.test(squash(t))) continue;
    else {
      if (/表$/.test(squash(t)) && t.length <= 160 && !isExplanationTitle(t)) {
        tableTitle = cleanCell(t);
        k--;
      }
      break;
    }
  }
  return { before: region.slice(0, k + 1), tableTitle, moneyUnit };
}

/**
 * A department as forms write it: `湘潭市城市管理和综合执法局 308001`, `820001-井研县马踏镇人民政府`,
 * `(433)乌海市供销合作社联合社(部门)`.
 */
export function departmentOf(text: string): { code: string; name: string } {
  const after = /^(.*?)\s*[（(]?(\d{3,})[）)]?$/.exec(text);
  if (after && after[1]) return { code: after[2], name: cleanCell(after[1]) };
  const before = /^[（(\[【]?(\d{3,})[）)\]】]?\s*[-－—]?\s*(\S.*)$/.exec(text);
  if (before) return { code: before[1], name: cleanCell(before[2]) };
  return { code: "", name: cleanCell(text) };
}

/** A line that looks like a lost table row: it carries a 一级/二级 label, a tab, or ends in a value. */
function looksTabular(text: string): boolean {
  if (/\t/.test(text)) return true;
  const tokens = text.split(/[\s\u3000]+/).filter(Boolean);
  if (tokens.some((t) => asLevel1(t) || asLevel2(t))) return true;
  return tokens.length >= 2 && tokens.length <= 8 && isValueText(tokens[tokens.length - 1]);
}

function hasFields(lines: Line[]): boolean {
  return lines.some((l) => readFieldLine(l.text).some((h) => h.kind === "name" || h.kind === "code"));
}

/**
 * Fields the table did not carry but the text above states as `项目名称：…` lines, or as a label line followed
 * by its value on the next line(s) (web copies, Word paragraphs): name, code, budget, purpose and goals.
 */
function fillFromFieldLines(project: Project, before: Line[], head: DocumentHead): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  const tableHasBudget = project.budget.total !== null || project.budget.fiscal !== null || project.budget.other !== null;
  const tableHasGoals = project.goals.length > 0;
  let pending: FieldHit | null = null;
  let fundsUnit: "万元" | "元" | "亿元" | null = null;
  let totalRead = false;
  const apply = (hit: FieldHit, line: Line) => {
    if (hit.kind === "fundsHeading") {
      fundsUnit = statedUnit(hit.label);
      return;
    }
    if (hit.kind === "ignore") return;
    if (hit.kind === "department" && hit.value) head.department ??= departmentOf(hit.value);
    else if (hit.kind === "name" && !project.name) project.name = hit.value;
    else if (hit.kind === "code" && !project.code) project.code = squash(hit.value);
    else if (hit.kind === "purpose" && !project.purpose) project.purpose = hit.value;
    else if (hit.kind === "goals" && !tableHasGoals) project.goals.push(...splitGoals(hit.value));
    else if ((hit.kind === "total" || hit.kind === "fiscal" || hit.kind === "other") && !tableHasBudget) {
      const unit = statedUnit(hit.label.replace(/^[^（(]*/, "")) ?? fundsUnit ?? "万元";
      const amount = parseAmount(hit.value, unit);
      // `资金总额：250 / 一、预算资金：250`: a second total under the first is its fiscal part.
      const field = hit.kind === "total" && totalRead ? "fiscal" : hit.kind;
      if (hit.kind === "total") totalRead = true;
      if (amount !== undefined) project.budget[field] = amount;
      else warnings.push({ line: line.no, message: `第${line.no}行：${hit.label}「${shorten(hit.value)}」不是金额，按空白处理` });
    }
  };
  for (const line of before) {
    if (!line.text) continue;
    const hits = readFieldLine(line.text);
    if (hits.length === 0) {
      if (!pending) continue;
      if (FOOTER_LABEL.test(line.text)) {
        pending = null;
        continue;
      }
      // `主管部门` | `及编码`: the label goes on over the next line; its value comes after.
      const longer = readFieldLine(pending.label + squash(line.text));
      if (longer.length === 1 && longer[0].kind === pending.kind && !longer[0].value) continue;
      if (pending.kind === "goals") {
        if (!tableHasGoals) project.goals.push(...splitGoals(line.text));
        continue; // goals may run over several lines
      }
      apply({ ...pending, value: cleanCell(line.text) }, line);
      pending = null;
      continue;
    }
    pending = null;
    for (const hit of hits) {
      // `总体目标年度目标`: two captions run together, the goals on the lines after.
      if (hit.kind === "goals" && readFieldLine(hit.value)[0]?.kind === "goals") hit.value = "";
      if (!hit.value && hit.kind !== "fundsHeading" && hit.kind !== "ignore") pending = hit;
      else apply(hit, line);
    }
  }
  // A notice that publishes one project's targets names it in its title (关于X绩效目标设定的公示).
  if (!project.name) {
    for (const line of before) {
      const m = /关于(.{2,60}?)绩效目标(?:设定|申报|批复|情况)?的(?:公示|公告|通知)/.exec(squash(line.text));
      if (m) {
        project.name = m[1];
        break;
      }
    }
  }
  // …and may state the goal in a sentence (`项目总体绩效目标是:增加特色产业产值80万元,…。`): that sentence.
  if (project.goals.length === 0) {
    for (const line of before) {
      const m = /(?:项目)?(?:总体|年度)?绩效目标(?:是|为)\s*[:：]\s*([^。]{4,300}。)/.exec(line.text);
      if (m) {
        project.goals.push(cleanCell(m[1]));
        break;
      }
    }
  }
  return warnings;
}

/**
 * Text between the previous table and this project's explanation is not part of any section: report it
 * instead of dropping it silently (a table row that lost its separators lands here).
 */
function strayLines(before: Line[], afterTable: boolean): ImportWarning[] {
  if (!afterTable) return [];
  const out: ImportWarning[] = [];
  for (const line of before) {
    if (!line.text) continue;
    const t = squash(line.text);
    if (isExplanationTitle(line.text) || /^第[一二三四五六七八九十]+部分/.test(t)) break;
    if (/^([（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+[、.．])/.test(t) || readFieldLine(line.text).length > 0) break;
    if (!looksTabular(line.text)) continue;
    out.push({ line: line.no, message: `第${line.no}行：表格之后的文字未导入：${shorten(line.text)}` });
  }
  return out;
}
