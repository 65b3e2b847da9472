import { closeSync, openSync, writeSync } from 'node:fs';
import { ReadStream, WriteStream } from 'node:tty';
import input from '@inquirer/input';
import select from '@inquirer/select';
import { openTerminal } from './open-terminal.js';
import type { Prompter } from '../../core/questionnaire/prompter.js';
import { NOT_SURE } from '../../core/questionnaire/question.js';
import { sanitizeForTerminal as clean } from '../../core/text/sanitize.js';
import { addExitCleanup } from '../process/exit-cleanup.js';

// Asks the questionnaire on the controlling terminal. In a git hook stdin is not a terminal
// (git gives it none), so we open /dev/tty for both reading and writing, as commitizen's hooks
// do. Without a controlling terminal (GUI clients, CI, setsid) opening it fails at once: the
// caller says how to proceed, nothing hangs.

export type { Prompter };

export interface Styles {
  dim(text: string): string;
  bold(text: string): string;
}

/**
 * Runs one inquirer prompt on its own pair of terminal streams. NOTE: inquirer ends its output
 * stream when a prompt is done; sharing one stream, the second prompt would write after end.
 */
export async function onFreshTerminal<T>(
  run: (context: { input: ReadStream; output: WriteStream; clearPromptOnDone: false }) => Promise<T>,
): Promise<T> {
  const terminal = openTerminal();
  if (terminal === null) throw new Error('the terminal went away');
  // A signal (kill, a closed terminal window) ends the process before inquirer's own clean-up
  // runs: the cursor would stay hidden and the terminal raw. Undo both, synchronously.
  const forget = addExitCleanup(() => restoreTerminal(terminal));
  try {
    return await run({ ...terminal, clearPromptOnDone: false });
  } finally {
    forget();
    terminal.input.destroy();
    terminal.output.destroy();
  }
}

const SHOW_CURSOR = '\u001b[?25h';

function restoreTerminal(terminal: { input: ReadStream; output: WriteStream }): void {
  if (!terminal.input.destroyed && terminal.input.isRaw) terminal.input.setRawMode(false);
  // A descriptor of our own: the prompt's stream may be mid-write or already ended.
  const fd = openSync('/dev/tty', 'w');
  try {
    writeSync(fd, `${SHOW_CURSOR}\n`);
  } finally {
    closeSync(fd);
  }
}

export function createTerminalPrompter(terminal: { input: ReadStream; output: WriteStream }, styles: Styles): Prompter {
  const write = (text: string) => terminal.output.write(text);
  return {
    write,
    async ask(question, { defaultAnswer, validate }) {
      write('\n');
      for (const line of question.context) write(`${styles.dim(clean(line))}\n`);
      const message = clean(question.message);
      if (question.kind === 'choice') {
        const choice = await onFreshTerminal((context) =>
          select(
            {
              message,
              choices: (question.choices ?? []).map((c) => ({ value: c.value, name: clean(c.label) })),
              ...(defaultAnswer?.choice !== undefined && { default: defaultAnswer.choice }),
            },
            context,
          ),
        );
        if (!question.needsReason || choice === NOT_SURE)
          return { questionId: question.id, choice, text: question.choices?.find((c) => c.value === choice)?.label ?? choice };
        const reason = await onFreshTerminal((context) =>
          input(
            { message: 'Why?', ...(defaultAnswer?.text && { default: defaultAnswer.text }), validate: (text) => validate(text) ?? true },
            context,
          ),
        );
        return { questionId: question.id, choice, text: reason };
      }
      const text = await onFreshTerminal((context) =>
        input(
          { message, ...(defaultAnswer?.text && { default: defaultAnswer.text }), validate: (value) => validate(value) ?? true },
          context,
        ),
      );
      return { questionId: question.id, text };
    },
    close() {
      terminal.input.destroy();
      terminal.output.destroy();
    },
  };
}
