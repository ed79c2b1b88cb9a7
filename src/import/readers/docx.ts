// A Word document (.docx) as a SourceDocument: the body's paragraphs and tables in reading order, read
// straight from the OOXML (jszip for the package, a small XML scanner for word/document.xml — see parseXml).
//
// Why not mammoth: mammoth converts to HTML for display — it drops empty cells' positions, flattens
// w:vMerge into repeated or missing cells depending on version, and would add a dependency with its own
// zip and XML stack; a 绩效目标表 needs exactly the merge structure (gridSpan → colspan, vMerge → rowspan)
// and the paragraph order, which the OOXML states directly in ~250 lines. jszip already comes with exceljs.
//
// Safety: the zip's central directory is read first (sizes as declared, encryption flag), so a zip bomb or
// an encrypted package is refused before anything is inflated; inflating is streamed and stopped at the
// same limit in case the declared size lies.
import JSZip from "jszip";
import { InputError } from "../../domain/errors.js";
import type { CellGrid, GridCell, GridRow, SourceBlock, SourceDocument } from "../grid.js";
import { centralDirectory, inflateLimited, megabytes } from "./zip.js";

/** Largest word/document.xml read (a 100-page 绩效文本 with all its tables is ~2 MB of XML). */
export const MAX_DOCUMENT_XML_BYTES = 50 * 1024 * 1024;

const DOCUMENT_XML = "word/document.xml";
/** An OLE compound file: a password-protected .docx (Office wraps it) or a legacy .doc. */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export async function readDocx(buffer: Buffer, name: string): Promise<SourceDocument> {
  if (buffer.subarray(0, 8).equals(OLE_MAGIC)) {
    throw new InputError(`${name}：是加密的 Word 文件或旧版 .doc 格式，无法读取（请取消密码保护，或在 Word 中另存为 .docx 后再导入）`);
  }
  if (!buffer.subarray(0, 4).equals(ZIP_MAGIC)) throw new InputError(`${name}：不是 Word 文件（.docx），文件已损坏或格式不符`);
  const entry = centralDirectory(buffer, name, "Word 文件").get(DOCUMENT_XML);
  if (!entry) throw new InputError(`${name}：是压缩包，但不是 Word 文档（缺少 ${DOCUMENT_XML}）`);
  if (entry.encrypted) throw new InputError(`${name}：Word 文件已加密，无法读取（请取消密码保护后再导入）`);
  if (entry.uncompressedSize > MAX_DOCUMENT_XML_BYTES) throw tooLarge(name, entry.uncompressedSize);

  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch {
    throw new InputError(`${name}：Word 文件已损坏，无法解压`);
  }
  const xml = await inflateLimited(
    zip.file(DOCUMENT_XML)!,
    MAX_DOCUMENT_XML_BYTES,
    (bytes) => tooLarge(name, bytes),
    () => new InputError(`${name}：Word 文件已损坏，无法解压 ${DOCUMENT_XML}`),
  );
  return { name, blocks: readBody(xml, name), warnings: [] };
}

// ---- the package ----

function tooLarge(name: string, bytes: number): InputError {
  return new InputError(`${name}：Word 正文（${DOCUMENT_XML}）解压后为 ${megabytes(bytes)}，超过上限 ${megabytes(MAX_DOCUMENT_XML_BYTES)}，拒绝读取（可能是压缩炸弹或损坏的文件）`);
}

// ---- the body ----

/** An element of document.xml (or a text node, tag "#text"), children in document order. */
interface XmlNode {
  tag: string;
  /** The attributes as written; parsed only when asked for (most elements' are never read). */
  rawAttrs: string;
  children: XmlNode[];
  text?: string;
}

const tagOf = (node: XmlNode): string => node.tag;
const childrenOf = (node: XmlNode): XmlNode[] => node.children;
function attr(node: XmlNode, name: string): string | undefined {
  for (const a of node.rawAttrs.matchAll(ATTRIBUTE)) if (a[1] === name) return decodeEntities(a[2] ?? a[3] ?? "");
  return undefined;
}
const child = (node: XmlNode, tag: string): XmlNode | undefined => node.children.find((c) => c.tag === tag);

