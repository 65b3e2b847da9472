import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { writeAnswersFor } from '../helpers/answers.js';
import { runUnchanged } from '../helpers/review-run.js';
import { commitReviewed } from '../helpers/reviewed-commit.js';
import { createTempRepo, lines, TempRepo } from '../helpers/temp-repo.js';

// selfreview ci on real histories: reviewed, unreviewed, amended-after-review, AI-trailer,
// oversized with and without override, merges; shallow clones and unknown bases.

let repo: TempRepo;
const extra: TempRepo[] = [];
afterEach(() => {
  repo?.cleanup();
  for (const r of extra.splice(0)) r.cleanup();
});

const CI_ENV = { CI: 'true', GITHUB_ACTIONS: 'true' };

interface CiJson {
  verdict: string;
  totals: Record<string, number>;
  commits: Array<{
    subject: string;
    verdict: string;
    provenance: string;
    provenanceSource: string;
    review: { status: string; how: string | null; override: string | null };
    findings: Array<{ code: string; level: string; message: string }>;
    totals: { lines: number } | null;
    budget: { kind: string } | null;
  }>;
}

// Reviews here are answered from a file: the team in these repositories allows it.
const ALLOW_FILE_ANSWERS = { '.selfreviewrc.json': JSON.stringify({ ci: { answersFromFile: 'allow' } }) };

function buildHistory(): TempRepo {
  const r = createTempRepo({ 'src/a.ts': lines(3), ...ALLOW_FILE_ANSWERS });
  r.git(['tag', 'base']);
  r.stage({ 'src/a.ts': lines(5) });
  commitReviewed(r, 'Reviewed');
  r.stage({ 'src/b.ts': lines(4) });
  r.git(['commit', '-q', '--no-verify', '-m', 'Skipped the hook']);
  r.stage({ 'src/c.ts': lines(2) });
  commitReviewed(r, 'Amended after review');
  r.stage({ 'src/c.ts': lines(3) });
  r.git(['commit', '-q', '--amend', '--no-verify', '--no-edit']);
  r.stage({ 'src/d.ts': lines(250, 'ai') });
  commitReviewed(r, 'Agent work, reviewed', { body: 'Co-authored-by: Claude <noreply@anthropic.com>', choose: { provenance: 'written' } });
  r.stage({ 'src/e.ts': lines(600, 'big') });
  commitReviewed(r, 'Oversized with override', { override: 'prod is down, hotfix for INC-42' });
  r.stage({ 'src/f.ts': lines(450, 'huge') });
  r.git(['commit', '-q', '--no-verify', '-m', 'Oversized, no override']);
  return r;
}

