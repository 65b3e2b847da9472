import { execFileSync } from 'node:child_process';
import { afterEach, expect, test } from '@jest/globals';
import { testEnv } from '../helpers/env.js';
import { runUnchanged } from '../helpers/review-run.js';
import { commitReviewed } from '../helpers/reviewed-commit.js';
import { createTempRepo, lines, type TempRepo } from '../helpers/temp-repo.js';

// Every CI finding comes with what to run, for that very commit, in the project's
// package-manager form, in every format; and the commands work when pasted.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

interface Fix {
  text: string;
  commands: string[];
}
interface CiJson {
  commits: Array<{ commit: string; subject: string; findings: Array<{ code: string; level: string; fix?: Fix }> }>;
}

function history(): TempRepo {
  const r = createTempRepo({
    'src/a.ts': lines(3),
    '.selfreviewrc.json': JSON.stringify({ ci: { answersFromFile: 'allow' } }),
    // A pnpm project: every command must say `pnpm exec`, not npx.
    'package.json': JSON.stringify({ name: 'app', private: true }),
    'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
  });
  r.git(['tag', 'base']);
  r.stage({ 'src/a.ts': lines(5) });
  commitReviewed(r, 'Reviewed');
  r.stage({ 'src/b.ts': `${lines(2)}\n\n${lines(4, 'hunk')}` });
  r.git(['commit', '-q', '--no-verify', '-m', 'Skipped the hook']);
  r.stage({ 'src/f.ts': lines(450, 'huge') });
  r.git(['commit', '-q', '--no-verify', '-m', 'Oversized']);
  return r;
}

const sh = (r: TempRepo, command: string) =>
  execFileSync('sh', ['-c', command], { cwd: r.dir, env: testEnv(), encoding: 'utf8', stdio: 'pipe' });

test('each finding carries its commands in every format, and following them passes', () => {
  repo = history();
  const ci = (format: string) => runUnchanged(repo, ['ci', '--base', 'base', '--no-impact', '--format', format]).stdout;
  const report = JSON.parse(ci('json')) as CiJson;
  const [, skipped, oversized] = report.commits;
  const sha = (c: { commit: string }) => c.commit.slice(0, 12);
  for (const c of report.commits)
    for (const f of c.findings.filter((x) => x.level !== 'note')) {
      expect(f.fix?.commands.length).toBeGreaterThan(0);
      for (const command of f.fix!.commands) expect(command).toMatch(/^(pnpm exec selfreview|git) /);
    }
  expect(skipped!.findings.find((f) => f.code === 'review-missing')!.fix!.commands).toEqual([
    `pnpm exec selfreview review-commit ${sha(skipped!)}`,
    'pnpm exec selfreview push-notes',
  ]);
  const split = oversized!.findings.find((f) => f.code === 'lines-over-budget')!.fix!.commands;
  expect(split).toContain('pnpm exec selfreview split');
  expect(split[0]).toContain(`rebase -i ${sha(oversized!)}~1`);

  const text = ci('text');
  expect(text).toContain(`$ pnpm exec selfreview review-commit ${sha(skipped!)}`);
  // Found on lint-staged: "+1 -1 in 1 files".
  expect(text).toMatch(/\+8 -0 in 1 file,/);
  expect(`${text}${ci('markdown')}`).not.toMatch(/\b1 files\b/);
  const markdown = ci('markdown');
  // Verdict, then what to do, then the details.
  expect(markdown.indexOf('### selfreview: ❌ fail')).toBe(0);
  expect(markdown.indexOf('What to do')).toBeGreaterThan(0);
  expect(markdown.indexOf('What to do')).toBeLessThan(markdown.indexOf('| --- |'));
  expect(markdown).toContain(`  pnpm exec selfreview review-commit ${sha(skipped!)}\n`);
  // The annotation sits on the lines of the file's largest hunk, with its fix.
  const github = ci('github').split('\n');
  const annotation = github.find((l) => l.startsWith('::error file=src/b.ts'))!;
  expect(annotation).toMatch(/^::error file=src\/b\.ts,line=1,endLine=8,title=/);
  expect(annotation).toContain(`%0A  $ pnpm exec selfreview review-commit ${sha(skipped!)}`);
  const sarif = JSON.parse(ci('sarif')) as {
    runs: Array<{
      results: Array<{ ruleId: string; message: { text: string }; locations: Array<{ physicalLocation: { region?: object } }> }>;
    }>;
  };
  for (const result of sarif.runs[0]!.results) {
    expect(result.message.text).toMatch(/Fix: .*(pnpm exec selfreview|git) /);
    expect(result.locations[0]!.physicalLocation.region).toMatchObject({ startLine: expect.any(Number) });
  }

  // Followed literally: the rebase stops at the oversized commit for editing.
  sh(repo, split[0]!);
  expect(repo.git(['rev-parse', 'HEAD']).trim()).toBe(oversized!.commit);
  sh(repo, 'git rebase --abort');
  // And review-commit (answers from a file here) makes the skipped commit pass.
  repo.write({
    '.git/commit-answers.json': JSON.stringify({
      intent: 'Add src/b.ts with its two blocks, the numbered lines and the hunk lines, so the report has room for the new totals',
      'unit:src/b.ts': 'Adds the helper module with two numbered blocks used by the report',
      verification: 'Printed the file and compared the line counts with the expected totals',
      'no-test': 'src/b.ts is static data with lines and hunk lines that no code reads yet, so nothing can break',
      provenance: { choice: 'written' },
    }),
  });
  const reviewed = repo.run(['review-commit', sha(skipped!), '--answers', `${repo.dir}/.git/commit-answers.json`]);
  expect(`${reviewed.code} ${reviewed.stderr}`).toBe('0 ');
  expect(reviewed.stdout).toContain('Share it for CI: pnpm exec selfreview push-notes');
  const after = JSON.parse(ci('json')) as CiJson;
  expect(after.commits[1]!.findings.filter((f) => f.level === 'error')).toEqual([]);
}, 120_000);
