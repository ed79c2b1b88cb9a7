// A saved web page as a SourceDocument, parsed by parse5 (the WHATWG parser browsers follow, so a page with
// unclosed <td>/<p> tags reads as a browser shows it). Every data table becomes a cell grid with its
// rowspan/colspan; the text around the tables becomes paragraph blocks, one per block element or <br> line.
// Government sites wrap the whole page in layout tables (a one-cell frame, a left menu column): a table
// counts as data only when it holds no table itself and has ≥2 rows and ≥2 columns with text; any other
// table is read through, its cells as ordinary blocks, so the form table nested inside is still found.
import { parse, type DefaultTreeAdapterTypes } from "parse5";
import type { CellGrid, GridCell, GridRow, SourceBlock, SourceDocument } from "../grid.js";

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** Content a reader of the page never sees as text. */
const DROPPED = new Set(["script", "style", "noscript", "template", "nav", "head", "select", "button", "svg", "iframe"]);

/** Elements that start a new line of prose (a paragraph block) before and after their content. */
const BLOCK = new Set([
  "p", "div", "section", "article", "main", "header", "footer", "aside", "h1", "h2", "h3", "h4", "h5", "h6",
  "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "form", "fieldset", "address", "figure",
  "figcaption", "caption", "center", "hr", "body", "html", "tr", "td", "th", "thead", "tbody", "tfoot",
]);

export function readHtml(text: string, name: string): SourceDocument {
  const reader = new PageReader();
  reader.walk(parse(text));
  reader.flush();
  return { name, blocks: reader.blocks, warnings: [] };
}

class PageReader {
  readonly blocks: SourceBlock[] = [];
  private line = "";
  private tables = 0;

  walk(node: Node): void {
    if (node.nodeName === "#text") {
      this.line += (node as DefaultTreeAdapterTypes.TextNode).value;
      return;
    }
    if (!("childNodes" in node)) return; // comments, doctype
    const tag = "tagName" in node ? node.tagName : "";
    if (DROPPED.has(tag)) return;
    if (tag === "br") return this.flush();
    if (tag === "table") return this.table(node as Element);
    const block = BLOCK.has(tag);
    if (block) this.flush();
    for (const child of childrenOf(node)) this.walk(child);
    if (block) this.flush();
  }

  /** End the current line of prose: one paragraph block per non-empty line. */
  flush(): void {
    const text = collapseSpaces(this.line);
    this.line = "";
    if (text) this.blocks.push({ kind: "paragraph", text });
  }

  private table(table: Element): void {
    const rows = rowsOf(table);
    const isData = !containsTable(table) && rows.filter((r) => filledCells(r) > 0).length >= 2 && Math.max(0, ...rows.map(filledCells)) >= 2;
    if (!isData) {
      // A layout frame: its cells are ordinary page content, read in order.
      this.flush();
      for (const child of childrenOf(table)) this.walk(child);
      this.flush();
      return;
    }
    this.flush();
    const index = ++this.tables;
    const grid: CellGrid = { rows: [], source: { ref: `表${index}` } };
    rows.forEach((tr, r) => {
      const row: GridRow = { cells: [], source: { ref: `表${index} 第${r + 1}行` } };
      cellsOf(tr).forEach((td, c) => {
        const cell: GridCell = { text: cellText(td), source: { ref: `表${index} 第${r + 1}行第${c + 1}列` } };
        const rowspan = spanAttr(td, "rowspan");
        const colspan = spanAttr(td, "colspan");
        if (rowspan > 1) cell.rowspan = rowspan;
        if (colspan > 1) cell.colspan = colspan;
        row.cells.push(cell);
      });
      grid.rows.push(row);
    });
    this.blocks.push({ kind: "table", grid });
  }
}

function childrenOf(node: Node): Node[] {
  if (node.nodeName === "template") return (node as DefaultTreeAdapterTypes.Template).content.childNodes;
  return "childNodes" in node ? node.childNodes : [];
}

function isElement(node: Node, ...tags: string[]): node is Element {
  return "tagName" in node && tags.includes(node.tagName);
}

/** The table's own rows (directly or under thead/tbody/tfoot), not those of a table nested in a cell. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.childNodes) {
    if (isElement(child, "tr")) rows.push(child);
    else if (isElement(child, "thead", "tbody", "tfoot")) rows.push(...child.childNodes.filter((n): n is Element => isElement(n, "tr")));
  }
  return rows;
}

function cellsOf(tr: Element): Element[] {
  return tr.childNodes.filter((n): n is Element => isElement(n, "td", "th"));
}

function filledCells(tr: Element): number {
  return cellsOf(tr).filter((td) => cellText(td) !== "").length;
}

function containsTable(node: Node): boolean {
  return childrenOf(node).some((child) => isElement(child, "table") || containsTable(child));
}

function spanAttr(td: Element, attr: "rowspan" | "colspan"): number {
  const raw = td.attrs.find((a) => a.name === attr)?.value;
  const n = Number.parseInt(raw ?? "1", 10);
  // Browsers clamp spans the same way (rowspan ≤ 65534, colspan ≤ 1000); 0 or junk means 1 here.
  return Number.isFinite(n) && n > 1 ? Math.min(n, attr === "rowspan" ? 65534 : 1000) : 1;
}

/** A cell's text: lines from <br> and block children kept as "\n", spaces collapsed within a line. */
function cellText(td: Element): string {
  const lines: string[] = [""];
  const visit = (node: Node): void => {
    if (node.nodeName === "#text") {
      lines[lines.length - 1] += (node as DefaultTreeAdapterTypes.TextNode).value;
      return;
    }
    const tag = "tagName" in node ? node.tagName : "";
    if (DROPPED.has(tag)) return;
    if (tag === "br") {
      lines.push("");
      return;
    }
    const block = BLOCK.has(tag) || tag === "table";
    if (block) lines.push("");
    for (const child of childrenOf(node)) visit(child);
    if (block) lines.push("");
  };
  for (const child of td.childNodes) visit(child);
  return lines.map(collapseSpaces).filter(Boolean).join("\n");
}

/** HTML whitespace rules: any run of spaces, tabs, newlines or no-break spaces shows as one space. */
function collapseSpaces(text: string): string {
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}