describe('selfreview ci', () => {
  test('each commit gets the verdict its size, provenance and record deserve', () => {
    repo = buildHistory();
    const result = runUnchanged(repo, ['ci', '--base', 'base', '--format', 'json', '--no-impact'], { env: CI_ENV });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as CiJson;
    const bySubject = Object.fromEntries(report.commits.map((c) => [c.subject, c]));
    expect(bySubject['Reviewed']).toMatchObject({
      verdict: 'pass',
      review: { status: 'reviewed', how: 'same tree' },
      provenance: 'human',
      provenanceSource: 'review record: declared written',
    });
    expect(bySubject['Skipped the hook']).toMatchObject({ verdict: 'fail', review: { status: 'missing' } });
    expect(bySubject['Amended after review']).toMatchObject({ verdict: 'fail', review: { status: 'changed-after-review' } });
    // The Claude trailer makes it AI work: 250 lines is over the AI budget of 200.
    expect(bySubject['Agent work, reviewed']).toMatchObject({ verdict: 'fail', provenance: 'ai', budget: { kind: 'ai' } });
    // Declared "written", but the trailer is evidence of AI: the declaration does not outvote it.
    // Unsigned: what the record claims (answered at a terminal, the reviewer) is the author's word.
    expect(bySubject['Agent work, reviewed']!.findings.map((f) => f.code)).toEqual([
      'lines-over-budget',
      'provenance-conflict',
      'record-unsigned',
    ]);
    expect(bySubject['Oversized with override']).toMatchObject({
      verdict: 'pass',
      review: { override: 'prod is down, hotfix for INC-42' },
    });
    // The override rests on an unsigned record: reported as the author's word.
    expect(bySubject['Oversized with override']!.findings).toEqual([
      expect.objectContaining({ code: 'override', level: 'warning' }),
      expect.objectContaining({ code: 'record-unsigned', level: 'warning', message: expect.stringMatching(/override "prod is down/) }),
    ]);
    expect(bySubject['Oversized, no override']).toMatchObject({ verdict: 'fail' });
    expect(bySubject['Amended after review']!.findings[0]!.message).toMatch(
      /changed after its review: src\/c\.ts: \+3 -0 in the commit, \+2 -0 when reviewed/,
    );
    expect(report.totals).toEqual({
      commits: 6,
      failed: 4,
      reviewed: 3,
      missing: 2,
      changedAfterReview: 1,
      overrides: 1,
      unverified: 0,
      invalid: 0,
      beforeStart: 0,
    });
    expect(runUnchanged(repo, ['ci', '--base', 'base', '--warn-only', '--no-impact'], { env: CI_ENV }).code).toBe(0);
  });

  test('an AI commit without a review fails even where reviews are not required', () => {
    // The policy is the base's (a range cannot relax it): the config is committed before the range.
    repo = createTempRepo({ 'a.ts': lines(2), '.selfreviewrc.json': JSON.stringify({ ci: { requireReview: false } }) });
    repo.git(['tag', 'base']);
    repo.stage({ 'a.ts': lines(3) });
    repo.git(['commit', '-q', '--no-verify', '-m', 'Person, no review']);
    repo.stage({ 'a.ts': lines(4) });
    repo.git(['commit', '-q', '--no-verify', '-m', 'Made with Cursor\n\nMade-with: Cursor']);
    const report = JSON.parse(runUnchanged(repo, ['ci', '--base', 'base', '--format', 'json', '--no-impact']).stdout) as CiJson;
    expect(report.commits.map((c) => [c.subject, c.verdict, c.findings[0]?.level])).toEqual([
      ['Person, no review', 'pass', 'warning'],
      ['Made with Cursor', 'fail', 'error'],
    ]);
    // The text report counts in English: "1 commit in", "2 commits in" (pino: "1 commits in").
    expect(runUnchanged(repo, ['ci', '--base', 'base', '--no-impact']).stdout).toMatch(/^selfreview ci: 2 commits in \w+\.\.\w+\n/);
    expect(runUnchanged(repo, ['ci', '--base', 'HEAD~1', '--no-impact']).stdout).toMatch(/^selfreview ci: 1 commit in \w+\.\.\w+\n/);
  });

  test('a merge is measured by what it adds to the automatic merge, and a reviewed range passes', () => {
    repo = createTempRepo({ 'a.ts': lines(3), ...ALLOW_FILE_ANSWERS });
    repo.git(['tag', 'base']);
    repo.git(['checkout', '-q', '-b', 'feature']);
    repo.stage({ 'big.ts': lines(300, 'feature') });
    commitReviewed(repo, 'Feature');
    repo.git(['checkout', '-q', 'main']);
    repo.stage({ 'a.ts': lines(4) });
    commitReviewed(repo, 'Main');
    repo.git(['merge', '-q', '--no-ff', '--no-commit', 'feature']);
    commitReviewed(repo, 'Merge feature');
    const report = JSON.parse(runUnchanged(repo, ['ci', '--base', 'base', '--format', 'json']).stdout) as CiJson;
    const merge = report.commits.find((c) => c.subject === 'Merge feature')!;
    expect(merge).toMatchObject({ verdict: 'pass', totals: { lines: 0 } });
    expect(report.verdict).toBe('pass');
  });

  test('markdown goes to the job summary; github format annotates the offending file', () => {
    repo = buildHistory();
    const summary = join(repo.dir, '.git', 'summary.md');
    const result = runUnchanged(repo, ['ci', '--base', 'base', '--format', 'github', '--no-impact'], {
      env: { ...CI_ENV, GITHUB_STEP_SUMMARY: summary },
    });
    expect(result.stdout).toMatch(
      /^::error file=src\/b\.ts,line=1,endLine=4,title=selfreview%3A [0-9a-f]{10} Skipped the hook::no review record/m,
    );
    expect(result.stdout).toMatch(
      /^::warning file=src\/e\.ts,line=1,endLine=600,title=selfreview%3A [0-9a-f]{10} Oversized with override::over budget, let through by an override: prod is down, hotfix for INC-42$/m,
    );
    expect(existsSync(summary)).toBe(true);
    expect(readFileSync(summary, 'utf8')).toMatch(/### selfreview: ❌ fail[\s\S]*\| ❌ \| `[0-9a-f]{10}` Skipped the hook \|/);
  });

  test("sarif: one result per finding, located at the commit's heaviest file", () => {
    repo = buildHistory();
    const sarif = JSON.parse(runUnchanged(repo, ['ci', '--base', 'base', '--format', 'sarif', '--no-impact']).stdout);
    expect(sarif.version).toBe('2.1.0');
    const results = sarif.runs[0].results as Array<{
      ruleId: string;
      level: string;
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
    }>;
    expect(results.map((r) => [r.ruleId, r.level, r.locations[0]!.physicalLocation.artifactLocation.uri])).toEqual([
      ['review-missing', 'error', 'src/b.ts'],
      ['changed-after-review', 'error', 'src/c.ts'],
      ['lines-over-budget', 'error', 'src/d.ts'],
      ['provenance-conflict', 'warning', 'src/d.ts'],
      ['override', 'warning', 'src/e.ts'],
      ['record-unsigned', 'warning', 'src/e.ts'],
      ['lines-over-budget', 'error', 'src/f.ts'],
      ['review-missing', 'error', 'src/f.ts'],
    ]);
    expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id).sort()).toEqual([
      'changed-after-review',
      'lines-over-budget',
      'override',
      'provenance-conflict',
      'record-unsigned',
      'review-missing',
    ]);
  });

  test('a shallow clone without the base, and an unknown base: exit 2 with what to do', () => {
    repo = buildHistory();
    const shallowDir = `${repo.dir}-shallow`;
    repo.git(['clone', '-q', '--depth', '1', `file://${repo.dir}`, shallowDir]);
    const shallow = new TempRepo(shallowDir);
    extra.push(shallow);
    const base = repo.git(['rev-parse', 'base']).trim();
    const result = runUnchanged(shallow, ['ci', '--base', base]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is not in this shallow clone: fetch the whole history \(actions\/checkout with fetch-depth: 0\)/);
    const unknown = runUnchanged(repo, ['ci', '--base', 'origin/nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown revision 'origin\/nope'/);
    expect(runUnchanged(repo, ['ci']).stderr).toMatch(/needs --base <rev>/);
  });

  // A new user on radix-ui/primitives typed `selfreview ci HEAD~2..HEAD`, as after `git log`, and got
  // "error: too many arguments for 'ci'".
  test('a range as git writes it is --base and --head; other forms get a one-line usage error', () => {
    repo = createTempRepo({ 'src/a.ts': lines(3) });
    repo.git(['tag', 'base']);
    repo.stage({ 'src/b.ts': lines(4) });
    repo.git(['commit', '-q', '--no-verify', '-m', 'Skipped the hook']);
    const subjects = (args: string[]) =>
      (JSON.parse(runUnchanged(repo, ['ci', ...args, '--format', 'json', '--no-impact'], { env: CI_ENV }).stdout) as CiJson).commits.map(
        (c) => c.subject,
      );
    expect(subjects(['base..HEAD'])).toEqual(['Skipped the hook']);
    expect(subjects(['base..'])).toEqual(subjects(['--base', 'base']));
    expect(subjects(['base..HEAD~1'])).toEqual([]);
    for (const [args, message] of [
      [['base...HEAD'], /takes a range as <base>\.\.<head> \(for example origin\/main\.\.HEAD\), not "base\.\.\.HEAD"/],
      [['base..HEAD', '--base', 'base'], /a range or --base, not both/],
    ] as const) {
      const result = runUnchanged(repo, ['ci', ...args]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  // umami, 100 first-parent commits (1,649 with the merged branches): 12 minutes on a loaded runner
  // with nothing on stderr. A CI log gets a line saying how far the check is; stdout stays the report.
  test('a range says on stderr how many of its commits are checked; stdout is the report alone', () => {
    repo = buildHistory();
    const result = runUnchanged(repo, ['ci', 'base..HEAD', '--format', 'json'], { env: { ...CI_ENV, SELFREVIEW_PROGRESS_AFTER_MS: '0' } });
    expect(result.stderr).toMatch(/^selfreview: checking the commits(?: \(\d of 6 commits checked\))?…$/m);
    expect((JSON.parse(result.stdout) as CiJson).commits).toHaveLength(6);
  });

  test('--staged: the hook as a dry run; a review made in a terminal satisfies it', () => {
    repo = createTempRepo({ 'a.ts': lines(2) });
    repo.stage({ 'a.ts': lines(3) });
    const before = JSON.parse(runUnchanged(repo, ['ci', '--staged', '--format', 'json']).stdout) as CiJson;
    // The message says what is missing; the fix, as the project runs it (no lock file: npx).
    expect(before.commits[0]!.findings[0]).toMatchObject({
      message: expect.stringMatching(/review it at a terminal first/),
      fix: { commands: ['npx selfreview'] },
    });
    expect(repo.run(['--answers', writeAnswersFor(repo)]).code).toBe(0);
    const after = runUnchanged(repo, ['ci', '--staged', '--format', 'json']);
    expect(after.code).toBe(0);
    expect((JSON.parse(after.stdout) as CiJson).commits[0]!.review.status).toBe('reviewed');
  });
});