const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<[?!][^>]*>|<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|(<)/g;
const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (_, dec, hex, name) => (name ? NAMED[name] : String.fromCodePoint(Number.parseInt(dec ?? hex, dec ? 10 : 16))));
}

/**
 * The XML of a Word part as a tree. A purpose-built scanner rather than a general parser: document.xml is
 * machine-written XML without a DTD, and fast-xml-parser 5 (preserveOrder, attributes) takes 250–500 ms on
 * the seed's 730 KB document.xml here, this ~15 ms. Malformed markup (a stray "<", unbalanced tags) throws.
 */
function parseXml(xml: string): XmlNode {
  const root: XmlNode = { tag: "#root", rawAttrs: "", children: [] };
  const open: XmlNode[] = [root];
  /** Inside a formatting subtree nothing is kept; only the nesting is followed. */
  let skipped: string[] = [];
  for (const m of xml.matchAll(TOKEN)) {
    const [, cdata, closing, tag, rawAttrs, selfClosing, text, stray] = m;
    if (stray) throw new Error("malformed XML");
    if (skipped.length > 0) {
      if (tag && closing) {
        if (skipped.pop() !== tag) throw new Error(`unbalanced </${tag}>`);
      } else if (tag && !selfClosing) skipped.push(tag);
      continue;
    }
    const parent = open[open.length - 1];
    if (text !== undefined || cdata !== undefined) {
      parent.children.push({ tag: "#text", rawAttrs: "", children: [], text: cdata ?? decodeEntities(text) });
    } else if (tag && closing) {
      if (parent.tag !== tag) throw new Error(`unbalanced </${tag}>`);
      open.pop();
    } else if (tag) {
      if (FORMATTING.has(tag)) {
        if (!selfClosing) skipped = [tag];
        continue;
      }
      const node: XmlNode = { tag, rawAttrs: rawAttrs ?? "", children: [] };
      parent.children.push(node);
      if (!selfClosing) open.push(node);
    }
  }
  if (open.length !== 1 || skipped.length > 0) throw new Error("unclosed elements");
  return root;
}

/** Subtrees that only format (fonts, spacing, borders): the bulk of document.xml, never read here. */
const FORMATTING = new Set(["w:rPr", "w:pPr", "w:tblPr", "w:tblGrid", "w:tcBorders", "w:shd", "w:tcMar", "w:sectPr", "w:tblPrEx"]);

function readBody(xml: string, name: string): SourceBlock[] {
  let tree: XmlNode[];
  try {
    tree = parseXml(xml).children;
  } catch {
    throw new InputError(`${name}：Word 正文（${DOCUMENT_XML}）不是有效的 XML，文件已损坏`);
  }
  const document = tree.find((n) => tagOf(n) === "w:document");
  const body = document && child(document, "w:body");
  if (!body) throw new InputError(`${name}：Word 正文缺少 w:body，文件已损坏`);

  const blocks: SourceBlock[] = [];
  let paragraphs = 0;
  let tables = 0;
  const visit = (nodes: XmlNode[]): void => {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === "w:p") {
        paragraphs++;
        // A manual line break inside a paragraph starts a new line of prose.
        for (const line of paragraphText(node).split("\n")) {
          const text = line.trim();
          if (text) blocks.push({ kind: "paragraph", text, source: { ref: `第${paragraphs}段` } });
        }
      } else if (tag === "w:tbl") {
        blocks.push({ kind: "table", grid: readTable(node, ++tables) });
      } else if (tag === "w:sdt") {
        // A content control (Word's forms and tables of contents) wraps ordinary body content.
        const content = child(node, "w:sdtContent");
        if (content) visit(childrenOf(content));
      } else if (tag === "w:customXml" || tag === "w:ins" || tag === "w:smartTag") {
        visit(childrenOf(node));
      }
    }
  };
  visit(childrenOf(body));
  return blocks;
}

/** Elements whose content is never shown text: properties, deleted text, field codes, a duplicate fallback. */
const NOT_TEXT = new Set(["w:pPr", "w:rPr", "w:tblPr", "w:tcPr", "w:trPr", "w:sectPr", "w:del", "w:delText", "w:instrText", "mc:Fallback", "w:footnoteReference", "w:endnoteReference"]);

