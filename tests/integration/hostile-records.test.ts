import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, jest, test } from '@jest/globals';
import { writeAnswersFor } from '../helpers/answers.js';
import { commitAsync, installAllHooks } from '../helpers/hooks.js';
import { makeFifo } from '../helpers/hostile.js';
import { runUnchanged } from '../helpers/review-run.js';
import { createTempRepo, lines, TempRepo } from '../helpers/temp-repo.js';

// Review records are bookkeeping that other processes read back: a corrupt or foreign record
// must not count as a review; two worktrees committing at once must both keep their note; a
// record whose note could not be attached is attached later.

// Generous: a hang is caught by runBounded's own deadline; a loaded machine is slow.
jest.setTimeout(90_000);

let repo: TempRepo | undefined;
const extra: TempRepo[] = [];
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
  for (const r of extra.splice(0)) r.cleanup();
});

/** The index's tree, computed on a copy: the repository's own index is not written. */
function indexTree(r: TempRepo): string {
  const copy = join(r.dir, '.git', 'index-copy-for-test');
  writeFileSync(copy, readFileSync(join(r.dir, '.git', 'index')));
  try {
    return r.git(['write-tree'], { env: { GIT_INDEX_FILE: copy } }).trim();
  } finally {
    rmSync(copy, { force: true });
  }
}
const reviewsDir = (r: TempRepo) => join(r.dir, '.git', 'selfreview', 'reviews');
const pendingPath = (r: TempRepo, tree: string) => join(reviewsDir(r), `${tree}.json`);
/** The pending records (each has its trailer lines beside it, <tree>.trailers). */
const pendingRecords = (r: TempRepo) => readdirSync(reviewsDir(r)).filter((name) => name.endsWith('.json'));
const noteOf = (r: TempRepo, rev: string) => JSON.parse(r.git(['notes', '--ref=selfreview', 'show', rev])) as { tree: string };
const notedCommits = (r: TempRepo) =>
  r
    .git(['notes', '--ref=selfreview', 'list'])
    .trim()
    .split('\n')
    .filter((l) => l !== '').length;

const otherTreeRecord = JSON.stringify({
  version: 1,
  tree: 'a'.repeat(40),
  base: 'x',
  createdAt: 'x',
  provenance: { kind: 'human', decidedBy: null },
  totals: { files: 1, added: 1, removed: 0 },
  risk: 'low',
  intent: 'x',
  answers: [],
  override: null,
  tool: { name: 'selfreview', version: '1' },
});

describe('a pending record for the staged tree that cannot be trusted', () => {
  test.each([
    ['cut short', () => '{"version": 1, "tree": "'],
    ['not ours', (tree: string) => JSON.stringify({ tree, reviewed: true })],
    ['bound to another tree', () => otherTreeRecord],
  ])('%s: ignored and said; the questions are asked again', (_kind, content) => {
    repo = createTempRepo({ 'docs/a.md': lines(3) });
    repo.stage({ 'docs/a.md': lines(6) });
    const tree = indexTree(repo);
    mkdirSync(reviewsDir(repo), { recursive: true });
    writeFileSync(pendingPath(repo, tree), content(tree));
    // No terminal and no answers: a trusted record would pass ("Already reviewed"); this must not.
    const result = runUnchanged(repo);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toMatch(/Already reviewed/);
    expect(result.stderr).toMatch(/ignored the pending review record of tree [0-9a-f]{10}.*It does not count as a review\./);
    expect(result.stderr).toMatch(/No terminal for the questionnaire/);
    expect(result.stderr).not.toMatch(/reviewed|"tree"/);
    // With answers, the review is made again and replaces the bad record.
    const answered = runUnchanged(repo, [], { env: { SELFREVIEW_ANSWERS: writeAnswersFor(repo) } });
    expect(answered.code).toBe(0);
    expect(answered.stdout).toMatch(/Review recorded/);
    expect(JSON.parse(readFileSync(pendingPath(repo, tree), 'utf8'))).toMatchObject({ tree, tool: { name: 'selfreview' } });
  });

  test('a record that is a FIFO is refused without waiting for a writer', () => {
    repo = createTempRepo({ 'docs/a.md': lines(3) });
    repo.stage({ 'docs/a.md': lines(6) });
    mkdirSync(reviewsDir(repo), { recursive: true });
    makeFifo(pendingPath(repo, indexTree(repo)));
    const result = runUnchanged(repo, [], { timeoutMs: 20_000 });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/ignored the pending review record .*: it is a named pipe \(FIFO\), not a file\./);
  });
});

