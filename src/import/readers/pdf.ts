// A PDF as a SourceDocument, read with PDF.js (loaded by pdfjs.ts).
//
// A PDF has no tables, only glyphs and strokes. Per page: text items with their coordinates; the ruling
// lines of the page's tables (stroked lines and the thin filled rectangles browsers draw borders with,
// from the operator list, with the transformation matrix followed); connected rulings → a table region;
// its distinct vertical / horizontal rule positions → column / row boundaries; a missing rule between two
// slots → a merged cell (colspan / rowspan); the glyphs inside a cell, wrapped over several lines, joined.
// Text outside tables becomes paragraph lines. Across pages: lines repeated in the page margins (running
// headers, "第 3 页", "- 3 -") are dropped; a table at the top of a page with the same outer edges as the
// table that ended the page before continues it (a repeated header row dropped, a merged cell or a whole row
// cut by the page break joined again). Works on what Word, WPS, LibreOffice and Chromium write.
import { InputError } from "../../domain/errors.js";
import { headerColumns } from "../../domain/columns.js";
import type { CellGrid, GridCell, GridRow, SourceBlock, SourceDocument } from "../grid.js";
import { loadPdfjs, withSyncInflate, type OperatorList, type PdfDocument, type Pdfjs, type TextItem } from "./pdfjs.js";

/** Largest PDF read, in bytes and in pages (a 绩效文本 of a whole department is ~100 pages, a few MB). */
export const MAX_PDF_BYTES = 50 * 1024 * 1024;
export const MAX_PDF_PAGES = 500;

/** Points within which two rule positions are the same boundary (borders are drawn 0.5–1.5 pt wide). */
const RULE_TOLERANCE = 2;

export async function readPdf(buffer: Buffer, name: string): Promise<SourceDocument> {
  if (buffer.length > MAX_PDF_BYTES) {
    throw new InputError(`${name}：PDF 文件 ${mb(buffer.length)}，超过上限 ${mb(MAX_PDF_BYTES)}，拒绝读取`);
  }
  if (!buffer.subarray(0, 1024).includes("%PDF-")) throw new InputError(`${name}：不是 PDF 文件（缺少 %PDF- 文件头）`);
  const pdfjs = await loadPdfjs();
  return withSyncInflate(() => readDocument(pdfjs, buffer, name));
}

async function readDocument(pdfjs: Pdfjs, buffer: Buffer, name: string): Promise<SourceDocument> {
  let doc: PdfDocument;
  try {
    doc = await pdfjs.open(new Uint8Array(buffer));
  } catch (e) {
    if ((e as Error)?.name === "PasswordException") throw new InputError(`${name}：PDF 已加密（需要密码才能打开），无法读取，请提供未加密的文件`);
    throw new InputError(`${name}：PDF 文件已损坏或格式不符，无法读取`);
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) throw new InputError(`${name}：PDF 共 ${doc.numPages} 页，超过上限 ${MAX_PDF_PAGES} 页，拒绝读取`);
    const pages: Page[] = [];
    for (let n = 1; n <= doc.numPages; n++) pages.push(await readPage(doc, n, pdfjs.OPS));
    if (pages.every((p) => p.glyphs === 0)) {
      throw new InputError(`${name}：扫描件，没有文字层，无法读取（请提供可复制文字的 PDF 或原始 Word/Excel 文件）`);
    }
    const warnings = pages.filter((p) => p.glyphs === 0).map((p) => ({ line: null, message: `${name} 第 ${p.number} 页：没有文字层（扫描页？），未读取` }));
    return { name, blocks: assemble(pages), warnings };
  } finally {
    await doc.destroy();
  }
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

// ---- one page: glyph runs, rulings, tables, prose lines ----

/** A text item: a run of glyphs on one baseline. y grows upwards (PDF user space). */
interface Run {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}
interface Segment {
  /** y of a horizontal rule, x of a vertical one. */
  at: number;
  from: number;
  to: number;
}
interface Line {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** Pieces of the line apart by a gap wider than a character: the cells of a table drawn without rules. */
  pieces: { text: string; x0: number; x1: number }[];
}
interface TableCell {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  text: string;
  page: number;
  /** The cell's last line is full (see `flowing`): its text may go on, in a row the page break cut. */
  flowing: boolean;
}
interface Table {
  /** Column boundaries, left to right. */
  xs: number[];
  /** Row boundaries, top to bottom. */
  ys: number[];
  cells: TableCell[];
  rows: number;
  page: number;
}
type PageBlock = { top: number; line: Line; table?: undefined } | { top: number; table: Table; line?: undefined };
interface Page {
  number: number;
  height: number;
  glyphs: number;
  blocks: PageBlock[];
}

