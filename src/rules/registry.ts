// The rule registry, in catalog order (docs/rules.md) (findings of one row are reported in this order).
import type { Rule } from "./types.js";

import valuePlaceholder from "./value-placeholder.js";
import valueRepeatsName from "./value-repeats-name.js";
import valueQuestion from "./value-question.js";
import valueNotMeasurable from "./value-not-measurable.js";
import valueDirection from "./value-direction.js";
import valueOver100 from "./value-over-100.js";
import valueUnit from "./value-unit.js";
import costNotMoney from "./cost-not-money.js";
import costOverBudget from "./cost-over-budget.js";
import indicatorDuplicated from "./indicator-duplicated.js";
import nameIsCategory from "./name-is-category.js";
import emptyRow from "./empty-row.js";
import categoryMismatch from "./category-mismatch.js";
import levelInvalid from "./level-invalid.js";
import requiredLevel2Missing from "./required-level2-missing.js";
import satisfactionLow from "./satisfaction-low.js";
import timelinessVague from "./timeliness-vague.js";
import basisNotSource from "./basis-not-source.js";
import goalPlaceholder from "./goal-placeholder.js";
import goalCopied from "./goal-copied.js";
import declaredCountMismatch from "./declared-count-mismatch.js";
import budgetSum from "./budget-sum.js";
import planNotCumulative from "./plan-not-cumulative.js";
import planIncomplete from "./plan-incomplete.js";
import codeFormat from "./code-format.js";
import codeDuplicate from "./code-duplicate.js";
import weightSum from "./weight-sum.js";
import directionConflict from "./direction-conflict.js";
import valueExcelDate from "./value-excel-date.js";
import costZero from "./cost-zero.js";
import tocBrokenEntry from "./toc-broken-entry.js";
import valueVagueGrade from "./value-vague-grade.js";
import quantityOnlyRates from "./quantity-only-rates.js";
import valueBoilerplate from "./value-boilerplate.js";
import deadlineOutsideYear from "./deadline-outside-year.js";
import costConsistency from "./cost-consistency.js";
import goalNotMeasured from "./goal-not-measured.js";
import valueFieldConflict from "./value-field-conflict.js";
import nameMissing from "./name-missing.js";

export const RULES: Rule[] = [
  // The value rules judge the 值 field exclusively: the engine keeps the first hit per row in this order, so the
  // most specific judgement wins (a placeholder is not also "not measurable"; a cost in % is not also a unit problem).
  valuePlaceholder,
  valueRepeatsName,
  valueQuestion,
  costNotMoney,
  timelinessVague,
  valueNotMeasurable,
  valueDirection,
  valueOver100,
  valueUnit,
  costOverBudget,
  indicatorDuplicated,
  nameIsCategory,
  emptyRow,
  categoryMismatch,
  levelInvalid,
  requiredLevel2Missing,
  satisfactionLow,
  basisNotSource,
  goalPlaceholder,
  goalCopied,
  declaredCountMismatch,
  budgetSum,
  planNotCumulative,
  planIncomplete,
  codeFormat,
  codeDuplicate,
  weightSum,
  directionConflict,
  valueExcelDate,
  costZero,
  tocBrokenEntry,
  valueVagueGrade,
  quantityOnlyRates,
  valueBoilerplate,
  deadlineOutsideYear,
  costConsistency,
  goalNotMeasured,
  valueFieldConflict,
  nameMissing,
];

/** A rule by id, or undefined. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
