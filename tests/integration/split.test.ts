import { afterEach, describe, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runUnchanged } from '../helpers/review-run.js';
import { createTempRepo, lines, type TempRepo } from '../helpers/temp-repo.js';
import { withoutProgress } from '../helpers/progress.js';

// `selfreview split` on real repositories: the plan by meaning (real TypeScript parsing of the
// blast radius), and `--stage` / `--restore`, which must leave the working tree byte for byte
// and lose nothing: committing every group in turn must give exactly the originally staged tree.

interface SplitJson {
  version: string;
  budget: { lines: number; files: number; kind: string };
  groups: Array<{
    number: number;
    files: Array<{ path: string; added: number; removed: number }>;
    lines: number;
    reason: string;
    dependsOn: number[];
    isOverBudget: boolean;
    hint?: string;
  }>;
  unsplittable: Array<{ path: string; lines: number; hunks: unknown[] }>;
}

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

const TINY = JSON.stringify({ budgets: { human: { lines: 40, files: 25 } } });

function splitJson(r: TempRepo, args: string[] = []): SplitJson {
  const result = runUnchanged(r, ['split', '--json', ...args]);
  expect(withoutProgress(result.stderr)).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as SplitJson;
}

/** Working-tree bytes of every path, tracked or not (what `--stage` must never change). */
function workingTree(r: TempRepo): Record<string, string> {
  const paths = r
    .git(['ls-files', '-z', '--cached', '--others'])
    .split('\0')
    .filter((p) => p !== '');
  // The listing follows the index (which --stage changes); the bytes on disk are what must not change.
  return Object.fromEntries(
    [...new Set(paths)].filter((p) => existsSync(join(r.dir, p))).map((p) => [p, readFileSync(join(r.dir, p)).toString('base64')]),
  );
}

/** Stages each group in turn and commits it; returns the tree of each commit. */
function commitEveryGroup(r: TempRepo, count: number): void {
  for (let n = 1; n <= count; n++) {
    const before = workingTree(r);
    const staged = r.run(['split', '--stage', String(n)]);
    expect(withoutProgress(staged.stderr)).toBe('');
    expect(staged.code).toBe(0);
    expect(workingTree(r)).toEqual(before);
    r.git(['commit', '-q', '--no-verify', '-m', `group ${n}`]);
  }
}

