import { afterEach, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GitClient } from '../../src/adapters/git/git-client.js';
import { readQuizFiles } from '../../src/review/run-quiz.js';
import { analyseAsAi } from '../helpers/analyse-as-ai.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

// The quiz's material (both sides of each changed module) is read from the working tree where
// the file is the staged blob, its old side rebuilt from the hunks, and from git otherwise: it
// must be what git alone gives, byte for byte, whatever the change; git is asked only for what
// the working tree cannot give.

let repo: TempRepo | undefined;
let empty: string | undefined;
afterEach(() => {
  repo?.cleanup();
  if (empty !== undefined) rmSync(empty, { recursive: true, force: true });
  repo = empty = undefined;
});

const lines = (n: number, tag = 'line') => Array.from({ length: n }, (_, i) => `export const ${tag}${i} = ${i};\n`).join('');

test('both sides read without cat-file are what git reads, and git is asked only for the rest', async () => {
  repo = createTempRepo(
    {
      'src/multi.ts': lines(12),
      'src/lose-newline.ts': 'export const a = 1;\nexport const b = 2;\n',
      'src/gain-newline.ts': 'export const a = 1;\nexport const b = 2;',
      'src/emptied.ts': 'export const gone = 1;\n',
      'src/crlf.ts': 'export const a = 1;\r\nexport const b = 2;\r\nexport const c = 3;\r\n',
      'src/edited.ts': lines(4, 'e'),
      'src/old-name.ts': lines(20, 'moved'),
      'src/unicode.ts': '\uFEFFexport const café = "naïve";\nexport const b = 1;\n',
      'src/invalid.ts': Buffer.concat([
        Buffer.from('export const a = "'),
        Buffer.from([0xc3, 0x28]),
        Buffer.from('";\nexport const b = 1;\n'),
      ]),
    },
    { commit: true },
  );
  const multi = lines(12).split('\n');
  multi.splice(0, 0, 'export const top = 0;'); // an insertion at the top
  multi.splice(5, 2); // a deletion
  multi[9] = 'export const line9 = 99;'; // a replacement
  repo.stage({
    'src/multi.ts': `${multi.join('\n')}export const tail = 1;\n`,
    'src/lose-newline.ts': 'export const a = 1;\nexport const b = 3;',
    'src/gain-newline.ts': 'export const a = 1;\nexport const b = 3;\n',
    'src/emptied.ts': '',
    // a CR dropped (hidden by --ignore-cr-at-eol) beside a real change: not rebuilt, read from git
    'src/crlf.ts': 'export const a = 1;\nexport const b = 2;\r\nexport const c = 4;\r\n',
    'src/edited.ts': `${lines(4, 'e')}export const f = 1;\n`,
    'src/added.ts': 'export const fresh = 1;\n',
    'src/unicode.ts': '\uFEFFexport const café = "naïve";\nexport const b = 2;\n',
    'src/invalid.ts': Buffer.concat([
      Buffer.from('export const a = "'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('";\nexport const b = 2;\n'),
    ]),
  });
  repo.git(['mv', 'src/old-name.ts', 'src/new-name.ts']);
  repo.stage({ 'src/new-name.ts': `${lines(20, 'moved')}export const more = 1;\n` });
  writeFileSync(join(repo.dir, 'src/edited.ts'), 'an unstaged edit\n'); // the working tree is not the blob
  const { git, analysis } = await analyseAsAi(repo.dir);
  const asked: string[] = [];
  const counting: GitClient = { ...git, readBlobs: (ids) => (asked.push(...ids), git.readBlobs(ids)) };
  const files = await readQuizFiles(counting, analysis);

  // git alone: a root with no files in it makes every side come from cat-file
  empty = mkdtempSync(join(tmpdir(), 'selfreview-empty-'));
  const fromGit = await readQuizFiles({ ...git, info: { ...git.info, root: empty } }, analysis);
  expect(files).toEqual(fromGit);
  expect(files.map((f) => f.path).sort()).toEqual(
    ['added', 'crlf', 'edited', 'emptied', 'gain-newline', 'invalid', 'lose-newline', 'multi', 'new-name', 'unicode'].map(
      (n) => `src/${n}.ts`,
    ),
  );
  for (const f of files) {
    const entry = analysis.files.find((e) => e.path === f.path)!;
    expect(f.newText).toBe(repo.git(['cat-file', 'blob', entry.newBlob]));
    if (entry.status !== 'added') expect(f.oldText).toBe(repo.git(['cat-file', 'blob', entry.oldBlob]));
  }
  const blobOf = (path: string, side: 'oldBlob' | 'newBlob') => analysis.files.find((e) => e.path === path)![side];
  expect(asked.sort()).toEqual(
    [
      blobOf('src/crlf.ts', 'oldBlob'),
      blobOf('src/edited.ts', 'oldBlob'),
      blobOf('src/edited.ts', 'newBlob'),
      blobOf('src/invalid.ts', 'oldBlob'),
    ].sort(),
  );
});
