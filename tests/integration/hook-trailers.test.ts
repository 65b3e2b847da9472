import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { computeRecordDigest } from '../../src/core/record/record-digest.js';
import { writeAnswersFor } from '../helpers/answers.js';
import { testEnv } from '../helpers/env.js';
import { spawnWithoutTerminal } from '../helpers/no-terminal.js';
import { pathWithoutNode } from '../helpers/path-without-node.js';
import { createTempRepo, linkSelfreview, lines, type TempRepo } from '../helpers/temp-repo.js';

// The trailers of a change reviewed first (`npx selfreview`), added by hooks/hook.sh with git
// alone: every way git writes a message (-m, -F, an editor, a template, a squash, an amend; the
// conflicted merge is in record.test.ts), committed where PATH has no node, so a passing commit proves no node ran.
// A pending record without its trailer file (written by an older version) or with a damaged one
// still gets its trailers, from node.

let repo: TempRepo;
const cleanups: (() => void)[] = [];
afterEach(() => {
  repo?.cleanup();
  while (cleanups.length > 0) cleanups.pop()!();
});

function reviewedProject(): TempRepo {
  const r = createTempRepo({
    'package.json': '{\n  "name": "app",\n  "version": "1.0.0"\n}\n',
    'src/a.ts': lines(3),
    '.gitignore': 'node_modules\n',
  });
  linkSelfreview(r.dir);
  expect(r.run(['init']).code).toBe(0);
  r.git(['add', '-A']);
  r.git(['commit', '-q', '--no-verify', '-m', 'Set up']);
  return r;
}

/** Stages `tree` and reviews it (as `npx selfreview` in a terminal would, from an answers file). */
function review(r: TempRepo, tree: Record<string, string>): string {
  r.stage(tree);
  expect(r.run(['--answers', writeAnswersFor(r)]).code).toBe(0);
  return r.git(['write-tree']).trim();
}

