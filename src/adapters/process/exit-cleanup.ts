// What must be undone however the process ends: temporary index copies removed, the terminal's
// cursor shown and raw mode left. `finally` blocks do not run when a signal kills the process,
// so the same cleanups also run from handlers for SIGINT, SIGTERM and SIGHUP, which then exit
// with 128 + the signal's number (130 for Ctrl-C, as the exit-code table says). Cleanups are
// synchronous: after a signal there is no later tick to wait for. SIGKILL cannot be caught:
// what it leaves is cleaned by the next run (see git/temp-index.ts).

type Cleanup = () => void;

const cleanups = new Set<Cleanup>();
const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
let isInstalled = false;
// Inside a critical section (the index being replaced) a signal is only noted: exiting there
// would leave a half-done job, such as a stale index.lock that stops every later git command.
let holding = 0;
let held: NodeJS.Signals | null = null;

function runCleanups(): void {
  for (const cleanup of [...cleanups].reverse()) {
    try {
      cleanup();
    } catch {
      // One failed cleanup must not keep the others from running.
    }
  }
  cleanups.clear();
}

function install(): void {
  if (isInstalled) return;
  isInstalled = true;
  process.on('exit', runCleanups);
  for (const [signal, number] of Object.entries(SIGNALS)) {
    process.on(signal, () => {
      if (holding > 0) {
        held ??= signal as NodeJS.Signals;
        return;
      }
      runCleanups();
      process.exit(128 + number);
    });
  }
}

/** Runs `cleanup` at exit or on a terminating signal, unless the returned function is called first. */
export function addExitCleanup(cleanup: Cleanup): () => void {
  install();
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
  };
}

/**
 * Runs `work` with SIGINT, SIGTERM and SIGHUP held: they are noted, not acted on, until it has
 * finished or failed. Resolves to its result (or rethrows its error) and the first signal held.
 */
export async function holdTerminatingSignals<T>(
  work: () => Promise<T>,
): Promise<{ readonly result: T; readonly signal: NodeJS.Signals | null }> {
  install();
  holding++;
  try {
    const result = await work();
    return { result, signal: held };
  } finally {
    holding--;
    if (holding === 0) held = null;
  }
}

/** The signal held during the current critical section, if any (for a failed `work`). */
export function readHeldSignal(): NodeJS.Signals | null {
  return held;
}
