import { expect, test } from '@jest/globals';
import { buildQuiz, type QuizFile } from '../../../src/core/questionnaire/build-quiz.js';
import { isShortQuiz } from '../../../src/core/questionnaire/widen-quiz.js';
import { parsePatchHunks } from '../../../src/core/split/parse-patch-hunks.js';

// growthbook/growthbook c2c8edc13a moves the ingestor host from `us1.` to `us-east-1.` in six files;
// the questions before the quiz quote every changed line, so no line could be asked and the review
// had no quiz: a guesser passed it. The quiz then asks which unchanged line stands beside an edit.

const lines = (host: string) => [
  'import { stringToBoolean } from "shared/util";',
  '',
  'export const IS_CLOUD = stringToBoolean(process.env.IS_CLOUD);',
  '// The ingestor receives tracked events from every SDK plugin.',
  'const INGESTOR_HOST = process.env.INGESTOR_HOST || "";',
  '',
  'export function getIngestorHost(): string {',
  '  if (IS_CLOUD) return "https://ingest.growthbook.io";',
  `  return INGESTOR_HOST || "https://${host}.gb-ingest.com";`,
  '}',
  '',
  ...Array.from({ length: 16 }, (_, i) => [
    `// Setting ${i}: read once at start-up.`,
    `process.env.SETTING_${i} && console.info("setting ${i} is", process.env.SETTING_${i});`,
  ]).flat(),
  '',
];
const before = lines('us1').join('\n');
const after = lines('us-east-1').join('\n');
const patch = `diff --git a/src/util/secrets.ts b/src/util/secrets.ts
index 1111111..2222222 100644
--- a/src/util/secrets.ts
+++ b/src/util/secrets.ts
@@ -9 +9 @@ export function getIngestorHost(): string {
-  return INGESTOR_HOST || "https://us1.gb-ingest.com";
+  return INGESTOR_HOST || "https://us-east-1.gb-ingest.com";
`;
const file: QuizFile = {
  path: 'src/util/secrets.ts',
  hunks: parsePatchHunks(patch).get('src/util/secrets.ts')!,
  oldText: before,
  newText: after,
};
// What the questions before the quiz print: both changed lines.
const printed = ['return INGESTOR_HOST || "https://us1.gb-ingest.com";', 'return INGESTOR_HOST || "https://us-east-1.gb-ingest.com";'];
const newLines = after.split('\n').map((l) => l.trim());
const lineOf = (text: string) => newLines.indexOf(text) + 1;

test('a change whose every line is printed is asked which line stands beside its edit', () => {
  for (let seed = 1; seed <= 20; seed++) {
    const quiz = buildQuiz({ files: [file], seed, attempt: 1, printed });
    expect(isShortQuiz(quiz)).toBe(false);
    for (const q of quiz) {
      expect(q.kind).toBe('beside');
      expect(q.question.message).toBe('Which of these lines of src/util/secrets.ts stands within five lines of a line this change edits?');
      // Right: within five lines of line 9; every other choice more than twelve lines away, and no declaration.
      expect(Math.abs(lineOf(q.answer) - 9)).toBeLessThanOrEqual(5);
      const wrong = q.question.choices!.map((c) => c.value).filter((v) => v !== q.answer);
      expect(wrong).toHaveLength(4);
      for (const w of wrong) expect(Math.abs(lineOf(w) - 9)).toBeGreaterThan(12);
      for (const choice of q.question.choices!) expect(choice.value).not.toMatch(/^export |^const /);
    }
  }
});

test('a file with lines left to ask gets no beside question', () => {
  const quiz = buildQuiz({ files: [file], seed: 7, attempt: 1 });
  expect(quiz.some((q) => q.kind === 'beside')).toBe(false);
});

test('where the lines beside an edit hold names the questions print, they are asked last, and the quiz still reaches the bar', () => {
  // growthbook 13b5e10744: the one neighbour of its edit worth asking held `optionalColumns`, a name the
  // question before the quiz prints as changed; with it left out the quiz had one question (20%).
  for (let seed = 1; seed <= 20; seed++) {
    const quiz = buildQuiz({ files: [file], seed, attempt: 1, printed, printedNames: ['IS_CLOUD', 'ingestor', 'Setting'] });
    expect(isShortQuiz(quiz)).toBe(false);
    expect(quiz.map((q) => q.answer)).toContain('if (IS_CLOUD) return "https://ingest.growthbook.io";');
  }
});
