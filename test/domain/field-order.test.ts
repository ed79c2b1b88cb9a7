// The field order written out in domain/field-order.ts is the schemas' own, and the form reader's Documents read
// exactly as zod-parsed ones (key order included) over every form fixture.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DOCUMENT_ORDER, type FieldOrder } from "../../src/domain/field-order.js";
import { DocumentSchema } from "../../src/domain/schema.js";
import { importFile } from "../../src/import/index.js";

/** The FieldOrder a zod object schema declares, through optional/default/nullable wrappers and arrays. */
function orderOf(schema: z.ZodType): FieldOrder | null {
  let s = schema as z.ZodType & { unwrap?: () => z.ZodType };
  for (;;) {
    if (s instanceof z.ZodArray) s = s.element as typeof s;
    else if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) s = s.unwrap() as typeof s;
    else break;
  }
  if (!(s instanceof z.ZodObject)) return null;
  const inner: Record<string, FieldOrder> = {};
  for (const [key, value] of Object.entries(s.shape)) {
    const o = orderOf(value as z.ZodType);
    if (o) inner[key] = o;
  }
  return Object.keys(inner).length ? { keys: Object.keys(s.shape), inner } : { keys: Object.keys(s.shape) };
}

const ROOT = join(__dirname, "..", "..");
const FORMS = /\.(txt|md|docx|html|xlsx)$/;
function formFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "check-output" ? [] : formFiles(path);
    return FORMS.test(name) ? [path] : [];
  });
}

describe("field order", () => {
  it("is the schemas' own order at every level", () => {
    expect(DOCUMENT_ORDER).toEqual(orderOf(DocumentSchema));
  });

  it("makes the form reader's Documents read as zod-parsed ones, key order included", async () => {
    const files = [join(ROOT, "examples", "chengde-gxq-2023.txt"), ...formFiles(join(ROOT, "test", "fixtures"))];
    let read = 0;
    for (const file of files) {
      let doc;
      try {
        doc = await importFile(file);
      } catch {
        continue; // fixtures of refused input
      }
      read++;
      expect(JSON.stringify(doc), file).toBe(JSON.stringify(DocumentSchema.parse(doc)));
    }
    expect(read).toBeGreaterThan(50);
  });
});