async function readPage(doc: PdfDocument, number: number, OPS: Record<string, number>): Promise<Page> {
  const page = await doc.getPage(number);
  const [, y0, , y1] = page.view;
  const runs = textRuns(await page.getTextContent());
  // A page without text (a scan) has no cells to place: its drawing, images decoded and all, is not read.
  const rules = runs.length > 0 ? rulings(await page.getOperatorList(), OPS) : { h: [], v: [] };
  page.cleanup();

  const blocks: PageBlock[] = [];
  let free = runs;
  for (const region of tableRegions(rules)) {
    const inside = (r: Run) => {
      const cx = r.x + r.width / 2;
      const cy = r.y + r.size * 0.35;
      return cx >= region.x0 - 1 && cx <= region.x1 + 1 && cy >= region.y0 - 1 && cy <= region.y1 + 1;
    };
    const tables = buildTables(region, free.filter(inside), number);
    if (tables.length === 0) continue;
    free = free.filter((r) => !inside(r));
    for (const table of tables) blocks.push({ top: table.ys[0], table });
  }
  for (const line of toLines(free)) blocks.push({ top: line.y + line.size, line });
  blocks.sort((a, b) => b.top - a.top);
  return { number, height: y1 - y0, glyphs: runs.length, blocks };
}

function textRuns(content: { items: TextItem[] }): Run[] {
  const runs: Run[] = [];
  for (const item of content.items) {
    if (!item.str || !item.transform || !item.str.trim()) continue;
    const [a, b, , d, e, f] = item.transform;
    const size = Math.hypot(a, b) || Math.abs(d) || item.height || 10;
    runs.push({ text: unifyIdeographs(item.str), x: e, y: f, width: item.width ?? 0, size });
  }
  return runs;
}

/**
 * Chromium (Skia) writes the text of Noto CJK glyphs shared by several code points under the lowest one: a
 * Kangxi radical (⾼ U+2F7C for 高, ⽬ for 目 — NFKC maps these back), a CJK radical supplement form (⻓ for
 * 长, ⺠ for 民 — no normalization covers them) or a traditional twin (⼾ U+2F3E, which NFKC makes 戶, for 户). Copied text would not
 * match the document's words, so these are mapped to the characters a simplified-Chinese text means.
 */
const SHARED_GLYPHS: Record<string, string> = {
  "⺁": "厂", "⺇": "几", "⺠": "民", "⺟": "母", "⺬": "示", "⺮": "竹", "⻅": "见", "⻆": "角", "⻈": "讠", "⻉": "贝",
  "⻋": "车", "⻐": "钅", "⻓": "长", "⻔": "门", "⻘": "青", "⻙": "韦", "⻚": "页", "⻛": "风", "⻜": "飞", "⻝": "食",
  "⻠": "饣", "⻢": "马", "⻣": "骨", "⻤": "鬼", "⻥": "鱼", "⻦": "鸟", "⻧": "卤", "⻨": "麦", "⻩": "黄", "⻪": "黾",
  "⻬": "齐", "⻮": "齿", "⻰": "龙", "⻳": "龟", 戶: "户",
};

function unifyIdeographs(text: string): string {
  return text.replace(/[\u2e80-\u2fdf戶]/g, (c) => {
    const unified = c.normalize("NFKC");
    return SHARED_GLYPHS[unified] ?? unified;
  });
}

