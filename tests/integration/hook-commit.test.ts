import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { CLI, createTempRepo, lines, type TempRepo } from '../helpers/temp-repo.js';
import { testEnv } from '../helpers/env.js';
import { spawnWithoutTerminal } from '../helpers/no-terminal.js';
import { writeAnswersFor } from '../helpers/answers.js';

// selfreview as a real pre-commit hook under a real `git commit`: it must measure exactly what
// git is about to commit (GIT_INDEX_FILE for -a and <paths>), block what is over budget and let
// the rest through.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

function installHook(target: TempRepo): void {
  const hook = join(target.dir, '.git', 'hooks', 'pre-commit');
  writeFileSync(hook, `#!/bin/sh\nexec "${process.execPath}" "${CLI}"\n`);
  chmodSync(hook, 0o755);
}

function commit(target: TempRepo, args: readonly string[], env: Record<string, string> = {}) {
  const result = spawnWithoutTerminal('git', ['commit', ...args], { cwd: target.dir, env: testEnv(env), encoding: 'utf8', input: '' });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

const headCount = (target: TempRepo) => Number(target.git(['rev-list', '--count', 'HEAD']).trim());

describe('the pre-commit hook', () => {
  test('a small change commits; an oversized one is blocked and the index is left as it was', () => {
    repo = createTempRepo({ 'a.ts': lines(5) });
    installHook(repo);
    repo.stage({ 'a.ts': lines(20) });
    expect(commit(repo, ['-q', '-m', 'small'], { SELFREVIEW_ANSWERS: writeAnswersFor(repo) })).toMatchObject({ code: 0 });
    expect(headCount(repo)).toBe(2);

    repo.stage({ 'big.ts': lines(450) });
    repo.write({ 'a.ts': `${lines(20)}unstaged edit\n`, 'notes.txt': 'untracked\n' });
    const before = repo.snapshot();
    const blocked = commit(repo, ['-q', '-m', 'big']);
    expect(blocked.code).toBe(1);
    expect(blocked.output).toMatch(/rejected/i);
    expect(blocked.output).toMatch(/450 changed lines: 50 over the human budget of 400/);
    expect(headCount(repo)).toBe(2);
    // Index, working tree (staged, unstaged, untracked) and stash: exactly as they were.
    expect(repo.snapshot()).toEqual(before);
  });

  test('`git commit -a` is measured with the tracked changes git adds, not the stale index', () => {
    repo = createTempRepo({ 'a.ts': lines(5), 'b.ts': lines(5) });
    installHook(repo);
    // Nothing staged; -a stages 500 changed lines in a temporary index.
    repo.write({ 'a.ts': lines(255, 'new a'), 'b.ts': lines(255, 'new b') });
    const before = repo.snapshot();
    const blocked = commit(repo, ['-a', '-q', '-m', 'all']);
    expect(blocked.code).toBe(1);
    // (255 added + 5 removed) x 2 files, as -a stages them: the hook read git's temporary index.
    expect(blocked.output).toMatch(/520 changed lines: 120 over the human budget of 400/);
    expect(headCount(repo)).toBe(1);
    expect(repo.snapshot()).toEqual(before);

    repo.write({ 'a.ts': `${lines(5)}one\n`, 'b.ts': lines(5) });
    // The review of what -a will commit, made beforehand in the person's own terminal.
    repo.git(['add', 'a.ts']);
    expect(repo.run(['--answers', writeAnswersFor(repo)]).code).toBe(0);
    repo.git(['reset', '-q']);
    expect(commit(repo, ['-a', '-q', '-m', 'small all']).code).toBe(0);
    expect(repo.git(['show', '--stat', '--format=', 'HEAD'])).toMatch(/a\.ts \| 1 \+/);
  });

  test('`git commit <path>` measures only that path, whatever else is staged', () => {
    repo = createTempRepo({ 'a.ts': lines(5), 'huge.ts': lines(5) });
    installHook(repo);
    repo.stage({ 'huge.ts': lines(900, 'huge') });
    repo.write({ 'a.ts': `${lines(5)}tiny\n` });
    // Answers for the index `git commit a.ts` builds: HEAD plus a.ts, nothing else.
    const only = `${repo.dir}/.git/only-a-index`;
    repo.git(['read-tree', 'HEAD'], { env: { GIT_INDEX_FILE: only } });
    repo.git(['add', 'a.ts'], { env: { GIT_INDEX_FILE: only } });
    const answers = writeAnswersFor(repo, { GIT_INDEX_FILE: only });
    const result = commit(repo, ['-q', '-m', 'only a', '--', 'a.ts'], { SELFREVIEW_ANSWERS: answers });
    expect(result.code).toBe(0);
    expect(result.output).toMatch(/a\.ts\s+\+1 -0/);
    expect(result.output).not.toMatch(/huge\.ts/);
    expect(repo.git(['show', '--name-only', '--format=', 'HEAD']).trim()).toBe('a.ts');
    // huge.ts is still staged, untouched.
    expect(repo.git(['diff', '--cached', '--name-only']).trim()).toBe('huge.ts');
  });

  test('an agent environment gets the AI budget in the hook', () => {
    repo = createTempRepo({ 'a.ts': lines(5) });
    installHook(repo);
    repo.stage({ 'a.ts': lines(260) });
    const blocked = commit(repo, ['-q', '-m', 'agent'], { CLAUDECODE: '1' });
    expect(blocked.code).toBe(1);
    expect(blocked.output).toMatch(/over the AI budget of 200/);
    // The agent is refused outright: it is never prompted, even for a change within budget.
    repo.stage({ 'a.ts': lines(20) });
    const refused = commit(repo, ['-q', '-m', 'agent, small'], { CLAUDECODE: '1' });
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/does not prompt an agent/);
    // A person reviews the same content in their terminal; the agent's commit then goes through.
    expect(repo.run(['--answers', writeAnswersFor(repo)]).code).toBe(0);
    expect(commit(repo, ['-q', '-m', 'agent, reviewed'], { CLAUDECODE: '1' }).code).toBe(0);
  });
});
