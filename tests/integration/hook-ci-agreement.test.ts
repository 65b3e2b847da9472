import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { testEnv } from '../helpers/env.js';
import { spawnWithoutTerminal } from '../helpers/no-terminal.js';
import { createTempRepo, lines, PROJECT_ROOT, type TempRepo } from '../helpers/temp-repo.js';

// One decision, one place (STYLE.md "When two places must agree"): the same cases, signal ×
// size × skip, go through the real hooks (`selfreview init`, hooks/hook.sh, a real `git commit`)
// and then through `selfreview ci` on what was committed. A commit the hook accepts passes CI; a
// commit it refuses, made anyway without the gate (--no-verify, after the person's review), fails
// CI; a skipped one is reported by CI as unreviewed; `log` and `show` give CI's verdict on each. The person's review is answered from a file
// (the team allows it here: ci.answersFromFile), as `npx selfreview` in a terminal would record it.

interface Case {
  readonly name: string;
  readonly lines: number;
  /** Extra message paragraphs (trailers). */
  readonly trailer?: string;
  readonly author?: string;
  /** The environment of the commit (an agent's shell). */
  readonly env?: Record<string, string>;
  /** The person's answer to "Who wrote this change?". */
  readonly declared?: 'written' | 'ai-generated';
  readonly skip?: 'override' | 'SELFREVIEW=0';
}

const CLAUDE = 'Co-authored-by: Claude <noreply@anthropic.com>';
const SIGNALS: Array<Omit<Case, 'name' | 'lines'> & { readonly label: string }> = [
  { label: 'no signal' },
  { label: 'trailer Claude', trailer: CLAUDE },
  { label: 'Generated with Claude Code', trailer: '🤖 Generated with [Claude Code](https://claude.com/claude-code)' },
  { label: 'Made-with: Cursor', trailer: 'Made-with: Cursor' },
  { label: 'Assisted-by', trailer: 'Assisted-by: gpt-5 (Codex CLI)' },
  { label: 'Copilot co-author', trailer: 'Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>' },
  { label: 'aider co-author', trailer: 'Co-authored-by: aider (gpt-4o) <aider@aider.chat>' },
  { label: 'author (aider)', author: 'Nina Newcomer (aider)' },
  { label: 'env CLAUDECODE at commit', env: { CLAUDECODE: '1' } },
  { label: 'declared ai-generated', declared: 'ai-generated' },
];
const CASES: Case[] = [
  ...SIGNALS.flatMap(({ label, ...signal }) => [150, 255].map((n) => ({ name: `${label}, ${n} lines`, lines: n, ...signal }))),
  { name: 'trailer Claude, 450 lines, override', lines: 450, trailer: CLAUDE, skip: 'override' },
  { name: 'no signal, 255 lines, override', lines: 255, skip: 'override' },
  { name: 'trailer Claude, 255 lines, SELFREVIEW=0', lines: 255, trailer: CLAUDE, skip: 'SELFREVIEW=0' },
  { name: 'no signal, 150 lines, SELFREVIEW=0', lines: 150, skip: 'SELFREVIEW=0' },
];

let repo: TempRepo;
let base: string;
beforeAll(() => {
  repo = createTempRepo({
    'package.json': '{\n  "name": "app",\n  "version": "1.0.0"\n}\n',
    '.gitignore': 'node_modules\n',
    'src/a.ts': lines(3),
  });
  mkdirSync(join(repo.dir, 'node_modules'));
  symlinkSync(PROJECT_ROOT, join(repo.dir, 'node_modules', 'selfreview'));
  expect(repo.run(['init']).code).toBe(0);
  const config = { budgets: { human: { lines: 400, files: 25 }, ai: { lines: 200, files: 10 } }, ci: { answersFromFile: 'allow' } };
  writeFileSync(join(repo.dir, '.selfreviewrc.json'), JSON.stringify(config));
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'Set up']);
  base = repo.git(['rev-parse', 'HEAD']).trim();
});
afterAll(() => repo?.cleanup());

