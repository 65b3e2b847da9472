import { describe, expect, test } from '@jest/globals';
import { addPatchIds, formatPatchIdInput, parsePatchIds } from '../../../src/core/change/patch-id-sum.js';
import { summarizePatch } from '../../../src/core/change/patch-summary.js';
import { splitPatchByCommit, splitPatchByFile } from '../../../src/core/change/split-patch.js';

const A = '1'.repeat(40);
const B = '2'.repeat(40);
const patch = [
  `diff --git a/src/a b.ts b/src/a b.ts`,
  `index ${A}..${B} 100644`,
  '--- a/src/a b.ts',
  '+++ b/src/a b.ts',
  '@@ -1,2 +1,2 @@',
  '-old',
  '+new',
  '+--- not a header',
  ' same',
  'diff --git "a/caf\\303\\251.txt" "b/caf\\303\\251.txt"',
  'new file mode 100644',
  `index ${'0'.repeat(40)}..${A}`,
  'Binary files /dev/null and "b/caf\\303\\251.txt" differ',
  '',
].join('\n');

describe('patches split by commit and file', () => {
  test('files with their blobs and line counts, quoted names decoded', () => {
    const files = splitPatchByFile(patch);
    expect(files.map(({ text: _t, ...f }) => f)).toEqual([
      { path: 'src/a b.ts', oldBlob: A, newBlob: B, added: 2, removed: 1 },
      { path: 'café.txt', oldBlob: '0'.repeat(40), newBlob: A, added: 0, removed: 0 },
    ]);
    expect(files[1]!.text.startsWith('diff --git "a/caf')).toBe(true);
  });

  test('diff-tree --stdin output by commit', () => {
    const byCommit = splitPatchByCommit(`${A}\n${patch}${B}\n`);
    expect([...byCommit.keys()]).toEqual([A, B]);
    expect(splitPatchByFile(byCommit.get(A)!)).toHaveLength(2);
    expect(byCommit.get(B)).toBe('');
  });

  test('per-file ids are labelled, parsed back and added up as git adds them', () => {
    const files = splitPatchByFile(patch);
    expect(
      formatPatchIdInput(files)
        .split('\n')
        .filter((l) => l.startsWith('commit ')),
    ).toEqual([`commit ${'0'.repeat(40)}`, `commit ${'0'.repeat(39)}1`]);
    // git adds the per-file hashes byte by byte, little-endian, with carry (patch-id.c).
    expect(addPatchIds([`ff${'0'.repeat(38)}`, `01${'0'.repeat(38)}`])).toBe(`0001${'0'.repeat(36)}`);
    expect(addPatchIds([`${'0'.repeat(38)}ff`, `${'0'.repeat(38)}01`])).toBe('0'.repeat(40));
    const ids = parsePatchIds(`${'a'.repeat(40)} ${'0'.repeat(40)}\n`);
    const summary = summarizePatch(files, ids);
    expect(summary.files.map((f) => f.patchId)).toEqual(['a'.repeat(40), '0'.repeat(40)]);
    expect(summary.id).toBe('a'.repeat(40));
  });
});
