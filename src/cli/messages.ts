import { ConfigError, GitError, InternalError, UsageError } from '../core/errors.js';
import { sanitizeForTerminal as clean } from '../core/text/sanitize.js';
import { EXIT } from './exit-codes.js';

// Every message a user reads when something went wrong, in one place: what happened, what to do.

export const MESSAGES = {
  skipped: 'selfreview: skipped (SELFREVIEW=0).',
  debugHint: 'Run again with --debug for details.',
} as const;

/** Turns a failure into one or a few lines and an exit code; a stack only with --debug. */
export function describeFailure(error: unknown, isDebug: boolean): { text: string; code: number } {
  const stack = isDebug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  if (error instanceof ConfigError) {
    const problems = error.problems.map((p) => `\n  - ${clean(p)}`).join('');
    return { text: `selfreview: config error: ${clean(error.message)}${problems}${stack}`, code: EXIT.usage };
  }
  if (error instanceof UsageError || error instanceof GitError) {
    return { text: `selfreview: ${clean(error.message)}${stack}`, code: EXIT.usage };
  }
  const message = error instanceof Error ? error.message : String(error);
  const kind = error instanceof InternalError ? 'internal error' : 'unexpected error';
  const hint = isDebug ? '' : ` ${MESSAGES.debugHint}`;
  return { text: `selfreview: ${kind}: ${clean(message.split('\n')[0] ?? '')}.${hint}${stack}`, code: EXIT.usage };
}
