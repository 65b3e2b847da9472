import { expect, test } from '@jest/globals';
import { choosePackageRunner, selfreviewCommand } from '../../../src/core/config/package-runner.js';

test('the project runs selfreview as its packageManager field, then its lock file, says; npx otherwise', () => {
  const cases: Array<[string | null, string[], string]> = [
    ['pnpm@9.1.0', ['package-lock.json'], 'pnpm exec'],
    ['yarn@4.1.0', [], 'yarn'],
    ['bun@1.1.0', [], 'bunx'],
    ['npm@10.0.0', ['yarn.lock'], 'npx'],
    [null, ['yarn.lock'], 'yarn'],
    [null, ['pnpm-lock.yaml'], 'pnpm exec'],
    [null, ['bun.lockb'], 'bunx'],
    [null, ['bun.lock'], 'bunx'],
    ['deno@2', ['package-lock.json'], 'npx'],
    [null, [], 'npx'],
  ];
  for (const [packageManager, lockFiles, runner] of cases)
    expect([packageManager, choosePackageRunner({ packageManager, lockFiles })]).toEqual([packageManager, runner]);
  expect(selfreviewCommand('pnpm exec', 'split')).toBe('pnpm exec selfreview split');
  expect(selfreviewCommand('yarn')).toBe('yarn selfreview');
});

test('lock files of two managers at the root: the manager the scripts run decides, else the lock order', () => {
  // appwrite/console at 92ad5d0972's parent: a stray pnpm-lock.yaml beside bun.lock; every script is bun's.
  const appwrite = [
    'vite dev',
    'bun run build.js',
    "svelte-kit sync || echo ''",
    'rm -rf node_modules && rm -rf .svelte-kit && bun install',
    'prettier --check . && eslint .',
    'bun run test:unit && bun run test:e2e',
    'TZ=EST vitest run',
  ];
  const both = ['pnpm-lock.yaml', 'bun.lock'];
  expect(choosePackageRunner({ packageManager: null, lockFiles: both, scripts: appwrite })).toBe('bunx');
  expect(choosePackageRunner({ packageManager: null, lockFiles: both, scripts: ['pnpm -r build', 'vitest'] })).toBe('pnpm exec');
  // Words that only contain a manager's name are not its use: "ubuntu", "turbo run", "yarnpkg-lock".
  expect(choosePackageRunner({ packageManager: null, lockFiles: both, scripts: ['turbo run build', 'ubuntu'] })).toBe('pnpm exec');
  // A tie keeps the lock order; one manager's two lock files are one manager; packageManager still wins.
  expect(choosePackageRunner({ packageManager: null, lockFiles: both, scripts: ['bun x', 'pnpm y'] })).toBe('pnpm exec');
  expect(choosePackageRunner({ packageManager: null, lockFiles: ['bun.lock', 'bun.lockb'], scripts: ['npm run x'] })).toBe('bunx');
  expect(choosePackageRunner({ packageManager: 'yarn@4.1.0', lockFiles: both, scripts: appwrite })).toBe('yarn');
  expect(
    choosePackageRunner({ packageManager: null, lockFiles: ['package-lock.json', 'yarn.lock'], scripts: ['npm run a && npm run b'] }),
  ).toBe('npx');
});
