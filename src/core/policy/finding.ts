// A finding of CI on one commit: data, not an exception (STYLE.md); cli maps verdicts to codes.

export interface Finding {
  readonly code: string;
  readonly level: 'error' | 'warning' | 'note';
  readonly message: string;
  /** What to run about it (fix-for-finding.ts); set by `selfreview ci`, absent for notes. */
  readonly fix?: FindingFix;
}

export interface FindingFix {
  /** One line: what the commands do. */
  readonly text: string;
  /** Shell commands, in order, as the project runs them (`pnpm exec selfreview …`). */
  readonly commands: readonly string[];
}
