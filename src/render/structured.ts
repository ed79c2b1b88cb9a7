// The budget-system (预算管理一体化) view of one indicator: 指标性质, 指标方向, 目标值, 计量单位, 分值,
// taken from the indicator's structured fields where given, else derived from the value grammar.
import type { Indicator } from "../domain/schema.js";
import { operatorOfWord, parseValue } from "../domain/value.js";
import type { Operator } from "../domain/value.types.js";
import { trimNumber } from "./format.js";

export interface StructuredValue {
  /** ≥ ≤ ＝ ＞ ＜ for a quantitative value, 定性 otherwise. */
  nature: string;
  direction: "正向" | "反向" | "";
  target: number | string;
  unit: string;
  weight: number | "";
}

const SIGN: Record<Operator, string> = { ">=": "≥", "<=": "≤", "=": "＝", ">": "＞", "<": "＜" };

/** Any spelling of a comparison (≥, >=, 大于等于, ＝ …) → the grammar's normalized operator (domain/value.ts). */
export function normalizeOperator(text: string | undefined): Operator | null {
  return text ? operatorOfWord(text) : null;
}

export function operatorSign(op: Operator): string {
  return SIGN[op];
}

function directionOf(op: Operator | null): "正向" | "反向" | "" {
  if (op === ">=" || op === ">" || op === "=") return "正向";
  if (op === "<=" || op === "<") return "反向";
  return "";
}

export function structuredValue(ind: Indicator): StructuredValue {
  const parsed = parseValue(ind.value, { level2: ind.level2 });
  let derived: Omit<StructuredValue, "weight">;
  if (parsed.kind === "quantitative") {
    const op = parsed.operator ?? "=";
    // A multiplier word (1.1万户) is folded into the number so the unit column stays a plain unit.
    const number = parsed.scaled && parsed.unitKind !== "money" ? parsed.normalized : parsed.number;
    derived = { nature: SIGN[op], direction: directionOf(op), target: number, unit: parsed.unit };
  } else if (parsed.kind === "range") {
    derived = { nature: "定量", direction: "", target: `${trimNumber(parsed.low)}-${trimNumber(parsed.high)}`, unit: parsed.unit };
  } else {
    const text = parsed.kind === "grade" ? parsed.raw.trim() : ind.value.trim();
    derived = { nature: "定性", direction: parsed.kind === "grade" ? "正向" : "", target: text, unit: "" };
  }
  const op = normalizeOperator(ind.operator);
  return {
    nature: op ? SIGN[op] : ind.nature === "定性" ? "定性" : derived.nature,
    direction: ind.direction ?? (op ? directionOf(op) : derived.direction),
    target: ind.target ?? derived.target,
    unit: ind.unit ?? derived.unit,
    weight: ind.weight ?? "",
  };
}