/** Stroked and thin filled axis-aligned segments in page space: the ruling lines of tables. */
function rulings(ops: OperatorList, OPS: Record<string, number>): { h: Segment[]; v: Segment[] } {
  const h: Segment[] = [];
  const v: Segment[] = [];
  const stack: number[][] = [];
  let ctm = [1, 0, 0, 1, 0, 0];
  const strokes = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fills = new Set([OPS.fill, OPS.eoFill]);
  const apply = (x: number, y: number): [number, number] => [ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]];
  const add = (ax: number, ay: number, bx: number, by: number) => {
    if (Math.abs(ay - by) <= 0.5 && Math.abs(ax - bx) > 1) h.push({ at: (ay + by) / 2, from: Math.min(ax, bx), to: Math.max(ax, bx) });
    else if (Math.abs(ax - bx) <= 0.5 && Math.abs(ay - by) > 1) v.push({ at: (ax + bx) / 2, from: Math.min(ay, by), to: Math.max(ay, by) });
  };
  ops.fnArray.forEach((fn, i) => {
    const args = ops.argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.transform) ctm = multiply(ctm, args as number[]);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args?.[0])) ctm = multiply(ctm, args[0] as number[]);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.constructPath) {
      const paint = args[0] as number;
      const stroke = strokes.has(paint);
      if (!stroke && !fills.has(paint)) return; // clipping paths, endPath
      for (const points of subpaths(args[1])) {
        const page = points.map(([x, y]) => apply(x, y));
        if (stroke) {
          for (let k = 1; k < page.length; k++) add(page[k - 1][0], page[k - 1][1], page[k][0], page[k][1]);
        } else {
          // A filled shape is a rule only when it is a thin bar; wider fills are cell backgrounds.
          const xs = page.map((p) => p[0]);
          const ys = page.map((p) => p[1]);
          const w = Math.max(...xs) - Math.min(...xs);
          const hgt = Math.max(...ys) - Math.min(...ys);
          const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
          const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
          if (hgt <= 2.5 && w >= 4) add(Math.min(...xs), cy, Math.max(...xs), cy);
          else if (w <= 2.5 && hgt >= 4) add(cx, Math.min(...ys), cx, Math.max(...ys));
        }
      }
    }
  });
  return { h, v };
}

function multiply(m: number[], t: number[]): number[] {
  // PDF's `cm`: the new matrix is t × m (t applied first).
  return [
    t[0] * m[0] + t[1] * m[2],
    t[0] * m[1] + t[1] * m[3],
    t[2] * m[0] + t[3] * m[2],
    t[2] * m[1] + t[3] * m[3],
    t[4] * m[0] + t[5] * m[2] + m[4],
    t[4] * m[1] + t[5] * m[3] + m[5],
  ];
}

/** PDF.js 5 path data: [op, x, y, …] with moveTo 0, lineTo 1, curveTo 2 (6 numbers), quadratic 3 (4), close 4. */
function subpaths(raw: unknown): [number, number][][] {
  const data = (Array.isArray(raw) ? raw[0] : raw) as ArrayLike<number> | undefined;
  const paths: [number, number][][] = [];
  if (!data || typeof data.length !== "number") return paths;
  let current: [number, number][] = [];
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === 0) {
      if (current.length > 1) paths.push(current);
      current = [[data[i], data[i + 1]]];
      i += 2;
    } else if (op === 1) {
      current.push([data[i], data[i + 1]]);
      i += 2;
    } else if (op === 2) {
      current.push([data[i + 4], data[i + 5]]);
      i += 6;
    } else if (op === 3) {
      current.push([data[i + 2], data[i + 3]]);
      i += 4;
    } else if (op === 4) {
      if (current.length > 0) current.push(current[0]);
    } else break; // unknown op: stop rather than misread the rest
  }
  if (current.length > 1) paths.push(current);
  return paths;
}

interface Region {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  h: Segment[];
  v: Segment[];
}

/** Rulings that touch each other form one table region (union-find over crossing horizontal/vertical rules). */
function tableRegions(rules: { h: Segment[]; v: Segment[] }): Region[] {
  const h = mergeCollinear(rules.h);
  const v = mergeCollinear(rules.v);
  const parent = [...h, ...v].map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const t = RULE_TOLERANCE;
  h.forEach((hs, i) =>
    v.forEach((vs, j) => {
      if (vs.at >= hs.from - t && vs.at <= hs.to + t && hs.at >= vs.from - t && hs.at <= vs.to + t) parent[find(i)] = find(h.length + j);
    }),
  );
  const groups = new Map<number, Region>();
  const regionOf = (i: number) => {
    const root = find(i);
    let region = groups.get(root);
    if (!region) groups.set(root, (region = { x0: Infinity, x1: -Infinity, y0: Infinity, y1: -Infinity, h: [], v: [] }));
    return region;
  };
  h.forEach((s, i) => {
    const r = regionOf(i);
    r.h.push(s);
    r.x0 = Math.min(r.x0, s.from);
    r.x1 = Math.max(r.x1, s.to);
    r.y0 = Math.min(r.y0, s.at);
    r.y1 = Math.max(r.y1, s.at);
  });
  v.forEach((s, j) => {
    const r = regionOf(h.length + j);
    r.v.push(s);
    r.x0 = Math.min(r.x0, s.at);
    r.x1 = Math.max(r.x1, s.at);
    r.y0 = Math.min(r.y0, s.from);
    r.y1 = Math.max(r.y1, s.to);
  });
  return [...groups.values()].filter((r) => r.h.length >= 2 && r.v.length >= 2);
}

