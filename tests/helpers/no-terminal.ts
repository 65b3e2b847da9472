import { existsSync } from 'node:fs';
import { spawnSync, type SpawnSyncOptionsWithStringEncoding, type SpawnSyncReturns } from 'node:child_process';

// Processes a test starts get no controlling terminal (`setsid`), as under CI or a GUI client:
// otherwise, run from a developer's terminal, the questionnaire would open /dev/tty and wait.
// The interactive tests give them a real one on purpose (tests/helpers/terminal.ts).

// Absolute: a test may run the command with a PATH that has no setsid on it (e.g. "no git").
export const SETSID = ['/usr/bin/setsid', '/bin/setsid'].find((p) => existsSync(p)) ?? 'setsid';

export function spawnWithoutTerminal(
  command: string,
  args: readonly string[],
  options: SpawnSyncOptionsWithStringEncoding,
): SpawnSyncReturns<string> {
  return spawnSync(SETSID, ['--wait', command, ...args], options);
}
