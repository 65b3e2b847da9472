import { describe, expect, test } from '@jest/globals';
import { parseDiffIndex } from '../../../src/core/change/parse-diff-index.js';
import { splitDiffTreeByCommit } from '../../../src/core/change/split-diff-tree-stdin.js';

const C1 = '1'.repeat(40);
const C2 = 'a'.repeat(40);
const Z = '0'.repeat(40);
const B = 'b'.repeat(40);

describe('splitDiffTreeByCommit', () => {
  test('splits per commit, keeping renames and odd names whole, and a commit with no change empty', () => {
    const output = [
      C1, `:000000 100644 ${Z} ${B} A`, 'new\nfile.ts', '3\t0\tnew\nfile.ts',
      C2, `:100644 100644 ${B} ${B} R100`, `${'c'.repeat(40)}.ts`, 'renamed.ts', '0\t0\t', `${'c'.repeat(40)}.ts`, 'renamed.ts',
      'd'.repeat(40),
      '',
    ].join('\0');
    const parts = splitDiffTreeByCommit(output);
    expect([...parts.keys()]).toEqual([C1, C2, 'd'.repeat(40)]);
    expect(parseDiffIndex(parts.get(C1)!)).toEqual([expect.objectContaining({ path: 'new\nfile.ts', status: 'added', added: 3 })]);
    // A path that looks like an object id is a path, not a commit boundary.
    expect(parseDiffIndex(parts.get(C2)!)).toEqual([expect.objectContaining({ path: 'renamed.ts', oldPath: `${'c'.repeat(40)}.ts`, status: 'renamed' })]);
    expect(parts.get('d'.repeat(40))).toBe('');
  });
});
