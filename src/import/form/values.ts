// Where a 指标值 starts in a row whose cells are not separated (web copies): a comparison or a number, a
// deadline, a range, a grade or a placeholder. Local patterns find the start; the value grammar
// (parseValue) confirms grades and placeholders so both agree on what a value is.
import { OPERATOR_PATTERN, parseValue } from "../../domain/value.js";

const OP = OPERATOR_PATTERN;
const NUMBER = "\\d+(?:\\.\\d+)?";
const QUANT = new RegExp(`^${OP}?\\s*${NUMBER}\\s*[^\\d]{0,6}$`);
const RANGE = new RegExp(`^${NUMBER}\\s*[%％]?\\s*[-~～－—至]\\s*${NUMBER}\\s*[^\\d]{0,4}$`);
const DEADLINE =
  /^(?:\d{4}年)?(?:\d{1,2}月(?:\d{1,2}日)?|\d{4}年)(?:底|末|中旬|上旬|下旬)?(?:前|之前|以前|内|完成)?$|^\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?(?:前|之前)?$/;
const PLACEHOLDER = /^(?:文字描述|[%％]|\*+|[xX×]+|待定|无)$/;

/** A grade of the value grammar's scale (domain/value.ts holds it once). */
function isGrade(text: string): boolean {
  const parsed = parseValue(text);
  return parsed.kind === "grade" && parsed.grade === text;
}

/** A whole cell that can only be a 指标值 (not a 三级 name). */
export function isValueText(text: string): boolean {
  const t = text.trim();
  if (!t) return false;
  if (QUANT.test(t) || RANGE.test(t) || DEADLINE.test(t) || PLACEHOLDER.test(t)) return true;
  // The grammar also calls a bare unit (`字`, `个`) a placeholder; only the written placeholder forms above can
  // open a value here, or any name's last character would be split off.
  return isGrade(t);
}

/** A token that can open a value written with spaces (`≥90 百分比`, `2024 年 10 月底前`). */
export function opensValue(token: string): boolean {
  return new RegExp(`^${OP}?\\s*\\d`).test(token) || isValueText(token);
}

const UNIT_TOKEN =
  /^(?:[%％‰]|百分比|百分号|个|次|户|人|人次|万人|元|万元|亿元|所|家|项|亩|万亩|平方米|米|公里|千米|吨|辆|台|套|件|份|篇|场|期|批|座|处|天|日|小时|个月|月|年|周|工作日|以上|以内|以下|及以上|前|之前|以前|月底前|底前|年底前|内)$/;

/** A token that continues a value (a unit, or the next part of a spaced date). */
export function continuesValue(sofar: string, token: string): boolean {
  if (UNIT_TOKEN.test(token)) return true;
  if (/[年月]$/.test(sofar) && /^\d{1,2}(?:月|日)?(?:底|末)?(?:前|之前)?$/.test(token)) return true;
  if (/\d$/.test(sofar) && /^(?:月|日)(?:底|末)?(?:前|之前)?$/.test(token)) return true;
  return false;
}

/**
 * Split `name+value` written together (`农村义务教育学校改造覆盖率100%`): the value is the longest tail that
 * reads as a value, so the name keeps its own digits. Null when no tail reads as a value.
 */
export function splitRunTogether(text: string): { name: string; value: string } | null {
  const t = text.trim();
  // A row is short; a long line is prose, and scanning every tail of it would be quadratic.
  if (t.length > 300) return null;
  for (let p = 1; p < t.length; p++) {
    const tail = t.slice(p);
    // Only try starts a value can have: an operator, a digit, or a grade/placeholder word.
    if (!/^[≥≤＞＜><=＝≧≦不大小高低达超\d文*xX×待无%％]/.test(tail) && tail.length > 6) continue;
    // A one-character grade (高, 优) at the end of a name is part of the name (`生态修复功能提高`).
    if (tail.length === 1 && !/[\d%％]/.test(tail)) continue;
    if (isValueText(tail)) return { name: t.slice(0, p), value: tail };
  }
  return null;
}
