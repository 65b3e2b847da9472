// Exceptions are for failures, not findings (STYLE.md): a rejected change is an outcome, these are
// the cases where the review could not be made at all. Each carries what the user should do next.

export class SelfreviewError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad flags or arguments: exit 2. */
export class UsageError extends SelfreviewError {}

/** A config file that cannot be read or does not match the schema: exit 2. */
export class ConfigError extends SelfreviewError {
  constructor(
    message: string,
    readonly problems: readonly string[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** git failed or the repository is not in a state we can read: exit 2. */
export class GitError extends SelfreviewError {}

/** A bug of ours: exit 2, with a hint to rerun with --debug. */
export class InternalError extends SelfreviewError {}
