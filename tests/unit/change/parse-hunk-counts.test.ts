import { describe, expect, test } from '@jest/globals';
import { parseHunkCounts } from '../../../src/core/change/parse-hunk-counts.js';

// Patch text as `git diff-index -p -U0 --src-prefix=a/ --dst-prefix=b/` prints it (git 2.39).

describe('parseHunkCounts', () => {
  test('counts hunks per new path; deletions by their old path; binary and mode-only have none', () => {
    const patch = [
      'diff --git a/src/a.ts b/src/a.ts',
      'index 1111111..2222222 100644',
      '--- a/src/a.ts',
      '+++ b/src/a.ts',
      '@@ -3 +3 @@',
      '-old',
      '+new',
      '@@ -9,0 +10,2 @@',
      '+x',
      '+y',
      'diff --git a/gone.ts b/gone.ts',
      'deleted file mode 100644',
      'index 3333333..0000000',
      '--- a/gone.ts',
      '+++ /dev/null',
      '@@ -1,2 +0,0 @@',
      '-a',
      '-b',
      'diff --git a/logo.png b/logo.png',
      'index 4444444..5555555 100644',
      'Binary files a/logo.png and b/logo.png differ',
      'diff --git a/run.sh b/run.sh',
      'old mode 100644',
      'new mode 100755',
      '',
    ].join('\n');
    expect(Object.fromEntries(parseHunkCounts(patch))).toEqual({ 'src/a.ts': 2, 'gone.ts': 1 });
  });

  test('a removed line that reads like a header is content, not a new file', () => {
    const patch = [
      'diff --git a/dash.txt b/dash.txt',
      '--- a/dash.txt',
      '+++ b/dash.txt',
      '@@ -1 +1 @@',
      '--- a/x',
      '+++ b/y',
      '@@ -5 +5 @@',
      '-z',
      '+w',
      '',
    ].join('\n');
    // "--- a/x" and "+++ b/y" are a removed "-- a/x" and an added "++ b/y"; the second @@ is still dash.txt's.
    expect(Object.fromEntries(parseHunkCounts(patch))).toEqual({ 'dash.txt': 2 });
  });

  test('quoted names (octal UTF-8, escapes) and the TAB git appends after a name with a space', () => {
    const patch = [
      'diff --git "a/\\303\\274n\\303\\257.txt" "b/\\303\\274n\\303\\257.txt"',
      '--- "a/\\303\\274n\\303\\257.txt"',
      '+++ "b/\\303\\274n\\303\\257.txt"',
      '@@ -1 +1 @@',
      'diff --git a/with space.txt b/with space.txt',
      '--- a/with space.txt\t',
      '+++ b/with space.txt\t',
      '@@ -1 +1 @@',
      'diff --git "a/new\\nline \\"q\\".ts" "b/new\\nline \\"q\\".ts"',
      'new file mode 100644',
      '--- /dev/null',
      '+++ "b/new\\nline \\"q\\".ts"',
      '@@ -0,0 +1 @@',
      '',
    ].join('\n');
    expect(Object.fromEntries(parseHunkCounts(patch))).toEqual({ 'ünï.txt': 1, 'with space.txt': 1, 'new\nline "q".ts': 1 });
  });

  test('a type change is two sections on one path: their hunks add up; empty patch, no counts', () => {
    const patch = [
      'diff --git a/p b/p',
      'deleted file mode 100644',
      '--- a/p',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-content',
      'diff --git a/p b/p',
      'new file mode 120000',
      '--- /dev/null',
      '+++ b/p',
      '@@ -0,0 +1 @@',
      '+target',
      '\\ No newline at end of file',
      '',
    ].join('\n');
    expect(parseHunkCounts(patch).get('p')).toBe(2);
    expect(parseHunkCounts('').size).toBe(0);
  });
});
