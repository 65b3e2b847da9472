import { afterEach, expect, test } from '@jest/globals';
import { createNameLookup } from '../../src/adapters/git/lookup-name-sync.js';
import { readNamesIndexSync } from '../../src/adapters/git/names-index.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

// A path no tracked file has is looked for in the repository's texts (a package.json's build output, a
// docs link). Without the names index that is a `git grep` over every file per path; with it, the texts'
// words written as paths, read once (path-texts.ts). The verdicts must be the ones `git grep -F -w -i` gives.

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

const noPlatform = () => new Set<string>();

const paths = [
  'dist/index.js', // written in the README
  'DIST/INDEX.JS', // in another case
  'dist/cli.cjs', // package.json's "main"
  'docs/setup/intro.md',
  'setup/intro.md', // the end of a written path, after a `/`
  'lib/old.js', // followed by `.map`: `.` is no word character
  'dist/index', // followed by `.js`
  'ist/index.js', // inside a word: `d` before it
  'b.ts', // after `_`: a word character
  'a_b.ts',
  './dist/index.js', // as an answer may write it: looked for as written (no text has `./`), as before
  'src/a.ts', // tracked
  'dist/main.js', // written nowhere
  'docs/setup', // a folder the README names
  'docs/intro.md', // not written as such
  'lib/ümlaut/x.md', // letters of another script
  'lib/c++/x.md', // a character no path word holds: grepped
];

test('a path found only in a text: the same verdicts through the names index as through git grep', () => {
  repo = createTempRepo({
    'README.md':
      'Build with `npm run build`: the bundle is dist/index.js, the guide docs/setup/intro.md.\n' +
      'Source maps: lib/old.js.map; the helper src/a_b.ts; see lib/ümlaut/x.md and lib/c++/x.md.\n',
    'package.json': JSON.stringify({ name: 'app', main: 'dist/cli.cjs' }),
    'src/a.ts': 'export const formatPrice = (cents: number) => String(cents);\n',
  });
  for (const source of [{ kind: 'index' } as const, { kind: 'tree', rev: 'HEAD' } as const]) {
    const index = readNamesIndexSync(repo.dir, source);
    const grepped = createNameLookup(repo.dir, source, noPlatform);
    const indexed = createNameLookup(repo.dir, source, noPlatform, () => index);
    const verdicts = paths.map((path) => [path, indexed(path, 'path')]);
    expect(verdicts).toEqual(paths.map((path) => [path, grepped(path, 'path')]));
    // The cases above hold both verdicts.
    expect(verdicts.filter(([, found]) => found === false).map(([path]) => path)).toEqual([
      'ist/index.js',
      'b.ts',
      './dist/index.js',
      'dist/main.js',
      'docs/intro.md',
    ]);
  }
});

test('with the names index, a path is looked for in its path words, not grepped', () => {
  repo = createTempRepo({ 'src/a.ts': 'export const formatPrice = (cents: number) => String(cents);\n' });
  const index = { ...readNamesIndexSync(repo.dir, { kind: 'index' }), pathTexts: new Set(['see:build/out.js']) };
  const lookup = createNameLookup(repo.dir, { kind: 'index' }, noPlatform, () => index);
  // No file writes `build/out.js`: only the index's words can have found it.
  expect(lookup('build/out.js', 'path')).toBe(true);
  expect(lookup('build/other.js', 'path')).toBe(false);
});
