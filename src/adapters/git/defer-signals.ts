// While the index is being replaced, Ctrl-C must not leave a half-done job: a stale index.lock
// would stop every later git command. The signal is noted and acted on once the critical
// section has finished or failed (git's children get the same Ctrl-C and fail on their own).

export class InterruptedError extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted by ${signal}`);
    this.name = 'InterruptedError';
  }
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export async function deferSignals<T>(work: () => Promise<T>): Promise<T> {
  let received: NodeJS.Signals | null = null;
  const note = (signal: NodeJS.Signals) => {
    received ??= signal;
  };
  for (const signal of SIGNALS) process.on(signal, note);
  try {
    const result = await work();
    if (received !== null) throw new InterruptedError(received);
    return result;
  } catch (error) {
    throw received !== null && !(error instanceof InterruptedError) ? new InterruptedError(received) : error;
  } finally {
    for (const signal of SIGNALS) process.off(signal, note);
  }
}