/** Join rules on the same line that touch or overlap (one border drawn cell by cell). */
function mergeCollinear(segments: Segment[]): Segment[] {
  const sorted = [...segments].sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Segment[] = [];
  for (const s of sorted) {
    const last = out.find((o) => Math.abs(o.at - s.at) <= RULE_TOLERANCE && s.from <= o.to + RULE_TOLERANCE && s.to >= o.from - RULE_TOLERANCE);
    if (last) {
      last.from = Math.min(last.from, s.from);
      last.to = Math.max(last.to, s.to);
    } else out.push({ ...s });
  }
  return out;
}

/** Distinct positions, nearby ones merged to their mean. */
function boundaries(positions: number[]): number[] {
  const sorted = [...positions].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const p of sorted) {
    const g = groups[groups.length - 1];
    if (g && p - g[g.length - 1] <= RULE_TOLERANCE) g.push(p);
    else groups.push([p]);
  }
  return groups.map((g) => g.reduce((s, x) => s + x, 0) / g.length);
}

const covers = (s: Segment, at: number, mid: number) => Math.abs(s.at - at) <= RULE_TOLERANCE && s.from <= mid + 1 && s.to >= mid - 1;

/**
 * A region's tables. Two tables drawn edge to edge (a header block directly above the indicator table, as
 * LibreOffice lays out consecutive tables) share their rulings; they are told apart where the inner column
 * rules of the row above and the row below have no position in common.
 */
function buildTables(region: Region, runs: Run[], page: number): Table[] {
  const allXs = boundaries(region.v.map((s) => s.at));
  const ys = withoutStrayRules(boundaries([...region.h.map((s) => s.at), ...openEnds(region)]).reverse(), allXs, region, runs);
  const inner = (band: number) => {
    const mid = (ys[band] + ys[band + 1]) / 2;
    return allXs.slice(1, -1).filter((x) => region.v.some((s) => covers(s, x, mid)));
  };
  const tables: Table[] = [];
  let start = 0;
  for (let band = 1; band <= ys.length - 1; band++) {
    const split = band < ys.length - 1 && (() => {
      const above = inner(band - 1);
      const below = inner(band);
      return above.length > 0 && below.length > 0 && !above.some((x) => below.some((y) => Math.abs(x - y) <= RULE_TOLERANCE));
    })();
    if (band === ys.length - 1 || split) {
      const table = buildTable(region, ys.slice(start, band + 1), runs, page);
      if (table) tables.push(table);
      start = band;
    }
  }
  return tables;
}

/**
 * Row boundaries less the stray ones: a rule drawn across some columns only, with no text on either side of
 * it in any of them, divides nothing a reader could see. Chromium draws one where a merged cell cut by a page
 * break has its bottom border misplaced on the next page (a band's height too low, inside an empty slot).
 */
function withoutStrayRules(ys: number[], xs: number[], region: Region, runs: Run[]): number[] {
  const holdsText = (x0: number, x1: number, top: number, bottom: number) => runs.some((r) => inBox(r, x0, x1, top, bottom));
  const kept = [ys[0]];
  for (let i = 1; i < ys.length - 1; i++) {
    const columns = xs.slice(1).map((x1, k) => [xs[k], x1]).filter(([x0, x1]) => region.h.some((s) => covers(s, ys[i], (x0 + x1) / 2)));
    const stray = columns.length < xs.length - 1 && columns.every(([x0, x1]) => !holdsText(x0, x1, kept[kept.length - 1], ys[i]) && !holdsText(x0, x1, ys[i], ys[i + 1]));
    if (!stray) kept.push(ys[i]);
  }
  if (ys.length > 1) kept.push(ys[ys.length - 1]);
  return kept;
}

/** A run belongs to the box its centre (a third of a glyph above the baseline) is in. */
function inBox(run: Run, x0: number, x1: number, top: number, bottom: number): boolean {
  const cx = run.x + run.width / 2;
  const cy = run.y + run.size * 0.35;
  return cx >= x0 && cx < x1 && cy <= top && cy > bottom;
}

/** How far past its first or last rule a table's columns must run to hold a row of its own (a line of text is ~10 pt). */
const OPEN_ROW_MIN = 6;