describe('notes under concurrent commits', () => {
  test('two worktrees committing at the same moment, five times: every commit keeps its note', async () => {
    repo = createTempRepo({ 'docs/a.md': lines(3), 'docs/b.md': lines(3) });
    installAllHooks(repo);
    const other = new TempRepo(`${repo.dir}-second`);
    repo.git(['worktree', 'add', '-q', '-b', 'second', other.dir]);
    extra.push(other);
    for (let round = 1; round <= 5; round++) {
      repo.stage({ 'docs/a.md': lines(3 + round) });
      other.stage({ 'docs/b.md': lines(3 + round) });
      const [first, second] = await Promise.all([
        commitAsync(repo.dir, ['-q', '-m', `a ${round}`], { SELFREVIEW_ANSWERS: writeAnswersFor(repo) }),
        commitAsync(other.dir, ['-q', '-m', `b ${round}`], { SELFREVIEW_ANSWERS: writeAnswersFor(other) }),
      ]);
      expect(first).toMatchObject({ code: 0 });
      expect(second).toMatchObject({ code: 0 });
    }
    for (const [r, branch] of [
      [repo, 'main'],
      [other, 'second'],
    ] as const) {
      for (const commit of r.git(['rev-list', '--max-count=5', branch]).trim().split('\n')) {
        expect(noteOf(r, commit).tree).toBe(r.git(['rev-parse', `${commit}^{tree}`]).trim());
      }
    }
    expect(notedCommits(repo)).toBe(10);
    expect(readdirSync(reviewsDir(repo))).toEqual([]);
    // No private ref of the compare-and-swap is left behind.
    expect(repo.git(['for-each-ref', '--format=%(refname)', 'refs/notes/'])).toBe('refs/notes/selfreview\n');
  }, 120_000);

  test('a record whose note was never attached is attached by the next commit, or by doctor --fix', async () => {
    repo = createTempRepo({ 'docs/a.md': lines(3) });
    installAllHooks(repo);
    const postCommit = join(repo.dir, '.git', 'hooks', 'post-commit');
    const hook = readFileSync(postCommit, 'utf8');
    // The post-commit hook is killed before it attaches anything (as SIGKILL or a crash would).
    writeFileSync(postCommit, '#!/bin/sh\nexit 0\n');
    repo.stage({ 'docs/a.md': lines(5) });
    expect(await commitAsync(repo.dir, ['-q', '-m', 'first'], { SELFREVIEW_ANSWERS: writeAnswersFor(repo) })).toMatchObject({ code: 0 });
    const first = repo.git(['rev-parse', 'HEAD']).trim();
    expect(pendingRecords(repo)).toHaveLength(1);
    expect(notedCommits(repo)).toBe(0);

    writeFileSync(postCommit, hook);
    repo.stage({ 'docs/a.md': lines(7) });
    expect(await commitAsync(repo.dir, ['-q', '-m', 'second'], { SELFREVIEW_ANSWERS: writeAnswersFor(repo) })).toMatchObject({ code: 0 });
    expect(noteOf(repo, first).tree).toBe(repo.git(['rev-parse', `${first}^{tree}`]).trim());
    expect(noteOf(repo, 'HEAD').tree).toBe(repo.git(['rev-parse', 'HEAD^{tree}']).trim());
    expect(readdirSync(reviewsDir(repo))).toEqual([]);

    // doctor --fix: the same repair on demand; a review of content not committed yet stays.
    writeFileSync(postCommit, '#!/bin/sh\nexit 0\n');
    repo.stage({ 'docs/a.md': lines(9) });
    expect(await commitAsync(repo.dir, ['-q', '-m', 'third'], { SELFREVIEW_ANSWERS: writeAnswersFor(repo) })).toMatchObject({ code: 0 });
    repo.stage({ 'docs/a.md': lines(11) });
    expect(repo.run([], { env: { SELFREVIEW_ANSWERS: writeAnswersFor(repo) } }).code).toBe(0);
    expect(pendingRecords(repo)).toHaveLength(2);
    const fixed = repo.run(['doctor', '--fix']);
    expect(fixed.stdout).toMatch(/^Attached 1 pending review to its commit; 1 wait for a commit\./m);
    expect(noteOf(repo, 'HEAD').tree).toBe(repo.git(['rev-parse', 'HEAD^{tree}']).trim());
    expect(readdirSync(reviewsDir(repo)).sort()).toEqual([`${indexTree(repo)}.json`, `${indexTree(repo)}.trailers`]);
  }, 120_000);
});