describe('selfreview split: the plan', () => {
  test('a changed export goes with its updated callers and test across folders; docs and deps apart (JSON contract)', () => {
    repo = createTempRepo({
      '.selfreviewrc.json': TINY,
      'package.json': '{"name":"x","version":"1.0.0"}\n',
      'src/math/total.ts': 'export function total(items: number[]): number {\n  return items.reduce((a, b) => a + b, 0);\n}\n',
      'src/cart/checkout.ts': "import { total } from '../math/total.js';\nexport const checkout = (xs: number[]) => total(xs);\n",
      'lib/report.ts': "import { total } from '../src/math/total.js';\nexport const report = (xs: number[]) => `${total(xs)}`;\n",
      'tests/total.test.ts': "import { total } from '../src/math/total.js';\ntotal([1]);\n",
      'src/ui/view.ts': 'export const view = 1;\n',
    });
    repo.stage({
      'src/math/total.ts':
        'export function total(items: number[], tax: number): number {\n  return items.reduce((a, b) => a + b, 0) * (1 + tax);\n}\n',
      'src/cart/checkout.ts': "import { total } from '../math/total.js';\nexport const checkout = (xs: number[]) => total(xs, 0);\n",
      'lib/report.ts': "import { total } from '../src/math/total.js';\nexport const report = (xs: number[]) => `${total(xs, 0.2)}`;\n",
      'tests/total.test.ts': "import { total } from '../src/math/total.js';\ntotal([1], 0);\n",
      'src/ui/view.ts': lines(30, 'export const v'),
      'package.json': '{"name":"x","version":"1.1.0","dependencies":{"left-pad":"1.0.0"}}\n',
      'package-lock.json': lines(500),
      'docs/guide.md': lines(20),
    });
    const plan = splitJson(repo);
    expect(plan.budget).toEqual({ lines: 40, files: 25, kind: 'human' });
    const reasons = plan.groups.map((g) => g.reason);
    expect(reasons[0]).toBe('lock file and package.json: dependency update');
    expect(reasons).toContain('`total` changed its signature, with the 2 callers updated for it and its test');
    expect(reasons[reasons.length - 1]).toBe('Add docs/guide.md');
    const total = plan.groups.find((g) => g.reason.startsWith('`total`'))!;
    expect(total.files.map((f) => f.path).sort()).toEqual([
      'lib/report.ts',
      'src/cart/checkout.ts',
      'src/math/total.ts',
      'tests/total.test.ts',
    ]);
    expect(total.files.every((f) => typeof f.added === 'number' && typeof f.removed === 'number')).toBe(true);
    expect(plan.groups.find((g) => g.files.some((f) => f.path === 'package-lock.json'))!.files.map((f) => f.path)).toContain(
      'package.json',
    );
    expect(plan.unsplittable).toEqual([]);
  });

  test('a file over the budget by itself is named unsplittable with its hunks', () => {
    repo = createTempRepo({ '.selfreviewrc.json': TINY, 'big.ts': lines(100) });
    repo.stage({ 'big.ts': lines(100).replace('line 5\n', 'changed 5\n') + lines(60, 'more') });
    const plan = splitJson(repo);
    expect(plan.unsplittable).toEqual([
      {
        path: 'big.ts',
        lines: 62,
        hunks: [expect.objectContaining({ oldStart: 5, newStart: 5 }), expect.objectContaining({ oldLines: 0, newLines: 60 })],
      },
    ]);
    expect(plan.groups[0]).toMatchObject({ isOverBudget: true });
  });

  test('nothing staged: an empty plan, exit 0', () => {
    repo = createTempRepo({ 'a.ts': 'x\n' });
    expect(splitJson(repo).groups).toEqual([]);
    expect(runUnchanged(repo, ['split', '--stage', '1'])).toMatchObject({ code: 2, stderr: expect.stringContaining('Nothing is staged') });
  });
});

