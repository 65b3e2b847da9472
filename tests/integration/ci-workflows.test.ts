import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { commitReviewed } from '../helpers/reviewed-commit.js';
import { runUnchanged } from '../helpers/review-run.js';
import { CLI, createTempRepo, lines, TempRepo } from '../helpers/temp-repo.js';

// Reviews survive the workflows teams use, on real repositories with real git: a rebase onto a
// moved main (`git pull --rebase` in a second clone), a cherry-pick, `rebase -i` with squash and
// fixup; the notes travel through a bare remote (push-notes, init's fetch refspec, the CI fetch);
// a change after the review names what changed, and review-commit fixes it without a rewrite.

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});
const track = (r: TempRepo) => (repos.push(r), r);

interface CiCommit {
  commit: string;
  subject: string;
  verdict: string;
  provenance: string;
  provenanceSource: string;
  budget: { kind: string } | null;
  review: { status: string; how: string | null };
  findings: Array<{ code: string; level: string; message: string }>;
}

function ci(r: TempRepo, base: string, extra: string[] = []): { code: number; commits: CiCommit[] } {
  const result = runUnchanged(r, ['ci', '--base', base, '--format', 'json', '--no-impact', ...extra]);
  return { code: result.code, commits: (JSON.parse(result.stdout) as { commits: CiCommit[] }).commits };
}

const CONFIG = { '.selfreviewrc.json': JSON.stringify({ ci: { answersFromFile: 'allow' } }) };
const short = (id: string) => id.slice(0, 10);

