import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { testEnv } from '../helpers/env.js';
import { spawnWithoutTerminal } from '../helpers/no-terminal.js';
import { createTempRepo, linkSelfreview, lines, type TempRepo } from '../helpers/temp-repo.js';

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
  /**
   * Line-level records of the staged file, written as the tools write them: its first `ai` lines
   * by an agent, the rest by the person; `note`: the tool also notes the commit, as git-ai's
   * post-commit hook and Agent Trace implementations do.
   */
  readonly records?: { readonly tool: 'git-ai' | 'agent-trace'; readonly ai: number; readonly note?: boolean };
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
  // Line-level records: AI lines against the AI budget, the rest against the human one.
  { name: 'git-ai working log, 150 of 150 lines', lines: 150, records: { tool: 'git-ai', ai: 150 } },
  { name: 'git-ai working log, 150 of 255 lines', lines: 255, records: { tool: 'git-ai', ai: 150 } },
  { name: 'git-ai working log + note, 150 of 255 lines', lines: 255, records: { tool: 'git-ai', ai: 150, note: true } },
  { name: 'git-ai working log + note, 255 of 255 lines', lines: 255, records: { tool: 'git-ai', ai: 255, note: true } },
  { name: 'git-ai working log, 150 of 255 lines, trailer Claude', lines: 255, trailer: CLAUDE, records: { tool: 'git-ai', ai: 150 } },
  { name: 'Agent Trace, 150 of 255 lines', lines: 255, records: { tool: 'agent-trace', ai: 150 } },
  { name: 'Agent Trace + note, 150 of 255 lines', lines: 255, records: { tool: 'agent-trace', ai: 150, note: true } },
  { name: 'Agent Trace + note, 230 of 255 lines', lines: 255, records: { tool: 'agent-trace', ai: 230, note: true } },
];

const SESSION = 's_c9883b05a2487d::t_9f8e7d6c5b4a32';

/**
 * The records the tool leaves before the commit: git-ai's working log for HEAD (git-ai
 * src/authorship/working_log.rs `Checkpoint`, src/git/repo_storage.rs) or Agent Trace's
 * `.agent-trace/traces.jsonl` (cursor/agent-trace reference/trace-store.ts, schemas.ts).
 */
function writeRecords(c: Case, path: string): void {
  const { records } = c;
  rmSync(join(repo.dir, '.git', 'ai'), { recursive: true, force: true });
  if (records === undefined) return;
  const human = records.ai < c.lines ? [{ start_line: records.ai + 1, end_line: c.lines, author_id: 'human', overrode: null }] : [];
  if (records.tool === 'git-ai') {
    const dir = join(repo.dir, '.git', 'ai', 'working_logs', base);
    mkdirSync(dir, { recursive: true });
    const checkpoint = {
      kind: 'ai_agent',
      diff: '',
      author: 'Test User',
      entries: [
        {
          file: path,
          blob_sha: createHash('sha256')
            .update(readFileSync(join(repo.dir, path)))
            .digest('hex'),
          attributions: [],
          line_attributions: [{ start_line: 1, end_line: records.ai, author_id: SESSION, overrode: null }, ...human],
        },
      ],
      timestamp: 1764885600,
      agent_id: { tool: 'claude', id: 'conversation-1', model: 'claude-sonnet-4' },
      line_stats: { additions: c.lines, deletions: 0, additions_sloc: c.lines, deletions_sloc: 0 },
      api_version: 'checkpoint/1.0.0',
    };
    writeFileSync(join(dir, 'checkpoints.jsonl'), `${JSON.stringify(checkpoint)}\n`);
  } else {
    mkdirSync(join(repo.dir, '.agent-trace'), { recursive: true });
    writeFileSync(join(repo.dir, '.agent-trace', 'traces.jsonl'), `${JSON.stringify(traceRecord(base, path, records.ai))}\n`);
  }
}

function traceRecord(revision: string, path: string, ai: number) {
  return {
    version: '1.0',
    id: '2f1c8a5e-3b7d-4e0a-9c41-5d6e7f8a9b0c',
    timestamp: '2026-12-04T22:00:00.000Z',
    vcs: { type: 'git', revision },
    tool: { name: 'claude-code' },
    files: [
      {
        path,
        conversations: [{ contributor: { type: 'ai', model_id: 'anthropic/claude-sonnet-4' }, ranges: [{ start_line: 1, end_line: ai }] }],
      },
    ],
  };
}

/** The note the tool adds to the commit it records (git-ai: specs/git_ai_standard_v3.0.0.md §1.2). */
function writeNote(c: Case, path: string): void {
  if (c.records?.note !== true) return;
  const head = repo.git(['rev-parse', 'HEAD']).trim();
  const text =
    c.records.tool === 'git-ai'
      ? [
          path,
          `  ${SESSION} 1-${c.records.ai}`,
          '---',
          JSON.stringify({ schema_version: 'authorship/3.0.0', base_commit_sha: base, prompts: {}, sessions: {} }),
        ].join('\n')
      : JSON.stringify(traceRecord(head, path, c.records.ai));
  repo.git(['notes', `--ref=${c.records.tool === 'git-ai' ? 'ai' : 'agent-trace'}`, 'add', '-f', '-m', text, 'HEAD']);
}

