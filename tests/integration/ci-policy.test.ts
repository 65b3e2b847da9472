import { afterEach, expect, test } from '@jest/globals';
import { runUnchanged } from '../helpers/review-run.js';
import { createTempRepo, lines, type TempRepo } from '../helpers/temp-repo.js';

// Adoption without rewriting history (ci.since), and the policy read from the base of the
// range: a branch cannot relax the rules that judge it.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

interface CiJson {
  verdict: string;
  policy: { source: string; change: string | null };
  totals: { failed: number; beforeStart: number };
  commits: Array<{ subject: string; verdict: string; findings: Array<{ code: string; level: string }> }>;
}

const OLD = { GIT_AUTHOR_DATE: '2020-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2020-01-01T00:00:00Z' };

/** main: the initial commit, then the commit that adopts selfreview; feature: forked before it, with old unreviewed work. */
function adoption(since: (r: TempRepo) => string): TempRepo {
  const r = createTempRepo({ 'src/a.ts': lines(3) });
  r.git(['checkout', '-q', '-b', 'feature']);
  r.stage({ 'src/a.ts': lines(5) });
  r.git(['commit', '-q', '--no-verify', '-m', 'Old work'], { env: OLD });
  r.stage({ 'src/b.ts': lines(4) });
  r.git(['commit', '-q', '--no-verify', '-m', 'Old work, the start'], { env: OLD });
  const start = since(r);
  r.stage({ 'src/c.ts': lines(4) });
  r.git(['commit', '-q', '--no-verify', '-m', 'New work']);
  r.git(['checkout', '-q', 'main']);
  r.stage({ '.selfreviewrc.json': JSON.stringify({ ci: { since: start } }) });
  r.git(['commit', '-q', '--no-verify', '-m', 'Adopt selfreview']);
  r.git(['checkout', '-q', 'feature']);
  return r;
}

const ci = (r: TempRepo, extra: string[] = []) => {
  const result = runUnchanged(r, ['ci', '--base', 'main', '--no-impact', '--format', 'json', ...extra]);
  return { code: result.code, report: JSON.parse(result.stdout) as CiJson };
};
const verdicts = (report: CiJson) => report.commits.map((c) => [c.subject, c.verdict]);

test('ci.since as a date: older commits are reported, not judged; the ones after are', () => {
  repo = adoption(() => '2021-01-01');
  const { code, report } = ci(repo);
  expect(verdicts(report)).toEqual([
    ['Old work', 'pass'],
    ['Old work, the start', 'pass'],
    ['New work', 'fail'],
  ]);
  expect(report.commits[0]!.findings.map((f) => [f.code, f.level])).toEqual([
    ['before-policy-start', 'note'],
    ['review-missing', 'note'],
  ]);
  expect(report.totals).toMatchObject({ failed: 1, beforeStart: 2 });
  expect(report.policy.source).toMatch(/^\.selfreviewrc\.json at base [0-9a-f]{10}$/);
  expect(code).toBe(1);
  expect(runUnchanged(repo, ['ci', '--base', 'main', '--no-impact']).stdout).toMatch(/2 commits before ci\.since: reported, not judged/);
});

test("ci.since as today's date: a commit made today is judged (git alone reads a bare date as now)", () => {
  repo = adoption(() => new Date().toISOString().slice(0, 10));
  expect(verdicts(ci(repo).report)).toEqual([
    ['Old work', 'pass'],
    ['Old work, the start', 'pass'],
    ['New work', 'fail'],
  ]);
});

test('ci.since as a commit: that commit and the later ones are judged', () => {
  repo = adoption((r) => r.git(['rev-parse', 'HEAD']).trim());
  expect(verdicts(ci(repo).report)).toEqual([
    ['Old work', 'pass'],
    ['Old work, the start', 'fail'],
    ['New work', 'fail'],
  ]);
});

test('a branch that relaxes the policy is judged by the base: the change is reported and applies from the next range', () => {
  repo = adoption(() => '2021-01-01');
  repo.stage({ '.selfreviewrc.json': JSON.stringify({ ci: { requireReview: false, since: '2030-01-01' } }) });
  repo.git(['commit', '-q', '--no-verify', '-m', 'Relax the policy']);
  const { code, report } = ci(repo);
  expect(code).toBe(1);
  expect(report.policy.change).toMatch(/this range changes the policy .*applies from the next range/);
  expect(verdicts(report)).toContainEqual(['New work', 'fail']);
  expect(runUnchanged(repo, ['ci', '--base', 'main', '--no-impact', '--format', 'markdown']).stdout).toMatch(
    /policy change: this range changes/,
  );
  // The work tree's policy only when asked for.
  expect(ci(repo, ['--policy-from', 'head']).code).toBe(0);
});

test('ci.since naming no commit is a config error with what to do', () => {
  repo = adoption(() => 'no-such-commit');
  const result = repo.run(['ci', '--base', 'main', '--no-impact']);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/ci\.since "no-such-commit" is neither a date .* nor a commit here/);
});
