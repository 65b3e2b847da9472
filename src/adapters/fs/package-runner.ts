import { existsSync } from 'node:fs';
import { join } from 'node:path';

// The command that runs a package's binary in this project, as its lock file says: what the
// messages tell a person or an agent to type (`pnpm exec selfreview split --stage 1`).

const RUNNERS: ReadonlyArray<readonly [lockFile: string, runner: string]> = [
  ['pnpm-lock.yaml', 'pnpm exec'],
  ['yarn.lock', 'yarn'],
  ['bun.lockb', 'bunx'],
  ['bun.lock', 'bunx'],
];

export function detectPackageRunner(root: string): string {
  return RUNNERS.find(([file]) => existsSync(join(root, file)))?.[1] ?? 'npx';
}
