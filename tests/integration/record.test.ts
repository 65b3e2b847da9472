import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { writeAnswersFor } from '../helpers/answers.js';
import { testEnv } from '../helpers/env.js';
import { spawnWithoutTerminal } from '../helpers/no-terminal.js';
import { createTempRepo, linkSelfreview, lines, type TempRepo } from '../helpers/temp-repo.js';

// `selfreview init`, then real `git commit`s through the installed hooks: trailers on the
// message, the record as a note, and `show` / `log` reading them back.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

function initRepo(): TempRepo {
  const r = createTempRepo({
    'package.json': '{\n  "name": "app",\n  "version": "1.0.0"\n}\n',
    'src/a.ts': lines(3),
    '.gitignore': 'node_modules\n',
  });
  linkSelfreview(r.dir);
  return r;
}

function git(r: TempRepo, args: string[], env: Record<string, string> = {}) {
  const result = spawnWithoutTerminal('git', args, { cwd: r.dir, env: testEnv(env), encoding: 'utf8', input: '' });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

const trailersOf = (r: TempRepo, rev = 'HEAD') => r.git(['log', '-1', '--format=%(trailers)', rev]).trim().split('\n');

describe('selfreview init', () => {
  test("installs the hooks in git's hooks folder and a config, touching no package.json; a second run changes nothing", () => {
    repo = initRepo();
    const pkg = readFileSync(join(repo.dir, 'package.json'), 'utf8');
    const first = repo.run(['init']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/created .*\.git\/hooks\/pre-commit/);
    expect(readFileSync(join(repo.dir, '.git', 'hooks', 'prepare-commit-msg'), 'utf8')).toMatch(/hooks\/hook\.sh prepare-commit-msg "\$@"/);
    expect(readFileSync(join(repo.dir, 'package.json'), 'utf8')).toBe(pkg);
    expect(JSON.parse(readFileSync(join(repo.dir, '.selfreviewrc.json'), 'utf8')).budgets.human).toEqual({ lines: 400, files: 25 });
    const hooks = ['pre-commit', 'prepare-commit-msg', 'commit-msg', 'post-commit', 'post-merge'];
    const snapshot = hooks.map((f) => readFileSync(join(repo.dir, '.git', 'hooks', f), 'utf8'));
    expect(repo.run(['init']).stdout).toMatch(/already set up/);
    expect(hooks.map((f) => readFileSync(join(repo.dir, '.git', 'hooks', f), 'utf8'))).toEqual(snapshot);
  });

  test('keeps hook lines it did not write, and uses an existing core.hooksPath', () => {
    repo = initRepo();
    mkdirSync(join(repo.dir, '.githooks'));
    writeFileSync(join(repo.dir, '.githooks', 'pre-commit'), '#!/bin/sh\necho "team check"\n');
    chmodSync(join(repo.dir, '.githooks', 'pre-commit'), 0o755);
    repo.git(['config', 'core.hooksPath', '.githooks']);
    expect(repo.run(['init']).code).toBe(0);
    expect(repo.git(['config', 'core.hooksPath']).trim()).toBe('.githooks');
    const hook = readFileSync(join(repo.dir, '.githooks', 'pre-commit'), 'utf8');
    expect(hook).toMatch(/^#!\/bin\/sh\necho "team check"\n# >>> selfreview/);
    expect(readFileSync(join(repo.dir, '.githooks', 'post-commit'), 'utf8')).toMatch(/^#!\/bin\/sh\n/);
  });
});

describe('the record on real commits', () => {
  test('-m, -F, amend after review, merge: trailers once, the note stored, show and log agree', () => {
    repo = initRepo();
    repo.run(['init']);
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'Set up selfreview']);

    repo.stage({ 'src/a.ts': lines(5) });
    const committed = git(repo, ['commit', '-q', '-m', 'Grow a'], { SELFREVIEW_ANSWERS: writeAnswersFor(repo) });
    expect(committed.code).toBe(0);
    const tree = repo.git(['rev-parse', 'HEAD^{tree}']).trim();
    expect(trailersOf(repo)).toEqual([
      expect.stringMatching(new RegExp(`^Self-Review: risk=medium lines=\\+2/-0 files=1 human digest=[0-9a-f]{20}$`)),
      // Shortened to fit commitlint's line limits; the note holds it whole (below).
      expect.stringMatching(/^Self-Review-Intent: Answer number 2 explains the intent part of the.{0,30}…$/),
    ]);
    const note = JSON.parse(repo.git(['notes', '--ref=selfreview', 'show', 'HEAD']));
    expect(note).toMatchObject({ tree, intent: 'Answer number 2 explains the intent part of the change to src/a.ts in plain words' });
    expect(note.answers.map((a: { questionId: string }) => a.questionId)).toContain('verification');

    // -F with a message that already has other trailers.
    repo.stage({ 'src/b.ts': lines(4) });
    writeFileSync(join(repo.dir, '.git', 'msg.txt'), 'Add b\n\nSigned-off-by: Test Author <author@example.com>\n');
    expect(git(repo, ['commit', '-q', '-F', '.git/msg.txt'], { SELFREVIEW_ANSWERS: writeAnswersFor(repo) }).code).toBe(0);
    const withSignoff = trailersOf(repo);
    expect(withSignoff[0]).toBe('Signed-off-by: Test Author <author@example.com>');
    expect(withSignoff.filter((t) => t.startsWith('Self-Review:'))).toHaveLength(1);

    // Reviewed again on amend (what the amend adds to HEAD): the trailers are replaced, not doubled.
    repo.stage({ 'src/b.ts': lines(6) });
    expect(git(repo, ['commit', '-q', '--amend', '--no-edit'], { SELFREVIEW_ANSWERS: writeAnswersFor(repo) }).code).toBe(0);
    const amended = trailersOf(repo);
    expect(amended.filter((t) => t.startsWith('Self-Review:'))).toEqual([
      expect.stringMatching(new RegExp(`^Self-Review: risk=medium lines=\\+2/-0 files=1 human digest=[0-9a-f]{20}$`)),
    ]);

    // Amended with --no-verify after the review: the trailer no longer matches the content.
    repo.stage({ 'src/b.ts': lines(7) });
    expect(git(repo, ['commit', '-q', '--amend', '--no-edit', '--no-verify']).code).toBe(0);
    expect(git(repo, ['commit', '-q', '--allow-empty', '--no-verify', '-m', 'Unreviewed']).code).toBe(0);

    const log = repo.run(['log']).stdout.split('\n');
    expect(log[0]).toMatch(/missing\s+Unreviewed/);
    expect(log[1]).toMatch(/content changed after review\s+Add b/);
    expect(log[2]).toMatch(/reviewed\s+Grow a/);
    const show = repo.run(['show', 'HEAD~2']);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/Review: reviewed/);
    expect(show.stdout).toMatch(/risk medium, \+2\/-0 in 1 file, provenance human/); // "1 files" before
    expect(show.stdout).toMatch(/How did you check that it works\?\n {2}Answer number \d+ explains the verification part/);
    expect(repo.run(['show', 'HEAD']).code).toBe(1);

    // The same, as JSON documents with the tool's version.
    const logJson = JSON.parse(repo.run(['log', '--json']).stdout) as {
      version: string;
      commits: Array<{ subject: string; status: string }>;
    };
    expect(logJson.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(logJson.commits.slice(0, 3).map((c) => [c.status, c.subject])).toEqual([
      ['missing', 'Unreviewed'],
      ['changed-after-review', 'Add b'],
      ['reviewed', 'Grow a'],
    ]);
    const showJson = repo.run(['show', 'HEAD~2', '--json']);
    expect(showJson.code).toBe(0);
    const shown = JSON.parse(showJson.stdout) as {
      version: string;
      status: string;
      note: { answers: Array<{ questionId: string; answer: string }> } | null;
    };
    expect(shown.status).toBe('reviewed');
    expect(shown.note?.answers.find((a) => a.questionId === 'verification')?.answer).toMatch(/explains the verification part/);
  });

  test('show and log verify as CI does: a rebased commit stays reviewed, a hand-written trailer does not', () => {
    repo = initRepo();
    repo.run(['init']);
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'Set up']);
    repo.git(['checkout', '-q', '-b', 'feature']);
    repo.stage({ 'src/b.ts': lines(4) });
    expect(git(repo, ['commit', '-q', '-m', 'Add b'], { SELFREVIEW_ANSWERS: writeAnswersFor(repo) }).code).toBe(0);
    const reviewed = repo.git(['rev-parse', 'HEAD']).trim();
    // main moves on; the feature is rebased onto it: a new tree, the same reviewed change.
    repo.git(['checkout', '-q', 'main']);
    repo.commit('Grow a', { 'src/a.ts': lines(5) });
    repo.git(['checkout', '-q', 'feature']);
    expect(git(repo, ['rebase', '-q', 'main']).code).toBe(0);
    // A trailer copied by hand onto an unreviewed change, with no record behind it.
    const forged = trailersOf(repo).find((t) => t.startsWith('Self-Review:'))!;
    repo.stage({ 'src/c.ts': lines(3) });
    expect(git(repo, ['commit', '-q', '--no-verify', '-m', `Add c\n\n${forged}`]).code).toBe(0);

    const log = repo.run(['log', '-n', '2']).stdout.split('\n');
    expect(log[0]).toMatch(/content changed after review\s+Add c/);
    expect(log[1]).toMatch(/reviewed\s+Add b/);
    const show = repo.run(['show', 'HEAD~1']);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(`Review: reviewed (rebased from ${reviewed.slice(0, 10)})`);
    const forgedShow = repo.run(['show', 'HEAD', '--json']);
    expect(forgedShow.code).toBe(1);
    const shown = JSON.parse(forgedShow.stdout) as { status: string; problems: string[] };
    expect(shown.status).toBe('changed-after-review');
    expect(shown.problems.join(' ')).toMatch(/src\/c\.ts/);
  });

  test('a merge commit with a conflict resolution carries its review', () => {
    repo = initRepo();
    repo.run(['init']);
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'Set up']);
    repo.git(['checkout', '-q', '-b', 'feature']);
    repo.commit('feature', { 'src/a.ts': lines(3).replace('line 2', 'feature 2') });
    repo.git(['checkout', '-q', 'main']);
    repo.commit('main', { 'src/a.ts': lines(3).replace('line 2', 'main 2') });
    expect(git(repo, ['merge', '-q', '--no-verify', 'feature']).code).not.toBe(0);
    repo.stage({ 'src/a.ts': lines(3).replace('line 2', 'both 2') });
    expect(git(repo, ['commit', '-q', '--no-edit'], { SELFREVIEW_ANSWERS: writeAnswersFor(repo), GIT_EDITOR: 'true' }).code).toBe(0);
    expect(repo.git(['log', '-1', '--format=%P']).trim().split(' ')).toHaveLength(2);
    expect(trailersOf(repo).some((t) => t.startsWith('Self-Review: risk='))).toBe(true);
  });

  test('a commit with no review gets no trailers, and prepare-commit-msg never breaks it', () => {
    repo = initRepo();
    repo.run(['init']);
    repo.git(['add', '-A']);
    repo.stage({ 'src/a.ts': lines(4) });
    expect(git(repo, ['commit', '-q', '--no-verify', '-m', 'Skip the review']).code).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B']).trim()).toBe('Skip the review');
  });
});

