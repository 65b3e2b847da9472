import type { Logger } from '../adapters/log/logger.js';

/** State one run shares between commander's actions and main(): the exit code and the logger. */
export interface RunContext {
  readonly version: string;
  exitCode: number;
  isDebug: boolean;
  logger(flags: { debug?: boolean }): Logger;
}
