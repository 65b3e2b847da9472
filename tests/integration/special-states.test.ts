import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { CLI, createTempRepo, lines, type TempRepo } from '../helpers/temp-repo.js';
import { testEnv } from '../helpers/env.js';
import { spawnWithoutTerminal } from '../helpers/no-terminal.js';
import { reviewJson } from '../helpers/review-run.js';
import { writeAnswersFor } from '../helpers/answers.js';

// Merges, amends and replays: what is compared must be said, and the gate must not measure work
// that was gated when it was first committed.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const gitStatus = (target: TempRepo, args: string[]) =>
  spawnWithoutTerminal('git', args, { cwd: target.dir, env: testEnv(), encoding: 'utf8', input: '' });

describe('a merge in progress', () => {
  test('a clean merge of a big branch measures only what the merge itself adds', () => {
    repo = createTempRepo({ 'app.ts': lines(10), 'lib.ts': lines(10) });
    repo.git(['checkout', '-q', '-b', 'feature']);
    repo.commit('big feature', { 'feature.ts': lines(800, 'feature') });
    repo.git(['checkout', '-q', 'main']);
    repo.commit('main work', { 'app.ts': `${lines(10)}main\n` });
    repo.git(['merge', '--no-commit', '--no-ff', '-q', 'feature']);

    const { code, report } = reviewJson(repo);
    expect(code).toBe(0);
    expect(report.base.kind).toBe('merge');
    expect(report.totals.lines).toBe(0);
    expect(report.notes.join(' ')).toMatch(/merge in progress/i);

    // An edit made on top of the merge is what the merge commit adds: it is measured.
    repo.stage({ 'lib.ts': `${lines(10)}evil merge edit\n` });
    const edited = reviewJson(repo).report;
    expect(edited.files.map((f) => f.path)).toEqual(['lib.ts']);
    expect(edited.totals.lines).toBe(1);
  });

  test('a conflicted merge measures the resolution, not the incoming branch', () => {
    repo = createTempRepo({ 'shared.ts': lines(10) });
    repo.git(['checkout', '-q', '-b', 'feature']);
    repo.commit('feature', { 'shared.ts': lines(10).replace('line 5', 'feature 5'), 'more.ts': lines(600, 'more') });
    repo.git(['checkout', '-q', 'main']);
    repo.commit('main', { 'shared.ts': lines(10).replace('line 5', 'main 5') });
    expect(gitStatus(repo, ['merge', '-q', 'feature']).status).toBe(1);
    repo.stage({ 'shared.ts': lines(10).replace('line 5', 'resolved 5') });

    const { code, report } = reviewJson(repo);
    expect(code).toBe(0);
    expect(report.base.kind).toBe('merge');
    expect(report.files.map((f) => f.path)).toEqual(['shared.ts']);
    expect(report.totals.lines).toBeLessThan(10);
  });
});

describe('amend and replays', () => {
  test('`git commit --amend` says it measures what the amend adds to HEAD', () => {
    repo = createTempRepo({ 'a.ts': lines(5) });
    const hook = join(repo.dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, `#!/bin/sh\nexec "${process.execPath}" "${CLI}"\n`);
    chmodSync(hook, 0o755);
    repo.stage({ 'a.ts': lines(6) });
    const answers = writeAnswersFor(repo);
    const result = spawnWithoutTerminal('git', ['commit', '--amend', '-q', '--no-edit'], {
      cwd: repo.dir,
      env: testEnv({ SELFREVIEW_ANSWERS: answers }),
      encoding: 'utf8',
      input: '',
    });
    expect(result.status).toBe(0);
    expect(`${result.stdout}${result.stderr}`).toMatch(/Amend: measuring what this amend adds to HEAD/);
  });

  test('a cherry-pick being concluded is not gated again', () => {
    repo = createTempRepo({ 'shared.ts': lines(10) });
    repo.git(['checkout', '-q', '-b', 'feature']);
    repo.commit('big', { 'shared.ts': lines(10).replace('line 2', 'feature 2'), 'big.ts': lines(700, 'big') });
    repo.git(['checkout', '-q', 'main']);
    repo.commit('main', { 'shared.ts': lines(10).replace('line 2', 'main 2') });
    expect(gitStatus(repo, ['cherry-pick', 'feature']).status).not.toBe(0);
    repo.stage({ 'shared.ts': lines(10).replace('line 2', 'both 2') });

    const { code, report } = reviewJson(repo);
    expect(code).toBe(0);
    expect(report.verdict).toBe('pass');
    expect(report.totals.lines).toBeGreaterThan(400);
    expect(report.notes.join(' ')).toMatch(/cherry-pick in progress/);
  });

  test('concluding a conflicted rebase step with `git commit` is not blocked by the hook', () => {
    // git runs no pre-commit hook for the commits a rebase replays by itself; it does when the
    // user concludes a conflicted step with `git commit`, and that commit holds the whole replay.
    repo = createTempRepo({ 'shared.ts': lines(3) });
    const hook = join(repo.dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, `#!/bin/sh\nexec "${process.execPath}" "${CLI}"\n`);
    chmodSync(hook, 0o755);
    repo.git(['checkout', '-q', '-b', 'feature']);
    repo.commit('big, reviewed when made', { 'shared.ts': 'feature\n', 'big.ts': lines(700, 'big') });
    repo.git(['checkout', '-q', 'main']);
    repo.commit('main moves on', { 'shared.ts': 'main\n' });
    repo.git(['checkout', '-q', 'feature']);
    expect(gitStatus(repo, ['rebase', '-q', 'main']).status).not.toBe(0);
    repo.stage({ 'shared.ts': 'both\n' });
    const result = spawnWithoutTerminal('git', ['commit', '-q', '--no-edit'], {
      cwd: repo.dir,
      env: testEnv({ GIT_EDITOR: 'true' }),
      encoding: 'utf8',
      input: '',
    });
    expect(`${result.stdout}${result.stderr}`).toMatch(/rebase in progress: replayed commits are not gated/);
    expect(result.status).toBe(0);
  });
});