/**
 * Where a table's columns run on past its first or last horizontal rule: a row the page break cut, whose
 * closing border a browser does not draw (Chromium leaves the cut edge open at the foot of one page and
 * the head of the next). The columns' ends close it.
 */
function openEnds(region: Region): number[] {
  const ruled = region.h.map((s) => s.at);
  const lowest = Math.min(...ruled);
  const highest = Math.max(...ruled);
  const below = region.v.filter((s) => s.from < lowest - OPEN_ROW_MIN).map((s) => s.from);
  const above = region.v.filter((s) => s.to > highest + OPEN_ROW_MIN).map((s) => s.to);
  return [...(below.length >= 2 ? [Math.min(...below)] : []), ...(above.length >= 2 ? [Math.max(...above)] : [])];
}

/** Cells of the rows between the row boundaries ys: slots between rules, merged where a rule is missing. */
function buildTable(region: Region, ys: number[], runs: Run[], page: number): Table | undefined {
  const bandMids = ys.slice(1).map((y, i) => (ys[i] + y) / 2);
  const xs = boundaries(region.v.filter((s) => bandMids.some((mid) => s.from <= mid + 1 && s.to >= mid - 1)).map((s) => s.at));
  if (xs.length < 2 || ys.length < 2 || (xs.length === 2 && ys.length === 2)) return undefined; // a frame, not a table
  const nRows = ys.length - 1;
  const nCols = xs.length - 1;
  const ruleRight = (col: number, row: number) => region.v.some((s) => covers(s, xs[col + 1], bandMids[row]));
  const drawnBelow = (row: number, col: number) => region.h.some((s) => covers(s, ys[row + 1], (xs[col] + xs[col + 1]) / 2));
  const runsIn = (col: number, end: number, row: number, bottom: number) => runs.filter((r) => inBox(r, xs[col], xs[end], ys[row], ys[bottom]));
  // LibreOffice can leave the last slot of a merged label cell undrawn — no outer border beside it, the rule
  // above it drawn, none below — so by its rules the slot would join the label cell underneath. An empty
  // slot at the table's edge whose outer border is missing where the rest of that edge has one belongs to
  // the cell above it.
  const edgeDrawn = (x: number) => bandMids.map((mid) => region.v.some((s) => covers(s, x, mid)));
  const edges = new Map([[0, edgeDrawn(xs[0])], [nCols - 1, edgeDrawn(xs[nCols])]]);
  const undrawn = (row: number, col: number) => {
    const edge = edges.get(col);
    if (!edge || edge[row] || row === 0 || edge.filter(Boolean).length * 2 < edge.length) return false;
    return runsIn(col, col + 1, row, row + 1).length === 0;
  };
  const ruleBelow = (row: number, col: number) => (row + 1 < nRows && undrawn(row + 1, col) ? false : undrawn(row, col) || drawnBelow(row, col));

  const owned: boolean[][] = Array.from({ length: nRows }, () => Array<boolean>(nCols).fill(false));
  const cells: TableCell[] = [];
  for (let row = 0; row < nRows; row++) {
    for (let col = 0; col < nCols; col++) {
      if (owned[row][col]) continue;
      let end = col + 1;
      while (end < nCols && !ruleRight(end - 1, row)) end++;
      let bottom = row + 1;
      while (bottom < nRows && range(col, end).every((c) => !ruleBelow(bottom - 1, c))) bottom++;
      for (let r = row; r < bottom; r++) for (let c = col; c < end; c++) owned[r][c] = true;
      const lines = toLines(runsIn(col, end, row, bottom));
      cells.push({ row, col, rowspan: bottom - row, colspan: end - col, text: joinWrapped(lines), page, flowing: flowing(lines, xs[col], xs[end]) });
    }
  }
  return { xs, ys, cells, rows: nRows, page };
}

/**
 * The last line of a cell's text is full, so the text may go on: it ends within a glyph and a half of the
 * cell's widest line (of the cell's right edge, less the padding its line keeps on the left, when it is the
 * only line). Not to the glyph: a line break never puts a closing punctuation mark at the start of a line,
 * so the last character moves down with it (「……停课的天」 / 「数，由……」). Short last lines do not go on.
 */
