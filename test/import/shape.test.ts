// The one-pass shape check (import/shape.ts) against zod itself: on every Document JSON in the repo, on
// documents with fields removed, retyped or added at random, both accept the same inputs and give the same
// output — defaults filled, unknown keys dropped, the same keys present (undefined ones included).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DocumentSchema, IndicatorSchema, ProjectSchema } from "../../src/domain/schema.js";
import { compileShape, INVALID } from "../../src/import/shape.js";

const noted: string[] = [];
const check = compileShape(DocumentSchema, new Set([DocumentSchema, ProjectSchema, IndicatorSchema]), () => (path, keys) => {
  noted.push(`${path}:${keys.join(",")}`);
});

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsonFiles(join(dir, e.name)) : e.name.endsWith(".json") ? [join(dir, e.name)] : [],
  );
}

function agrees(raw: unknown): void {
  const zod = DocumentSchema.safeParse(raw);
  const fast = check(raw);
  if (!zod.success) {
    expect(fast).toBe(INVALID);
    return;
  }
  expect(fast).not.toBe(INVALID);
  expect(fast).toStrictEqual(zod.data);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
}

const seed = JSON.parse(readFileSync("examples/chengde-gxq-2023.gold.json", "utf8")) as Record<string, unknown>;

describe("shape check = zod", () => {
  const files = [...jsonFiles("examples"), ...jsonFiles("test/fixtures")];
  it.each(files)("%s", (file) => {
    agrees(JSON.parse(readFileSync(file, "utf8")));
  });

  it("documents with fields removed, retyped or added", () => {
    const replacement = fc.oneof(fc.constant(undefined), fc.constant(null), fc.string(), fc.integer(), fc.double(), fc.constant([]), fc.constant({}), fc.constantFrom("正向", "定性", "legacy"));
    fc.assert(
      fc.property(fc.nat(13), fc.nat(30), fc.constantFrom("doc", "project", "indicator"), fc.string({ minLength: 1, maxLength: 12 }), replacement, (pi, ii, level, key, value) => {
        const doc = structuredClone(seed) as { projects: { indicators: Record<string, unknown>[] }[] } & Record<string, unknown>;
        const project = doc.projects[pi % doc.projects.length] as unknown as Record<string, unknown> & { indicators: Record<string, unknown>[] };
        const target: Record<string, unknown> = level === "doc" ? doc : level === "project" ? project : project.indicators[ii % project.indicators.length];
        const keys = Object.keys(target);
        const field = key.startsWith("x") ? key : (keys[key.length % keys.length] ?? key);
        if (value === undefined) delete target[field];
        else target[field] = value;
        agrees(doc);
      }),
      { numRuns: 400 },
    );
  });

  it("notes unknown fields on the document, its projects and rows, with their JSON path", () => {
    noted.length = 0;
    const doc = structuredClone(seed) as { projects: { indicators: Record<string, unknown>[] }[] } & Record<string, unknown>;
    doc.extra = 1;
    (doc.projects[1] as unknown as Record<string, unknown>).indicator = [];
    doc.projects[2].indicators[3].valu = "5";
    expect(check(doc)).not.toBe(INVALID);
    expect(noted).toEqual(["$:extra", "$.projects[1]:indicator", "$.projects[2].indicators[3]:valu"]);
  });
});
