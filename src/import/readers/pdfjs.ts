// PDF.js (pdfjs-dist, legacy build for Node), loaded once and only when a PDF is read, and kept from slowing
// down the rest of the process. No worker thread — PDF.js runs its "fake worker" in this thread — and no
// network: character maps, standard fonts and wasm decoders come from the installed package.
//
// Two things the legacy build does that cost more than the reading itself (measured on the seed, 34 pages):
// - Its bundled core-js polyfills replace built-ins Node already has — `Array.prototype.push`, `JSON.parse`,
//   `JSON.stringify` — with JavaScript versions (for spec corners such as JSON.parse's source text), for the
//   whole process: after the first PDF, push ran 2× and JSON 5× slower, in PDF.js and in everything after it
//   (the form reader, `import`'s JSON output, the MCP server). The replaced built-ins are put back; what the
//   polyfills add (Promise.withResolvers, Map.prototype.getOrInsertComputed … missing in Node 20) stays.
// - It inflates each compressed stream through a web DecompressionStream, i.e. Node's zlib on the thread
//   pool, several event-loop turns per stream; a page holds dozens of small streams (content, fonts, maps).
//   Without DecompressionStream PDF.js inflates synchronously in JavaScript (its fallback), about twice as fast
//   here. It is hidden only while PDF.js reads (see withSyncInflate).
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

export interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
  destroy(): Promise<void>;
}
export interface TextItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}
export interface OperatorList {
  fnArray: number[];
  argsArray: unknown[][];
}
export interface PdfPage {
  view: number[];
  getTextContent(): Promise<{ items: TextItem[] }>;
  getOperatorList(): Promise<OperatorList>;
  cleanup(): void;
}
export interface Pdfjs {
  open(data: Uint8Array): Promise<PdfDocument>;
  OPS: Record<string, number>;
}

let pdfjsPromise: Promise<Pdfjs> | undefined;

export function loadPdfjs(): Promise<Pdfjs> {
  return (pdfjsPromise ??= (async () => {
    const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
    const workerSrc = pathToFileURL(join(root, "legacy/build/pdf.worker.mjs")).href;
    const builtIns = snapshotBuiltIns();
    const lib = await import("pdfjs-dist/legacy/build/pdf.mjs");
    // The fake worker imports this module itself on the first document; importing it now lets its polyfills
    // be undone with the main bundle's.
    await import(workerSrc);
    restoreBuiltIns(builtIns);
    lib.GlobalWorkerOptions.workerSrc = workerSrc;
    const options = {
      // Local directories (trailing slash required): PDF.js reads them with fs in Node, never fetches.
      cMapUrl: join(root, "cmaps") + "/",
      cMapPacked: true,
      standardFontDataUrl: join(root, "standard_fonts") + "/",
      wasmUrl: join(root, "wasm") + "/",
      iccUrl: join(root, "iccs") + "/",
      useSystemFonts: false,
      disableFontFace: true,
      isEvalSupported: false,
      isOffscreenCanvasSupported: false,
      enableXfa: false,
      verbosity: 0,
    };
    const getDocument = lib.getDocument as (params: Record<string, unknown>) => { promise: Promise<unknown> };
    return {
      open: (data: Uint8Array) => getDocument({ ...options, data }).promise as Promise<PdfDocument>,
      OPS: lib.OPS as Record<string, number>,
    };
  })());
}

// ---- built-ins the polyfills replace ----

/** The objects whose own properties core-js may replace. */
const BUILT_IN_HOLDERS: object[] = [Array, Array.prototype, Object, JSON, Promise, Map.prototype, Set.prototype, WeakMap.prototype, String.prototype, Uint8Array, Uint8Array.prototype, ArrayBuffer.prototype, Math, globalThis];

type Snapshot = Map<object, Map<PropertyKey, PropertyDescriptor>>;

function snapshotBuiltIns(): Snapshot {
  const snapshot: Snapshot = new Map();
  for (const holder of BUILT_IN_HOLDERS) {
    const own = new Map<PropertyKey, PropertyDescriptor>();
    for (const key of Reflect.ownKeys(holder)) {
      const descriptor = Object.getOwnPropertyDescriptor(holder, key);
      if (descriptor && typeof descriptor.value === "function") own.set(key, descriptor);
    }
    snapshot.set(holder, own);
  }
  return snapshot;
}

/** Put back every built-in function that was there before and has been replaced; additions stay. */
function restoreBuiltIns(snapshot: Snapshot): void {
  for (const [holder, own] of snapshot) {
    for (const [key, descriptor] of own) {
      const now = Object.getOwnPropertyDescriptor(holder, key);
      if (now && now.value !== descriptor.value && now.configurable) Object.defineProperty(holder, key, descriptor);
    }
  }
}

// ---- synchronous inflate while PDF.js reads ----

let reading = 0;
let hidden: PropertyDescriptor | undefined;

/** Run a PDF.js read with DecompressionStream out of sight (nested and concurrent reads share one hiding). */
export async function withSyncInflate<T>(read: () => Promise<T>): Promise<T> {
  if (reading++ === 0) {
    hidden = Object.getOwnPropertyDescriptor(globalThis, "DecompressionStream");
    if (hidden?.configurable) Reflect.deleteProperty(globalThis, "DecompressionStream");
    else hidden = undefined;
  }
  try {
    return await read();
  } finally {
    if (--reading === 0 && hidden) {
      Object.defineProperty(globalThis, "DecompressionStream", hidden);
      hidden = undefined;
    }
  }
}
