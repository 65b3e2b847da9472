// What a slow step is doing, on stderr, so that a cold first review on a large repository does
// not look like a hang: nothing for a step that ends within a second; past that, on a terminal
// one line that updates in place (and is cleared when the step ends), elsewhere (a hook's log, CI)
// one plain line per step. Never on stdout: `--json` output stays one document. `--quiet` and
// NO_PROGRESS-like callers pass `enabled: false`.

export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  /** Starts a step; the returned function ends it. `detail` updates a running step's line. */
  step(label: string): ProgressStep;
}

export interface ProgressStep {
  update(detail: string): void;
  /** A phase of the step: on a terminal its line's detail, elsewhere a line of its own (once shown). */
  note(text: string): void;
  done(): void;
}

export interface ProgressOptions {
  readonly enabled: boolean;
  /** How long a step runs before it is shown (ms). */
  readonly delayMs?: number;
  /** The terminal's width, to keep the updating line on one row. */
  readonly columns?: number;
}

const NO_STEP: ProgressStep = { update: () => undefined, note: () => undefined, done: () => undefined };

export function createProgress(stream: ProgressStream, options: ProgressOptions): Progress {
  if (!options.enabled) return { step: () => NO_STEP };
  const delayMs = options.delayMs ?? 1000;
  const width = Math.max(20, (options.columns ?? 80) - 1);
  const isTTY = stream.isTTY === true;
  return {
    step(label) {
      let detail = '';
      let shown = false;
      let ticker: ReturnType<typeof setInterval> | undefined;
      const started = Date.now();
      const line = () => {
        const seconds = Math.round((Date.now() - started) / 1000);
        return `selfreview: ${label}${detail ? ` (${detail})` : ''}… ${seconds} s`.slice(0, width);
      };
      const show = () => {
        if (isTTY) stream.write(`\r\x1b[2K${line()}`);
        else if (!shown) stream.write(`selfreview: ${label}${detail ? ` (${detail})` : ''}…\n`);
        shown = true;
      };
      const start = () => {
        show();
        // The updating line counts the seconds; a plain stream gets its one line only.
        if (isTTY) ticker = setInterval(show, 1000);
      };
      const timer = setTimeout(start, delayMs);
      timer.unref?.();
      return {
        update(text) {
          detail = text;
          // Past the delay a phase shows as it starts, whether or not the timer has had its turn:
          // work that never yields to the event loop (the CLI's one script on Node 20 loads its
          // modules without a turn) would otherwise show only a later phase.
          if (!shown && Date.now() - started >= delayMs) {
            clearTimeout(timer);
            start();
          } else if (shown && isTTY) show();
        },
        note(text) {
          // Elsewhere a phase is a line of its own, once the step has run past the delay.
          if (isTTY || !shown) this.update(text);
          else stream.write(`selfreview: ${text}…\n`);
        },
        done() {
          clearTimeout(timer);
          if (ticker) clearInterval(ticker);
          if (shown && isTTY) stream.write('\r\x1b[2K');
        },
      };
    },
  };
}
