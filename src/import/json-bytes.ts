// The bytes of a large Document JSON read a window at a time (a file from disk, or bytes already in memory): the
// top-level object's fields are cut out of the window by a scan that only finds where each value ends (strings
// skipped with indexOf), and JSON.parse reads each slice, so what is accepted is exactly JSON. `projects` is
// handed on one element at a time. A 400 MB file costs one window of memory, not a 400 MB buffer beside the
// Document it becomes.
import { isUtf8, transcode } from "node:buffer";
import { readSync } from "node:fs";
import { InputError } from "../domain/errors.js";

/** Where the bytes come from, as fs.readSync reads: bytes read into `into` at `offset`, 0 at the end. */
export interface ByteSource {
  size: number;
  read(into: Buffer, offset: number, length: number, position: number): number;
}

export function bufferSource(bytes: Buffer): ByteSource {
  return { size: bytes.length, read: (into, offset, length, position) => bytes.copy(into, offset, position, Math.min(bytes.length, position + length)) };
}

export function fileSource(fd: number, size: number): ByteSource {
  return { size, read: (into, offset, length, position) => readSync(fd, into, offset, length, position) };
}

/**
 * Above this size a Document JSON is read project by project from its bytes (json.ts readLargeDocument): no string
 * of the whole file (V8 cannot make one over ~512 M characters, and a 400 MB one costs 800 MB), each project
 * parsed from its own slice. Below it the whole text is parsed at once, with V8's own error messages.
 */
export const LARGE_JSON_BYTES = 64 * 1024 * 1024;

/** The window's first size; it doubles for a value (a 10,000-row project) that does not fit. */
export const WINDOW_BYTES = 8 * 1024 * 1024;

/**
 * Checked UTF-8 bytes (a whole value: never cut inside a character) as a string. ICU's converter to UTF-16 and a
 * copy into a string cost a third of TextDecoder's or Buffer#toString's decoding of mostly Chinese text — the
 * largest single cost of reading a 400 MB document. A Node built without ICU has no transcode: TextDecoder then.
 */
const utf8Text: (bytes: Buffer) => string =
  typeof transcode === "function"
    ? (bytes) => transcode(bytes, "utf8", "utf16le").toString("utf16le")
    : (bytes) => UTF8.decode(bytes);
const UTF8 = new TextDecoder("utf-8", { ignoreBOM: true });

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
/** A scan reached the end of the window before the value's end: read more and scan again. */
const MORE = -1;

/**
 * The bytes from `base` on, as far as they are read. Every byte is checked as UTF-8 as it comes in (a character
 * cut by the window's end is checked with the next read), before any scan looks at it.
 */
class ByteWindow {
  private buf: Buffer;
  /** The window's bytes: buf up to what has been read. */
  view: Buffer;
  /** Offset in the file of view[0]. */
  base = 0;
  end = false;
  private checked = 0;

  constructor(
    private readonly source: ByteSource,
    size: number,
    private readonly notUtf8: () => never,
  ) {
    this.buf = Buffer.allocUnsafe(Math.max(16, Math.min(size, source.size + 1)));
    this.view = this.buf.subarray(0, 0);
    this.more(0);
  }

  /**
   * Drop the bytes before `keep` and read on; when the bytes kept fill more than half the window, it doubles, so a
   * long value is read in a few rescans, not one per read. Returns how far the kept bytes moved down (`keep`, or
   * less).
   */
  more(keep: number): number {
    // Bytes not yet checked (the start of a character the window cut) are never dropped.
    keep = Math.min(keep, this.checked);
    const filled = this.view.length;
    if (keep > 0) this.buf.copy(this.buf, 0, keep, filled);
    const kept = filled - keep;
    this.base += keep;
    this.checked -= keep;
    if (kept > this.buf.length / 2) {
      const bigger = Buffer.allocUnsafe(this.buf.length * 2);
      this.buf.copy(bigger, 0, 0, kept);
      this.buf = bigger;
    }
    let length = kept;
    while (length < this.buf.length) {
      const got = this.source.read(this.buf, length, this.buf.length - length, this.base + length);
      if (got === 0) break;
      length += got;
    }
    this.end = this.base + length >= this.source.size || length < this.buf.length;
    this.view = this.buf.subarray(0, length);
    this.check();
    return keep;
  }

  /** Check the bytes read since the last check, up to the last whole character (all of them at the end). */
  private check(): void {
    const length = this.view.length;
    let upTo = length;
    if (!this.end) {
      let lead = length - 1;
      while (lead > this.checked && length - lead < 4 && (this.view[lead] & 0xc0) === 0x80) lead--;
      const byte = this.view[lead];
      const width = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
      if (lead >= this.checked && length - lead < width) upTo = lead;
    }
    if (!isUtf8(this.view.subarray(this.checked, upTo))) this.notUtf8();
    this.checked = upTo;
  }
}

/**
 * The top-level object of a large Document JSON, its `projects` parsed one element at a time and handed to
 * `eachProject`, whose result takes the element's place.
 */
