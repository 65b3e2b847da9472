import { describe, expect, test } from '@jest/globals';
import { parseDiffTreesByCommit } from '../../../src/core/change/parse-diff-index.js';

const C1 = '1'.repeat(40);
const C2 = 'a'.repeat(40);
const C3 = 'd'.repeat(40);
const Z = '0'.repeat(40);
const B = 'b'.repeat(40);

describe('parseDiffTreesByCommit', () => {
  test('splits per commit, keeping renames and odd names whole, and a commit with no change empty', () => {
    const output = [
      C3,
      C1,
      `:000000 100644 ${Z} ${B} A`,
      'new\nfile.ts',
      '3\t0\tnew\nfile.ts',
      C2,
      `:100644 100644 ${B} ${B} R100`,
      `${'c'.repeat(40)}`,
      'renamed.ts',
      '0\t0\t',
      `${'c'.repeat(40)}`,
      'renamed.ts',
      '',
    ].join('\0');
    const byCommit = parseDiffTreesByCommit(output);
    expect([...byCommit.keys()]).toEqual([C3, C1, C2]);
    expect(byCommit.get(C3)).toEqual([]);
    expect(byCommit.get(C1)).toEqual([expect.objectContaining({ path: 'new\nfile.ts', status: 'added', added: 3 })]);
    // A path that looks like an object id is a path, not a commit boundary.
    expect(byCommit.get(C2)).toEqual([
      expect.objectContaining({ path: 'renamed.ts', oldPath: 'c'.repeat(40), status: 'renamed', added: 0 }),
    ]);
  });
});