describe('selfreview doctor', () => {
  test('a good install, then a broken one: each problem with its fix', () => {
    repo = initRepo();
    repo.run(['init']);
    const good = repo.run(['doctor']).stdout;
    for (const line of [
      "✔ hooks run by git's hooks folder",
      '✔ pre-commit hook calls selfreview',
      '✔ prepare-commit-msg hook calls selfreview',
      '✔ post-commit hook calls selfreview',
      '✔ config: .selfreviewrc.json',
    ]) {
      expect(good).toContain(line);
    }
    writeFileSync(join(repo.dir, '.git', 'hooks', 'post-commit'), '#!/bin/sh\necho other\n');
    writeFileSync(join(repo.dir, '.selfreviewrc.json'), '{"budgets": {"human": {"lines": 0}}}');
    repo.git(['remote', 'add', 'origin', 'https://example.com/x.git']);
    const broken = repo.run(['doctor']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/✖ post-commit: \.git\/hooks\/post-commit does not call selfreview\n {4}Run `npx selfreview init`/);
    expect(broken.stdout).toMatch(/✖ config: \.selfreviewrc\.json has 1 problem\n {4}budgets\.human\.lines:/);
    expect(broken.stdout).toMatch(/✖ review notes are fetched\n {4}npx selfreview init \(each remote then fetches its review notes/);
  });
});

describe('messages written in an editor', () => {
  function reviewedRepo(): TempRepo {
    const r = initRepo();
    r.run(['init']);
    r.git(['add', '-A']);
    r.git(['commit', '-q', '--no-verify', '-m', 'Set up']);
    r.stage({ 'src/a.ts': lines(5) });
    expect(r.run(['--answers', writeAnswersFor(r)]).code).toBe(0);
    return r;
  }

  test('emptying the message still aborts the commit; a written one gets the trailers', () => {
    repo = reviewedRepo();
    const head = repo.git(['rev-parse', 'HEAD']).trim();
    // An editor that leaves the message empty: the person abandons the commit.
    const abandoned = git(repo, ['commit'], { GIT_EDITOR: 'sh -c ": > \\"$1\\"" editor' });
    expect(abandoned.code).not.toBe(0);
    expect(abandoned.output).toMatch(/Aborting commit due to empty commit message/);
    expect(repo.git(['rev-parse', 'HEAD']).trim()).toBe(head);
    // An editor that writes a message: the commit carries the trailers, once.
    const written = git(repo, ['commit'], { GIT_EDITOR: 'sh -c "printf \\"Grow a\\\\n\\\\nWhy it grows.\\\\n\\" > \\"$1\\"" editor' });
    expect(written.code).toBe(0);
    expect(repo.git(['log', '-1', '--format=%s']).trim()).toBe('Grow a');
    expect(trailersOf(repo).filter((t) => t.startsWith('Self-Review:'))).toHaveLength(1);
  });

  test('a clean `git merge` needs no review (CI agrees); a merge with edits is reviewed and carries trailers and note', () => {
    repo = initRepo();
    repo.run(['init']);
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'Set up']);
    repo.git(['checkout', '-q', '-b', 'feature']);
    repo.commit('feature', { 'src/b.ts': lines(3) });
    repo.git(['checkout', '-q', 'main']);
    repo.commit('main', { 'src/c.ts': lines(3) });
    // A clean merge adds nothing to git's own merge: nothing to ask, no record, and CI agrees.
    expect(git(repo, ['merge', '-q', '--no-ff', '--no-edit', 'feature']).code).toBe(0);
    expect(repo.git(['log', '-1', '--format=%s']).trim()).toBe("Merge branch 'feature'");
    expect(trailersOf(repo).some((t) => t.startsWith('Self-Review:'))).toBe(false);
    const ci = JSON.parse(repo.run(['ci', '--base', 'HEAD^1', '--format', 'json', '--no-impact']).stdout);
    expect(ci.commits.find((c: { subject: string }) => c.subject === "Merge branch 'feature'")).toMatchObject({
      verdict: 'pass',
      findings: [{ code: 'clean-merge' }],
    });
    // A merge that also edits is reviewed first (git merge runs no pre-commit hook), then made.
    repo.git(['reset', '-q', '--hard', 'HEAD^1']);
    repo.git(['merge', '-q', '--no-ff', '--no-commit', 'feature']);
    repo.stage({ 'src/c.ts': lines(4) });
    expect(repo.run(['--answers', writeAnswersFor(repo)]).code).toBe(0);
    expect(git(repo, ['commit', '-q', '--no-edit'], { GIT_EDITOR: 'true' }).code).toBe(0);
    expect(trailersOf(repo).some((t) => t.startsWith('Self-Review: risk='))).toBe(true);
    expect(JSON.parse(repo.git(['notes', '--ref=selfreview', 'show', 'HEAD'])).tree).toBe(repo.git(['rev-parse', 'HEAD^{tree}']).trim());
  });
});
