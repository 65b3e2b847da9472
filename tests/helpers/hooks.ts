import { spawn } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testEnv } from './env.js';
import { SETSID } from './no-terminal.js';
import { CLI, type TempRepo } from './temp-repo.js';

// Every hook `selfreview init` installs, written straight into .git/hooks and calling the built
// CLI of this checkout: shared by all worktrees of the repository (they have no node_modules).

export function installAllHooks(repo: TempRepo): void {
  const run = `"${process.execPath}" "${CLI}"`;
  const hooks: Record<string, string> = {
    'pre-commit': run,
    'prepare-commit-msg': `${run} hook prepare-commit-msg "$@"`,
    'commit-msg': `${run} hook commit-msg "$@"`,
    'post-commit': `${run} hook post-commit`,
  };
  for (const [name, line] of Object.entries(hooks)) {
    const path = join(repo.dir, '.git', 'hooks', name);
    writeFileSync(path, `#!/bin/sh\nexec ${line}\n`);
    chmodSync(path, 0o755);
  }
}

/** `git commit` without a terminal, asynchronously: several can race. */
export function commitAsync(
  cwd: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(SETSID, ['--wait', 'git', 'commit', ...args], { cwd, env: testEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}
