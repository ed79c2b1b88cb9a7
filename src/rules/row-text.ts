// Texts derived from a row's cells, computed on first use and then shared by every rule that reads them.
// Several rules compare the same bare value or measure name; deriving them once per row (not once per rule)
// saves the regex passes and the garbage on a 90,000-row document.
import type { Indicator } from "../domain/schema.js";
import { squash } from "./structure-util.js";
import { bare, measureName } from "./value-common.js";

export class RowText {
  // Plain fields set in the constructor keep one object shape for every row (undefined = not computed yet).
  private _measureName: string | undefined = undefined;
  private _squashedName: string | undefined = undefined;
  private _bareName: string | undefined = undefined;
  private _bareDescription: string | undefined = undefined;
  private _bareValue: string | undefined = undefined;

  constructor(private readonly indicator: Indicator) {}

  /** measureName(name): the 三级 name without its （%） tag and blanks. */
  get measureName(): string {
    return (this._measureName ??= measureName(this.indicator.name));
  }

  /** squash(name): the 三级 name without whitespace. */
  get squashedName(): string {
    return (this._squashedName ??= squash(this.indicator.name));
  }

  /** bare(name), bare(description), bare(value): reduced for comparison (no blanks, punctuation, symbols). */
  get bareName(): string {
    return (this._bareName ??= bare(this.indicator.name));
  }

  get bareDescription(): string {
    return (this._bareDescription ??= bare(this.indicator.description));
  }

  get bareValue(): string {
    return (this._bareValue ??= bare(this.indicator.value));
  }
}
