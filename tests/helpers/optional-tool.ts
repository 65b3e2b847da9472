import { spawnSync } from 'node:child_process';
import { describe, test } from '@jest/globals';

// Tests that need a tool npm does not install (tmux for a real terminal, the pre-commit
// framework) skip where it is missing, with a line naming it, so the README's `npm ci && npm
// test` passes on a machine with only Node and git. `.ci/run` installs them, so CI runs these.

/** True when `tool` runs here (found on PATH and answers its version flag). */
export function hasTool(tool: string, versionArgs: readonly string[] = ['-V']): boolean {
  const result = spawnSync(tool, versionArgs, { stdio: 'ignore' });
  return result.error === undefined;
}

const said = new Set<string>();

function sayMissing(tool: string): void {
  if (said.has(tool)) return;
  said.add(tool);
  process.stderr.write(`skipped: these tests need ${tool} on PATH (.ci/run installs it; apt-get install ${tool})\n`);
}

/** `describe`, or `describe.skip` with its title naming the missing tool. */
export function describeWithTool(
  tool: string,
  versionArgs?: readonly string[],
): typeof describe | ((name: string, fn: () => void) => void) {
  if (hasTool(tool, versionArgs)) return describe;
  sayMissing(tool);
  return (name: string, fn: () => void) => describe.skip(`${name} [skipped: needs ${tool} on PATH]`, fn);
}

/** `test`, or `test.skip` with its title naming the missing tool. */
export function testWithTool(
  tool: string,
  versionArgs?: readonly string[],
): typeof test | ((name: string, fn: () => unknown, timeout?: number) => void) {
  if (hasTool(tool, versionArgs)) return test;
  sayMissing(tool);
  return (name: string, fn: () => unknown, timeout?: number) =>
    test.skip(`${name} [skipped: needs ${tool} on PATH]`, fn as () => void, timeout);
}
