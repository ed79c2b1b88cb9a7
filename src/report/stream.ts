// The report of a `check` run written file by file as each is checked: the same bytes as formatReport over all
// results, but no file's document or findings is kept once its part is written (a folder of 1,000 files costs the
// memory of one), and a 100,000-project JSON report goes out in chunks, never as one string.
import { addToSummary, countSummary } from "./group.js";
import { collectReport } from "../rules/engine.js";
import type { Finding, Report } from "../rules/types.js";
import { toJsonReportHead } from "./json.js";
import { formatMemo, MEMO_SEPARATOR } from "./markdown.js";
import { formatTextBlock, textTotalLine } from "./text.js";
import type { CheckResult, FormatOptions, ReportFormat, StreamedResult } from "./types.js";

/** Output is handed on in pieces of about this many characters (and awaited: a slow pipe holds the run). */
const CHUNK_CHARS = 1 << 16;
/** A piece this long (a slice of findings) is handed on by itself: joining it into a chunk would only copy it. */
const ALONE_CHARS = CHUNK_CHARS / 4;

export interface ReportStream {
  /**
   * A result whose findings come in buckets is written as they come (json); the other formats gather them. The
   * findings written, counted by severity.
   */
  add(result: CheckResult | StreamedResult): Promise<Report["summary"]>;
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
    async add(given) {
      const first = count === 0;
      count++;
      if (format === "json") {
        const streamed = asStreamed(given);
        const summary = { error: 0, warning: 0, info: 0 };
        if (opts.single) await out.chunks(jsonChunks(streamed, 0, "", summary));
        else await out.chunks(jsonChunks(streamed, 1, first ? "[\n  " : ",\n  ", summary));
        return summary;
      }
      const result = asChecked(given);
      const summary = countSummary(result.report.findings);
      if (format === "markdown") {
        await out.text(`${first ? "" : MEMO_SEPARATOR}${formatMemo(result)}`);
      } else {
        addToSummary(total, result.report.findings);
        await out.text(`${first ? "" : "\n"}${formatTextBlock(result, opts)}`);
      }
      return summary;
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
 * JSON.stringify(toJsonReport(…), null, 2) placed at `depth`, in pieces: the report's top object and its arrays
 * are walked, each element stringified on its own and re-indented (strings hold no raw newline, so that is exact).
 * The findings are taken bucket by bucket as they are written, and counted into `summary`, which follows them.
 * `before` is written first (the separator from what came before).
 */
function* jsonChunks(result: StreamedResult, depth: number, before: string, summary: Report["summary"]): Generator<string> {
  yield before;
  const inner = `\n${PADS[depth + 1]}`;
  const head = toJsonReportHead(result);
  let first = true;
  for (const [key, value] of Object.entries(head)) {
    yield `${first ? "{" : ","}${inner}${JSON.stringify(key)}: `;
    yield* walk(value, depth + 1, depth + 2);
    first = false;
  }
  yield `,${inner}"findings": `;
  yield* elementSlices(result.buckets, depth + 1, summary);
  yield `,${inner}"summary": `;
  yield* walk(summary, depth + 1, depth + 2);
  yield `\n${PADS[depth]}}`;
}

function* walk(value: unknown, depth: number, deepest: number): Generator<string> {
  if (depth < deepest && Array.isArray(value) && value.length > 0) {
    if (depth + 1 === deepest) {
      yield* elementSlices([value], depth);
      return;
    }
    const inner = `\n${PADS[depth + 1]}`;
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
 * An array at `depth` whose elements (findings, projects) come in runs (a project's findings) and are stringified
 * a slice at a time: a million findings are neither a million generator steps nor a million stringify calls. The
 * slice is nested `depth` arrays deep, so JSON.stringify indents it where it goes. No element: `[]`, as
 * JSON.stringify writes an empty array. Findings are counted into `summary` by severity as they pass.
 */
function* elementSlices(runs: Iterable<readonly unknown[]>, depth: number, summary?: Report["summary"]): Generator<string> {
  const { open, close } = nesting(depth);
  let slice: unknown[] = [];
  let pieces = 0;
  function* piece(): Generator<string> {
    let nested: unknown = slice;
    for (let d = 0; d < depth; d++) nested = [nested];
    const text = JSON.stringify(nested, null, 2);
    yield pieces++ === 0 ? "[" : ",";
    yield text.slice(open, text.length - close);
    slice = [];
  }
  for (const run of runs) {
    if (summary) addToSummary(summary, run as readonly Finding[]);
    for (let i = 0; i < run.length; i++) {
      slice.push(run[i]);
      if (slice.length === LEAVES_PER_PIECE) yield* piece();
    }
  }
  if (slice.length > 0) yield* piece();
  yield pieces > 0 ? `\n${PADS[depth]}]` : "[]";
}

/** A whole result as one bucket: its findings are already in reading order. */
function asStreamed(result: CheckResult | StreamedResult): StreamedResult {
  if ("buckets" in result) return result;
  return { file: result.file, document: result.document, profile: result.report.profile, buckets: [result.report.findings] };
}

function asChecked(result: CheckResult | StreamedResult): CheckResult {
  if (!("buckets" in result)) return result;
  return { file: result.file, document: result.document, report: collectReport(result) };
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
      if (piece.length >= ALONE_CHARS) {
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
