import { describe, expect, test } from '@jest/globals';
import type { FileChange } from '../../../src/core/change/staged-change.js';
import { advanceEntries, createRangeImpactMemo, rememberEntries } from '../../../src/review/range-impact-memo.js';

// CI's range-level reuse: a commit's tree from its parent's and its changes, and the import
// graph kept only while what it was built from still holds.

const blob = (n: number) => n.toString(16).padStart(40, '0');
const change = (over: Partial<FileChange> & { path: string }): FileChange => ({
  status: 'modified',
  oldKind: 'file',
  newKind: 'file',
  oldBlob: blob(1),
  newBlob: blob(2),
  added: 1,
  removed: 0,
  binary: false,
  modeOnly: false,
  excluded: null,
  ...over,
});

describe('range impact memo', () => {
  test("a child's entries follow its changes; another parent is not derived", () => {
    const memo = createRangeImpactMemo();
    rememberEntries(memo, 'c1', [
      { mode: '100644', blob: blob(1), path: 'a.ts' },
      { mode: '100644', blob: blob(3), path: 'old.ts' },
      { mode: '100644', blob: blob(4), path: 'gone.ts' },
    ]);
    const next = advanceEntries(
      memo,
      'c2',
      ['c1'],
      [
        change({ path: 'a.ts', newBlob: blob(9) }),
        change({ path: 'new.ts', oldPath: 'old.ts', status: 'renamed', newBlob: blob(3) }),
        change({ path: 'gone.ts', status: 'deleted', newKind: 'none', newBlob: blob(0) }),
        change({ path: 'bin.sh', status: 'added', newKind: 'executable', newBlob: blob(5) }),
      ],
    );
    expect(next?.map((e) => `${e.mode} ${e.path} ${e.blob.slice(-1)}`).sort()).toEqual([
      '100644 a.ts 9',
      '100644 new.ts 3',
      '100755 bin.sh 5',
    ]);
    expect(advanceEntries(memo, 'c4', ['c3'], [])).toBeNull();
    expect(advanceEntries(memo, 'c3', ['c2', 'x'], [])).toBeNull();
  });
});
