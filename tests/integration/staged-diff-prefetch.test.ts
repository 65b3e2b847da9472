import { afterEach, expect, test } from '@jest/globals';
import { openRepository, splitStagedDiff } from '../../src/adapters/git/git-client.js';
import { createLogger, silentLogger } from '../../src/adapters/log/logger.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

// The review asks git once for the staged records (raw, numstat) and the zero-context patch
// (`-z --raw --numstat -p`), and splits the output at git's separator: both halves must be what
// the two separate calls give, byte for byte, whatever the change holds. `impact` prefetches the
// records alone: the same records, and no patch taken from them.

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const lines = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `export const ${tag}${i} = ${i};\n`).join('');

async function bothWays(dir: string): Promise<void> {
  const logged: string[] = [];
  const once = await openRepository(
    dir,
    createLogger(true, (line) => logged.push(line)),
    { prefetchStagedDiff: true },
  );
  const apart = await openRepository(dir, silentLogger);
  const head = once.info.head ?? '';
  const [records, patch] = await Promise.all([once.readStagedDiff(head), once.readStagedHunkPatch(head)]);
  expect(records).toBe(await apart.readStagedDiff(head));
  expect(patch).toBe(await apart.readStagedHunkPatch(head));
  // Both came from the one process: git was not asked again.
  expect(logged.filter((line) => / git diff-index /.test(line))).toHaveLength(1);
  // The records alone (`impact`): the same records from one process; the patch, if asked, from another.
  const recordsLog: string[] = [];
  const records2 = await openRepository(
    dir,
    createLogger(true, (line) => recordsLog.push(line)),
    { prefetchStagedDiff: 'records' },
  );
  expect(await records2.readStagedDiff(head)).toBe(records);
  expect(recordsLog.filter((line) => / git diff-index /.test(line) && !/ -p /.test(line))).toHaveLength(1);
  expect(await records2.readStagedHunkPatch(head)).toBe(patch);
  // (nothing staged: no output, so the patch is known to be empty)
  expect(recordsLog.filter((line) => / git diff-index /.test(line))).toHaveLength(records === '' ? 1 : 2);
}

test('one git process gives the staged records and the patch that two give: renames, binaries, modes, odd names', async () => {
  repo = createTempRepo(
    {
      'src/old-name.ts': lines(30, 'moved'),
      'src/crlf.ts': 'export const a = 1;\r\nexport const b = 2;\r\n',
      'src/gone.ts': 'export const gone = 1;\n',
      'src/mode.sh': 'echo hi\n',
      'img.bin': Buffer.from([0, 1, 2, 3, 0, 255]),
      link: { symlink: 'src/gone.ts' },
      'src/copy-source.ts': lines(40, 'copied'),
    },
    { commit: true },
  );
  repo.git(['mv', 'src/old-name.ts', 'src/new-name.ts']);
  repo.stage({
    'src/new-name.ts': `${lines(30, 'moved')}export const more = 1;\n`,
    'src/crlf.ts': 'export const a = 1;\nexport const b = 2;\n', // only CRs: hidden by --ignore-cr-at-eol
    'img.bin': Buffer.from([0, 9, 9, 3, 0, 255]),
    link: { symlink: 'src/new-name.ts' },
    'src/copy-source.ts': `${lines(40, 'copied')}export const x = 1;\n`,
    'src/copy.ts': lines(40, 'copied'),
    'src/tab\there.ts': 'export const t = 1;\n',
    'src/new\nline.ts': 'export const n = 1;\n',
    'diff --git a/x b/x': 'a name like a patch header\n',
    'src/café.ts': 'export const café = 1;\n',
    'src/empty.ts': '',
  });
  repo.git(['rm', '-q', 'src/gone.ts']);
  repo.git(['update-index', '--chmod=+x', 'src/mode.sh']);
  await bothWays(repo.dir);

  // Nothing staged: no output at all, an empty patch.
  repo.git(['commit', '-q', '--no-verify', '-m', 'all of it']);
  await bothWays(repo.dir);
  // Only a mode change: a patch of headers alone.
  repo.git(['update-index', '--chmod=-x', 'src/mode.sh']);
  await bothWays(repo.dir);
});

test('an unmerged path (a conflict) splits as git prints it', async () => {
  repo = createTempRepo({ 'a.ts': 'export const a = 1;\n' }, { commit: true });
  repo.git(['checkout', '-q', '-b', 'other']);
  repo.commit('other', { 'a.ts': 'export const a = 2;\n' });
  repo.git(['checkout', '-q', 'main']);
  repo.commit('main', { 'a.ts': 'export const a = 3;\n', 'b.ts': 'export const b = 1;\n' });
  try {
    repo.git(['merge', '-q', '--no-edit', 'other']);
  } catch {
    // the conflict is the point
  }
  repo.stage({ 'c.ts': 'export const c = 1;\n' });
  await bothWays(repo.dir);
});

test('the split: records end at the first two NULs in a row; without them the patch is not known', () => {
  expect(splitStagedDiff('')).toEqual({ records: '', patch: '' });
  expect(splitStagedDiff(':100644 100644 a b M\0x.ts\x001\t0\tx.ts\0')).toEqual({
    records: ':100644 100644 a b M\0x.ts\x001\t0\tx.ts\0',
    patch: null,
  });
  expect(splitStagedDiff('r\0\0diff --git a/x b/x\n\0\0')).toEqual({ records: 'r\0', patch: 'diff --git a/x b/x\n\0\0' });
});
