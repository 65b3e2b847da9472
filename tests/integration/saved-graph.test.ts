import { afterEach, describe, expect, test } from '@jest/globals';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImpactReport } from '../../src/core/impact/impact-report.js';
import { runUnchanged } from '../helpers/review-run.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { readCacheContent, rewriteCacheContent } from '../helpers/cache-files.js';
import { formatGraphFile, parseGraphFile } from '../../src/adapters/cache/graph-cache.js';

// The import graph a review keeps for the next one (graph-cache.ts): each later review patches it
// for the files staged since, and must answer exactly as a review that builds the graph anew.
// Every step compares a warm run with a cold one, and checks from --debug which way the warm run
// took, so a patch that silently fell back to a rebuild cannot pass for one.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const withoutStats = ({ stats, ...rest }: ImpactReport) => (void stats, rest);
const cacheDir = () => join(repo.dir, '.git', 'selfreview', 'cache');

function impact(): { report: ImpactReport; debug: string } {
  const result = runUnchanged(repo, ['impact', '--json', '--debug']);
  expect(result.code).toBe(0);
  return { report: JSON.parse(result.stdout) as ImpactReport, debug: result.stderr };
}

/** A warm run, then a cold one on the same index: the same report. Returns the warm run. */
function warmEqualsCold(): { report: ImpactReport; debug: string } {
  const warm = impact();
  rmSync(join(repo.dir, '.git', 'selfreview'), { recursive: true, force: true });
  const cold = impact();
  expect(withoutStats(warm.report)).toEqual(withoutStats(cold.report));
  return warm;
}

const usersOf = (report: ImpactReport, name: string) =>
  (report.changedSymbols.find((s) => s.name === name)?.valueUsers ?? []).map((u) => u.path).sort();

