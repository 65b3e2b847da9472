import { expect, test } from '@jest/globals';
import { findLargestHunk } from '../../../src/core/change/largest-hunk.js';

test('the largest hunk of a zero-context patch, a pure deletion pointing at the line after it', () => {
  const patch = [
    'diff --git a/src/a.ts b/src/a.ts',
    '--- a/src/a.ts',
    '+++ b/src/a.ts',
    '@@ -2 +2 @@ export const a = 1;',
    '-x',
    '+y',
    '@@ -10,0 +11,4 @@',
    '+1',
    '+2',
    '+3',
    '+4',
    '@@ -20,2 +24,0 @@',
  ].join('\n');
  expect(findLargestHunk(patch)).toEqual({ startLine: 11, endLine: 14 });
  expect(findLargestHunk('@@ -5,3 +4,0 @@\n-a\n-b\n-c\n')).toEqual({ startLine: 4, endLine: 4 });
  expect(findLargestHunk('@@ -0,0 +0,0 @@\n')).toEqual({ startLine: 1, endLine: 1 });
  expect(findLargestHunk('Binary files differ\n')).toBeNull();
});