describe('selfreview split --stage / --restore', () => {
  test('partially staged files keep their unstaged part; --restore gives the original index back, byte for byte', () => {
    repo = createTempRepo({ '.selfreviewrc.json': TINY, 'a/one.ts': lines(30), 'b/two.ts': lines(30) });
    repo.stage({ 'a/one.ts': lines(30).replace('line 1\n', 'staged one\n') + lines(30, 'a') });
    repo.stage({ 'b/two.ts': lines(30).replace('line 2\n', 'staged two\n') + lines(30, 'b') });
    repo.write({
      'a/one.ts': `${readFileSync(join(repo.dir, 'a/one.ts'), 'utf8')}unstaged one\n`,
      'b/two.ts': `unstaged two\n${readFileSync(join(repo.dir, 'b/two.ts'), 'utf8')}`,
    });
    repo.git([
      'stash',
      'store',
      '-m',
      'keep me',
      repo.git(['commit-tree', '-p', 'HEAD', '-m', 's', repo.git(['write-tree']).trim()]).trim(),
    ]);
    const original = repo.snapshot();
    const originalIndex = readFileSync(join(repo.dir, '.git/index'));
    const tree = workingTree(repo);
    const plan = splitJson(repo);
    expect(plan.groups).toHaveLength(2);
    const second = plan.groups[1]!.files[0]!.path;
    const result = repo.run(['split', '--stage', '2']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Group 2 is staged: git commit -m/);
    expect(workingTree(repo)).toEqual(tree);
    expect(repo.git(['diff', '--cached', '--name-only'])).toBe(`${second}\n`);
    // The staged part is exactly what was staged before, not the working tree's version.
    expect(repo.git(['show', `:${second}`])).toBe(
      repo.git([
        'cat-file',
        'blob',
        original.indexTree
          .split('\0')
          .find((e) => e.endsWith(`\t${second}`))!
          .split(' ')[1]!,
      ]),
    );
    expect(repo.git(['stash', 'list'])).toBe(original.stash);
    expect(readFileSync(join(repo.dir, '.git/selfreview/split/index.orig'))).toEqual(originalIndex);

    const restored = repo.run(['split', '--restore']);
    expect(restored).toMatchObject({ code: 0, stderr: '' });
    expect(repo.snapshot()).toEqual(original);
    expect(existsSync(join(repo.dir, '.git/selfreview/split/index.orig'))).toBe(false);
    expect(repo.run(['split', '--restore'])).toMatchObject({ code: 2, stderr: expect.stringContaining('No split in progress') });
  });

  test('renames, deletions, binary files and a mode change: committing every group gives exactly the staged tree', () => {
    repo = createTempRepo({
      '.selfreviewrc.json': JSON.stringify({ budgets: { human: { lines: 10, files: 2 } } }),
      'old/name.ts': lines(40),
      'gone.ts': lines(5),
      'logo.png': Buffer.from([0x89, 0x50, 0, 1, 2, 3]),
      'run.sh': 'echo hi\n',
    });
    mkdirSync(join(repo.dir, 'new'));
    repo.git(['mv', 'old/name.ts', 'new/name.ts']);
    repo.git(['rm', '-q', 'gone.ts']);
    repo.stage({
      'logo.png': Buffer.from([0x89, 0x50, 0, 9, 9, 9, 9]),
      'run.sh': { executable: 'echo hi\n' },
      'extra/a.ts': lines(8),
      'extra2/b.ts': lines(8),
    });
    const staged = repo.git(['write-tree']).trim();
    const plan = splitJson(repo);
    expect(plan.groups.length).toBeGreaterThan(2);
    commitEveryGroup(repo, plan.groups.length);
    expect(repo.git(['rev-parse', 'HEAD^{tree}']).trim()).toBe(staged);
    expect(repo.git(['status', '--porcelain'])).toBe('');
    // Every group committed: the saved index is no longer needed.
    expect(repo.run(['split']).stdout).toMatch(/Every group of the split is committed/);
    expect(existsSync(join(repo.dir, '.git/selfreview/split/index.orig'))).toBe(false);
  });

  test('the first commit: no HEAD, groups staged one by one, nothing lost', () => {
    repo = createTempRepo(
      { '.selfreviewrc.json': TINY, 'src/a.ts': lines(30), 'lib/b.ts': lines(30), 'tools/c.ts': lines(30), 'README.md': 'hi\n' },
      { commit: false },
    );
    const staged = repo.git(['write-tree']).trim();
    const plan = splitJson(repo);
    expect(plan.groups.length).toBeGreaterThanOrEqual(3);
    commitEveryGroup(repo, plan.groups.length);
    expect(repo.git(['rev-parse', 'HEAD^{tree}']).trim()).toBe(staged);
  });

  test('a held index.lock: a clear error, the index untouched, the saved index kept', () => {
    repo = createTempRepo({ '.selfreviewrc.json': TINY, 'a.ts': lines(30), 'b/c.ts': lines(30) });
    repo.stage({ 'a.ts': lines(60), 'b/c.ts': lines(60) });
    repo.write({ '.git/index.lock': '' });
    const before = repo.snapshot();
    const result = repo.run(['split', '--stage', '1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/index\.lock exists: another git process/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(repo.dir, '.git/selfreview/split/index.orig'))).toBe(true);
    rmSync(join(repo.dir, '.git/index.lock')); // as the user would, once no git runs
    expect(repo.snapshot()).toEqual(before);
    // The next run sees a split that never staged anything, and starts afresh.
    expect(repo.run(['split', '--stage', '1']).code).toBe(0);
  });
});
