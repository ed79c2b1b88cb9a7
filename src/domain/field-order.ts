// The order of a Document's fields as schema.ts declares them, for code that builds a Document without zod (the
// form reader, on every `check` of a text): its JSON then reads exactly as a zod-parsed Document's. Written out
// here because loading zod costs more than checking a small file; test/domain/field-order.test.ts holds these
// lists equal to the schemas.

/** The keys of one object in order, and the order inside the values (objects or arrays of objects) it holds. */
export interface FieldOrder {
  keys: readonly string[];
  inner?: Readonly<Record<string, FieldOrder>>;
}

const WARNING: FieldOrder = { keys: ["line", "message"] };

export const INDICATOR_ORDER: FieldOrder = {
  keys: ["id", "level1", "level2", "name", "description", "value", "basis", "unit", "operator", "target", "direction", "weight", "nature", "needsConfirmation"],
};

export const PROJECT_ORDER: FieldOrder = {
  keys: [
    "id", "seq", "code", "name", "tableTitle", "explanationTitle", "summary", "funding", "narrativeGoals", "narrativeIndicators",
    "declaredCounts", "evaluationBasis", "budget", "purpose", "spendingPlan", "goals", "indicators", "profile", "notes", "importWarnings",
  ],
  inner: {
    declaredCounts: { keys: ["total", "output", "effect", "satisfaction", "cost"] },
    budget: { keys: ["total", "fiscal", "other"] },
    spendingPlan: { keys: ["mar", "jun", "oct", "dec"] },
    indicators: INDICATOR_ORDER,
    importWarnings: WARNING,
  },
};

export const DOCUMENT_ORDER: FieldOrder = {
  keys: ["source", "department", "preparedBy", "reviewedBy", "year", "unit", "profile", "toc", "overall", "projects", "importWarnings"],
  inner: {
    department: { keys: ["code", "name"] },
    toc: { keys: ["no", "title", "page"] },
    overall: {
      keys: ["goal", "subGoals", "safeguards"],
      inner: { subGoals: { keys: ["title", "targets"] }, safeguards: { keys: ["title", "text"] } },
    },
    projects: PROJECT_ORDER,
    importWarnings: WARNING,
  },
};

/**
 * The value with every object's keys in the declared order (unknown and undefined ones dropped), as new objects
 * and arrays — what a zod parse returns for a value that is already valid.
 */
export function inFieldOrder<T>(value: T, order: FieldOrder): T {
  if (Array.isArray(value)) return value.map((v) => inFieldOrder(v, order)) as T;
  if (typeof value !== "object" || value === null) return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const put = (key: string) => {
    const v = source[key];
    if (v === undefined) return;
    const inner = order.inner?.[key];
    out[key] = inner ? inFieldOrder(v, inner) : Array.isArray(v) ? [...v] : v;
  };
  for (const key of order.keys) if (Object.prototype.hasOwnProperty.call(source, key)) put(key);
  return out as T;
}