export function readLargeDocumentJson(
  source: ByteSource,
  file: string,
  eachProject: (project: unknown, index: number) => unknown,
  windowBytes = WINDOW_BYTES,
): unknown {
  const mb = Math.round(source.size / 1024 / 1024);
  const w = new ByteWindow(source, windowBytes, () => {
    throw new InputError(`${file}：文档 JSON 有 ${mb} MB，不是 UTF-8 编码；这么大的文档 JSON 请存为 UTF-8 再检查`);
  });
  /** `at` is an index into the window; the message names the byte of the file. */
  const fail = (at: number, what: string): never => {
    throw new InputError(`${file}：不是有效的 JSON（第 ${w.base + at} 字节附近：${what}）`);
  };
  const parseSlice = (from: number, to: number, what: string): unknown => {
    try {
      return JSON.parse(utf8Text(w.view.subarray(from, to)));
    } catch (e) {
      return fail(from, `${what}：${(e as Error).message.replace(/\s+/g, " ").slice(0, 120)}`);
    }
  };
  /** Past the whitespace at `i`, reading on until a byte that is not (or the end). */
  const space = (i: number): number => {
    for (i = skipSpace(w.view, i); i === w.view.length && !w.end; i = skipSpace(w.view, i)) i -= w.more(i);
    return i;
  };
  /** The value (or, with `string`, the field name) starting at `i`: where it starts now, and where it ends. */
  let start = 0;
  const valueAt = (i: number, string = false): number => {
    for (;;) {
      const end = string ? stringEnd(w.view, i, w.end, fail) : valueEnd(w.view, i, w.end, fail);
      if (end !== MORE) {
        start = i;
        return end;
      }
      i -= w.more(i);
    }
  };

  const out: Record<string, unknown> = {};
  let i = w.view[0] === 0xef && w.view[1] === 0xbb && w.view[2] === 0xbf ? 3 : 0;
  i = space(i);
  if (w.view[i] !== OPEN_BRACE) fail(i, "应以 { 开头");
  i = space(i + 1);
  while (w.view[i] !== CLOSE_BRACE) {
    if (w.view[i] !== QUOTE) fail(i, "应为字段名");
    const keyEnd = valueAt(i, true);
    const key = parseSlice(start, keyEnd, "字段名") as string;
    i = space(keyEnd);
    if (w.view[i] !== COLON) fail(i, `字段 ${key} 后应为冒号`);
    i = space(i + 1);
    let value: unknown;
    if (key === "projects" && w.view[i] === OPEN_BRACKET) {
      const projects: unknown[] = [];
      i = space(i + 1);
      while (w.view[i] !== CLOSE_BRACKET) {
        const end = valueAt(i);
        projects.push(eachProject(parseSlice(start, end, `第 ${projects.length + 1} 个项目`), projects.length));
        i = space(end);
        if (w.view[i] === COMMA) i = space(i + 1);
        else if (w.view[i] !== CLOSE_BRACKET) fail(i, `第 ${projects.length} 个项目后应为逗号或 ]`);
      }
      i++;
      value = projects;
    } else {
      const end = valueAt(i);
      value = parseSlice(start, end, `字段 ${key}`);
      i = end;
    }
    // defineProperty: a key named __proto__ stays a plain field, as JSON.parse keeps it.
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    i = space(i);
    if (w.view[i] === COMMA) i = space(i + 1);
    else if (w.view[i] !== CLOSE_BRACE) fail(i, `字段 ${key} 后应为逗号或 }`);
  }
  const after = w.base + i + 1;
  if (space(i + 1) < w.view.length) throw new InputError(`${file}：不是有效的 JSON（第 ${after} 字节附近：文档对象之后还有内容）`);
  return out;
}

function skipSpace(b: Buffer, i: number): number {
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09)) i++;
  return i;
}

/** Just past the string whose opening quote is at `i`; MORE when the window ends first. */
function stringEnd(b: Buffer, i: number, end: boolean, fail: (at: number, what: string) => never): number {
  let q = b.indexOf(QUOTE, i + 1);
  while (q >= 0) {
    let slashes = 0;
    while (b[q - 1 - slashes] === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return q + 1;
    q = b.indexOf(QUOTE, q + 1);
  }
  return end ? fail(i, "字符串没有结束引号") : MORE;
}

/** Just past the value that starts at `i` (objects and arrays by bracket depth, strings skipped); MORE as above. */
function valueEnd(b: Buffer, i: number, end: boolean, fail: (at: number, what: string) => never): number {
  const c = b[i];
  if (c === QUOTE) return stringEnd(b, i, end, fail);
  if (c !== OPEN_BRACE && c !== OPEN_BRACKET) {
    let j = i;
    while (j < b.length && b[j] !== COMMA && b[j] !== CLOSE_BRACE && b[j] !== CLOSE_BRACKET && b[j] > 0x20) j++;
    return j === b.length && !end ? MORE : j;
  }
  let depth = 0;
  for (let j = i; j < b.length; j++) {
    const x = b[j];
    if (x === QUOTE) {
      const close = stringEnd(b, j, end, fail);
      if (close === MORE) return MORE;
      j = close - 1;
    } else if (x === OPEN_BRACE || x === OPEN_BRACKET) depth++;
    else if ((x === CLOSE_BRACE || x === CLOSE_BRACKET) && --depth === 0) return j + 1;
  }
  return end ? fail(i, "括号没有闭合") : MORE;
}
