import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from '@jest/globals';
import { testEnv } from '../helpers/env.js';
import { PROJECT_ROOT } from '../helpers/temp-repo.js';

// `npm run demo`, the README's first command, without a terminal (the answers come from a file):
// the commit is made, and each answer stands under the question it answers. The demo once keyed
// its answers by question id, and the piece `unit:src/cart/total.ts`, asked about `parseConfig`,
// got the answer about `total`.

let scratch: string | undefined;
afterEach(() => {
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
});

test('the demo commits its change, each answer under its own question', () => {
  scratch = mkdtempSync(join(tmpdir(), 'selfreview-demo-test-'));
  // The demo's repository and home are made under TMPDIR: this test's folder, removed after it.
  const demo = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'demo.mjs')], {
    cwd: PROJECT_ROOT,
    env: testEnv({ TMPDIR: scratch }),
    encoding: 'utf8',
    timeout: 240_000,
  });
  expect(demo.status).toBe(0);
  const out = demo.stdout;
  const committed = out.slice(out.indexOf('SELFREVIEW_ANSWERS=answers.json git commit'));
  expect(committed).toMatch(/^\(exit code 0\)$/m);
  expect(committed).toMatch(/^Self-Review: risk=low lines=\+9\/-6 files=3 human /m);
  // In `selfreview show`: the question about `parseConfig` holds the answer about `parseConfig`.
  const shown = out.slice(out.indexOf('$ npx selfreview show'));
  const unit = shown
    .split('\n\n')
    .find((block) => /^In src\/config\/parse\.ts.*`parseConfig` changed its signature( \([^)]*\))?: what/.test(block));
  expect(unit).toMatch(/\n {2}parseConfig takes defaults/);
  const impact = shown.split('\n\n').find((block) => block.startsWith('`parseConfig` in src/config/parse.ts changed its signature'));
  expect(impact).toMatch(/\n {2}\[callers-updated\] /);
});
