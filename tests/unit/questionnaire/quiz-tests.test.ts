import { describe, expect, test } from '@jest/globals';
import { buildQuiz, type QuizFile } from '../../../src/core/questionnaire/build-quiz.js';
import { decideQuizStep } from '../../../src/core/questionnaire/decide-quiz-step.js';
import type { Hunk } from '../../../src/core/split/split-plan.js';

// "Which test does this change add to x.test.ts?": a pure addition of a test beside kept ones
// (mobx's `map getOrInsert`), so a wrong pick on a line question finds a question of another kind.

const before = `import { map } from '../src/map';

test('can iterate map - keys', () => {
  expect([...map({ a: 1 }).keys()]).toEqual(['a']);
});

test('getAtom encapsulation leak test', () => {
  expect(map().get('x')).toBeUndefined();
});

test('map.merge should not be tracked', () => {
  expect(map().merge({}).size).toBe(0);
});
`;
const added = [
  '',
  "test('map getOrInsert', () => {",
  '  const names = map({ user1: "User 1" });',
  '  expect(names.getOrInsert("user2", "User 2")).toBe("User 2");',
  '  expect(names.getOrInsert("user1", "Someone else")).toBe("User 1");',
  '});',
];
const after = `${before}${added.join('\n')}\n`;
const hunk = { heading: '', oldStart: 13, oldLines: 0, newStart: 14, newLines: added.length, added, removed: [] } as unknown as Hunk;
const file: QuizFile = { path: '__tests__/map.test.ts', oldText: before, newText: after, hunks: [hunk] };

describe('the test kind', () => {
  test('asks which test the change adds; the wrong choices are the titles it keeps, and no line question names it', () => {
    for (let seed = 0; seed < 10; seed++) {
      const quiz = buildQuiz({ files: [file], seed, attempt: 1 });
      const asked = quiz.find((q) => q.kind === 'test')!;
      expect(asked.question.message).toBe('Which test does this change add to __tests__/map.test.ts?');
      expect(asked.answer).toBe('map getOrInsert');
      expect(asked.question.choices!.map((c) => c.value).sort()).toEqual(
        ['can iterate map - keys', 'getAtom encapsulation leak test', 'map getOrInsert', 'map.merge should not be tracked'].sort(),
      );
      for (const q of quiz.filter((q) => q.kind !== 'test'))
        for (const c of q.question.choices!) expect(c.value).not.toContain('map getOrInsert');
      // A pure addition: a wrong first pick is followed by a question of another kind.
      expect(new Set(quiz.map((q) => q.kind)).size).toBeGreaterThanOrEqual(2);
      const wrong = quiz[0]!.question.choices!.find((c) => c.value !== quiz[0]!.answer)!.value;
      const step = decideQuizStep(quiz, [wrong]);
      expect(step.kind).toBe('ask');
      if (step.kind === 'ask') expect(step.quiz.kind).not.toBe(quiz[0]!.kind);
    }
  });

  test('a title printed before the quiz, or a file keeping fewer than three, is not asked', () => {
    expect(buildQuiz({ files: [file], seed: 1, attempt: 1, printedPhrases: ['map getOrInsert'] }).some((q) => q.kind === 'test')).toBe(
      false,
    );
    const small = {
      ...file,
      oldText: before.split('\n').slice(0, 9).join('\n'),
      newText: after.split('\n').slice(0, 9).join('\n') + after.slice(after.indexOf("\ntest('map getOrInsert'")),
    };
    expect(buildQuiz({ files: [small], seed: 1, attempt: 1 }).some((q) => q.kind === 'test')).toBe(false);
  });

  test('a renamed test: no hunk heading names its new title in another question', () => {
    const body = [
      '  const queue = enqueue([], job);',
      '  expect(queue).toHaveLength(1);',
      '  expect(describeJob(job)).toBe(`job a`);',
      '});',
    ];
    const oldText = `${before}\ntest('old title of the queue test', () => {\n${body.join('\n')}\n`;
    const newBody = [...body];
    newBody[1] = '  expect(queue).toEqual([job]);';
    const newText = `${before}\ntest('enqueue returns a new queue holding the job', () => {\n${newBody.join('\n')}\n`;
    const renamed = {
      ...hunk,
      heading: "test('map.merge should not be tracked', () => {",
      added: ["test('enqueue returns a new queue holding the job', () => {"],
      removed: ["test('old title of the queue test', () => {"],
    } as unknown as Hunk;
    const inside = {
      ...hunk,
      heading: "test('enqueue returns a new queue holding the job', () => {",
      added: ['  expect(queue).toEqual([job]);'],
      removed: ['  expect(queue).toHaveLength(1);'],
    } as unknown as Hunk;
    const quiz = buildQuiz({ files: [{ ...file, oldText, newText, hunks: [renamed, inside] }], seed: 2, attempt: 1 });
    expect(quiz.some((q) => q.kind === 'test' && q.answer === 'enqueue returns a new queue holding the job')).toBe(true);
    for (const q of quiz.filter((q) => q.kind !== 'test')) expect(q.question.message).not.toContain('enqueue returns a new queue');
  });
});

describe('a title the questions before the quiz print', () => {
  // ky 06375ef: the test-only piece's question names the new tests, one title holding backticks;
  // the quoted-phrase guard split it at its inner backticks and the quiz asked for it anyway.
  const title = 'retry - extending a numeric `retry` with an object keeps the limit';
  const lines = [
    '',
    `test('${title}', async t => {`,
    '  const client = ky.create({retry: 3}).extend({retry: {methods: ["post"]}});',
    '});',
  ];
  const withTitle: QuizFile = {
    ...file,
    newText: `${before}${lines.join('\n')}\n`,
    hunks: [{ ...hunk, newLines: lines.length, added: lines } as unknown as Hunk],
  };
  const message = `The tests in __tests__/map.test.ts add \`${title}\`: what do they catch that the existing tests did not?`;

  test('is neither asked for nor offered on a line', async () => {
    const { listQuiz } = await import('../../../src/review/run-quiz.js');
    const analysis = { files: [{ path: withTitle.path, newBlob: 'b' }] } as unknown as Parameters<typeof listQuiz>[0];
    let asked = 0;
    for (let attempt = 1; attempt <= 10; attempt++) {
      for (const q of await listQuiz(analysis, () => Promise.resolve([withTitle]), attempt, [{ message }])) {
        asked++;
        expect(q.answer).not.toContain('extending a numeric');
        for (const c of q.question.choices!) expect(c.value).not.toContain('extending a numeric');
      }
    }
    // Without the question before it, the title is asked for.
    const free = await listQuiz(analysis, () => Promise.resolve([withTitle]), 1, []);
    expect(free.some((q) => q.answer === title)).toBe(true);
    expect(asked).toBeGreaterThan(0);
  });
});
