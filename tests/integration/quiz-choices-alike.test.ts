import { afterEach, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempRepo, PROJECT_ROOT, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions } from '../helpers/listed-questions.js';
import { buildQuiz } from '../../src/core/questionnaire/build-quiz.js';
import { listPrintedPhrases } from '../../src/core/questionnaire/printed-names.js';
import { parsePatchHunks } from '../../src/core/split/parse-patch-hunks.js';

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

// hatchet ca5a1e21e4 adds the sentence "Only the organization owner can set up billing. Ask your /
// organization owner, or deploy a free demo template below." inside a `<p>`: the quiz offered one of
// its lines among four `<span …>` and `<div …>` lines. A line of prose opens with no name another
// line shares; its wrong choices are now the file's other lines of prose ("Not ready yet?").
const PROSE = /^[\p{L}][\p{L}\p{N}\s,.;:!?'’"-]*$/u;

test('a line of prose is offered among other lines of prose (hatchet ca5a1e21e4, its real file)', () => {
  repo = createTempRepo({
    'src/billing-required.tsx': fixture('hatchet-billing-required.after.tsx.txt'),
    'src/index.tsx':
      "import { BillingRequired } from './billing-required';\nexport const Page = () => <BillingRequired manageClicked={async () => {}} portalLoading={false} />;\n",
  });
  repo.stage({ 'src/billing-required.tsx': fixture('hatchet-billing-required.ca5a1e21e4.tsx.txt') });
  const quiz = listQuestions(repo).filter((q) => q.quiz === true);
  expect(quiz.length).toBeGreaterThan(0);
  for (const question of quiz) expect(question.choices!.filter((c) => PROSE.test(c.trim())).length).not.toBe(1);
});

// hatchet 33106f82cb adds `// Serve markdown to agents: /v1/tasks.md mirrors /llms/v1/tasks.md`:
// no other line opens as that comment does, and the code lines nearest it were four
// `response.headers.set(…)`: the comment was the one choice of its opening (odd one out 25%, seen
// on this round's held-out run). Lines of its kind are taken one of each opening first.
test('a comment line is offered among other comments (hatchet 33106f82cb, its real file)', () => {
  repo = createTempRepo({ 'frontend/docs/proxy.ts': fixture('hatchet-proxy.before.ts.txt') });
  repo.stage({ 'frontend/docs/proxy.ts': fixture('hatchet-proxy.after.ts.txt') });
  // Which lines a quiz asks turns with the attempt and with what the questions before it print:
  // every attempt of ten, each with the phrases the review prints before its quiz.
  const printedPhrases = listQuestions(repo)
    .filter((q) => q.quiz !== true)
    .flatMap((q) => listPrintedPhrases(q.message));
  const hunks = parsePatchHunks(repo.git(['diff', '--cached', '-U0', '--no-color']));
  const files = [
    {
      path: 'frontend/docs/proxy.ts',
      hunks: hunks.get('frontend/docs/proxy.ts')!,
      oldText: fixture('hatchet-proxy.before.ts.txt'),
      newText: fixture('hatchet-proxy.after.ts.txt'),
    },
  ];
  const comments = (choices: readonly { value: string }[]) => choices.filter((c) => c.value.trim().startsWith('//')).length;
  const asked = Array.from({ length: 10 }, (_, i) => buildQuiz({ files, seed: 1, attempt: i + 1, printedPhrases }))
    .flat()
    .filter((q) => q.kind === 'added' && q.answer.startsWith('//'));
  expect(asked.length).toBeGreaterThan(0);
  for (const question of asked) expect(comments(question.question.choices!)).toBeGreaterThan(1);
});
