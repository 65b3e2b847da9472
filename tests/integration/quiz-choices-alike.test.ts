import { afterEach, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempRepo, PROJECT_ROOT, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions } from '../helpers/listed-questions.js';

// jellyfin-web 49468de97e adds a `<TextField name='HlsAudioSeekStrategy' … helperText=…>` after a
// `<TextField>` whose `<MenuItem …>` lines end just above it. The quiz asked which of five lines the
// change adds, and offered the added `name='HlsAudioSeekStrategy'` beside four `<MenuItem …>` lines
// (the unchanged lines nearest the hunk): the right choice was the only one of its shape, and a
// guesser who picks the odd one out passed 53.6% of its 40 quizzes (scripts/quiz-guesser-rates.mjs).
// The wrong choices are now unchanged lines that open as the right one does: the file's other
// `name='…'` or `helperText=…` lines.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const fixture = (name: string) => readFileSync(join(PROJECT_ROOT, 'tests', 'fixtures', 'questions', name), 'utf8');
/** How a choice opens, as build-quiz.ts reads it: `name=`, `helperText=`, `<MenuItem`. */
const leadOf = (text: string) => /^[^\w$'"`]*[\w$.]+\s*[=(:]?/.exec(text.trim())?.[0].replace(/\s+/g, '') ?? '';

test('no choice of a line question is the only one of its shape (jellyfin-web 49468de97e, its real lines)', () => {
  repo = createTempRepo({
    'src/transcoding.tsx': fixture('jellyfin-transcoding.before.tsx.txt'),
    'src/globalize.ts': 'export default { translate: (key: string) => key };\n',
  });
  repo.stage({ 'src/transcoding.tsx': fixture('jellyfin-transcoding.after.tsx.txt') });
  const quiz = listQuestions(repo).filter((q) => q.quiz === true);
  expect(quiz.length).toBeGreaterThan(0);
  for (const question of quiz) {
    const leads = question.choices!.map(leadOf);
    expect(new Set(leads).size).toBe(1);
    expect(question.choices).toHaveLength(5);
  }
});
