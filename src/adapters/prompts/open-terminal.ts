import { openSync } from 'node:fs';
import { ReadStream, WriteStream } from 'node:tty';

// The controlling terminal, opened directly: in a git hook stdin is not a terminal (git gives it
// none), so we open /dev/tty for reading and writing, as commitizen's hooks do. Without a
// controlling terminal (GUI clients, CI, setsid) opening it fails at once: nothing hangs. Kept
// apart from the prompter so that finding no terminal never loads inquirer.

export interface Terminal {
  readonly input: ReadStream;
  readonly output: WriteStream;
}

/** The controlling terminal, or null when there is none. */
export function openTerminal(): Terminal | null {
  try {
    const input = new ReadStream(openSync('/dev/tty', 'r'));
    const output = new WriteStream(openSync('/dev/tty', 'w'));
    return { input, output };
  } catch {
    return null;
  }
}
