import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { createScenarioRepo } from '../helpers/fixture-repo.js';
import { runUnchanged } from '../helpers/review-run.js';
import { PROJECT_ROOT, type TempRepo } from '../helpers/temp-repo.js';
import { AI, listQuestions, type Listed } from '../helpers/listed-questions.js';

// The comprehension check through the real CLI on tests/fixtures/quiz/format-price (formatPrice
// gains `locale = 'en-US'` and Intl.NumberFormat; invoiceLines passes customer.locale). The right
// picks are worked out here from the fixture's two sides, never from the tool's output: a line
// is added when it is not in the old file, removed when it is not in the new one.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const FIXTURE = join(PROJECT_ROOT, 'tests', 'fixtures', 'quiz', 'format-price');
const side = (which: 'before' | 'after') =>
  new Set(
    ['src/billing/format.ts', 'src/billing/invoice.ts'].flatMap((f) =>
      readFileSync(join(FIXTURE, which, f), 'utf8')
        .split('\n')
        .map((l) => l.trim().replace(/\s+/g, ' ')),
    ),
  );
const OLD = side('before');
const NEW = side('after');
/** Lines the patch adds (or removes): the keys a leak would show. */
const ADDED = [...NEW].filter((l) => l.length >= 8 && !OLD.has(l));
const REMOVED = [...OLD].filter((l) => l.length >= 8 && !NEW.has(l));

const isAdd = (q: Listed) => /does this change add to/.test(q.message);
/** A default question names its parameter: the right value is the one the new side gives it. */
const defaultOf = (q: Listed) => /what does `(\w+)` default to/.exec(q.message)?.[1];
const NEW_TEXT = [...NEW].join('\n');
const isRightDefault = (q: Listed, c: string) => NEW_TEXT.includes(`${defaultOf(q)} = ${c}`);
const isRight = (q: Listed, c: string) => (defaultOf(q) !== undefined ? isRightDefault(q, c) : isAdd(q) ? !OLD.has(c) : !NEW.has(c));
const right = (q: Listed) => q.choices!.find((c) => isRight(q, c))!;
const wrong = (q: Listed) => q.choices!.find((c) => !isRight(q, c))!;

