import { execFileSync } from 'node:child_process';
import { describe } from '@jest/globals';

// A real terminal for interactive tests: a tmux session on a private socket, driven with
// send-keys and read with capture-pane, as a person at a terminal would.

export class Terminal {
  private readonly socket = `selfreview-test-${process.pid}-${Math.random().toString(36).slice(2)}`;

  constructor(cwd: string, env: NodeJS.ProcessEnv) {
    const assignments = Object.entries(env).map(([k, v]) => `${k}=${String(v)}`);
    this.tmux([
      'new-session',
      '-d',
      '-x',
      '160',
      '-y',
      '50',
      '-c',
      cwd,
      'env',
      '-i',
      ...assignments,
      'TERM=xterm-256color',
      'bash',
      '--norc',
      '--noprofile',
    ]);
  }

  private tmux(args: readonly string[]): string {
    return execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  }

  /** Types text (literally) and optionally Enter. */
  type(text: string, enter = true): void {
    if (text !== '') this.tmux(['send-keys', '-t', '0', '-l', text]);
    if (enter) this.tmux(['send-keys', '-t', '0', 'Enter']);
  }

  key(name: string): void {
    this.tmux(['send-keys', '-t', '0', name]);
  }

  /** Copies everything the program writes to the terminal, escapes and all, to `file` from now on. */
  record(file: string): void {
    this.tmux(['pipe-pane', '-t', '0', '-o', `cat >> '${file.replace(/'/g, "'\\''")}'`]);
  }

  screen(): string {
    return this.tmux(['capture-pane', '-p', '-J', '-S', '-200', '-t', '0']);
  }

  /** Whether the terminal shows its cursor (a program that hides it must show it again). */
  isCursorVisible(): boolean {
    return this.tmux(['display-message', '-p', '-t', '0', '#{cursor_flag}']).trim() === '1';
  }

  /** Waits until the screen matches, or fails with what it shows. */
  async waitFor(pattern: RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = this.screen();
      if (pattern.test(text)) return text;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; the screen shows:\n${text}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  close(): void {
    try {
      this.tmux(['kill-server']);
    } catch {
      // already gone
    }
  }
}

/** Whether tmux can run here: the terminal tests need it. */
export const HAS_TMUX = (() => {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** `describe` for tests in a real terminal; where tmux is missing, skipped with a line saying so. */
export const describeInTerminal: typeof describe.skip = HAS_TMUX
  ? describe
  : (() => {
      process.stderr.write('SKIPPED: terminal tests need tmux, which is not installed here (apt-get install tmux).\n');
      return describe.skip;
    })();
