import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { testEnv } from '../helpers/env.js';
import { spawnWithoutTerminal } from '../helpers/no-terminal.js';
import { createTempRepo, linkSelfreview, lines, type TempRepo } from '../helpers/temp-repo.js';

// Agents get a policy, not a loophole: under an agent's environment the skip switches do not
// apply (unless the committed config allows it, and then the commit is marked and CI reports it),
// and every refusal an agent reads says stop, names no bypass, gives the AI budget, the split
// command of this project's package manager and the person's review in their own terminal.

const BYPASSES = /SELFREVIEW_OVERRIDE|SELFREVIEW_ANSWERS|--answers|--override|answers\.json/;

let repo: TempRepo;
let base: string;
beforeAll(() => {
  repo = createTempRepo({
    'package.json': '{\n  "name": "app",\n  "version": "1.0.0"\n}\n',
    '.gitignore': 'node_modules\n',
    'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
    'src/a.ts': lines(3),
  });
  linkSelfreview(repo.dir);
  expect(repo.run(['init']).code).toBe(0);
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'Set up']);
  base = repo.git(['rev-parse', 'HEAD']).trim();
});
afterAll(() => repo?.cleanup());

function commit(env: Record<string, string>, message = 'Add b'): { code: number | null; output: string } {
  const result = spawnWithoutTerminal('git', ['commit', '-q', '-m', message], { cwd: repo.dir, env: testEnv(env), encoding: 'utf8' });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

function staged(count: number): void {
  repo.git(['checkout', '-q', '-f', '-B', 'work', base]);
  repo.stage({ 'src/b.ts': lines(count, 'b') });
}

/** The words an agent must read, and none it must not: the way to split only when there is something to split. */
function expectPolicy(output: string, { fits }: { fits: boolean }): void {
  expect(output).toMatch(/do not retry with --no-verify or SELFREVIEW=0/);
  expect(output).toMatch(/200 changed lines and 10 files/);
  if (fits) {
    expect(output).toMatch(/The change fits the AI budget/);
    expect(output).not.toMatch(/split/);
  } else expect(output).toMatch(/`pnpm exec selfreview split --ai --stage 1`/);
  expect(output).toMatch(/A person must run `pnpm exec selfreview` in their own terminal/);
  expect(output).not.toMatch(BYPASSES);
}

describe('SELFREVIEW=0 in an agent environment', () => {
  test.each([['CLAUDECODE'], ['GEMINI_CLI'], ['CODEX_SANDBOX'], ['CURSOR_AGENT']])('%s=1: not a skip; the agent is refused', (name) => {
    staged(150);
    const result = commit({ [name]: '1', SELFREVIEW: '0' });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/SELFREVIEW=0 does not apply to an AI agent/);
    expect(result.output).not.toMatch(/skipped \(SELFREVIEW=0\)/);
    expectPolicy(result.output, { fits: true });
    expect(repo.git(['rev-parse', 'HEAD']).trim()).toBe(base);
  });

  test('over the AI budget: the report has the numbers, the refusal the way on, and no override', () => {
    staged(300);
    const result = commit({ CLAUDECODE: '1', SELFREVIEW: '0' });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/300 changed lines: 100 over the AI budget of 200/);
    expectPolicy(result.output, { fits: false });
  });

  test('an override or an answers file from an agent is no way through either', () => {
    staged(300);
    const answers = join(repo.dir, '.git', 'answers.json');
    writeFileSync(answers, '{}');
    const skips: Record<string, string>[] = [{ SELFREVIEW_OVERRIDE: 'the agent says this cannot wait' }, { SELFREVIEW_ANSWERS: answers }];
    for (const env of skips) {
      const result = commit({ CLAUDECODE: '1', ...env });
      expect(result.code).not.toBe(0);
      expect(result.output).toMatch(/do not retry with --no-verify or SELFREVIEW=0/);
    }
    expect(repo.git(['rev-parse', 'HEAD']).trim()).toBe(base);
  });

  test('without an agent, SELFREVIEW=0 still skips with one line', () => {
    staged(150);
    const result = commit({ SELFREVIEW: '0' });
    expect(result).toEqual({ code: 0, output: expect.stringMatching(/^selfreview: skipped \(SELFREVIEW=0\)\.\n$/) });
  });
});

test('--json for an agent harness: the decision and the policy as data', () => {
  staged(300);
  const { code, json } = repo.runJson([], { env: { CLAUDECODE: '1' } });
  expect(code).toBe(1);
  expect(json.verdict).toBe('reject');
  expect(json.agentPolicy).toEqual({
    stop: true,
    runner: 'pnpm exec',
    doNotRetryWith: expect.arrayContaining(['git commit --no-verify', 'SELFREVIEW=0']),
    aiBudget: { lines: 200, files: 10 },
    fit: expect.arrayContaining(['pnpm exec selfreview split --ai --stage 1']),
    review: expect.stringMatching(/person must run `pnpm exec selfreview` in their own terminal/),
  });
  expect(JSON.stringify(json.agentPolicy)).not.toMatch(BYPASSES);
  // A person's run has no agent policy.
  expect(repo.runJson().json.agentPolicy).toBeUndefined();
});

