// A finding of CI on one commit: data, not an exception (STYLE.md); cli maps verdicts to codes.

export interface Finding {
  readonly code: string;
  readonly level: 'error' | 'warning' | 'note';
  readonly message: string;
}