/** The shown text of a paragraph (or any run container): runs' w:t, w:tab → "\t", w:br/w:cr → "\n". */
function paragraphText(node: XmlNode): string {
  let text = "";
  const visit = (n: XmlNode): void => {
    const tag = tagOf(n);
    if (NOT_TEXT.has(tag)) return;
    if (tag === "#text") {
      text += n.text ?? "";
      return;
    }
    if (tag === "w:tab" || tag === "w:ptab") text += "\t";
    else if (tag === "w:br" || tag === "w:cr") text += "\n";
    else if (tag === "w:noBreakHyphen") text += "-";
    else for (const c of childrenOf(n)) if (tag === "w:t" || tagOf(c) !== "#text") visit(c);
  };
  visit(node);
  return text;
}

/** A w:tbl as a grid: w:gridSpan → colspan; a w:vMerge run (restart, then continue) → one cell with rowspan. */
function readTable(tbl: XmlNode, index: number): CellGrid {
  const grid: CellGrid = { rows: [], source: { ref: `表${index}` } };
  /** The cell that starts a vertical merge, by the grid column it starts at. */
  const openMerges = new Map<number, GridCell>();
  rowsOf(tbl).forEach((tr, r) => {
    const row: GridRow = { cells: [], source: { ref: `表${index} 第${r + 1}行` } };
    let column = 0;
    const trPr = child(tr, "w:trPr");
    const gridBefore = trPr && child(trPr, "w:gridBefore");
    const before = Number((gridBefore && attr(gridBefore, "w:val")) ?? 0);
    if (before > 0) {
      // Leading grid columns the row skips: an empty cell keeps the others in their columns.
      row.cells.push({ text: "", colspan: before });
      column += before;
    }
    for (const tc of cellsOf(tr)) {
      const tcPr = child(tc, "w:tcPr");
      const gridSpan = tcPr && child(tcPr, "w:gridSpan");
      const span = Math.max(1, Number((gridSpan && attr(gridSpan, "w:val")) ?? 1) || 1);
      const vMerge = tcPr && child(tcPr, "w:vMerge");
      const mergeKind = vMerge ? (attr(vMerge, "w:val") ?? "continue") : undefined;
      const above = openMerges.get(column);
      if (mergeKind === "continue" && above) {
        // A covered position: the merged cell above grows, this one is absent from the row.
        above.rowspan = (above.rowspan ?? 1) + 1;
      } else {
        const cell: GridCell = { text: cellText(tc), source: { ref: `表${index} 第${r + 1}行第${row.cells.length + 1}列` } };
        if (span > 1) cell.colspan = span;
        row.cells.push(cell);
        if (mergeKind === "restart") openMerges.set(column, cell);
        else openMerges.delete(column);
      }
      column += span;
    }
    grid.rows.push(row);
  });
  return grid;
}

function rowsOf(tbl: XmlNode): XmlNode[] {
  return childrenOf(tbl).flatMap((n) => {
    const tag = tagOf(n);
    if (tag === "w:tr") return [n];
    if (tag === "w:sdt" || tag === "w:customXml") return rowsOf(child(n, "w:sdtContent") ?? n);
    return [];
  });
}

function cellsOf(tr: XmlNode): XmlNode[] {
  return childrenOf(tr).flatMap((n) => {
    const tag = tagOf(n);
    if (tag === "w:tc") return [n];
    if (tag === "w:sdt" || tag === "w:customXml") return cellsOf(child(n, "w:sdtContent") ?? n);
    return [];
  });
}

/** A cell's paragraphs joined by "\n" (empty ones dropped); a table nested in the cell as tab-separated lines. */
function cellText(tc: XmlNode): string {
  const lines: string[] = [];
  for (const n of childrenOf(tc)) {
    const tag = tagOf(n);
    if (tag === "w:p") lines.push(...paragraphText(n).split("\n"));
    else if (tag === "w:tbl") for (const tr of rowsOf(n)) lines.push(cellsOf(tr).map((c) => cellText(c).replace(/\n/g, " ")).join("\t"));
    else if (tag === "w:sdt") {
      const content = child(n, "w:sdtContent");
      if (content) lines.push(cellText(content));
    }
  }
  return lines.map((l) => l.trim()).filter(Boolean).join("\n");
}