function flowing(lines: Line[], left: number, right: number): boolean {
  if (lines.length === 0) return false;
  const last = lines[lines.length - 1];
  const padding = lines[0].x0 - left;
  const full = lines.length > 1 ? Math.max(...lines.map((l) => l.x1)) : right - padding;
  return padding <= last.size && last.x1 >= full - 1.5 * last.size;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

/** Runs on one baseline (within half a glyph) as lines, top to bottom; a gap wider than a fifth of a glyph is a space. */
function toLines(runs: Run[]): Line[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Run[][] = [];
  for (const run of sorted) {
    const g = groups.find((l) => Math.abs(l[0].y - run.y) <= Math.min(l[0].size, run.size) * 0.5);
    if (g) g.push(run);
    else groups.push([run]);
  }
  return groups.map((g) => {
    g.sort((a, b) => a.x - b.x);
    let text = "";
    let end = -Infinity;
    const pieces: Line["pieces"] = [];
    for (const run of g) {
      if (text && run.x - end > run.size * 0.2) text += " ";
      if (!pieces.length || run.x - end > run.size * 0.9) pieces.push({ text: "", x0: run.x, x1: run.x });
      const piece = pieces[pieces.length - 1];
      piece.text += (piece.text && run.x - end > run.size * 0.2 ? " " : "") + run.text;
      piece.x1 = run.x + run.width;
      text += run.text;
      end = run.x + run.width;
    }
    return {
      text: tidySpaces(text),
      x0: g[0].x,
      x1: Math.max(...g.map((r) => r.x + r.width)),
      y: Math.max(...g.map((r) => r.y)),
      size: Math.max(...g.map((r) => r.size)),
      pieces: pieces.map((p) => ({ ...p, text: tidySpaces(p.text) })),
    };
  });
}

const CJK = "\\u2e80-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef“”‘’";
const CJK_THEN_SPACE = new RegExp(`([${CJK}]) +(?=[${CJK}0-9A-Za-z])`, "g");
const ALNUM_THEN_SPACE = new RegExp(`([0-9A-Za-z%]) +(?=[${CJK}])`, "g");

/**
 * Spaces a PDF's layout put between Chinese characters and between Chinese and digits or Latin letters
 * (LibreOffice writes "3 月底", "2023 年"; justified lines spread "新 方 向"): Chinese text has none.
 */
function tidySpaces(text: string): string {
  // Private-use code points are glyphs of symbol fonts with no meaning as text (LibreOffice's 目录 tab leader
  // prints as U+F0B7).
  return text.replace(/[\uE000-\uF8FF]/g, " ").replace(/\s+/g, " ").trim().replace(CJK_THEN_SPACE, "$1").replace(ALNUM_THEN_SPACE, "$1");
}

/** A list item or numbered point starts a new line inside a cell; any other wrapped line continues the last. */
const STARTS_ITEM = /^(?:\d{1,2}[.、．](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)/;

function joinWrapped(lines: Line[]): string {
  let text = "";
  for (const line of lines) {
    if (!text) text = line.text;
    else if (STARTS_ITEM.test(line.text)) text += "\n" + line.text;
    // Words of a Latin phrase wrapped at a space keep it; Chinese, numbers and codes wrap mid-word.
    else text += (/[A-Za-z]$/.test(text) && /^[A-Za-z]/.test(line.text) ? " " : "") + line.text;
  }
  return text;
}

// ---- the document: furniture dropped, tables continued over pages, prose lines ----

/** Page furniture by its shape: page numbers however written. */
const PAGE_NUMBER = /^(?:第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页\s*第\s*\d+\s*页|[-–—]\s*\d+\s*[-–—]|\d+\s*\/\s*\d+|page\s*\d+(?:\s*of\s*\d+)?|\d{1,4})$/i;
/** The page margin where running headers and footers sit (share of the page height at top and bottom). */
const MARGIN_SHARE = 0.1;

function assemble(pages: Page[]): SourceBlock[] {
  const furniture = runningLines(pages);
  const blocks: SourceBlock[] = [];
  let lastTable: Table | undefined;
  let lastGrid: CellGrid | undefined;
  let lineNumber = 0;
  let previous: { line: Line; block: SourceBlock & { kind: "paragraph" }; acrossPage: boolean } | null = null;
  for (const page of pages) {
    let firstOnPage = true;
    const prose = page.blocks.flatMap((b) => (b.line ? [b.line] : []));
    const right = Math.max(...prose.map((l) => l.x1));
    // The last paragraph of the previous page may go on at the top of this one.
    if (previous) previous.acrossPage = true;
    const unruled = unruledTables(page);
    for (const block of page.blocks) {
      const grid = block.line ? unruled.get(block.line) : undefined;
      if (grid === null) continue; // a row of an unruled table, placed with its header
      if (grid) {
        blocks.push({ kind: "table", grid });
        previous = null;
        lastTable = undefined;
        continue;
      }
      if (block.line) {
        const inMargin = block.top >= page.height * (1 - MARGIN_SHARE) || block.top <= page.height * MARGIN_SHARE + block.line.size;
        if (inMargin && (PAGE_NUMBER.test(block.line.text) || furniture.has(furnitureKey(block.line.text)))) continue;
        // A line that filled the text width, followed by one that starts at the left margin (no first-line
        // indent, not a heading or a numbered point), is one paragraph wrapped: `…绩效目标` + `表`.
        if (previous && wrapsOnto(previous.line, block.line, right, previous.acrossPage)) {
          previous.block.text = joinWrapped([previous.line, block.line].map((l, i) => (i === 0 ? { ...l, text: previous!.block.text } : l)));
          previous.line = block.line;
          previous.acrossPage = false;
          continue;
        }
        lineNumber++;
        const paragraph: SourceBlock & { kind: "paragraph" } = { kind: "paragraph", text: block.line.text, source: { page: page.number, line: lineNumber } };
        blocks.push(paragraph);
        previous = { line: block.line, block: paragraph, acrossPage: false };
        firstOnPage = false;
        lastTable = undefined;
        continue;
      }
      previous = null;
      const table = block.table;
      const continuation = firstOnPage && lastTable ? alignColumns(lastTable, table) : undefined;
      if (lastTable && lastGrid && continuation) {
        continueTable(lastTable, continuation);
        lastGrid.rows = toGrid(lastTable).rows;
      } else {
        lastTable = table;
        lastGrid = toGrid(table);
        blocks.push({ kind: "table", grid: lastGrid });
      }
      firstOnPage = false;
    }
  }
  return blocks;
}

const HEADING = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|关于|目\s*录$)/;

function wrapsOnto(prev: Line, next: Line, right: number, acrossPage: boolean): boolean {
  if (Math.abs(prev.size - next.size) > 0.5) return false;
  // Lines of one paragraph sit one line apart (or end one page and start the next); a wider gap is a new block.
  if (!acrossPage && Math.abs(next.y - prev.y) > 2.2 * prev.size) return false;
  if (STARTS_ITEM.test(next.text) || HEADING.test(next.text)) return false;
  // Left-aligned prose that filled the line: the next line starts no further right than this one (a first-line
  // indent is only on the first). A wide centred title: the next line is centred under it.
  const full = prev.x1 >= right - 4 * prev.size;
  const centred = Math.abs((next.x0 + next.x1) / 2 - (prev.x0 + prev.x1) / 2) < prev.size && prev.x1 - prev.x0 > 0.6 * right;
  return (full && next.x0 <= prev.x0 + 0.5 * next.size) || centred;
}

/**
 * A table drawn without rules (a web page printed by a browser, a text table exported as PDF): a line whose
 * pieces read as an indicator header, and the lines below it with pieces in its columns, each piece placed in
 * the header column it starts under. The header line maps to the grid; the rows it took map to null.
 */
function unruledTables(page: Page): Map<Line, CellGrid | null> {
  const out = new Map<Line, CellGrid | null>();
  const lines = page.blocks.flatMap((b) => (b.line ? [b.line] : []));
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i];
    if (header.pieces.length < 3 || !headerColumns(header.pieces.map((p) => p.text))) continue;
    const starts = header.pieces.map((p) => p.x0);
    const columnOf = (x: number) => {
      let k = 0;
      while (k + 1 < starts.length && x >= starts[k + 1] - header.size * 0.75) k++;
      return k;
    };
    const rows: GridRow[] = [{ cells: header.pieces.map((p) => ({ text: p.text, source: { page: page.number } })), source: { page: page.number } }];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j];
      if (line.x1 < starts[1] || Math.abs(line.size - header.size) > 1) break; // prose under the table
      const cells = header.pieces.map(() => "");
      for (const piece of line.pieces) {
        const k = columnOf(piece.x0);
        cells[k] = cells[k] ? `${cells[k]} ${piece.text}` : piece.text;
      }
      rows.push({ cells: cells.map((text) => ({ text, source: { page: page.number } })), source: { page: page.number } });
      out.set(line, null);
    }
    out.set(header, { rows, source: { page: page.number } });
    i = j - 1;
  }
  return out;
}

