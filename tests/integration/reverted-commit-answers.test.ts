import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { writeAnswersFor } from '../helpers/answers.js';
import { runUnchanged } from '../helpers/review-run.js';
import { createTempRepo, TempRepo } from '../helpers/temp-repo.js';

// "This reverts commit <sha>." is git's own explanation of a revert (mochajs/mocha adc67fd741 reverts
// an image bot's optimisation: binary files, no word of code). The hook asks git for that commit's
// patch and accepts the answer when the staged change undoes it; a hash of a commit it does not
// undo connects to nothing, as before. Real commits of a real repository.

const image = (seed: number) =>
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, ...Array.from({ length: 64 }, (_, i) => (i * seed) % 251)]);
const REASON = 'The optimization algorithm performed by the image bot caused a loss of color information.';

let repo: TempRepo;
let added = '';
let optimized = '';
beforeAll(() => {
  repo = createTempRepo({ 'package.json': '{"name":"site"}', 'assets/logo.png': image(7) });
  added = repo.git(['rev-parse', 'HEAD']).trim();
  repo.commit('Optimize images', { 'assets/logo.png': image(13) });
  optimized = repo.git(['rev-parse', 'HEAD']).trim();
  // The revert, staged and not committed: what the pre-commit hook reviews (a `git revert` in
  // progress is not reviewed again, so the files are restored from the parent, as by hand).
  repo.git(['checkout', `${optimized}^`, '--', 'assets']);
});
afterAll(() => repo.cleanup());

function review(intent: string) {
  const file = writeAnswersFor(
    repo,
    {},
    {},
    {
      intent,
      'unit:assets/logo.png': 'The logo goes back to the file exported before the bot compressed it.',
      verification: 'Opened the restored logo beside the design export and compared its colors by eye.',
    },
  );
  const result = runUnchanged(repo, ['--no-impact', '--answers', file]);
  return { code: result.code, output: result.stdout + result.stderr };
}

describe('an answer naming the commit its staged change reverts', () => {
  test('connects to nothing when the commit named is not the one it undoes', () => {
    const { code, output } = review(`This reverts commit ${added}.\n\n${REASON}`);
    expect(code).toBe(1);
    expect(output).toMatch(/connects to nothing/);
  });
  test('a hash that is no commit of the repository is no connection either', () => {
    const { code, output } = review(`This reverts commit 3483827a430906822cec47f28ab5380ef45ad76b.\n\n${REASON}`);
    expect(code).toBe(1);
    expect(output).toMatch(/connects to nothing/);
  });
  // Last: an accepted review is recorded for the staged content, and the hook then accepts it again.
  test('is accepted when the staged change undoes that commit', () => {
    const { code, output } = review(`This reverts commit ${optimized.slice(0, 12)}.\n\n${REASON}`);
    expect(output).not.toMatch(/connects to nothing|says little/);
    expect(code).toBe(0);
  });
  test('CI, re-validating the record of the committed revert, agrees', () => {
    const message = join(repo.dir, '.git', 'REVERT_MSG');
    writeFileSync(message, 'Revert "Optimize images"\n');
    repo.run(['hook', 'prepare-commit-msg', message, 'message']);
    repo.git(['commit', '-q', '--no-verify', '-F', message]);
    repo.run(['hook', 'post-commit']);
    const result = repo.run(['ci', '--base', optimized, '--format', 'json', '--no-impact']);
    const commit = (JSON.parse(result.stdout) as { commits: { findings: { level: string; message: string }[] }[] }).commits[0]!;
    // Answered from a file: CI says so too; only the validation of the answers matters here.
    expect(commit.findings.filter((f) => f.level === 'error' && !/answered from a file/.test(f.message))).toEqual([]);
  });
});
