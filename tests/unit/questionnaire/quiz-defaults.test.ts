import { describe, expect, test } from '@jest/globals';
import { buildQuiz, type QuizFile } from '../../../src/core/questionnaire/build-quiz.js';
import { findDefaultFacts } from '../../../src/core/questionnaire/quiz-defaults.js';
import { maskDefaults } from '../../../src/core/impact/mask-defaults.js';
import type { Hunk } from '../../../src/core/split/split-plan.js';

// The default kind of the quiz: "what does `x` default to?", from the added lines, checked
// against both sides of the file.

const hunkOf = (added: string[], removed: string[] = []): Hunk =>
  ({ heading: '', oldStart: 1, oldLines: removed.length, newStart: 1, newLines: added.length, added, removed }) as unknown as Hunk;

/** A new file (a pure addition): no old side, every line added. */
const newFile = (path: string, text: string): QuizFile => ({ path, oldText: '', newText: text, hunks: [hunkOf(text.split('\n'))] });

const RETRY = `const BASE = 'https://api.example.com';
const MODE = 'exponential';

export function retry(task: () => Promise<void>, attempts = 3, delayMs = 250): Promise<void> {
  return run(task, attempts, delayMs, 'linear');
}

export function backoff(step: number, factor = 2): number {
  const limit = 10000;
  return Math.min(limit, step * factor * 100);
}
`;

describe('the default kind', () => {
  test('a new file gets a question per new default, each with literals of its type and no other right value', () => {
    const facts = findDefaultFacts(newFile('src/retry.ts', RETRY), () => false);
    expect(facts.map((f) => [f.name, f.owner, f.answer])).toEqual([
      ['attempts', 'retry', '3'],
      ['delayMs', 'retry', '250'],
      ['factor', 'backoff', '2'],
    ]);
    for (const fact of facts) {
      expect(fact.distractors).not.toContain(fact.answer);
      // Numbers for a number: no string among them.
      expect(fact.distractors.every((d) => /^-?\d/.test(d))).toBe(true);
    }
    // `const limit = 10000` and the module's constants are no parameter defaults.
    expect(facts.map((f) => f.name)).not.toContain('limit');
    expect(facts.map((f) => f.name)).not.toContain('BASE');
  });

  test('a pure addition is asked questions of another kind than lines: a wrong pick has somewhere to go', () => {
    const quiz = buildQuiz({ files: [newFile('src/retry.ts', RETRY)], seed: 7, attempt: 1 });
    expect(quiz.length).toBeGreaterThanOrEqual(2);
    expect(new Set(quiz.map((q) => q.kind))).toEqual(new Set(['default']));
    const first = quiz[0]!;
    expect(first.question.message).toMatch(/^After this change, what does `\w+` default to in `(retry|backoff)` \(src\/retry\.ts\)\?$/);
    expect(first.question.choices!.filter((c) => c.value === first.answer)).toHaveLength(1);
  });

  test('a changed default offers the old value; a default that was already there, or given two values, is not asked', () => {
    const oldText = `export function page(size = 20, start = 0) {\n  return [size, start, 50, 100];\n}\nexport function other(size = 30) {\n  return size;\n}\n`;
    const newText = `export function page(size = 25, start = 0) {\n  return [size, start, 50, 100];\n}\nexport function other(size = 30) {\n  return size;\n}\n`;
    const file: QuizFile = {
      path: 'src/page.ts',
      oldText,
      newText,
      hunks: [hunkOf(['export function page(size = 25, start = 0) {'], ['export function page(size = 20, start = 0) {'])],
    };
    // `size` has two defaults in the new file (25 and 30): which one would be ambiguous.
    expect(findDefaultFacts(file, () => false)).toEqual([]);
    const single: QuizFile = { ...file, oldText: oldText.replace('size = 30', 'n = 30'), newText: newText.replace('size = 30', 'n = 30') };
    const [fact, ...rest] = findDefaultFacts(single, () => false);
    expect(rest).toEqual([]); // `start = 0` was already there
    expect(fact).toMatchObject({ name: 'size', answer: '25' });
    expect(fact!.distractors[0]).toBe('20');
  });

  test('a default the review prints is not asked; a line stating an asked default is offered by no line question', () => {
    const file = newFile('src/retry.ts', RETRY);
    expect(findDefaultFacts(file, (text) => text === 'attempts = 3').map((f) => f.name)).not.toContain('attempts');
  });
});

describe('enum members', () => {
  // jaredwray/keyv 8afdac5edb: `KeyvHooks` gains members, each alone on its line; the quiz asked
  // "what does `AFTER_SET_MANY` default to".
  const member = (name: string, value: string) => `\t${name} = "${value}",`;
  const before = [
    member('PRE_SET_MANY_RAW', 'preSetManyRaw'),
    member('POST_SET_MANY_RAW', 'postSetManyRaw'),
    member('BEFORE_SET_RAW', 'before:setRaw'),
    member('AFTER_SET_RAW', 'after:setRaw'),
  ];
  const added = [member('BEFORE_SET_MANY', 'before:setMany'), member('AFTER_SET_MANY', 'after:setMany')];
  const enumOf = (lines: string[]) => `export enum KeyvHooks {\n${lines.join('\n')}\n}\n`;
  const withCall = (text: string) => `${text}\nexport function hook(event = "before:get") {\n\treturn event;\n}\n`;

  test('a member of an enum, alone on its line, is no parameter default', () => {
    const file: QuizFile = {
      path: 'core/keyv/src/types.ts',
      oldText: withCall(enumOf(before)),
      newText: withCall(enumOf([...before, ...added])),
      hunks: [hunkOf(added)],
    };
    expect(findDefaultFacts(file, () => false)).toEqual([]);
  });
});

describe('the default kind beside line questions', () => {
  test('a hunk heading that states a default shows it masked, so a line question near it does not give it away', () => {
    const oldText = `export function page(size = 20, start = 0) {\n  const rows = fetchRows(start, size);\n  const total = countRows('all');\n  const label = 'page';\n  const max = 100 + 8 * 3;\n  return { rows, total, label, kind: 'list' };\n}\n`;
    const newText = oldText.replace('size = 20', 'size = 25').replace("countRows('all')", "countRows('visible')");
    const file: QuizFile = {
      path: 'src/page.ts',
      oldText,
      newText,
      hunks: [
        hunkOf(['export function page(size = 25, start = 0) {'], ['export function page(size = 20, start = 0) {']),
        {
          ...hunkOf(["  const total = countRows('visible');"], ["  const total = countRows('all');"]),
          heading: 'export function page(size = 25, start = 0) {',
        },
      ],
    };
    const quiz = buildQuiz({ files: [file], seed: 3, attempt: 1 });
    expect(quiz.some((q) => q.kind === 'default')).toBe(true);
    for (const q of quiz) expect(q.question.message).not.toContain('size = 25');
  });
});

describe('maskDefaults', () => {
  test('masks the values of parameter defaults, keeps enum members and types', () => {
    expect(maskDefaults("function formatPrice(cents: number, currency: string, locale = 'en-US'): string")).toBe(
      'function formatPrice(cents: number, currency: string, locale = …): string',
    );
    expect(maskDefaults('function f({ retries = 3, wait = 10 }: Options = {})')).toBe(
      'function f({ retries = …, wait = … }: Options = {})',
    );
    expect(maskDefaults('enum Level { Low = 1, High = 2 }')).toBe('enum Level { Low = 1, High = 2 }');
  });
});