describe('reviews follow the patch through real workflows', () => {
  test('pull --rebase in a second clone, notes through a bare remote, a CI clone, a cherry-pick', () => {
    const remote = track(createTempRepo({}, { bare: true }));
    const first = track(
      createTempRepo({ 'package.json': '{\n  "name": "app"\n}\n', '.gitignore': 'node_modules\n', 'src/a.ts': lines(3), ...CONFIG }),
    );
    first.git(['remote', 'add', 'origin', remote.dir]);
    first.git(['push', '-q', 'origin', 'main']);
    const second = track(new TempRepo(`${remote.dir}-second`));
    first.git(['clone', '-q', remote.dir, second.dir]);
    for (const [k, v] of [
      ['user.name', 'Second Author'],
      ['user.email', 'second@example.com'],
      ['commit.gpgsign', 'false'],
    ])
      second.git(['config', k!, v!]);
    // The installed binary the hooks call, as npm would link it.
    mkdirSync(join(second.dir, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(CLI, join(second.dir, 'node_modules', '.bin', 'selfreview'));
    // init: each remote fetches its review notes beside ours, never over them.
    expect(second.run(['init']).stdout).toMatch(/Review notes: `git fetch` now brings origin's/);
    expect(second.git(['config', '--get-all', 'remote.origin.fetch'])).toContain(
      '+refs/notes/selfreview:refs/notes/remotes/origin/selfreview',
    );
    second.git(['checkout', '-q', '--', 'package.json']); // husky's prepare script: not this test's subject

    second.stage({ 'src/b.ts': lines(8) });
    const b = commitReviewed(second, 'Add b');
    second.stage({ 'src/c.ts': lines(4) });
    const c = commitReviewed(second, 'Add c');
    first.stage({ 'README.md': 'moved on\n' });
    first.git(['commit', '-q', '--no-verify', '-m', 'Main moved']);
    first.git(['push', '-q', 'origin', 'main']);

    second.git(['pull', '-q', '--rebase', 'origin', 'main']);
    const rebased = ci(second, 'origin/main');
    expect(rebased.code).toBe(0);
    expect(rebased.commits.map((x) => [x.subject, x.review.status, x.review.how])).toEqual([
      ['Add b', 'reviewed', `rebased from ${short(b)}`],
      ['Add c', 'reviewed', `rebased from ${short(c)}`],
    ]);
    expect(second.run(['push-notes']).stdout).toMatch(/Review notes pushed to origin/);
    second.git(['push', '-q', 'origin', 'main']);

    // CI: a fresh clone, the history and the notes fetched as the docs say.
    const ciClone = track(new TempRepo(`${remote.dir}-ci`));
    first.git(['clone', '-q', remote.dir, ciClone.dir]);
    const moved = first.git(['rev-parse', 'HEAD']).trim();
    const withoutNotes = ci(ciClone, moved);
    expect(withoutNotes.code).toBe(1);
    expect(withoutNotes.commits.map((x) => x.review.status)).toEqual(['unverified', 'unverified']);
    expect(withoutNotes.commits[0]!.findings[0]!.message).toMatch(/^unverified: no fetched note holds the record sha256:/);
    ciClone.git(['fetch', '-q', 'origin', '+refs/notes/selfreview:refs/notes/selfreview']);
    const verified = ci(ciClone, moved);
    expect(verified.code).toBe(0);
    expect(verified.commits.map((x) => x.review.how)).toEqual([`rebased from ${short(b)}`, `rebased from ${short(c)}`]);

    // A cherry-pick onto another branch keeps the patch, so the review.
    ciClone.git(['checkout', '-q', '-b', 'backport', moved]);
    ciClone.git(['-c', 'user.name=CI', '-c', 'user.email=ci@example.com', 'cherry-pick', 'main']);
    const picked = ci(ciClone, moved);
    expect(picked.commits.map((x) => [x.subject, x.review.status, x.review.how])).toEqual([
      ['Add c', 'reviewed', `rebased from ${short(c)}`],
    ]);
  }, 240_000);

  test('rebase -i with fixup and squash; a change after review names the files; review-commit fixes it in a note', () => {
    const repo = track(createTempRepo({ 'src/a.ts': lines(3), ...CONFIG }));
    repo.git(['tag', 'base']);
    repo.stage({ 'src/a.ts': lines(6) });
    const a = commitReviewed(repo, 'Grow a');
    repo.stage({ 'src/b.ts': lines(5) });
    const b = commitReviewed(repo, 'Add b');
    repo.stage({ 'src/a.ts': `${lines(6)}fixed\n` });
    const fixup = commitReviewed(repo, `fixup! Grow a`);
    // autosquash: pick a, fixup f, pick b -> squash b into it as well.
    repo.git(['rebase', '-q', '-i', '--autosquash', 'base'], {
      env: { GIT_SEQUENCE_EDITOR: "sed -i -e '3s/^pick/squash/'", GIT_EDITOR: 'true' },
    });
    expect(repo.git(['log', '--format=%s', 'base..']).trim()).toBe('Grow a');
    const combined = ci(repo, 'base');
    expect(combined.code).toBe(0);
    expect(combined.commits[0]!.review).toEqual({
      status: 'reviewed',
      how: `combines the reviews of ${[a, b, fixup].map(short).join(', ')}`,
      risk: 'unknown',
      override: null,
      hasNote: false,
      records: expect.any(Array),
    });

    repo.stage({ 'src/c.ts': lines(2) });
    repo.git(['commit', '-q', '--amend', '--no-verify', '--no-edit']);
    const changed = ci(repo, 'base');
    expect(changed.code).toBe(1);
    expect(changed.commits[0]!.review.status).toBe('changed-after-review');
    expect(changed.commits[0]!.findings.map((f) => f.message)).toContainEqual(
      expect.stringMatching(
        /^changed after its review: src\/c\.ts: not in the review \(\+2 -0\); review it again with `selfreview review-commit [0-9a-f]{10}`/,
      ),
    );

    const head = repo.git(['rev-parse', 'HEAD']).trim();
    const answers = `${repo.dir}/.git/commit-answers.json`;
    const entries = {
      intent: 'Grow the list in src/a.ts and add src/b.ts and src/c.ts so the report has room for the new totals',
      'unit:src/a.ts': 'Extends the numbered list in src/a.ts by three lines and adds the trailing fixed marker',
      'unit:src/b.ts': 'Adds src/b.ts, the helper module with five numbered lines used by the report',
      'unit:src/c.ts': 'Adds src/c.ts, a short two-line fixture that the amend brought in after review',
      verification: 'Printed every file and compared the line counts with the expected totals',
      'no-test': 'src/a.ts, src/b.ts and src/c.ts are static data files that no code reads yet, so nothing can break',
    };
    repo.write({ '.git/commit-answers.json': JSON.stringify({ ...entries, provenance: { choice: 'written' } }) });
    // review-commit writes the notes ref, and nothing else: the user's index and work stay.
    const { refs: _refs, ...before } = repo.snapshot();
    const reviewed = repo.run(['review-commit', 'HEAD', '--answers', answers]);
    const { refs: _after, ...after } = repo.snapshot();
    expect(after).toEqual(before);
    expect(`${reviewed.code} ${reviewed.stderr}`).toBe('0 ');
    expect(reviewed.stdout).toMatch(new RegExp(`Review of ${short(head)} recorded as a note`));
    expect(repo.git(['rev-parse', 'HEAD']).trim()).toBe(head);
    const fixed = ci(repo, 'base');
    expect(fixed.code).toBe(0);
    expect(fixed.commits[0]!.review).toMatchObject({ status: 'reviewed', how: 'same tree', hasNote: true });
  }, 240_000);

  test("the record's declaration decides the provenance and the budget, and every output names it", () => {
    const repo = track(createTempRepo({ 'src/a.ts': lines(3), ...CONFIG }));
    repo.git(['tag', 'base']);
    repo.stage({ 'src/a.ts': lines(30) });
    commitReviewed(repo, 'Generated by an assistant', { choose: { provenance: 'ai-generated' } });
    const [commit] = ci(repo, 'base').commits;
    expect(commit).toMatchObject({ provenance: 'ai', provenanceSource: 'review record: declared ai-generated', budget: { kind: 'ai' } });
    expect(runUnchanged(repo, ['ci', '--base', 'base', '--no-impact']).stdout).toMatch(
      /provenance: ai \(review record: declared ai-generated\)/,
    );
    expect(runUnchanged(repo, ['ci', '--base', 'base', '--no-impact', '--format', 'markdown']).stdout).toMatch(
      /\| ai \(review record: declared ai-generated\) \|/,
    );
  }, 120_000);

  test("each commit's own .gitattributes decides what is excluded", () => {
    const repo = track(
      createTempRepo({
        'src/a.ts': lines(3),
        '.selfreviewrc.json': JSON.stringify({ budgets: { human: { lines: 100 } }, ci: { requireReview: false } }),
      }),
    );
    repo.git(['tag', 'base']);
    repo.stage({ '.gitattributes': 'gen.ts linguist-generated\n', 'gen.ts': lines(300, 'generated') });
    repo.git(['commit', '-q', '--no-verify', '-m', 'Generated file, marked']);
    repo.stage({ '.gitattributes': '# no longer generated\n' });
    repo.git(['commit', '-q', '--no-verify', '-m', 'Unmark it']);
    repo.stage({ 'gen.ts': lines(300, 'handwritten') });
    repo.git(['commit', '-q', '--no-verify', '-m', 'Rewrite it by hand']);
    const commits = ci(repo, 'base').commits;
    expect(commits.map((x) => [x.subject, x.findings.filter((f) => f.level === 'error').map((f) => f.code)])).toEqual([
      ['Generated file, marked', []],
      ['Unmark it', []],
      ['Rewrite it by hand', ['lines-over-budget']],
    ]);
  }, 120_000);
});
