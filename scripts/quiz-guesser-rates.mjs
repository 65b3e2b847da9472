#!/usr/bin/env node
// What a random guesser passes on the quiz of real staged changes: for each repository given
// (its index holds the change, staged on its parent), the product's own reader and quiz (its
// attempts 1-40, built knowing the questions printed before it, as the review builds them), 50
// seeded random pickers each, through decideQuizStep. The suite's measure on fixture
// changes is tests/integration/quiz-guessers.test.ts; this one runs on changes the rules never saw.
//
//   npm run build && node scripts/quiz-guesser-rates.mjs /path/to/repo-with-staged-change ...

import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'dist');
const load = (path) => import(pathToFileURL(join(dist, path)).href);
const { DEFAULT_CONFIG } = await load('core/config/defaults.js');
const { decideQuizStep } = await load('core/questionnaire/decide-quiz-step.js');
const { openRepository } = await load('adapters/git/git-client.js');
const { silentLogger } = await load('adapters/log/logger.js');
const { addStagedImpact, analyseStagedChange } = await load('review/analyse-change.js');
const { listQuiz, readQuizFiles } = await load('review/run-quiz.js');
const { listQuestions } = await load('review/list-questions.js');
const { readChangedMembers } = await load('review/read-changed-members.js');
const { parsePatchHunks } = await load('core/split/parse-patch-hunks.js');

const ATTEMPTS = 40;
const PICKERS = 50;
let total = 0;
let passed = 0;
for (const dir of process.argv.slice(2)) {
  const git = await openRepository(resolve(dir), silentLogger);
  const gated = await analyseStagedChange({ git, config: DEFAULT_CONFIG, env: {}, aiFlag: true, override: null, logger: silentLogger });
  const analysis = await addStagedImpact(gated, git, DEFAULT_CONFIG, silentLogger);
  const hunks = parsePatchHunks(await git.readStagedHunkPatch(analysis.base.rev));
  const files = await readQuizFiles(git, analysis, hunks);
  const read = () => Promise.resolve(files);
  const questions = listQuestions(analysis, hunks, await readChangedMembers(analysis, read));
  let state = 12345;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  let quizzes = 0;
  let passes = 0;
  const sizes = [];
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const quiz = await listQuiz(analysis, read, attempt, questions);
    sizes.push(quiz.length);
    if (quiz.length === 0) continue;
    for (let p = 0; p < PICKERS; p++) {
      const picks = [];
      for (;;) {
        const step = decideQuizStep(quiz, picks);
        if (step.kind !== 'ask') {
          quizzes++;
          if (step.kind === 'passed') passes++;
          break;
        }
        const choices = step.quiz.question.choices;
        picks.push(choices[Math.floor(random() * choices.length)].value);
      }
    }
  }
  total += quizzes;
  passed += passes;
  const rate = quizzes === 0 ? 'no quiz' : `${((100 * passes) / quizzes).toFixed(2)}% of ${quizzes} quizzes`;
  console.log(`${dir}: ${rate} (questions per quiz ${Math.min(...sizes)}-${Math.max(...sizes)})`);
}
if (total > 0) console.log(`all: ${((100 * passed) / total).toFixed(2)}% of ${total} quizzes`);
