// The value grammar: parseValue(text) → ParsedValue. Never throws. (Being implemented.)
import type { ParsedValue, ParseOptions } from "./value.types.js";
export type * from "./value.types.js";

export function parseValue(text: string, _opts: ParseOptions = {}): ParsedValue {
  return { kind: "text", raw: text, question: false, hasNumber: /\d/.test(text) };
}
