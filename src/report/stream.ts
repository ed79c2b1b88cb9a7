// The report of a `check` run written file by file as each is checked: the same bytes as formatReport over all
// results, but no file's document or findings is kept once its part is written (a folder of 1,000 files costs the
// memory of one), and a 100,000-project JSON report goes out in chunks, never as one string.
import { countSummary } from "./group.js";
import { toJsonReport } from "./json.js";
import { formatMemo, MEMO_SEPARATOR } from "./markdown.js";
import { formatTextBlock, textTotalLine } from "./text.js";
import type { CheckResult, FormatOptions, ReportFormat } from "./types.js";

/** Output is handed on in pieces of about this many characters (and awaited: a slow pipe holds the run). */
const CHUNK_CHARS = 1 << 16;

export interface ReportStream {
  add(result: CheckResult): Promise<void>;
  /** Finish the report (the closing bracket or the total line); nothing is written for no result but JSON's. */
  end(): Promise<void>;
}

/** `single` (json only): one file was named, so its object is printed rather than an array. */
export function reportStream(
  format: ReportFormat,
  opts: FormatOptions & { single: boolean },
  write: (text: string) => Promise<void>,
): ReportStream {
  const out = new ChunkedWriter(write);
  let count = 0;
  const total = { error: 0, warning: 0, info: 0 };
  return {
    async add(result) {
      const first = count === 0;
      count++;
      if (format === "json") {
        if (opts.single) await out.chunks(jsonChunks(toJsonReport(result), 0, ""));
        else await out.chunks(jsonChunks(toJsonReport(result), 1, first ? "[\n  " : ",\n  "));
      } else if (format === "markdown") {
        await out.text(`${first ? "" : MEMO_SEPARATOR}${formatMemo(result)}`);
      } else {
        const s = countSummary(result.report.findings);
        total.error += s.error;
        total.warning += s.warning;
        total.info += s.info;
        await out.text(`${first ? "" : "\n"}${formatTextBlock(result, opts)}`);
      }
    },
    async end() {
      if (format === "json" && !opts.single) await out.text(count === 0 ? "[]\n" : "\n]\n");
      else if (format === "json") await out.text("\n");
      else if (format === "text" && count > 1) await out.text(`\n${textTotalLine(count, total)}`);
      await out.flush();
    },
  };
}

/** Elements stringified together: about a CHUNK_CHARS piece of findings. */
const LEAVES_PER_PIECE = 200;

const PADS = Array.from({ length: 8 }, (_, d) => "  ".repeat(d));

/**
 * JSON.stringify(value, null, 2) placed at `depth`, in pieces: the report's top object and its arrays are walked,
 * each element stringified on its own and re-indented (strings hold no raw newline, so that is exact).
 * `before` is written first (the separator from what came before).
 */
function* jsonChunks(value: unknown, depth: number, before: string): Generator<string> {
  yield before;
  yield* walk(value, depth, depth + 2);
}

function* walk(value: unknown, depth: number, deepest: number): Generator<string> {
  if (depth < deepest && Array.isArray(value) && value.length > 0) {
    const inner = `\n${PADS[depth + 1]}`;
    if (depth + 1 === deepest) {
      // The elements (findings, projects) stringified a slice at a time: a million findings are not a million
      // generator steps. The slice is nested `depth` arrays deep, so JSON.stringify indents it where it goes.
      const { open, close } = nesting(depth);
      for (let i = 0; i < value.length; i += LEAVES_PER_PIECE) {
        let nested: unknown = value.slice(i, i + LEAVES_PER_PIECE);
        for (let d = 0; d < depth; d++) nested = [nested];
        const text = JSON.stringify(nested, null, 2);
        yield i === 0 ? "[" : ",";
        yield text.slice(open, text.length - close);
      }
      yield `\n${PADS[depth]}]`;
      return;
    }
    for (let i = 0; i < value.length; i++) {
      yield i === 0 ? `[${inner}` : `,${inner}`;
      yield* walk(value[i] ?? null, depth + 1, deepest);
    }
    yield `\n${PADS[depth]}]`;
    return;
  }
  if (depth < deepest && value !== null && typeof value === "object" && !Array.isArray(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== "function");
    if (entries.length > 0) {
      const inner = `\n${PADS[depth + 1]}`;
      for (let i = 0; i < entries.length; i++) {
        yield `${i === 0 ? "{" : ","}${inner}${JSON.stringify(entries[i][0])}: `;
        yield* walk(entries[i][1], depth + 1, deepest);
      }
      yield `\n${PADS[depth]}}`;
      return;
    }
  }
  yield leafJson(value, depth);
}

/**
 * Where a slice nested `depth` arrays deep sits in JSON.stringify(…, null, 2): the characters before its elements
 * (each wrapper's `[`, newline and indent, then the slice's own `[`) and after them (the slice's newline, indent
 * and `]`, then each wrapper's).
 */
function nesting(depth: number): { open: number; close: number } {
  let open = 1;
  let close = 2 + 2 * depth;
  for (let d = 0; d < depth; d++) {
    open += 2 + 2 * (d + 1);
    close += 2 + 2 * d;
  }
  return { open, close };
}

function leafJson(value: unknown, depth: number): string {
  const text = JSON.stringify(value, null, 2);
  return depth === 0 ? text : text.replaceAll("\n", `\n${PADS[depth]}`);
}

/** Gathers small pieces into chunks of about CHUNK_CHARS before handing them on. */
class ChunkedWriter {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly write: (text: string) => Promise<void>) {}

  async text(piece: string): Promise<void> {
    this.parts.push(piece);
    this.size += piece.length;
    if (this.size >= CHUNK_CHARS) await this.flush();
  }

  /** Awaits only when a chunk is full: a million findings are not a million awaits. */
  async chunks(pieces: Iterable<string>): Promise<void> {
    for (const piece of pieces) {
      if (piece.length >= CHUNK_CHARS) {
        // A slice of findings is a chunk by itself: written as it is, not copied into a joined string.
        await this.flush();
        await this.write(piece);
        continue;
      }
      this.parts.push(piece);
      this.size += piece.length;
      if (this.size >= CHUNK_CHARS) await this.flush();
    }
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const text = this.parts.join("");
    this.parts = [];
    this.size = 0;
    await this.write(text);
  }
}