describe('the saved import graph', () => {
  test('patched for edited, deleted and added files and a config change, it answers as a graph built anew', () => {
    repo = createTempRepo({
      'tsconfig.json': '{ "compilerOptions": { "baseUrl": "." } }\n',
      'src/a.ts': 'export function add(x: number, y: number) {\n  return x + y;\n}\n',
      'src/b.ts': "import { add } from './a';\nexport const two = add(1, 1);\n",
      'src/c.ts': 'export const c = 3;\n',
      'src/d.ts': "import { add } from './a';\nexport const four = add(2, 2);\n",
      'src/e.ts': "import { add } from 'src/a';\nexport const six = add(3, 3);\n",
    });
    repo.stage({ 'src/a.ts': 'export function add(x: number, y: number, z = 0) {\n  return x + y + z;\n}\n' });
    // The first run builds the graph and keeps it.
    const first = impact();
    expect(first.debug).toMatch(/stage: import graph/);
    expect(existsSync(join(cacheDir(), 'graph.json'))).toBe(true);
    expect(usersOf(first.report, 'add')).toEqual(['src/b.ts', 'src/d.ts', 'src/e.ts']);

    // c.ts starts to import add: only c.ts is resolved again.
    repo.stage({ 'src/c.ts': "import { add } from './a';\nexport const c = add(1, 2);\n" });
    impact(); // the graph kept by the run before is patched
    repo.stage({ 'src/c.ts': "import { add } from './a';\nexport const c = add(1, 2) + 1;\n" });
    const edited = impact();
    expect(edited.debug).toMatch(/\(1 re-resolved in the saved graph\)/);
    expect(edited.debug).not.toMatch(/stage: import graph/);
    expect(usersOf(edited.report, 'add')).toEqual(['src/b.ts', 'src/c.ts', 'src/d.ts', 'src/e.ts']);
    expect(withoutStats(warmEqualsCold().report)).toEqual(withoutStats(edited.report));

    // d.ts deleted: still resolvable for the change, no longer a user, and no rebuild.
    impact();
    repo.git(['rm', '-q', '--cached', 'src/d.ts']);
    const deleted = impact();
    expect(deleted.debug).not.toMatch(/stage: import graph/);
    expect(usersOf(deleted.report, 'add')).toEqual(['src/b.ts', 'src/c.ts', 'src/e.ts']);
    expect(withoutStats(warmEqualsCold().report)).toEqual(withoutStats(deleted.report));

    // A new file: resolution may change anywhere, so the graph is built anew.
    impact();
    repo.stage({ 'src/f.ts': "import { add } from './a';\nexport const f = add(5, 5);\n" });
    const added = impact();
    // An added file: the saved graph is refitted (only imports that may lead to it resolved again).
    expect(added.debug).toMatch(/stage: saved import graph patched/);
    expect(usersOf(added.report, 'add')).toEqual(['src/b.ts', 'src/c.ts', 'src/e.ts', 'src/f.ts']);
    expect(withoutStats(warmEqualsCold().report)).toEqual(withoutStats(added.report));

    // baseUrl removed: `src/a` no longer resolves, and the config is read again.
    impact();
    repo.stage({ 'tsconfig.json': '{ "compilerOptions": {} }\n' });
    const config = impact();
    expect(usersOf(config.report, 'add')).toEqual(['src/b.ts', 'src/c.ts', 'src/f.ts']);
    expect(withoutStats(warmEqualsCold().report)).toEqual(withoutStats(config.report));

    // A path alias and a workspace package appear: the saved graph is refitted (bare specifiers
    // resolved again, relative links kept), and answers as one built anew.
    repo.stage({
      'src/g.ts': "import { add } from '@/a';\nexport const g = add(1, 1);\n",
      'src/h.ts': "import { add } from '@acme/a';\nexport const h = add(1, 1);\n",
    });
    impact();
    repo.stage({
      'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["src/*"] } } }\n',
      'package.json': '{ "name": "@acme/a", "main": "src/a.ts" }\n',
    });
    const aliased = impact();
    expect(aliased.debug).toMatch(/stage: saved import graph patched/);
    expect(usersOf(aliased.report, 'add')).toEqual(['src/b.ts', 'src/c.ts', 'src/e.ts', 'src/f.ts', 'src/g.ts', 'src/h.ts']);
    expect(withoutStats(warmEqualsCold().report)).toEqual(withoutStats(aliased.report));
  });

  test('fitted to the index it was saved for, it asks git only what changed since, and answers as a graph built anew', () => {
    repo = createTempRepo({
      'package.json': '{ "name": "app", "version": "1.0.0" }\n',
      'tsconfig.json': '{ "compilerOptions": { "baseUrl": "." } }\n',
      'src/a.ts': 'export function add(x: number, y: number) {\n  return x + y;\n}\n',
      'src/b.ts': "import { add } from './a';\nexport const two = add(1, 1);\n",
      'src/c.ts': 'export const c = 3;\n',
      'src/d.ts': "import { add } from 'src/a';\nexport const four = add(2, 2);\n",
    });
    const derived = /the index derived from the saved graph \((\d+) modules? changed since\)/;
    const listed = (run: { debug: string }) => /git ls-files/.test(run.debug);
    repo.stage({ 'src/a.ts': 'export function add(x: number, y: number, z = 0) {\n  return x + y + z;\n}\n' });
    expect(listed(impact())).toBe(true); // built anew, saved with the index it describes
    // Same HEAD: the staged diff says what changed; nothing is listed.
    repo.stage({ 'src/c.ts': "import { add } from './a';\nexport const c = add(1, 2);\n" });
    const edited = impact();
    expect(edited.debug).toMatch(derived);
    expect(edited.debug.match(derived)![1]).toBe('1');
    expect(listed(edited)).toBe(false);
    expect(usersOf(edited.report, 'add')).toEqual(['src/b.ts', 'src/c.ts', 'src/d.ts']);
    expect(withoutStats(warmEqualsCold().report)).toEqual(withoutStats(edited.report));

    // HEAD moved (a commit since the graph was saved): git's diff against the saved base.
    repo.git(['commit', '-q', '--no-verify', '-m', 'c uses add']);
    repo.stage({
      'src/a.ts': 'export function add(x: number, y = 1) {\n  return x + y;\n}\n',
      'src/b.ts': "import { add } from './a';\nexport const two = add(1);\n",
    });
    const moved = impact();
    expect(moved.debug).toMatch(/git diff-index --cached -z --raw --no-renames/);
    expect(moved.debug).toMatch(derived);
    expect(listed(moved)).toBe(false);
    expect(withoutStats(warmEqualsCold().report)).toEqual(withoutStats(moved.report));

    // A version bump: the config's blob follows, the resolution holds.
    repo.stage({ 'package.json': '{ "name": "app", "version": "1.0.1" }\n' });
    const bumped = impact();
    expect(bumped.debug).toMatch(derived);
    expect(withoutStats(warmEqualsCold().report)).toEqual(withoutStats(bumped.report));

    // A rename (a path removed, one added) and a deletion: listed, and the same answer.
    repo.git(['mv', 'src/b.ts', 'src/b2.ts']);
    repo.git(['rm', '-q', '--cached', 'src/d.ts']);
    const renamed = impact();
    expect(listed(renamed)).toBe(true);
    expect(usersOf(renamed.report, 'add')).toEqual(['src/b2.ts', 'src/c.ts']);
    expect(withoutStats(warmEqualsCold().report)).toEqual(withoutStats(renamed.report));
    // The graph saved by that run knows the rename: the next run derives again.
    repo.stage({ 'src/c.ts': "import { add } from './a';\nexport const c = add(2);\n" });
    const after = impact();
    expect(after.debug).toMatch(derived);
    expect(withoutStats(warmEqualsCold().report)).toEqual(withoutStats(after.report));

    // Unstaged again: the path's entry is the base commit's once more (known from the saved base).
    repo.stage({ 'src/c.ts': 'export const c = 5;\n' });
    expect(usersOf(warmEqualsCold().report, 'add')).toEqual(['src/b2.ts']);
    repo.git(['reset', '-q', 'HEAD', '--', 'src/c.ts']);
    const reverted = impact();
    expect(reverted.debug).toMatch(derived);
    expect(usersOf(reverted.report, 'add')).toEqual(['src/b2.ts', 'src/c.ts']);
    expect(withoutStats(warmEqualsCold().report)).toEqual(withoutStats(reverted.report));

    // A base commit git no longer has, or a base that is no commit id: listed, never wrong.
    const file = join(cacheDir(), 'graph.json');
    const saved = parseGraphFile(readCacheContent(file))!;
    expect(saved.base!.rev).toMatch(/^[0-9a-f]{40}$/);
    for (const base of [
      { ...saved.base!, rev: '1'.repeat(40) },
      { ...saved.base!, rev: 'HEAD~1' },
      { ...saved.base!, changes: [['src/a.ts', 'x']] as Array<[string, string]> },
    ]) {
      rewriteCacheContent(file, formatGraphFile({ ...saved, base }));
      const run = impact();
      expect(listed(run)).toBe(true);
      expect(withoutStats(run.report)).toEqual(withoutStats(reverted.report));
    }
    // A base whose changes disagree with git on the tree's side of a path: listed.
    impact();
    const good = parseGraphFile(readCacheContent(file))!;
    rewriteCacheContent(
      file,
      formatGraphFile({ ...good, base: { ...good.base!, changes: [['src/c.ts', '2'.repeat(40)], ...good.base!.changes] } }),
    );
    const disagreeing = impact();
    expect(listed(disagreeing)).toBe(true);
    expect(withoutStats(disagreeing.report)).toEqual(withoutStats(reverted.report));
  });

  test('files changed outside the review (a pull) are read once: the graph is written patched for them', () => {
    repo = createTempRepo({
      'src/a.ts': 'export const a = 1;\n',
      'src/b.ts': "import { a } from './a';\nexport const b = a;\n",
      'src/c.ts': 'export const c = 3;\n',
    });
    repo.stage({ 'src/a.ts': 'export const a = 2;\n' });
    impact();
    // c.ts changes in a commit of its own while a.ts stays staged, as a pull would bring it.
    repo.stage({ 'src/c.ts': "import { a } from './a';\nexport const c = a + 3;\n" });
    repo.git(['commit', '-q', '--no-verify', '-m', 'c uses a', '--', 'src/c.ts']);
    const pulled = impact();
    expect(pulled.debug).toMatch(/\(1 re-resolved in the saved graph\), 1 scanned/);
    expect(usersOf(pulled.report, 'a')).toEqual(['src/b.ts', 'src/c.ts']);
    const next = impact();
    expect(next.debug).toMatch(/\(0 re-resolved in the saved graph\), 0 scanned/);
    expect(withoutStats(next.report)).toEqual(withoutStats(pulled.report));
  });

  test('a damaged or foreign graph file is ignored and replaced', () => {
    repo = createTempRepo({
      'src/a.ts': 'export const a = 1;\n',
      'src/b.ts': "import { a } from './a';\nexport const b = a;\n",
    });
    repo.stage({ 'src/a.ts': 'export const a = 2;\n' });
    const cold = impact();
    const file = join(cacheDir(), 'graph.json');
    for (const damage of ['{"format": 1, "typescript": "', '{}', 'null']) {
      writeFileSync(file, damage);
      const run = impact();
      expect(run.debug).toMatch(/stage: import graph/);
      expect(withoutStats(run.report)).toEqual(withoutStats(cold.report));
    }
    // Numbers out of range: the table is refused, not read past its end.
    const saved = parseGraphFile(readCacheContent(file))!;
    rewriteCacheContent(file, formatGraphFile({ ...saved, links: new Int32Array([0, 99]) }));
    const run = impact();
    expect(run.debug).toMatch(/graph cache: damaged/);
    expect(withoutStats(run.report)).toEqual(withoutStats(cold.report));
    // Lengths in the head that do not add up to the bytes behind it (one byte more, one less),
    // or a head that is no JSON: refused, never read past or short.
    const whole = formatGraphFile(parseGraphFile(readCacheContent(file))!);
    const end = whole.indexOf(0x0a);
    for (const bytes of [
      Buffer.concat([whole, Buffer.from([0])]),
      whole.subarray(0, whole.length - 1),
      Buffer.concat([Buffer.from('{"'), whole.subarray(end)]),
    ]) {
      rewriteCacheContent(file, bytes);
      const refused = impact();
      expect(refused.debug).toMatch(/stage: import graph/);
      expect(refused.debug).toMatch(/ignored the cache [^\n]*graph\.json: (its table is inconsistent|it is not valid JSON)/);
      expect(withoutStats(refused.report)).toEqual(withoutStats(cold.report));
    }
  });

  test('a large graph built anew says so on stderr, never on stdout', () => {
    const tree: Record<string, string> = { 'src/a.ts': 'export const a = 1;\n' };
    for (let i = 0; i < 2000; i++) tree[`src/m${i}.ts`] = `import { a } from './a';\nexport const m${i} = a + ${i};\n`;
    repo = createTempRepo(tree);
    repo.stage({ 'src/a.ts': 'export const a = 2;\n' });
    const first = runUnchanged(repo, ['impact', '--json']);
    expect(first.stderr).toMatch(/^selfreview: building the import graph of 2,001 files \(kept for the next run\)…$/m);
    expect((JSON.parse(first.stdout) as ImpactReport).stats.filesInGraph).toBe(2001);
    // Kept: the next run patches it and says nothing of it.
    expect(runUnchanged(repo, ['impact', '--json']).stderr).not.toMatch(/building the import graph/);
    // A file added: the saved graph refitted, not built anew: nothing said.
    repo.stage({ 'src/new.ts': "import { a } from './a';\nexport const n = a;\n" });
    const added = runUnchanged(repo, ['impact', '--json']);
    expect(added.stderr).not.toMatch(/building the import graph/);
    const report = JSON.parse(added.stdout) as ImpactReport;
    expect(report.stats.filesInGraph).toBe(2002);
    expect(report.changedSymbols.find((s) => s.name === 'a')?.valueUsers.map((u) => u.path)).toContain('src/new.ts');
    // Another resolution (a tsconfig with paths): refitted too (bare specifiers resolved again), nothing said.
    repo.stage({ 'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['src/*'] } } }) });
    expect(runUnchanged(repo, ['impact', '--json']).stderr).not.toMatch(/building the import graph/);
    // With no graph kept: built anew, and said again.
    rmSync(join(repo.dir, '.git', 'selfreview', 'cache', 'graph.json'));
    expect(runUnchanged(repo, ['impact', '--json']).stderr).toMatch(/building the import graph of 2,002 files/);
  }, 120_000);
});

test('the graph file gives back what was written: UTF-8 paths, empty blobs, numbers at any byte offset', () => {
  const file = {
    format: '3.x',
    typescript: '6.0.0',
    endian: 'LE',
    config: [['package.json', 'a'.repeat(40)]] as Array<[string, string]>,
    packages: [],
    tsconfigs: [],
    paths: ['src/café.ts', 'src/日本.ts', 'src/x.ts'].join('\0'),
    blobs: ['b'.repeat(40), '', 'c'.repeat(64)].join(','),
    specifiers: ['./a', 'ü'],
    start: new Int32Array([0, 2, 2, 4]),
    links: new Int32Array([0, 1, 1, -3]),
    base: null,
  };
  for (const extra of ['', 'é', 'ab']) {
    // The paths' byte length moves the numbers off a multiple of 4.
    const written = { ...file, paths: `${file.paths}${extra}` };
    expect(parseGraphFile(formatGraphFile(written))).toEqual(written);
  }
});