/** The person's review of the index, from an answers file; what the review said when it refuses it. */
function reviewAsPerson(c: Case): true | string {
  const env = c.skip === 'override' ? { SELFREVIEW_OVERRIDE: 'a release blocker fix that cannot wait' } : {};
  const listed = JSON.parse(repo.run(['--dry-run', '--json', '--no-impact'], { env }).stdout) as {
    questions?: Array<{ id: string; kind: string; choices?: string[] }>;
    files?: Array<{ path: string }>;
  };
  // Answers must connect to the change (connect-to-change.ts): each names the staged files.
  const paths = (listed.files ?? []).map((f) => f.path).join(' and ');
  const answers = Object.fromEntries(
    (listed.questions ?? []).map((q, i) => {
      const sentence = `Answer number ${i + 1} explains the ${q.id} part of the change to ${paths} in plain words`;
      const choice = q.id === 'provenance' ? (c.declared ?? 'written') : q.choices?.[0];
      return [q.id, q.kind === 'choice' ? { choice, reason: sentence } : sentence];
    }),
  );
  const file = join(repo.dir, '.git', `answers-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(answers));
  const result = repo.run(['--no-impact', '--answers', file], { env });
  return result.code === 0 || `the review refused it: ${result.stdout}${result.stderr}`;
}

function commit(c: Case, extra: readonly string[] = []): { code: number | null; output: string } {
  const env = testEnv({
    ...c.env,
    ...(c.author !== undefined && { GIT_AUTHOR_NAME: c.author }),
    ...(c.skip === 'SELFREVIEW=0' && { SELFREVIEW: '0' }),
  });
  const message = ['-m', `Change for ${c.name}`, ...(c.trailer !== undefined ? ['-m', c.trailer] : [])];
  const result = spawnWithoutTerminal('git', ['commit', '-q', ...extra, ...message], { cwd: repo.dir, env, encoding: 'utf8' });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

interface CiCommit {
  verdict: 'pass' | 'fail';
  provenance: string;
  findings: Array<{ code: string; level: string }>;
}
/** CI's verdict on HEAD, and what `log` and `show` say CI's verdict is. */
function ciOfHead(): CiCommit & { log: string; show: string } {
  const ci = (
    JSON.parse(repo.run(['ci', '--base', 'HEAD~1', '--head', 'HEAD', '--format', 'json', '--no-impact']).stdout) as { commits: CiCommit[] }
  ).commits[0]!;
  const log = (JSON.parse(repo.run(['log', '-n', '1', '--json']).stdout) as { commits: Array<{ ci: { verdict: string } }> }).commits[0]!;
  const show = JSON.parse(repo.run(['show', '--json']).stdout) as { ci: { verdict: string } };
  return { ...ci, log: log.ci.verdict, show: show.ci.verdict };
}

interface Row {
  readonly name: string;
  readonly hook: 'accepted' | 'refused' | 'skipped';
  readonly ci: ReturnType<typeof ciOfHead> | null;
  readonly recorded: string | null;
  readonly output: string;
}

function runCase(c: Case, index: number): Row {
  // Each case starts from the base alone: a case refused before its commit leaves nothing staged.
  repo.git(['checkout', '-q', '-f', '-B', `case-${index}`, base]);
  repo.git(['clean', '-q', '-f', '-d']);
  repo.stage({ [`src/case${index}.ts`]: lines(c.lines, `case${index}`) });
  const reviewed = c.skip === 'SELFREVIEW=0' ? true : reviewAsPerson(c);
  if (reviewed !== true) return { name: c.name, hook: 'refused', ci: null, recorded: null, output: reviewed };
  const result = commit(c);
  const note = () => {
    const text = spawnWithoutTerminal('git', ['notes', '--ref=selfreview', 'show', 'HEAD'], {
      cwd: repo.dir,
      env: testEnv(),
      encoding: 'utf8',
    });
    return text.status === 0 ? (JSON.parse(text.stdout) as { provenance: { kind: string } }).provenance.kind : null;
  };
  if (result.code === 0) {
    return {
      name: c.name,
      hook: c.skip === 'SELFREVIEW=0' ? 'skipped' : 'accepted',
      ci: ciOfHead(),
      recorded: note(),
      output: result.output,
    };
  }
  // The env of an agent is seen by the hook alone; without the gate its commit has nothing CI reads.
  if (c.env !== undefined) return { name: c.name, hook: 'refused', ci: null, recorded: null, output: result.output };
  expect(commit(c, ['--no-verify']).code).toBe(0);
  return { name: c.name, hook: 'refused', ci: ciOfHead(), recorded: note(), output: result.output };
}

test(`the hook and CI agree on ${CASES.length} cases of signal × size × skip`, () => {
  expect(CASES.length).toBeGreaterThanOrEqual(20);
  const rows = CASES.map(runCase);
  const disagreements = rows.filter((row) => {
    if (row.ci === null) return false;
    if (row.ci.log !== row.ci.verdict || row.ci.show !== row.ci.verdict) return true;
    if (row.hook === 'accepted') return row.ci.verdict !== 'pass';
    if (row.hook === 'skipped') return !row.ci.findings.some((f) => f.code === 'review-missing' && f.level === 'error');
    return row.ci.verdict !== 'fail';
  });
  expect(disagreements).toEqual([]);
  const by = (name: string) => rows.find((r) => r.name === name)!;
  // Not vacuous: each outcome occurs, where the signals say it must.
  expect(by('trailer Claude, 255 lines').hook).toBe('refused');
  expect(by('trailer Claude, 255 lines').output).toMatch(/55 over the AI budget of 200/);
  expect(by('trailer Claude, 150 lines').hook).toBe('accepted');
  expect(by('author (aider), 255 lines').hook).toBe('refused');
  expect(by('env CLAUDECODE at commit, 255 lines').hook).toBe('refused');
  expect(by('no signal, 255 lines').hook).toBe('accepted');
  expect(by('trailer Claude, 450 lines, override').hook).toBe('accepted');
  expect(by('no signal, 150 lines, SELFREVIEW=0').hook).toBe('skipped');
  // An agent's commit is never recorded as human.
  for (const row of rows.filter((r) => r.hook === 'accepted' && !r.name.startsWith('no signal'))) {
    expect({ name: row.name, recorded: row.recorded, ci: row.ci?.provenance }).toEqual({ name: row.name, recorded: 'ai', ci: 'ai' });
  }
});
