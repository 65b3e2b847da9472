import { spawnSync } from 'node:child_process';
import { describe, expect, test } from '@jest/globals';
import type { ImpactReport } from '../../src/core/impact/impact-report.js';
import { testEnv } from '../helpers/env.js';
import { CLI, createTempRepo } from '../helpers/temp-repo.js';

// A changed file's two sides are compared by their hashes, and a side read from tokens
// (user-whole.ts) has hashes of its own, never equal to TypeScript's: where the tokens give one
// side and not the other (here a comment naming `keyof typeof`, which user-whole.ts leaves to
// TypeScript), the side read from tokens is read again by TypeScript (load-module-records.ts), or
// an edit of a comment would read as a changed function.

const AREA = 'export function area(r: number): number {\n  return r * r;\n}\n';
const USER = "import { area } from './area';\nexport const disc = (r: number) => 3.14 * area(r);\n";

function impactOf(before: string, after: string): ImpactReport {
  const repo = createTempRepo({ 'src/area.ts': before, 'src/disc.ts': USER });
  try {
    repo.stage({ 'src/area.ts': after });
    const run = spawnSync(process.execPath, [CLI, 'impact', '--json'], {
      cwd: repo.dir,
      env: testEnv(),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout) as ImpactReport;
  } finally {
    repo.cleanup();
  }
}

describe('a changed file read by two readers', () => {
  test.each([
    ['the old side TypeScript\u2019s, the new from tokens', `${AREA}// keyof typeof is named here only\n`, `${AREA}// a comment\n`],
    ['the new side TypeScript\u2019s, the old from tokens', `${AREA}// a comment\n`, `${AREA}// keyof typeof is named here only\n`],
    ['both from tokens', `${AREA}// a comment\n`, `${AREA}// another\n`],
  ])('a comment edited is trivia only: %s', (_, before, after) => {
    const report = impactOf(before, after);
    expect(report.triviaOnly).toEqual(['src/area.ts']);
    expect(report.changedSymbols).toEqual([]);
  });

  test('a body changed is told, whichever reader read each side', () => {
    const report = impactOf(`${AREA}// keyof typeof\n`, AREA.replace('r * r', 'r * 2'));
    expect(report.changedSymbols.map((s) => [s.name, s.change])).toEqual([['area', 'body-changed']]);
    expect(report.dependents.map((d) => d.path)).toEqual(['src/disc.ts']);
  });
});
