import { describe, expect, test } from '@jest/globals';
import { parseDiffIndex } from '../../../src/core/change/parse-diff-index.js';

const Z = '0'.repeat(40);
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

const raw = (meta: string, ...paths: string[]) => `:${meta}\0${paths.join('\0')}\0`;

describe('parseDiffIndex', () => {
  test('reads statuses, renames with similarity and numstat counts keyed by new path', () => {
    const output =
      raw(`000000 100644 ${Z} ${A} A`, 'new file.ts') +
      raw(`100644 100644 ${A} ${B} R087`, 'old\nname.ts', 'new\tname.ts') +
      raw(`100644 000000 ${A} ${Z} D`, 'gone.ts') +
      '3\t0\tnew file.ts\0' +
      '2\t1\t\0old\nname.ts\0new\tname.ts\0' +
      '0\t9\tgone.ts\0';
    const files = parseDiffIndex(output);
    expect(files.map((f) => [f.status, f.path, f.oldPath, f.similarity, f.added, f.removed])).toEqual([
      ['added', 'new file.ts', undefined, undefined, 3, 0],
      ['renamed', 'new\tname.ts', 'old\nname.ts', 87, 2, 1],
      ['deleted', 'gone.ts', undefined, undefined, 0, 9],
    ]);
  });

  test('binary files count as files, not lines; mode-only and line-ending-only changes count 0', () => {
    const output =
      raw(`100644 100644 ${A} ${B} M`, 'logo.png') +
      raw(`100644 100755 ${A} ${A} M`, 'run.sh') +
      raw(`100644 100644 ${A} ${B} M`, 'crlf.txt') +
      '-\t-\tlogo.png\0' +
      '0\t0\trun.sh\0';
    const [png, sh, crlf] = parseDiffIndex(output);
    expect(png).toMatchObject({ binary: true, added: 0, removed: 0 });
    expect(sh).toMatchObject({ modeOnly: true, oldKind: 'file', newKind: 'executable' });
    expect(crlf).toMatchObject({ binary: false, added: 0, removed: 0, modeOnly: false });
  });

  test('submodule pointer moves count no lines; symlinks are told apart', () => {
    const output =
      raw(`160000 160000 ${A} ${B} M`, 'deps/lib') + raw(`000000 120000 ${Z} ${A} A`, 'link') + '1\t1\tdeps/lib\0' + '1\t0\tlink\0';
    const [sub, link] = parseDiffIndex(output);
    expect(sub).toMatchObject({ newKind: 'submodule', added: 0, removed: 0 });
    expect(link).toMatchObject({ newKind: 'symlink', added: 1 });
  });

  test('an empty diff is no files', () => {
    expect(parseDiffIndex('')).toEqual([]);
  });
});