function answersFile(r: TempRepo, questions: Listed[], pick: (q: Listed) => string): string {
  const answers: Record<string, unknown> = {};
  // Each question its own answer about this change (answers must name what it touches, and none
  // may repeat another); an impact answer claims updated callers only where they are staged.
  const sentences: Record<string, string> = {
    intent: 'formatPrice now takes a locale that defaults to en-US and formats with Intl.NumberFormat instead of the symbol table',
    unit: 'invoiceLines passes customer.locale so German customers see 1.234,50 € rather than a dollar-style amount',
    'impact:src/billing/format.ts#formatPrice':
      'invoiceLines in invoice.ts now passes customer.locale to formatPrice; every other caller gets the en-US default',
    'impact:src/billing/format.ts#formatMoney':
      'formatMoney still calls formatPrice with money.cents and money.currency and no locale, so receipt.ts keeps the en-US format',
    verification: 'I ran the invoice tests and printed an invoice for a de-DE customer and a US one by hand',
    'no-test': 'Intl.NumberFormat is covered by the runtime itself; the invoice output is checked by the existing invoice tests',
    rollback: 'A wrong locale shows in the first invoice printed; reverting this one commit restores the symbol table',
  };
  const choices: Record<string, string> = {
    'impact:src/billing/format.ts#formatPrice': 'callers-updated',
    'impact:src/billing/format.ts#formatMoney': 'compatible',
  };
  for (const q of questions) {
    const sentence = sentences[q.id] ?? sentences[q.id.split(':')[0]!];
    if (q.quiz) answers[q.id] = pick(q);
    else if (sentence === undefined) throw new Error(`no answer written for ${q.id}`);
    else if (q.kind === 'choice') answers[q.id] = { choice: choices[q.id] ?? 'compatible', reason: sentence };
    else answers[q.id] = sentence;
  }
  const path = join(r.dir, '.git', `answers-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(answers));
  return path;
}

describe('the quiz on a real change', () => {
  test('--dry-run --json lists the questions and their choices; nothing before them gives the key away', () => {
    repo = createScenarioRepo('quiz', 'format-price');
    const json = runUnchanged(repo, ['--dry-run', '--json'], { env: AI }).stdout;
    const document = JSON.parse(json) as { questions: Listed[] };
    const quiz = document.questions.filter((q) => q.quiz);
    expect(quiz.length).toBeGreaterThanOrEqual(2);
    for (const q of quiz) {
      expect(q.id).toMatch(/^quiz:1:\d+$/);
      expect(q.choices!.filter((c) => isRight(q, c))).toHaveLength(1);
      if (defaultOf(q) === undefined) expect(q.choices!.filter((c) => (isAdd(q) ? ADDED : REMOVED).includes(c))).toHaveLength(1);
    }
    // The new parameter's default is asked (a pure addition has a question of another kind), and
    // nothing else in the document states it: the changed export's shape masks it (`locale = …`).
    const asked = quiz.find((q) => defaultOf(q) === 'locale');
    expect(asked?.choices).toContain("'en-US'");
    const others = JSON.stringify({ ...document, questions: document.questions.filter((q) => q !== asked) });
    expect(others).not.toMatch(/locale = 'en-US'/);
    // No choice that is an added or removed line appears anywhere else in the document (the
    // changed export's old and new shape, printed in `detail`, is never asked about).
    const edited = quiz
      .filter((q) => defaultOf(q) === undefined)
      .flatMap((q) => q.choices!)
      .filter((c) => ADDED.includes(c) || REMOVED.includes(c));
    expect(edited.length).toBeGreaterThanOrEqual(quiz.length);
    const rest = JSON.stringify({ ...document, questions: document.questions.filter((q) => !q.quiz) });
    // (a signature line is compared without its `{`: `detail` prints it so)
    for (const line of edited) expect(rest).not.toContain(line.replace(/[\s{]+$/, ''));
    expect(json).not.toMatch(/"answer"|"truth"|"key"/);
    // Nor in the text printed before the questions.
    const text = runUnchanged(repo, ['--dry-run'], { env: AI }).stdout;
    const report = text.slice(0, text.indexOf('Questions the review would ask'));
    for (const line of edited) expect(report).not.toContain(line);
  });

  test('right picks pass; a wrong pick is followed by a question of another kind', () => {
    repo = createScenarioRepo('quiz', 'format-price');
    const questions = listQuestions(repo);
    const passedQuestions = runUnchanged(repo, ['--answers', answersFile(repo, questions, right)], { env: AI });
    expect(`${passedQuestions.code} ${passedQuestions.stderr}`).toBe('0 ');
    repo.cleanup();
    repo = createScenarioRepo('quiz', 'format-price');
    const first = questions.find((q) => q.quiz)!;
    const result = runUnchanged(repo, ['--answers', answersFile(repo, questions, (q) => (q.id === first.id ? wrong(q) : right(q)))], {
      env: AI,
    });
    expect(result.code).toBe(0);
  });

  test('a failed attempt prints no right answer, the retry asks other questions, and the record keeps every attempt', () => {
    repo = createScenarioRepo('quiz', 'format-price');
    const firstList = listQuestions(repo);
    const failed = repo.run(['--answers', answersFile(repo, firstList, wrong)], { env: AI });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/comprehension answers? (were|was) wrong.*git diff --cached.*other questions/s);
    for (const line of ADDED) expect(failed.stderr).not.toContain(line.slice(0, 40));

    const secondList = listQuestions(repo);
    const firstQuiz = firstList.filter((q) => q.quiz);
    const secondQuiz = secondList.filter((q) => q.quiz);
    expect(secondQuiz.map((q) => q.id).every((id) => id.startsWith('quiz:2:'))).toBe(true);
    expect(secondQuiz.map((q) => `${q.message}${q.choices!.join()}`)).not.toEqual(firstQuiz.map((q) => `${q.message}${q.choices!.join()}`));

    const passedSecondList = runUnchanged(repo, ['--answers', answersFile(repo, secondList, right)], { env: AI });
    expect(`${passedSecondList.code} ${passedSecondList.stderr}`).toBe('0 ');
    const messageFile = join(repo.dir, '.git', 'QUIZ_MSG');
    writeFileSync(messageFile, 'Format prices in the customer locale\n');
    repo.run(['hook', 'prepare-commit-msg', messageFile, 'message'], { env: AI });
    repo.git(['commit', '-q', '--no-verify', '-F', messageFile]);
    repo.run(['hook', 'post-commit'], { env: AI });
    const note = JSON.parse(repo.git(['notes', '--ref=selfreview', 'show', 'HEAD'])) as {
      answers: { questionId: string; question: string; choice?: string; answer: string }[];
    };
    const picks = note.answers.filter((a) => a.questionId.startsWith('quiz:'));
    expect(picks.filter((a) => a.questionId.startsWith('quiz:1:')).map((a) => a.answer)).toEqual(['wrong', 'wrong']);
    expect(picks.filter((a) => a.questionId.startsWith('quiz:2:')).every((a) => a.answer === 'right')).toBe(true);
    for (const pick of picks)
      expect(pick.question).toMatch(/Which of these lines does this change (add to|remove from)|what does `\w+` default to/);

    const show = repo.run(['show', 'HEAD']);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/Comprehension check: passed on attempt 2 \(2 wrong picks\)/);
    expect(show.stdout.match(/\] wrong/g)).toHaveLength(2);
    const ci = repo.run(['ci', '--base', 'HEAD~1', '--head', 'HEAD'], { env: AI });
    expect(ci.stdout).toMatch(/Comprehension check: passed on attempt 2 \(2 wrong picks\)/);
  });

  // eclipsesource/jsonforms, a new user's first commit: "AI-assisted: I edited what an AI tool
  // wrote" was asked no quiz (only a change declared AI-generated was), so what an AI helped write
  // went in with no comprehension check at all.
  test('the quiz is due for a change declared AI-assisted, and not for one declared written', () => {
    repo = createScenarioRepo('quiz', 'format-price');
    const questions = listQuestions(repo).filter((q) => !q.quiz && q.id !== 'provenance');
    const declared = (provenance: string) => {
      const path = answersFile(repo, questions, right);
      writeFileSync(path, JSON.stringify({ provenance, ...JSON.parse(readFileSync(path, 'utf8')) }));
      return ['--answers', path];
    };
    const human = { SELFREVIEW_AI: '', CLAUDECODE: '' };
    const assisted = runUnchanged(repo, declared('ai-assisted'), { env: human });
    expect(assisted.code).toBe(1);
    expect(assisted.stderr).toMatch(/- quiz:1:1: no answer/);
    const written = runUnchanged(repo, declared('written'), { env: human });
    expect(written.stderr).not.toMatch(/quiz:/);
    expect(written.code).toBe(0);
  });

  test('a quiz that is due must be answered in the file', () => {
    repo = createScenarioRepo('quiz', 'format-price');
    const questions = listQuestions(repo).filter((q) => !q.quiz);
    const result = runUnchanged(repo, ['--answers', answersFile(repo, questions, right)], { env: AI });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/- quiz:1:1: no answer \((Which of these lines does this change|After this change, what does)/);
  });
});
