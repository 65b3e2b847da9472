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