test('a team that allows agents to skip: the commit is marked, CI reports an agent unreviewed commit', () => {
  repo.git(['checkout', '-q', '-f', '-B', 'allowed', base]);
  writeFileSync(join(repo.dir, '.selfreviewrc.json'), JSON.stringify({ provenance: { agentsMaySkip: true } }));
  repo.git(['add', '.selfreviewrc.json']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'Allow agents to skip']);
  repo.stage({ 'src/b.ts': lines(150, 'b') });
  const result = commit({ CLAUDECODE: '1', SELFREVIEW: '0' });
  expect(result.code).toBe(0);
  expect(result.output).toMatch(/skipped \(SELFREVIEW=0\) for an AI agent \(env CLAUDECODE=1\)/);
  expect(repo.git(['log', '-1', '--format=%(trailers:key=Self-Review-Skipped,valueonly)']).trim()).toBe(
    'SELFREVIEW=0 by an AI agent (env CLAUDECODE)',
  );
  const ci = repo.run(['ci', '--base', 'HEAD~1', '--format', 'json', '--no-impact']);
  expect(ci.code).toBe(1);
  const [checked] = (
    JSON.parse(ci.stdout) as { commits: Array<{ provenance: string; findings: Array<{ code: string; level: string; message: string }> }> }
  ).commits;
  expect(checked!.provenance).toBe('ai');
  // The finding carries its fix (review-commit at a terminal, then share the note).
  expect(checked!.findings).toContainEqual({
    code: 'review-missing',
    level: 'error',
    message: expect.stringMatching(/^an AI agent's unreviewed commit: made with SELFREVIEW=0/),
    fix: expect.objectContaining({
      commands: expect.arrayContaining([expect.stringMatching(/^pnpm exec selfreview review-commit [0-9a-f]+$/)]),
    }),
  });
});

test('init --agents prints the section for AGENTS.md with this project budget and runner, and changes nothing more', () => {
  repo.git(['checkout', '-q', '-f', '-B', 'init-agents', base]);
  const before = repo.snapshot();
  const result = repo.run(['init', '--agents']);
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/already set up/);
  expect(result.stdout).toMatch(/^## Commits and selfreview$/m);
  expect(result.stdout).toMatch(/AI budget: 200 changed lines and 10 files/);
  expect(result.stdout).toMatch(/`pnpm exec selfreview split --ai --stage 1`/);
  expect(result.stdout).toMatch(/Never retry with `git commit --no-verify` or `SELFREVIEW=0`/);
  expect(result.stdout).not.toMatch(BYPASSES);
  expect(repo.snapshot()).toEqual(before);
  expect(repo.run(['init']).stdout).not.toMatch(/Commits and selfreview/);
});

test("a split's last part has the tree of the whole change reviewed before: it is reviewed again, not taken as already reviewed", () => {
  repo.git(['checkout', '-q', '-f', '-B', 'split-parts', base]);
  repo.stage({ 'src/one.ts': lines(120, 'one'), 'src/two.ts': lines(100, 'two') });
  const review = () => {
    const listed = JSON.parse(repo.run(['--dry-run', '--json', '--no-impact']).stdout) as {
      questions: Array<{ id: string; kind: string; choices?: string[] }>;
      files: Array<{ path: string }>;
    };
    // Answers must connect to the change (connect-to-change.ts): each names the staged files,
    // and each says something of its own (no answer may be a near copy of another).
    const paths = listed.files.map((f) => f.path).join(' and ');
    const said: Record<string, (path: string) => string> = {
      // What the change holds, said (a bare "adds these files" names the parts alone: names-only-link.ts).
      intent: () => `Add ${paths}: 120 numbered lines of "one" and 100 of "two", which the split commits in two parts`,
      unit: (path) =>
        path === 'src/one.ts'
          ? `${path} is the first module: its lines numbered from 1`
          : `${path} holds the 100 lines "two 1" to "two 100", in a part of its own`,
      verification: () => `Printed ${paths} and counted the numbered lines by hand`,
      'no-test': () => `${paths} hold data that no code reads yet`,
      rollback: () => `Reverting the commit removes ${paths} again`,
    };
    const answers = Object.fromEntries(
      listed.questions.map((q, i) => {
        const [kind, path = ''] = q.id.split(/:(.*)/s);
        const sentence = said[kind!]?.(path) ?? `Answer number ${i + 1} explains the ${q.id} part of the change to ${paths} in plain words`;
        return [q.id, q.kind === 'choice' ? { choice: q.choices?.[0], reason: sentence } : sentence];
      }),
    );
    const file = join(repo.dir, '.git', `answers-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(answers));
    const reviewed = repo.run(['--no-impact', '--answers', file]);
    expect(`${reviewed.code} ${reviewed.stderr}`).toBe('0 ');
  };
  review(); // the whole change: its tree is the tree of the last part below
  repo.git(['reset', '-q', '--', 'src/two.ts']);
  review();
  expect(commit({}, 'Add one').code).toBe(0);
  repo.git(['add', 'src/two.ts']);
  // The index is now the whole change's tree, on another HEAD: 100 lines nobody reviewed as such.
  const result = commit({ CLAUDECODE: '1' }, 'Add two');
  expect(result.code).not.toBe(0);
  expect(result.output).not.toMatch(/already reviewed/);
  expect(result.output).toMatch(/A person must run `pnpm exec selfreview` in their own terminal/);
});
