import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { runUnchanged } from '../helpers/review-run.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { withoutProgress } from '../helpers/progress.js';

// The comprehension check through --answers and --dry-run --json on a real repository: the
// quiz is listed with its choices (never its answers), must be answered when it is due, and a
// wrong pick is forgiven once. The facts below come from the fixture, not from the code.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const CALLERS = ['src/app.ts', 'src/cli.ts'];

function changedParse(): TempRepo {
  const r = createTempRepo({
    'src/config.ts': 'export function parse(text: string): string {\n  return text;\n}\n',
    'src/app.ts': "import { parse } from './config.js';\nexport const run = () => parse('x');\n",
    'src/cli.ts': "import { parse } from './config.js';\n\nexport const main = () => parse(process.argv[2] ?? '');\n",
    'src/log.ts': 'export const log = (m: string) => console.log(m);\n',
    'src/util/strings.ts': 'export const upper = (s: string) => s.toUpperCase();\n',
    'src/util/numbers.ts': 'export const double = (n: number) => n * 2;\n',
  });
  r.stage({ 'src/config.ts': 'export function parse(text: string, strict = false): string {\n  return strict ? text.trim() : text;\n}\n' });
  return r;
}

interface Listed {
  id: string;
  kind: string;
  message: string;
  choices?: string[];
  quiz?: boolean;
}
const listQuestions = (r: TempRepo, env: Record<string, string> = {}) =>
  (JSON.parse(r.run(['--dry-run', '--json'], { env }).stdout) as { questions: Listed[] }).questions;

function answersFile(r: TempRepo, questions: Listed[], pick: (q: Listed) => string, extra: Record<string, unknown> = {}): string {
  const answers: Record<string, unknown> = { provenance: 'ai-generated' };
  const sentences = [
    'The strict flag trims surrounding whitespace from the parsed text when a caller asks for it',
    'Calling parse without the flag keeps returning the text untouched, so app.ts and cli.ts behave as before',
    'I ran the unit tests and tried parse with padded input in a node REPL session',
    'The trimming branch is two lines covered by the existing parse examples in the README',
  ];
  let next = 0;
  for (const q of questions) {
    if (q.id === 'provenance') continue;
    if (q.quiz) answers[q.id] = pick(q);
    else if (q.kind === 'choice') answers[q.id] = { choice: 'compatible', reason: sentences[next++] };
    else answers[q.id] = sentences[next++];
  }
  const path = join(r.dir, '.git', `answers-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify({ ...answers, ...extra }));
  return path;
}

const right = (q: Listed) =>
  q.id.startsWith('quiz:calls:') ? q.choices!.find((c) => CALLERS.includes(c))! : q.choices!.find((c) => c.includes('strict'))!;
const wrong = (q: Listed) =>
  q.id.startsWith('quiz:calls:') ? q.choices!.find((c) => !CALLERS.includes(c))! : q.choices!.find((c) => !c.includes('strict'))!;

describe('the quiz with --answers', () => {
  test('--dry-run --json lists verified quiz questions and their choices, never the answers', () => {
    repo = changedParse();
    const quiz = listQuestions(repo).filter((q) => q.quiz);
    expect(quiz.map((q) => q.id)).toEqual(['quiz:calls:src/config.ts#parse', 'quiz:shape:src/config.ts#parse']);
    const calls = quiz[0]!;
    expect(calls.choices!.filter((c) => CALLERS.includes(c))).toHaveLength(1);
    for (const c of calls.choices!) expect(c).not.toBe('src/config.ts');
    expect(JSON.stringify(quiz)).not.toMatch(/"answer"|"truth"/);
  });

  test('right answers pass; a wrong first pick is forgiven when the second question is right', () => {
    repo = changedParse();
    const questions = listQuestions(repo);
    expect(runUnchanged(repo, ['--answers', answersFile(repo, questions, right)]).code).toBe(0);
    repo.cleanup();
    repo = changedParse();
    const first = questions.find((q) => q.quiz)!.id;
    const result = runUnchanged(repo, ['--answers', answersFile(repo, questions, (q) => (q.id === first ? wrong(q) : right(q)))]);
    // Nothing on stderr but a slow step's progress line (a busy machine takes over a second).
    expect(withoutProgress(result.stderr)).toBe('');
    expect(result.code).toBe(0);
  });

  test('two wrong picks reject the commit with the right answers and a way forward', () => {
    repo = changedParse();
    const result = runUnchanged(repo, ['--answers', answersFile(repo, listQuestions(repo), wrong)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /Two comprehension answers were wrong: `parse` is called from (src\/app\.ts:2, src\/cli\.ts:3|src\/cli\.ts:3, src\/app\.ts:2)\..*Read the staged diff/,
    );
  });

  test('a quiz that is due must be answered in the file', () => {
    repo = changedParse();
    const questions = listQuestions(repo).filter((q) => !q.quiz);
    const result = runUnchanged(repo, ['--answers', answersFile(repo, questions, right)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/- quiz:calls:src\/config\.ts#parse: no answer \(Which of these files uses `parse`/);
  });

  test('a person who wrote the change is not quizzed', () => {
    repo = changedParse();
    const questions = listQuestions(repo).filter((q) => !q.quiz);
    expect(runUnchanged(repo, ['--answers', answersFile(repo, questions, right, { provenance: 'written' })]).code).toBe(0);
  });
});

describe('impact claims are checked against the change', () => {
  test('"callers updated" when no caller is staged is challenged with the callers', () => {
    repo = changedParse();
    const questions = listQuestions(repo);
    const impact = questions.find((q) => q.id.startsWith('impact:'))!.id;
    const file = answersFile(repo, questions, right, {
      [impact]: { choice: 'callers-updated', reason: 'Both callers now pass the strict flag explicitly where padding matters' },
    });
    const result = runUnchanged(repo, ['--answers', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/None of the 2 files that call `parse` \(src\/app\.ts:2, src\/cli\.ts:3\) is in this change/);
  });
});
