import { describe, expect, test } from '@jest/globals';
import { createExclusionMatcher, parseCheckAttr } from '../../../src/core/change/exclusions.js';

describe('exclusions', () => {
  const match = createExclusionMatcher(['fixtures/**', '*.csv']);

  test('config globs first, then attributes, then built-in names', () => {
    expect(match('fixtures/package-lock.json')).toBe('excluded by config');
    expect(match('data/x.csv')).toBe('excluded by config');
    expect(match('src/a.ts', { generated: true, vendored: false, noDiff: false })).toBe('generated (linguist-generated)');
    expect(match('deep/down/yarn.lock')).toBe('lock file');
    expect(match('src/__snapshots__/a.snap')).toBe('snapshot');
    expect(match('src/vendor/x.go')).toBe('vendored');
    expect(match('src/app.ts')).toBeNull();
    expect(match('src/lockfile.ts')).toBeNull();
  });

  test('parseCheckAttr reads set, unset and unspecified values for any file name', () => {
    const out = [
      'a b.ts',
      'linguist-generated',
      'set',
      'a b.ts',
      'linguist-vendored',
      'unspecified',
      'a b.ts',
      'diff',
      'unset',
      'x\ny',
      'linguist-generated',
      'true',
      'x\ny',
      'linguist-vendored',
      'false',
      'x\ny',
      'diff',
      'unspecified',
      '',
    ].join('\0');
    expect(Object.fromEntries(parseCheckAttr(out))).toEqual({
      'a b.ts': { generated: true, vendored: false, noDiff: true },
      'x\ny': { generated: true, vendored: false, noDiff: false },
    });
  });
});
