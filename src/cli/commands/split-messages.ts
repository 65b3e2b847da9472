import { InterruptedError } from '../../adapters/git/defer-signals.js';

// What `selfreview split` says when it is stopped: the index is the old one or the new one,
// never half of each; the original is saved under the git directory either way.

export const INTERRUPTED_SPLIT =
  'Interrupted: the index is as it was before this step (the original is saved; `selfreview split --restore` puts it back if a group was staged).';

/** Ctrl-C at a prompt (inquirer's ExitPromptError) or during the index replacement. */
export function isInterruption(error: unknown): boolean {
  return error instanceof InterruptedError || (error instanceof Error && error.name === 'ExitPromptError');
}
