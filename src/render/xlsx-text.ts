// What Excel can hold in a cell. XML 1.0 forbids most control characters, U+FFFE/U+FFFF and lone
// surrogates: one of them makes the whole workbook ill-formed (Excel repairs it, jixiao cannot read it back),
// so they are removed and the removal reported. A cell holds at most 32,767 characters: a longer field is
// refused with its project and field named, since cutting it would lose what the person wrote.
import { InputError } from "../domain/errors.js";
import { MAX_XLSX_CELL_CHARS } from "../domain/limits.js";
import { projectRef } from "../domain/project.js";
import type { JixiaoDocument, Project } from "../domain/schema.js";
import type { Finding } from "../rules/types.js";

const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Where characters were removed: a path such as `项目“培训” indicators[2].value`, and how many. */
export interface Removal {
  where: string;
  count: number;
}

/** A copy of `value` with the XML-invalid characters of every string removed; each removal recorded. */
function cleanDeep<T>(value: T, where: string, removals: Removal[]): T {
  if (typeof value === "string") {
    const clean = value.replace(XML_INVALID, "");
    if (clean.length !== value.length) removals.push({ where, count: value.length - clean.length });
    return clean as T;
  }
  if (Array.isArray(value)) return value.map((v, i) => cleanDeep(v, `${where}[${i}]`, removals)) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = cleanDeep(v, where ? `${where}.${k}` : k, removals);
    return out as T;
  }
  return value;
}

/** The document and findings as Excel can hold them, and what was removed to get there. */
export function xlsxSafe(
  doc: JixiaoDocument,
  findings: Finding[] | undefined,
  department: JixiaoDocument["department"],
): {
  doc: JixiaoDocument;
  findings: Finding[] | undefined;
  department: JixiaoDocument["department"];
  removals: Removal[];
} {
  const removals: Removal[] = [];
  const { projects, ...meta } = doc;
  const clean: JixiaoDocument = {
    ...cleanDeep(meta, "", removals),
    projects: projects.map((p) => cleanDeep(p, `项目“${p.name.replace(XML_INVALID, "")}”`, removals)),
  };
  // The department line given apart is usually the document's own: counted once.
  const safeDepartment = department === doc.department ? clean.department : cleanDeep(department, "department", removals);
  clean.projects.forEach(refuseOverlongCells);
  // Findings quote the cells they are about; their texts are ours, so they are cut, not refused.
  const cut = (text: string) => (text.length > MAX_XLSX_CELL_CHARS ? `${text.slice(0, MAX_XLSX_CELL_CHARS - 1)}…` : text);
  const safeFindings = findings?.map((f) => {
    const c = cleanDeep(f, "", []);
    return { ...c, message: cut(c.message), hint: cut(c.hint) };
  });
  return { doc: clean, findings: safeFindings, department: safeDepartment, removals };
}

/** One line for the user: “已删除 Excel 不允许的字符 3 个：项目“培训” indicators[0].value 2 个，…”. */
export function removalsMessage(removals: Removal[]): string {
  const total = removals.reduce((n, r) => n + r.count, 0);
  const places = removals.slice(0, 5).map((r) => `${r.where} ${r.count} 个`);
  if (removals.length > 5) places.push(`另有 ${removals.length - 5} 处`);
  return `已删除 Excel 不允许的控制字符 ${total} 个（U+0000–U+001F、U+FFFE、U+FFFF 或不成对的代理项）：${places.join("，")}`;
}

/** The fields written into one cell of a project sheet or the flat sheet, with their labels. */
function cellTexts(p: Project): [string, string][] {
  const texts: [string, string][] = [
    ["项目编码", p.code],
    ["项目名称", p.name],
    ["资金用途", p.purpose],
    ["绩效目标", p.goals.join("\n")],
  ];
  p.indicators.forEach((ind, i) => {
    const row = `第${i + 1}行`;
    texts.push(
      [`${row}一级指标`, ind.level1], [`${row}二级指标`, ind.level2], [`${row}三级指标`, ind.name],
      [`${row}绩效指标描述`, ind.description], [`${row}指标值`, ind.value], [`${row}指标值确定依据`, ind.basis],
    );
  });
  return texts;
}

function refuseOverlongCells(p: Project): void {
  for (const [label, text] of cellTexts(p)) {
    if (typeof text === "string" && text.length > MAX_XLSX_CELL_CHARS) {
      throw new InputError(
        `项目“${p.name.slice(0, 40)}”（${projectRef(p).slice(0, 40)}）的${label}有 ${text.length.toLocaleString("en-US")} 个字符，超过 Excel 单元格上限 ` +
          `${MAX_XLSX_CELL_CHARS.toLocaleString("en-US")} 个字符，无法写入 Excel；请缩短后再导出（Markdown 和 HTML 不受此限）`,
      );
    }
  }
}
