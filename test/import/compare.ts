// Field-by-field comparison of an imported Document with an expected one, listing every mismatch by path.
// `squashStrings` removes all whitespace from strings first (the seed's gold keeps `1 个`, the PDF `1个`).

export interface CompareOptions {
  squashStrings?: boolean;
  /** Paths to skip, matched against the last key (`notes`) or the whole path (`$.source`). */
  skip?: string[];
}

export function compareDocuments(actual: unknown, expected: unknown, opts: CompareOptions = {}): string[] {
  const out: string[] = [];
  const norm = (v: unknown) => (opts.squashStrings && typeof v === "string" ? v.replace(/\s+/g, "") : v);
  const skip = new Set(opts.skip ?? []);
  const walk = (a: unknown, b: unknown, path: string, key: string) => {
    if (skip.has(key) || skip.has(path)) return;
    if (b !== null && typeof b === "object") {
      if (a === null || typeof a !== "object" || Array.isArray(a) !== Array.isArray(b)) {
        out.push(`${path}: 得到 ${JSON.stringify(a)}，应为 ${Array.isArray(b) ? "数组" : "对象"}`);
        return;
      }
      if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) {
        out.push(`${path}: 长度 ${a.length}，应为 ${b.length}`);
      }
      const keys = new Set([...Object.keys(b as object), ...Object.keys(a as object)]);
      for (const k of keys) walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, k);
      return;
    }
    if (JSON.stringify(norm(a)) !== JSON.stringify(norm(b))) out.push(`${path}: 得到 ${JSON.stringify(a)}，应为 ${JSON.stringify(b)}`);
  };
  walk(actual, expected, "$", "$");
  return out;
}