let repo: TempRepo;
let base: string;
beforeAll(() => {
  repo = createTempRepo({
    'package.json': '{\n  "name": "app",\n  "version": "1.0.0"\n}\n',
    '.gitignore': 'node_modules\n',
    'src/a.ts': lines(3),
  });
  linkSelfreview(repo.dir);
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

/** `selfreview ci --staged` on the index as the hook sees it (the same environment). */
function stagedVerdict(c: Case): string {
  const out = repo.run(['ci', '--staged', '--format', 'json', '--no-impact'], { env: c.env ?? {} }).stdout;
  return (JSON.parse(out) as { verdict: string }).verdict;
}

interface Row {
  readonly name: string;
  /** `ci --staged` before the commit, where it can know every signal (none in the message). */
  readonly staged?: string;
  readonly hook: 'accepted' | 'refused' | 'skipped';
  readonly ci: ReturnType<typeof ciOfHead> | null;
  readonly recorded: string | null;
  readonly output: string;
}

function runCase(c: Case, index: number): Row {
  // Each case starts from the base alone: a case refused before its commit leaves nothing staged.
  repo.git(['checkout', '-q', '-f', '-B', `case-${index}`, base]);
  repo.git(['clean', '-q', '-f', '-d']);
  const path = `src/case${index}.ts`;
  repo.stage({ [path]: lines(c.lines, `case${index}`) });
  writeRecords(c, path);
  const reviewed = c.skip === 'SELFREVIEW=0' ? true : reviewAsPerson(c);
  const knowable = c.trailer === undefined && c.author === undefined && c.skip === undefined && c.declared === undefined;
  const staged = knowable ? { staged: stagedVerdict(c) } : {};
  if (reviewed !== true && c.records?.note === true) {
    // Refused by the review itself: committed anyway, the tool's note is what CI judges.
    expect(commit(c, ['--no-verify']).code).toBe(0);
    writeNote(c, path);
    return { name: c.name, hook: 'refused', ci: ciOfHead(), recorded: null, output: reviewed, ...staged };
  }
  if (reviewed !== true) return { name: c.name, hook: 'refused', ci: null, recorded: null, output: reviewed, ...staged };
  const result = commit(c);
  if (result.code === 0) writeNote(c, path);
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
      ...staged,
    };
  }
  // The env of an agent is seen by the hook alone; without the gate its commit has nothing CI reads.
  if (c.env !== undefined) return { name: c.name, hook: 'refused', ci: null, recorded: null, output: result.output, ...staged };
  expect(commit(c, ['--no-verify']).code).toBe(0);
  writeNote(c, path);
  return { name: c.name, hook: 'refused', ci: ciOfHead(), recorded: note(), output: result.output, ...staged };
}

test(`the hook and CI agree on ${CASES.length} cases of signal × size × skip`, () => {
  expect(CASES.length).toBeGreaterThanOrEqual(20);
  const rows = CASES.map(runCase);
  const disagreements = rows.filter((row) => {
    // `ci --staged` decides through the same function: it agrees wherever no message is needed.
    if (row.staged !== undefined && row.staged !== (row.hook === 'accepted' ? 'pass' : 'fail')) return true;
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
  // Line by line: 255 lines of which 150 by AI pass where 255 AI lines are refused, in CI too.
  for (const name of [
    'git-ai working log, 150 of 255 lines',
    'git-ai working log + note, 150 of 255 lines',
    'Agent Trace + note, 150 of 255 lines',
  ]) {
    expect({ name, hook: by(name).hook, ci: by(name).ci?.verdict }).toEqual({ name, hook: 'accepted', ci: 'pass' });
  }
  expect(by('git-ai working log + note, 255 of 255 lines').output).toMatch(
    /255 lines by AI \(git-ai working log\): 55 over the AI budget of 200/,
  );
  expect(by('git-ai working log + note, 255 of 255 lines').ci?.verdict).toBe('fail');
  expect(by('Agent Trace + note, 230 of 255 lines').ci?.verdict).toBe('fail');
  expect(by('git-ai working log, 150 of 255 lines, trailer Claude').hook).toBe('refused');
  expect(rows.filter((r) => r.staged !== undefined).length).toBeGreaterThanOrEqual(10);
  // An agent's commit is never recorded as human.
  for (const row of rows.filter((r) => r.hook === 'accepted' && !r.name.startsWith('no signal'))) {
    expect({ name: row.name, recorded: row.recorded, ci: row.ci?.provenance }).toEqual({ name: row.name, recorded: 'ai', ci: 'ai' });
  }
});