/** Lines that recur in the margins of several pages (digits ignored: "第 3 页", a printed date and time). */
function runningLines(pages: Page[]): Set<string> {
  const counts = new Map<string, number>();
  for (const page of pages) {
    const seen = new Set<string>();
    for (const b of page.blocks) {
      if (!b.line) continue;
      if (b.top < page.height * (1 - MARGIN_SHARE) && b.top > page.height * MARGIN_SHARE + b.line.size) continue;
      seen.add(furnitureKey(b.line.text));
    }
    for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const needed = Math.max(3, Math.ceil(pages.length / 2));
  return new Set([...counts].filter(([, n]) => n >= needed).map(([key]) => key));
}

function furnitureKey(text: string): string {
  return text.replace(/\d+/g, "#").replace(/\s+/g, "");
}

/**
 * A table at the top of a page continues the one the page before ended with when their outer edges are
 * the same. Their inner columns may differ (the rows on one side of the break are the form's head, on the
 * other its funding rows or indicator table): both are put in the union of their column boundaries, the
 * earlier part in place and the continuation returned. Undefined: not a continuation.
 */
function alignColumns(into: Table, next: Table): Table | undefined {
  const near = (a: number, b: number) => Math.abs(a - b) <= RULE_TOLERANCE * 2;
  if (!near(into.xs[0], next.xs[0]) || !near(into.xs[into.xs.length - 1], next.xs[next.xs.length - 1])) return undefined;
  const xs = [...into.xs, ...next.xs.filter((x) => !into.xs.some((t) => near(t, x)))].sort((a, b) => a - b);
  const inUnion = (table: Table) => {
    const index = table.xs.map((x) => xs.findIndex((t) => near(t, x)));
    return table.cells.map((c) => ({ ...c, col: index[c.col], colspan: index[c.col + c.colspan] - index[c.col] }));
  };
  into.cells = inUnion(into);
  into.xs = xs;
  return { ...next, cells: inUnion(next), xs };
}

/**
 * Append the next page's part of a table. A repeated header row is dropped. The first row may be the rest
 * of the row the page break cut (Word and LibreOffice let a row break across pages, cutting every cell
 * between two of its lines): it is when each of its cells that holds text lies under a one-row cell whose
 * last line ran to the cell's right edge (the text went on). Then its text continues the cells above. Otherwise the first row is a row of its own, and an empty cell under a cell
 * that reached the page's end is that cell, a merged label running on. A cell whose last line ended short
 * (「无」, 「≥80%」, a finished sentence) shows that the row ended with the page.
 */
function continueTable(into: Table, next: Table): void {
  const rowTexts = (t: Table, row: number) => t.cells.filter((c) => c.row === row).map((c) => `${c.col}:${c.colspan}:${c.text}`).join("|");
  let skip = 0;
  if (next.rows > 1 && rowTexts(next, 0) === rowTexts(into, 0) && rowTexts(next, 0).replace(/[\d:|]/g, "") !== "") skip = 1;
  const first = next.cells.filter((c) => c.row === skip);
  const above = (cell: TableCell) => into.cells.find((c) => c.col === cell.col && c.colspan === cell.colspan && c.row + c.rowspan === into.rows);
  const filled = first.filter((c) => c.text !== "");
  const cutRow = filled.length > 0 && filled.every((c) => above(c)?.rowspan === 1 && above(c)!.flowing);
  const offset = into.rows - skip - (cutRow ? 1 : 0);
  for (const cell of next.cells) {
    if (cell.row < skip) continue;
    const top = cell.row === skip ? above(cell) : undefined;
    if (top && (cutRow || cell.text === "") && top.text !== "") {
      top.text = cell.text ? joinWrapped([top.text, cell.text].map((text) => ({ text }) as Line)) : top.text;
      top.rowspan += cell.rowspan - (cutRow ? 1 : 0);
      continue;
    }
    into.cells.push({ ...cell, row: cell.row + offset });
  }
  into.rows += next.rows - skip - (cutRow ? 1 : 0);
}

function toGrid(table: Table): CellGrid {
  const rows: CellGrid["rows"] = Array.from({ length: table.rows }, () => ({ cells: [] as GridCell[], source: { page: table.page } }));
  for (const cell of [...table.cells].sort((a, b) => a.row - b.row || a.col - b.col)) {
    const out: GridCell = { text: cell.text, source: { page: cell.page } };
    if (cell.rowspan > 1) out.rowspan = cell.rowspan;
    if (cell.colspan > 1) out.colspan = cell.colspan;
    rows[cell.row].cells.push(out);
  }
  return { rows, source: { page: table.page } };
}
