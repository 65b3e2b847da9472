#!/usr/bin/env node
// What a random guesser passes on the quiz of real staged changes: for each repository given
// (its index holds the change, staged on its parent), the product's own reader and quiz (its
// attempts 1-40, built knowing the questions printed before it, as the review builds them), 50
// seeded random pickers each, through decideQuizStep. The suite's measure on fixture
// changes is tests/integration/quiz-guessers.test.ts; this one runs on changes the rules never saw.
//
//   npm run build && node scripts/quiz-guesser-rates.mjs /path/to/repo-with-staged-change ...
//
// Beside the simulated pickers, two exact figures over the same quizzes: "exact", what a uniformly
// random guesser passes (the simulation's seeded generator draws consecutive picks that are not
// independent: jellyfin-web 49468de97e's quizzes of two 5-choice questions, exactly 1/25 = 4%,
// measured 5.15%), and "odd one out", a guesser who picks the one choice whose opening (`name=`,
// `<MenuItem`) no other choice shares, and guesses at random where there is none.

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
const exact = { uniform: 0, odd: 0, quizzes: 0 };
/** How a choice opens (build-quiz.ts's leadOf): the first name and the mark after it. */
const leadOf = (text) => /^[^\w$'"`]*[\w$.]+\s*[=(:]?/.exec(text.trim())?.[0].replace(/\s+/g, '') ?? '';
/** The choice a guesser who picks the odd one out picks, or undefined where no choice is alone. */
function oddOne(choices) {
  const leads = choices.map((c) => leadOf(c.value));
  const alone = choices.filter((_, i) => leads.filter((l) => l === leads[i]).length === 1);
  return alone.length === 1 ? alone[0].value : undefined;
}
/** The chance a guesser passes this quiz from these picks: exact, over the right and wrong picks. */
function passChance(quiz, picks, isOdd) {
  const step = decideQuizStep(quiz, picks);
  if (step.kind !== 'ask') return step.kind === 'passed' ? 1 : 0;
  const { answer, question } = step.quiz;
  const wrong = question.choices.find((c) => c.value !== answer).value;
  const odd = isOdd ? oddOne(question.choices) : undefined;
  const right = odd === undefined ? 1 / question.choices.length : Number(odd === answer);
  return right * passChance(quiz, [...picks, answer], isOdd) + (1 - right) * passChance(quiz, [...picks, wrong], isOdd);
}
const oneExact = { uniform: 0, odd: 0, quizzes: 0 };
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
    oneExact.quizzes++;
    oneExact.uniform += passChance(quiz, [], false);
    oneExact.odd += passChance(quiz, [], true);
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
  const pct = (x, n) => `${((100 * x) / n).toFixed(2)}%`;
  const exactly =
    oneExact.quizzes === 0 ? '' : `; exact ${pct(oneExact.uniform, oneExact.quizzes)}, odd one out ${pct(oneExact.odd, oneExact.quizzes)}`;
  console.log(`${dir}: ${rate} (questions per quiz ${Math.min(...sizes)}-${Math.max(...sizes)})${exactly}`);
  for (const key of ['uniform', 'odd', 'quizzes']) exact[key] += oneExact[key];
  for (const key of ['uniform', 'odd', 'quizzes']) oneExact[key] = 0;
}
if (total > 0)
  console.log(
    `all: ${((100 * passed) / total).toFixed(2)}% of ${total} quizzes; exact ${((100 * exact.uniform) / exact.quizzes).toFixed(2)}%, odd one out ${((100 * exact.odd) / exact.quizzes).toFixed(2)}% of ${exact.quizzes} quizzes`,
  );
