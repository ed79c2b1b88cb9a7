// A one-pass shape check compiled from the zod Document schema: the same output zod gives (defaults filled,
// unknown keys dropped, keys in schema order; an input already in that form is returned as it is, not copied)
// at a fraction of its cost on a 100,000-project document, and the unknown fields noted on the way. It only
// says yes or no: on no, zod runs to word the message (json.ts), so zod stays the one definition of the format
// and of its error messages.
import type { z } from "zod";

/** The value does not fit the schema; zod is asked why. */
export const INVALID: unique symbol = Symbol("invalid");

/** `path` is the JSON path, kept up to date only on the way to a watched object (no string per cell). */
type Check = ((value: unknown, path: string) => unknown) & { watches?: boolean };

/** An object whose fields the schema does not know (`$.projects[3]`, `indicator`). */
export type UnknownFields = (path: string, keys: string[]) => void;

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, string>;
  defaultValue?: unknown;
  checks?: { _zod: { def: { check?: string; format?: string } } }[];
  catchall?: unknown;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * Compile `schema` into a checker. `watched` objects report their unknown keys to `onUnknown` (with the JSON
 * path); an unsupported zod construct throws at compile time, so a schema change cannot pass unchecked.
 */
export function compileShape(
  schema: z.ZodType,
  watched: ReadonlySet<z.ZodType>,
  onUnknown: () => UnknownFields,
): (value: unknown, path?: string) => unknown {
  const check = compile(schema, watched, onUnknown);
  return (value, path = "$") => check(value, path);
}

function marked(check: Check, watches: boolean | undefined): Check {
  check.watches = watches;
  return check;
}

function compile(schema: z.ZodType, watched: ReadonlySet<z.ZodType>, onUnknown: () => UnknownFields): Check {
  const def = defOf(schema);
  switch (def.type) {
    case "any":
      return (v) => v;
    case "string":
      if (def.checks?.length) break;
      return (v) => (typeof v === "string" ? v : INVALID);
    case "number": {
      const formats = (def.checks ?? []).map((c) => c._zod.def.format);
      if (formats.some((f) => f !== "safeint")) break;
      if (formats.length > 0) return (v) => (typeof v === "number" && Number.isSafeInteger(v) ? v : INVALID);
      return (v) => (typeof v === "number" && Number.isFinite(v) ? v : INVALID);
    }
    case "enum": {
      const allowed = new Set(Object.values(def.entries ?? {}));
      return (v) => (allowed.has(v as string) ? v : INVALID);
    }
    case "optional": {
      const inner = compile(def.innerType!, watched, onUnknown);
      return marked((v, path) => (v === undefined ? undefined : inner(v, path)), inner.watches);
    }
    case "nullable": {
      const inner = compile(def.innerType!, watched, onUnknown);
      return marked((v, path) => (v === null ? null : inner(v, path)), inner.watches);
    }
    case "default": {
      const inner = compile(def.innerType!, watched, onUnknown);
      // The getter gives a fresh copy each time (zod's own behaviour): a default [] is never shared.
      return marked((v, path) => (v === undefined ? (def as { defaultValue: unknown }).defaultValue : inner(v, path)), inner.watches);
    }
    case "array": {
      const element = compile(def.element!, watched, onUnknown);
      const watches = element.watches;
      return marked((v, path) => {
        if (!Array.isArray(v)) return INVALID;
        // Copied only from the first element that comes out changed (see the object case).
        let out: unknown[] | null = null;
        for (let i = 0; i < v.length; i++) {
          const e = element(v[i], watches ? `${path}[${i}]` : path);
          if (e === INVALID) return INVALID;
          if (out === null) {
            if (e === v[i]) continue;
            out = v.slice(0, i);
          }
          out.push(e);
        }
        return out ?? v;
      }, watches);
    }
    case "object": {
      if (def.catchall !== undefined) break;
      const shape = def.shape!;
      const keys = Object.keys(shape);
      const fields = keys.map((k) => compile(shape[k], watched, onUnknown));
      const report = watched.has(schema);
      const watches = report || fields.some((f) => f.watches);
      const order = new Map(keys.map((k, i) => [k, i]));
      // A field that is not optional (a default, or required) must be read even when the input lacks it.
      const mustRead = keys.map((k) => defOf(shape[k]).type !== "optional");
      const mustReadCount = mustRead.filter(Boolean).length;
      // The schema positions of the input's keys, in its order, as the key pass below finds them: the usual input's
      // fields are then read without looking each key up a second time. One array per checker: a checker is never
      // re-entered while it runs (compile() has no lazy schemas, so no object holds one of its own schema).
      const positions: number[] = new Array(keys.length).fill(0);
      return marked((v, path) => {
        if (v === null || typeof v !== "object" || Array.isArray(v)) return INVALID;
        const input = v as Record<string, unknown>;
        // One pass over the input's keys: the unknown ones (reported where watched) and whether the known ones come
        // in the schema's order (see below).
        let extra: string[] | undefined;
        let inOrder = true;
        let last = -1;
        let mustReadPresent = 0;
        let known = 0;
        for (const k in input) {
          const at = order.get(k);
          if (at === undefined) {
            inOrder = false;
            if (report) (extra ??= []).push(k);
            continue;
          }
          if (at < last) inOrder = false;
          else last = at;
          if (mustRead[at]) mustReadPresent++;
          // Keys are distinct, so at most keys.length of them are known.
          positions[known++] = at;
        }
        if (extra) onUnknown()(path, extra);
        // An object already in the schema's form (every field comes out as it went in, its keys the schema's in
        // the schema's order) is returned as it is: a 900,000-row document is not copied. A copy starts at the
        // first field that changes (a default filled, a nested copy); the fields before it are the input's.
        let out: Record<string, unknown> | null | typeof INVALID = null;
        // The usual input: its keys the schema's, in order, none that must be read missing. Only the fields it has
        // are read (an absent optional field comes out absent), in its own order, which is the schema's.
        if (inOrder && mustReadPresent === mustReadCount) {
          for (let i = 0; i < known; i++) if ((out = fieldInto(input, keys, fields, positions[i], path, out)) === INVALID) return INVALID;
          return out ?? input;
        }
        for (let at = 0; at < keys.length; at++) if ((out = fieldInto(input, keys, fields, at, path, out)) === INVALID) return INVALID;
        if (out !== null) return out;
        return inOrder ? input : copyFields(input, keys, keys.length);
      }, watches);
    }
  }
  throw new Error(`compileShape: zod 构造“${def.type}”未支持`);
}

/**
 * Field `at` of an object checked: `out` as it goes on (null while every field so far came out as it went in, then
 * the copy), or INVALID.
 */
function fieldInto(
  input: Record<string, unknown>,
  keys: readonly string[],
  fields: readonly Check[],
  at: number,
  path: string,
  out: Record<string, unknown> | null,
): Record<string, unknown> | null | typeof INVALID {
  const key = keys[at];
  const field = fields[at];
  const before = input[key];
  const r = field(before, field.watches ? `${path}.${key}` : path);
  if (r === INVALID) return INVALID;
  if (out === null) {
    if (r === before) return null;
    out = copyFields(input, keys, at);
  }
  // As zod: a field that comes out undefined is kept only when the input had the key.
  if (r !== undefined || key in input) out[key] = r;
  return out;
}

/** The input's fields among the first `count` schema keys, in schema order (a field absent stays absent). */
function copyFields(input: Record<string, unknown>, keys: readonly string[], count: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let j = 0; j < count; j++) {
    const k = keys[j];
    if (input[k] !== undefined || k in input) out[k] = input[k];
  }
  return out;
}

