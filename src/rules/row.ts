// The row context rules read (RowContext in types.ts), with the texts derived from the row's cells computed on
// first use and then shared: several rules compare the same bare value or measure name, and deriving them once
// per row (not once per rule) saves the regex passes and the garbage on a 90,000-row document.
import type { Indicator } from "../domain/schema.js";
import { normalizeValueText } from "../domain/numbers.js";
import type { ParsedValue } from "../domain/value.types.js";
import { squash } from "./structure-util.js";
import type { RowContext } from "./types.js";
import { bare, measureName } from "./value-common.js";

export class Row implements RowContext {
  // Plain fields set in the constructor keep one object shape for every row (undefined = not computed yet).
  private _measureName: string | undefined = undefined;
  private _squashedName: string | undefined = undefined;
  private _bareName: string | undefined = undefined;
  private _bareDescription: string | undefined = undefined;
  private _bareValue: string | undefined = undefined;
  private _normalizedValue: string | undefined = undefined;
  private _normalizedNameDescription: string | undefined = undefined;

  constructor(
    readonly index: number,
    readonly indicator: Indicator,
    readonly value: string,
    readonly parsed: ParsedValue,
    readonly level1: string | null,
    readonly level2: string | null,
    readonly empty: boolean,
    readonly shiftedFrom?: Indicator,
  ) {}

  get measureName(): string {
    return (this._measureName ??= measureName(this.indicator.name));
  }

  get squashedName(): string {
    return (this._squashedName ??= squash(this.indicator.name));
  }

  get bareName(): string {
    return (this._bareName ??= bare(this.indicator.name));
  }

  get bareDescription(): string {
    return (this._bareDescription ??= bare(this.indicator.description));
  }

  get bareValue(): string {
    return (this._bareValue ??= bare(this.value));
  }

  /** The value with width and blanks normalized (normalizeValueText), as value-boilerplate compares it. */
  get normalizedValue(): string {
    return (this._normalizedValue ??= normalizeValueText(this.value));
  }

  /** The name and description as one normalized text (goal-not-measured looks a goal's amounts up in it). */
  get normalizedNameDescription(): string {
    return (this._normalizedNameDescription ??= normalizeValueText(`${this.indicator.name}${this.indicator.description}`));
  }
}
