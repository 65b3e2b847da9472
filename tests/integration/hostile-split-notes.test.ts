import { existsSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { commitReviewed } from '../helpers/reviewed-commit.js';
import { runUnchanged } from '../helpers/review-run.js';
import { createTempRepo, lines, type TempRepo } from '../helpers/temp-repo.js';

// What bad luck leaves behind: a saved index cut short (a full disk, a copy interrupted), a
// stale index.lock from a `split --stage` killed with -9, another tool's note union-merged beside
// a review by push-notes. The index is never replaced by something git cannot read, the lock is
// explained with the command that clears it, and the review beside a foreign note still verifies.

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

const TINY = JSON.stringify({ budgets: { human: { lines: 40, files: 25 } }, ci: { answersFromFile: 'allow' } });
const savedIndex = (r: TempRepo) => join(r.dir, '.git', 'selfreview', 'split', 'index.orig');

function setUp(): TempRepo {
  const r = createTempRepo({ '.selfreviewrc.json': TINY, 'a/one.ts': lines(30), 'b/two.ts': lines(30), 'c/three.ts': lines(30) });
  r.stage({ 'a/one.ts': lines(60), 'b/two.ts': lines(55), 'c/three.ts': lines(50) });
  r.write({ 'a/one.ts': `${lines(60)}unstaged\n` });
  return r;
}

describe('split never loses the index', () => {
  test('a truncated index.orig is refused, not installed; the index and the saved file stay', () => {
    repo = setUp();
    const original = repo.snapshot();
    expect(repo.run(['split', '--stage', '1']).code).toBe(0);
    truncateSync(savedIndex(repo), 100);
    const restore = runUnchanged(repo, ['split', '--restore']);
    expect(restore.code).toBe(2);
    expect(restore.stderr).toMatch(
      /The saved index \(.*index\.orig\) is damaged: its checksum or its entries do not hold\. It was not installed: your index is as it was/,
    );
    expect(statSync(savedIndex(repo)).size).toBe(100);
    expect(repo.snapshot()).not.toEqual(original); // still the staged group, as before the refused restore
  }, 120_000);

  test('a whole index.orig goes back byte for byte, and only then is it removed', () => {
    repo = setUp();
    const original = repo.snapshot();
    expect(repo.run(['split', '--stage', '1']).code).toBe(0);
    expect(repo.run(['split', '--restore']).code).toBe(0);
    expect(repo.snapshot()).toEqual(original);
    expect(existsSync(savedIndex(repo))).toBe(false);
  }, 120_000);

  test('a stale index.lock: --stage says how to clear it, and changes nothing', () => {
    repo = setUp();
    const lock = join(repo.dir, '.git', 'index.lock');
    writeFileSync(lock, '');
    const staged = runUnchanged(repo, ['split', '--stage', '1']);
    expect(staged.code).not.toBe(0);
    expect(staged.stderr).toContain(`clear it with: rm -f '${lock}'`);
    expect(existsSync(lock)).toBe(true);
  }, 120_000);
});

describe('notes merged from elsewhere', () => {
  test('a foreign note ({"theirs":1}) appended beside a record does not make it invalid', () => {
    repo = createTempRepo({ 'src/a.ts': lines(3), '.selfreviewrc.json': TINY });
    repo.git(['tag', 'base']);
    repo.stage({ 'src/a.ts': lines(5) });
    commitReviewed(repo, 'Reviewed');
    // What push-notes' union merge makes of two notes: the texts one after the other.
    repo.git(['notes', '--ref=selfreview', 'append', '-m', '{"theirs":1}', 'HEAD']);
    expect(repo.git(['notes', '--ref=selfreview', 'show', 'HEAD'])).toMatch(/\}\n\n\{"theirs":1\}/);
    const result = runUnchanged(repo, ['ci', '--base', 'base', '--format', 'json', '--no-impact']);
    const [commit] = (JSON.parse(result.stdout) as { commits: Array<{ verdict: string; review: { status: string } }> }).commits;
    expect(commit).toMatchObject({ verdict: 'pass', review: { status: 'reviewed' } });
  }, 120_000);
});
