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
