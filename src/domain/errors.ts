// One error type for input the user must fix: the CLI prints its message (Chinese, one line) and exits 2;
// MCP tools return it as an isError result. Anything else escaping is a bug.
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}

/** A text that holds no 绩效目标表 at all (prose): `jixiao import` can draft a table from it instead. */
export class NoTableError extends InputError {
  constructor(message: string) {
    super(message);
    this.name = "NoTableError";
  }
}
