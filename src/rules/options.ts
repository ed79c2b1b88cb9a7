// The thresholds a rule accepts in `.jixiaorc.json`, described as plain data (ESLint's `meta.schema` in
// spirit) and checked here by hand: every `check` loads the rules, and a zod schema per rule would load zod
// for a config that is rarely there. Every option is optional: a rule falls back to its default.
/** One threshold: a number (with bounds), a list of texts, or a map of texts to numbers. */
export type OptionSpec =
  | { type: "number"; integer?: boolean; min?: number; max?: number; /** exclusive lower bound */ above?: number }
  | { type: "texts"; minItems?: number }
  | { type: "numbers-by-text" };

export type RuleOptions = Readonly<Record<string, OptionSpec>>;

export interface OptionProblem {
  /** The option key at fault (`satisfactionFloor`), with any path inside it. */
  key: string;
  /** What is wrong, in Chinese, naming the allowed keys or the expected type. */
  problem: string;
}

/**
 * Check thresholds against a rule's options: a wrong value (in the order the options are declared) before a
 * misspelt key; null when they are fine.
 */
export function checkOptions(options: RuleOptions, thresholds: Record<string, unknown>): OptionProblem | null {
  for (const [key, spec] of Object.entries(options)) {
    const value = thresholds[key];
    if (value === undefined) continue;
    const problem = checkValue(spec, value, key);
    if (problem) return problem;
  }
  const unknown = Object.keys(thresholds).find((k) => !Object.prototype.hasOwnProperty.call(options, k));
  if (unknown !== undefined) {
    return { key: unknown, problem: `不是已知的选项（可用：${Object.keys(options).join("、")}，以及 severity、enabled）` };
  }
  return null;
}

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function checkValue(spec: OptionSpec, value: unknown, key: string): OptionProblem | null {
  if (spec.type === "number") {
    if (!isNumber(value)) return { key, problem: "应为数字" };
    if (spec.integer && !Number.isInteger(value)) return { key, problem: "应为整数" };
    if (spec.min !== undefined && value < spec.min) return { key, problem: `应不小于 ${spec.min}` };
    if (spec.above !== undefined && value <= spec.above) return { key, problem: `应大于 ${spec.above}` };
    if (spec.max !== undefined && value > spec.max) return { key, problem: `应不大于 ${spec.max}` };
    return null;
  }
  if (spec.type === "texts") {
    if (!Array.isArray(value)) return { key, problem: "应为数组" };
    const bad = value.findIndex((v) => typeof v !== "string");
    if (bad >= 0) return { key: `${key}.${bad}`, problem: "应为文本" };
    if (spec.minItems !== undefined && value.length < spec.minItems) return { key, problem: `应不小于 ${spec.minItems}` };
    return null;
  }
  if (!isPlainObject(value)) return { key, problem: "应为对象" };
  const bad = Object.keys(value).find((k) => !isNumber(value[k]));
  return bad === undefined ? null : { key: `${key}.${bad}`, problem: "应为数字" };
}
