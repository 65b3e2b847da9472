import { expect, test } from '@jest/globals';
import { rebuildOldSide } from '../../../src/core/change/rebuild-old-side.js';
import type { Hunk } from '../../../src/core/split/split-plan.js';

const hunk = (oldStart: number, oldLines: number, newStart: number, newLines: number, removed: string[], added: string[]): Hunk => ({
  oldStart,
  oldLines,
  newStart,
  newLines,
  heading: '',
  removed,
  added,
});

test('the old side is the new side with each hunk put back, from the last hunk up', () => {
  // old: a b c d e    new: z a B d e f  (an insertion at the top, a replacement, an append)
  const hunks = [hunk(0, 0, 1, 1, [], ['z']), hunk(2, 2, 3, 1, ['b', 'c'], ['B']), hunk(5, 0, 6, 1, [], ['f'])];
  expect(rebuildOldSide('z\na\nB\nd\ne\nf\n', hunks)[0]).toBe('a\nb\nc\nd\ne\n');
  // a pure deletion: git points at the line after which the lines went
  expect(rebuildOldSide('a\nd\n', [hunk(2, 2, 1, 0, ['b', 'c'], [])])[0]).toBe('a\nb\nc\nd\n');
  expect(rebuildOldSide('', [hunk(1, 2, 0, 0, ['a', 'b'], [])])).toContain('a\nb\n');
  expect(rebuildOldSide('a\n', [hunk(0, 0, 1, 1, [], ['a'])])).toEqual(['']);
});

test('both endings are offered where the patch drops "No newline at end of file"', () => {
  const candidates = rebuildOldSide('a\nB', [hunk(2, 1, 2, 1, ['b'], ['B'])]);
  expect(candidates).toEqual(['a\nb', 'a\nb\n']);
  expect(rebuildOldSide('a\r\nB\r\n', [hunk(2, 1, 2, 1, ['b\r'], ['B\r'])])[0]).toBe('a\r\nb\r\n');
});

test('hunks that do not fit the new side give nothing (git reads the blob)', () => {
  expect(rebuildOldSide('a\nb\n', [hunk(1, 1, 1, 1, ['x'], ['not-a'])])).toEqual([]);
  expect(rebuildOldSide('a\n', [hunk(1, 1, 5, 1, ['x'], ['a'])])).toEqual([]);
  expect(rebuildOldSide('a\nb\n', [hunk(1, 1, 1, 2, ['x'], ['a'])])).toEqual([]); // counts disagree with lines
  // overlapping hunks
  expect(rebuildOldSide('a\nb\nc\n', [hunk(1, 1, 1, 2, ['x'], ['a', 'b']), hunk(2, 1, 2, 1, ['y'], ['b'])])).toEqual([]);
});
