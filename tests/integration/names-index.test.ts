import { afterEach, expect, test } from '@jest/globals';
import { createNameLookup, type NameSource } from '../../src/adapters/git/lookup-name-sync.js';
import { readNamesIndexSync, startNamesIndex, type NamesIndex } from '../../src/adapters/git/names-index.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

// The names index (built once per review while the person reads) must give the verdicts the
// per-name `git grep` gives: one table of names run through both, on the staged index and on a
// commit's tree, with the index built in the background and at once.

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

const noPlatform = () => new Set<string>();

function makeRepo(): TempRepo {
  const made = createTempRepo({
    'package.json': JSON.stringify({ name: 'app', dependencies: { 'left-pad': '1.0.0' } }),
    'src/a.ts': 'export const formatPrice = (cents: number) => String(cents);\nconst $store = { $patchState: 1 };\n',
    'docs/guide.md': 'Call `loadInvoices` before rendering.\n',
    'assets/logo.bin': Buffer.from([0, 1, 2, 0x6e, 0x61, 0x6d, 0x65, 0x49, 0x6e, 0x42, 0x69, 0x6e, 0]),
    '.gitignore': 'node_modules\n',
  });
  made.write({ 'node_modules/left-pad/index.d.ts': 'export declare function leftPadString(s: string): string;\n' });
  // Staged, not committed: the hook's index has it, HEAD's tree does not.
  made.write({ 'src/b.ts': 'export function applyDiscountCode(code: string) { return code; }\n' });
  made.git(['add', 'src/b.ts']);
  return made;
}

const NAMES: ReadonlyArray<readonly [string, 'identifier' | 'path']> = [
  ['formatPrice', 'identifier'],
  ['FORMATPRICE', 'identifier'],
  ['loadInvoices', 'identifier'],
  ['patchState', 'identifier'],
  ['$patchState', 'identifier'],
  ['leftPadString', 'identifier'],
  ['applyDiscountCode', 'identifier'],
  ['nameInBin', 'identifier'],
  ['useQueryObserverResult', 'identifier'],
  ['src/a.ts', 'path'],
  ['src/b.ts', 'path'],
  ['docs/missing.md', 'path'],
];

const verdicts = (root: string, source: NameSource, index?: NamesIndex) => {
  const exists = createNameLookup(root, source, noPlatform, () => index);
  return NAMES.map(([name, kind]) => [name, exists(name, kind)]);
};

test.each<NameSource['kind']>(['index', 'tree'])('the index gives the per-name grep’s verdicts (%s)', async (kind) => {
  repo = makeRepo();
  const source: NameSource = kind === 'index' ? { kind } : { kind, rev: repo.git(['rev-parse', 'HEAD']).trim() };
  const byGrep = verdicts(repo.dir, source);
  const background = startNamesIndex(repo.dir, source);
  const built = await background.ready;
  expect(built).toBeDefined();
  expect(verdicts(repo.dir, source, built)).toEqual(byGrep);
  expect(verdicts(repo.dir, source, readNamesIndexSync(repo.dir, source))).toEqual(byGrep);
  // The facts themselves, so that two wrong lookups cannot agree.
  const found = Object.fromEntries(byGrep);
  expect(found).toMatchObject({
    formatPrice: true,
    loadInvoices: true,
    $patchState: true,
    leftPadString: true,
    useQueryObserverResult: false,
  });
  expect(found).toMatchObject({
    nameInBin: false,
    'docs/missing.md': false,
    applyDiscountCode: kind === 'index',
    'src/b.ts': kind === 'index',
  });
});

test('until the index is built, names are grepped; a stopped build ends its git', async () => {
  repo = makeRepo();
  const background = startNamesIndex(repo.dir, { kind: 'index' });
  expect(background.current()).toBeUndefined();
  const exists = createNameLookup(repo.dir, { kind: 'index' }, noPlatform, background.current);
  expect(exists('applyDiscountCode', 'identifier')).toBe(true);
  expect(exists('useQueryObserverResult', 'identifier')).toBe(false);
  background.stop();
  await expect(background.ready).resolves.toBeUndefined();
});
