import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testEnv } from '../helpers/env.js';

// The CLI raises V8's interrupt budget (bin/selfreview.js): a cold run on a large repository
// spent about as much CPU compiling optimized code on V8's background threads as on its main
// thread (docs/speed.md, round 39). A preload records every flag the process sets, through the
// same `node:v8` object the CLI calls; a budget given on the command line is the user's and stays.

const BIN = fileURLToPath(new URL('../../bin/selfreview.js', import.meta.url));
let dir: string;

function flagsSet(nodeArgs: readonly string[]): string[] {
  const out = join(dir, `flags-${nodeArgs.length}`);
  const run = spawnSync(process.execPath, [...nodeArgs, '--require', join(dir, 'record.cjs'), BIN, '--version'], {
    cwd: dir,
    env: testEnv({ RECORD_FLAGS: out }),
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.status).toBe(0);
  expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  return readFileSync(out, 'utf8').split('\n').filter(Boolean);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'selfreview-v8-'));
  writeFileSync(
    join(dir, 'record.cjs'),
    `const fs = require('node:fs');
const v8 = require('node:v8');
const set = v8.setFlagsFromString;
fs.writeFileSync(process.env.RECORD_FLAGS, '');
v8.setFlagsFromString = (flags) => {
  fs.appendFileSync(process.env.RECORD_FLAGS, flags + '\\n');
  return set.call(v8, flags);
};
`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the CLI's V8 flags", () => {
  test('the interrupt budget is raised fourfold', () => {
    expect(flagsSet([])).toEqual(['--interrupt-budget=270336']);
  }, 60_000);

  test('a budget on the command line is left alone', () => {
    expect(flagsSet(['--interrupt-budget=100000'])).toEqual([]);
  }, 60_000);
});