function commit(r: TempRepo, args: readonly string[], env: Record<string, string> = {}) {
  const noNode = { PATH: pathWithoutNode(cleanups) };
  const result = spawnWithoutTerminal('git', ['commit', ...args], { cwd: r.dir, env: testEnv({ ...noNode, ...env }), encoding: 'utf8' });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

const editor = (text: string) => `sh -c 'printf "${text}" > "$1"' editor`;
const messageOf = (r: TempRepo) => r.git(['log', '-1', '--format=%B']);
const reviewLines = (r: TempRepo) =>
  messageOf(r)
    .split('\n')
    .filter((l) => /^Self-Review:/.test(l));

/** HEAD carries exactly one review trailer, naming its own note's record, and `selfreview log` says reviewed. */
function expectReviewed(r: TempRepo): void {
  const note = r.git(['notes', '--ref=selfreview', 'show', 'HEAD']);
  const digest = computeRecordDigest(JSON.parse(note)).slice(7, 27);
  expect(reviewLines(r)).toEqual([
    expect.stringMatching(new RegExp(`^Self-Review: risk=\\w+ lines=\\+\\d+/-\\d+ files=\\d+ \\w+ digest=${digest}$`)),
  ]);
  expect(r.run(['log', '-n', '1']).stdout).toMatch(/^\w+ {2}reviewed /);
}

describe('trailers added without node', () => {
  test('-m, -F and an editor: the message as written, the trailers once', () => {
    repo = reviewedProject();
    review(repo, { 'src/a.ts': lines(4) });
    expect(commit(repo, ['-q', '-m', 'Grow a']).code).toBe(0);
    expect(messageOf(repo)).toMatch(/^Grow a\n\nSelf-Review: risk=.*\nSelf-Review-Intent: /);
    expectReviewed(repo);

    review(repo, { 'src/a.ts': lines(5) });
    writeFileSync(join(repo.dir, '.git', 'msg.txt'), 'Grow a again\n\nBody line.\n');
    expect(commit(repo, ['-q', '-F', '.git/msg.txt']).code).toBe(0);
    expect(messageOf(repo)).toMatch(/^Grow a again\n\nBody line\.\n\nSelf-Review: /);
    expectReviewed(repo);

    review(repo, { 'src/a.ts': lines(6) });
    expect(commit(repo, ['-q'], { GIT_EDITOR: editor('Edited\\n\\nWritten in an editor.\\n') }).code).toBe(0);
    expect(repo.git(['log', '-1', '--format=%s']).trim()).toBe('Edited');
    expectReviewed(repo);
  });

  test('an emptied message still aborts, with any comment character; an unedited template aborts, an edited one carries them', () => {
    repo = reviewedProject();
    review(repo, { 'src/a.ts': lines(4) });
    const head = repo.git(['rev-parse', 'HEAD']).trim();
    expect(commit(repo, [], { GIT_EDITOR: editor('# only a comment\\n') }).output).toMatch(/Aborting commit due to empty commit message/);
    repo.git(['config', 'core.commentChar', ';']);
    expect(commit(repo, [], { GIT_EDITOR: editor('; only a comment\\n\\n') }).output).toMatch(
      /Aborting commit due to empty commit message/,
    );
    expect(repo.git(['rev-parse', 'HEAD']).trim()).toBe(head);
    expect(commit(repo, ['-q'], { GIT_EDITOR: editor('#42 is fixed\\n; a comment\\n') }).code).toBe(0);
    expect(repo.git(['log', '-1', '--format=%s']).trim()).toBe('#42 is fixed');
    expectReviewed(repo);
    repo.git(['config', '--unset', 'core.commentChar']);

    writeFileSync(join(repo.dir, '.git', 'template.txt'), 'Subject here\n\nWhy:\n');
    repo.git(['config', 'commit.template', '.git/template.txt']);
    review(repo, { 'src/a.ts': lines(5) });
    const before = repo.git(['rev-parse', 'HEAD']).trim();
    const unedited = commit(repo, [], { GIT_EDITOR: 'true' });
    expect(unedited.code).not.toBe(0);
    expect(repo.git(['rev-parse', 'HEAD']).trim()).toBe(before);
    expect(commit(repo, ['-q'], { GIT_EDITOR: editor('Filled in\\n\\nWhy: it grows.\\n') }).code).toBe(0);
    expectReviewed(repo);
  });

  test('an amend reviewed again replaces the earlier review; a squash merge carries its own', () => {
    repo = reviewedProject();
    review(repo, { 'src/a.ts': lines(4) });
    expect(commit(repo, ['-q', '-m', 'Grow a']).code).toBe(0);
    const first = reviewLines(repo)[0];
    review(repo, { 'src/a.ts': lines(5) });
    expect(commit(repo, ['-q', '--amend', '--no-edit']).code).toBe(0);
    expect(reviewLines(repo)[0]).not.toBe(first);
    expect(messageOf(repo).match(/^Self-Review-Intent:/gm)).toHaveLength(1);
    expectReviewed(repo);

    repo.git(['checkout', '-q', '-b', 'feature']);
    repo.commit('feature', { 'src/b.ts': lines(3) });
    repo.git(['checkout', '-q', 'main']);
    repo.git(['merge', '-q', '--squash', 'feature']);
    review(repo, {});
    expect(commit(repo, ['-q', '--no-edit'], { GIT_EDITOR: 'true' }).code).toBe(0);
    expectReviewed(repo);

    expectReviewed(repo);
  });
});

describe('every message kept intact', () => {
  test('-m "" aborts as git does; a body line the person wrote with a look-alike key stays', () => {
    repo = reviewedProject();
    review(repo, { 'src/a.ts': lines(4) });
    const head = repo.git(['rev-parse', 'HEAD']).trim();
    const staged = repo.snapshot();
    expect(commit(repo, ['-q', '-m', '']).output).toMatch(/Aborting commit due to empty commit message/);
    expect(repo.git(['rev-parse', 'HEAD']).trim()).toBe(head);
    expect(repo.snapshot()).toEqual(staged);
    expect(commit(repo, ['-q', '-m', 'Grow a\n\nself-review: I ran the tests twice\nSelf-Review: read it with Ana']).code).toBe(0);
    expect(messageOf(repo)).toMatch(/^Grow a\n\nself-review: I ran the tests twice\nSelf-Review: read it with Ana\n/);
    expect(reviewLines(repo).filter((l) => l.startsWith('Self-Review: risk='))).toHaveLength(1);
  });

  test('--amend -m, --no-edit and --reset-author on a reviewed commit keep its review line and move its note', () => {
    repo = reviewedProject();
    review(repo, { 'src/a.ts': lines(4) });
    expect(commit(repo, ['-q', '-m', 'Grow a']).code).toBe(0);
    const line = reviewLines(repo)[0];
    for (const args of [
      ['--amend', '-m', 'Grow a, renamed'],
      ['--amend', '--no-edit'],
      ['--amend', '--no-edit', '--reset-author'],
    ]) {
      expect(commit(repo, ['-q', ...args]).code).toBe(0);
      expect(reviewLines(repo)).toEqual([line]);
      expect(repo.git(['notes', '--ref=selfreview', 'list', 'HEAD']).trim()).toMatch(/^[0-9a-f]{40}$/);
      expectReviewed(repo);
    }
    expect(repo.git(['log', '-1', '--format=%s']).trim()).toBe('Grow a, renamed');
    expect(readdirSync(join(repo.dir, '.git', 'selfreview', 'reviews'))).toEqual([]);
  });

  test('a squash merge of reviewed commits: the quoted review lines verify, none is "invalid"', () => {
    repo = reviewedProject();
    repo.git(['checkout', '-q', '-b', 'side']);
    review(repo, { 'src/b.ts': lines(3) });
    expect(commit(repo, ['-q', '-m', 'Add b']).code).toBe(0);
    repo.git(['checkout', '-q', 'main']);
    repo.git(['merge', '-q', '--squash', 'side']);
    review(repo, {});
    expect(commit(repo, ['-q', '--no-edit'], { GIT_EDITOR: 'true' }).code).toBe(0);
    expect(messageOf(repo)).toMatch(/^ {4}Self-Review: risk=/m);
    const ci = repo.run(['ci', '--base', 'HEAD~1', '--format', 'json', '--no-impact']);
    const [checked] = (
      JSON.parse(ci.stdout) as { commits: Array<{ review: { status: string }; findings: Array<{ code: string; message: string }> }> }
    ).commits;
    expect(checked!.review.status).toBe('reviewed');
    expect(checked!.findings.map((f) => f.code)).not.toContain('review-line-invalid');
  });

  test('a garbage record for the staged tree is not "already reviewed"', () => {
    repo = reviewedProject();
    const tree = review(repo, { 'src/a.ts': lines(4) });
    writeFileSync(join(repo.dir, '.git', 'selfreview', 'reviews', `${tree}.json`), '{"garbage": true}\n');
    const result = spawnWithoutTerminal('git', ['commit', '-q', '-m', 'Garbage'], { cwd: repo.dir, env: testEnv(), encoding: 'utf8' });
    const output = `${result.stdout}${result.stderr}`;
    expect(output).not.toMatch(/already reviewed/);
    expect(output).toMatch(/ignored the pending review record/);
    expect(result.status).not.toBe(0);
  });
});

describe('records whose trailer file the hook cannot use', () => {
  test('missing (an older version) or damaged: node adds the trailers from the record', () => {
    repo = reviewedProject();
    const reviews = join(repo.dir, '.git', 'selfreview', 'reviews');
    const tree = review(repo, { 'src/a.ts': lines(4) });
    rmSync(join(reviews, `${tree}.trailers`));
    expect(
      spawnWithoutTerminal('git', ['commit', '-q', '-m', 'Old record'], { cwd: repo.dir, env: testEnv(), encoding: 'utf8' }).status,
    ).toBe(0);
    expectReviewed(repo);

    const next = review(repo, { 'src/a.ts': lines(5) });
    writeFileSync(
      join(reviews, `${next}.trailers`),
      `Self-Review: tree=${tree} risk=low lines=+0/-0 files=0 provenance=human\nSigned-off-by: someone\n`,
    );
    expect(spawnWithoutTerminal('git', ['commit', '-q', '-m', 'Damaged'], { cwd: repo.dir, env: testEnv(), encoding: 'utf8' }).status).toBe(
      0,
    );
    expectReviewed(repo);
    expect(messageOf(repo)).not.toMatch(/Signed-off-by/);
    expect(readdirSync(reviews)).toEqual([]);
  });
});
