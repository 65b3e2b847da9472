import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { writeAnswersFor } from '../helpers/answers.js';
import { testEnv } from '../helpers/env.js';
import { runUnchanged } from '../helpers/review-run.js';
import { CLI, createTempRepo, lines, type TempRepo } from '../helpers/temp-repo.js';

// The questionnaire without a terminal: answers files, agents, the fail-fast path. The
// interactive flow through a real terminal is in tests/e2e.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const reviews = (r: TempRepo) => {
  const dir = join(r.dir, '.git', 'selfreview', 'reviews');
  // The pending records (each has its trailer lines beside it, <tree>.trailers).
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')) : [];
};

function smallChange(): TempRepo {
  const r = createTempRepo({
    'src/config.ts': 'export const parse = (t: string) => t;\n',
    'src/app.ts': "import { parse } from './config.js';\nexport const run = () => parse('x');\n",
  });
  r.stage({ 'src/config.ts': 'export const parse = (t: string, strict = false) => (strict ? t.trim() : t);\n' });
  return r;
}

describe('answers from a file', () => {
  test('complete answers record the review for the index tree; the same content is not asked again', () => {
    repo = smallChange();
    const answers = writeAnswersFor(repo);
    const asked = JSON.parse(readFileSync(answers, 'utf8')) as Record<string, unknown>;
    // One file: asked about once. The quiz is listed where the author may declare AI work and
    // the patch offers lines to ask about; a one-line module offers no wrong lines (quiz.test.ts).
    expect(Object.keys(asked)).toEqual(['provenance', 'intent', 'impact:src/config.ts#parse', 'verification', 'no-test']);
    const result = runUnchanged(repo, ['--answers', answers]);
    expect(result.code).toBe(0);
    const tree = repo.git(['write-tree']).trim();
    expect(result.stdout).toContain(`Review recorded for this staged content (tree ${tree.slice(0, 10)})`);
    const record = JSON.parse(readFileSync(join(repo.dir, '.git', 'selfreview', 'reviews', `${tree}.json`), 'utf8'));
    expect(record).toMatchObject({
      version: 2,
      tree,
      answeredFrom: 'file',
      patch: { files: [{ path: 'src/config.ts', added: 1, removed: 1 }] },
      provenance: { kind: 'human', declared: 'written' },
      totals: { files: 1, added: 1, removed: 1 },
      risk: 'medium',
    });
    expect(record.answers.find((a: { questionId: string }) => a.questionId === 'impact:src/config.ts#parse')).toMatchObject({
      choice: 'compatible',
    });
    const again = runUnchanged(repo, ['--answers', '/nonexistent']);
    expect(again.code).toBe(2); // the file is read before anything is asked
    expect(runUnchanged(repo, [], { env: {} }).stdout).toMatch(/Already reviewed \(tree [0-9a-f]{10}/);
  });

  test('missing, placeholder and wrong-choice answers are all listed; nothing is recorded', () => {
    repo = smallChange();
    writeFileSync(
      join(repo.dir, '.git', 'bad.json'),
      JSON.stringify({ provenance: 'robot', intent: 'wip', verification: 'Ran the unit tests and the app locally against staging' }),
    );
    const result = runUnchanged(repo, ['--answers', join(repo.dir, '.git', 'bad.json')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/- provenance: choose one of written, ai-assisted, ai-generated/);
    expect(result.stderr).toMatch(/- intent: "wip" is a placeholder/);
    expect(result.stderr).toMatch(/- impact:src\/config\.ts#parse: no answer/);
    expect(result.stderr).not.toMatch(/- verification/);
    expect(reviews(repo)).toEqual([]);
  });

  test('declaring AI work applies the AI budget before anything else is asked', () => {
    repo = createTempRepo({ 'a.md': 'x\n' });
    repo.stage({ 'a.md': lines(300) });
    const answers = writeAnswersFor(repo, {}, { provenance: 'ai-generated' });
    const result = runUnchanged(repo, ['--answers', answers]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Declared as AI work: the AI budget applies/);
    expect(result.stderr).toMatch(/301 changed lines: 101 over the AI budget of 200/);
  });

  // mswjs/interceptors 2a087221, declared AI-generated in a real commit: 225 lines over 200, and
  // nothing said what to do. The commands it names are the ones that split it.
  test('declared AI work over the AI budget: the split commands it names stage a part that fits', () => {
    repo = createTempRepo({ 'src/a.ts': 'export const a = 1\n', 'docs/b.md': 'x\n' });
    repo.stage({ 'src/a.ts': lines(150), 'docs/b.md': lines(150) });
    const result = runUnchanged(repo, ['--answers', writeAnswersFor(repo, {}, { provenance: 'ai-generated' })]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'Split it: `npx selfreview split --ai` shows parts that fit the AI budget, `npx selfreview split --ai --stage 1` stages the first (`--restore` undoes it)',
    );
    const plan = runUnchanged(repo, ['split', '--ai']);
    expect(plan.stdout).toContain(
      'Next: `npx selfreview split --stage 1 --ai`, then git commit (`npx selfreview split --restore` puts the original index back).',
    );
    const staged = repo.run(['split', '--stage', '1', '--ai']);
    expect(staged.code).toBe(0);
    expect(staged.stdout).toMatch(/then `npx selfreview split --stage 2`$/m);
    const counted = repo.git(['diff', '--cached', '--numstat']).trim().split('\n');
    expect(counted).toHaveLength(1);
    expect(Number(counted[0]!.split('\t')[0])).toBeLessThanOrEqual(200);
  });

  test('"I am not sure" stops the commit and says why that is right', () => {
    repo = smallChange();
    const answers = writeAnswersFor(repo, {}, { 'impact:src/config.ts#parse': 'not-sure' });
    const result = runUnchanged(repo, ['--answers', answers]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /Not sure about "`parse` in src\/config\.ts changed its signature \(.*\); 1 file uses it \(src\/app\.ts:2\): why do they keep working\?": that is the right place to stop/,
    );
    expect(reviews(repo)).toEqual([]);
  });

  test('SELFREVIEW_ANSWERS works like --answers (for GUI clients)', () => {
    repo = smallChange();
    expect(runUnchanged(repo, [], { env: { SELFREVIEW_ANSWERS: writeAnswersFor(repo) } }).code).toBe(0);
    expect(reviews(repo)).toHaveLength(1);
  });
});

describe('no person at a terminal', () => {
  test('an agent environment is never prompted and is told a person must review', () => {
    repo = smallChange();
    const result = runUnchanged(repo, [], { env: { CLAUDECODE: '1' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/An AI agent is running this commit \(env CLAUDECODE=1\): selfreview does not prompt an agent/);
    // An answers file does not let the agent answer for the person either.
    expect(runUnchanged(repo, ['--answers', writeAnswersFor(repo)], { env: { CLAUDECODE: '1' } }).code).toBe(1);
  });

  test('without a controlling terminal it fails before the blast radius, saying how to proceed', async () => {
    repo = smallChange();
    // detached: a new session, so no controlling terminal, as under a GUI client or in CI. No
    // input is given: a run that waited for some would hit the test's timeout.
    const child = spawn(process.execPath, [CLI], {
      cwd: repo.dir,
      env: testEnv({ SELFREVIEW_DEBUG: '1' }),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    // It decided before the expensive part: no import graph, no TypeScript loaded.
    expect(stderr).toMatch(/stage: change model/);
    expect(stderr).not.toMatch(/import graph|load typescript/);
    expect(stderr).toMatch(/No terminal for the questionnaire: run `npx selfreview` in a terminal first .* or pass --answers <file>/);
  });

  test('--dry-run lists the questions with their ids and writes nothing', () => {
    repo = smallChange();
    const result = runUnchanged(repo, ['--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Questions the review would ask/);
    expect(result.stdout).toMatch(/impact:src\/config\.ts#parse: `parse` in src\/config\.ts changed its signature/);
    expect(existsSync(join(repo.dir, '.git', 'selfreview', 'drafts'))).toBe(false);
    expect(reviews(repo)).toEqual([]);
  });
});
