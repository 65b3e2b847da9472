import { holdTerminatingSignals, readHeldSignal } from '../process/exit-cleanup.js';

// While the index is being replaced, Ctrl-C must not leave a half-done job: a stale index.lock
// would stop every later git command. The signal is noted and acted on once the critical
// section has finished or failed (git's children get the same Ctrl-C and fail on their own).
// The exit cleanups' signal handlers (process/exit-cleanup.ts) hold off while it runs.

export class InterruptedError extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted by ${signal}`);
    this.name = 'InterruptedError';
  }
}

export async function deferSignals<T>(work: () => Promise<T>): Promise<T> {
  let signal: NodeJS.Signals | null = null;
  try {
    const held = await holdTerminatingSignals(async () => {
      try {
        return await work();
      } catch (error) {
        // Ctrl-C reaches git and node together; node may see git's death first. A turn of the
        // event loop lets its own signal handler run, so the failure reads as the interruption.
        if (readHeldSignal() === null) await new Promise((resolve) => setTimeout(resolve, 50));
        throw error;
      } finally {
        signal = readHeldSignal();
      }
    });
    if (held.signal !== null) throw new InterruptedError(held.signal);
    return held.result;
  } catch (error) {
    throw signal !== null && !(error instanceof InterruptedError) ? new InterruptedError(signal) : error;
  }
}
