import { sanitizeForTerminal } from '../../core/text/sanitize.js';

// The debug logger (`--debug`, SELFREVIEW_DEBUG=1): each line says how long since the run began,
// so a slow git command or stage shows at a glance. Passed in, never read from a global.

export interface Logger {
  readonly isEnabled: boolean;
  debug(message: string): void;
  /** Runs `work`, logging its label and duration when enabled. */
  time<T>(label: string, work: () => Promise<T>): Promise<T>;
}

// Not performance.now(): the first use of the `performance` global loads perf_hooks (~10 internal
// modules) on every start.
const now = () => Number(process.hrtime.bigint()) / 1e6;

export function createLogger(isEnabled: boolean, write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  const start = now();
  const stamp = () => `+${Math.round(now() - start)}ms`;
  const debug = (message: string) => {
    // Messages hold git command lines, hence staged file names: sanitized like the report.
    if (isEnabled) write(`selfreview ${stamp()} ${sanitizeForTerminal(message)}\n`);
  };
  return {
    isEnabled,
    debug,
    async time(label, work) {
      if (!isEnabled) return work();
      const began = now();
      try {
        return await work();
      } finally {
        debug(`${label} (${Math.round(now() - began)}ms)`);
      }
    },
  };
}

export const silentLogger: Logger = createLogger(false);
