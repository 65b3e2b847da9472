import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// An edit to a doc comment alone changes no syntax: no piece held it and it was asked nothing but
// the intent (ramda 612d6a09d2 rewords `flip`'s comment). Its question quotes what the comment now
// says of the declaration it documents.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const clamp = (doc: string) => `import curry from './curry.js';

/**
${doc}
 * @param {Number} min The lower bound
 * @return {Number}
 */
var clamp = curry(function clamp(min, max, value) {
  return value < min ? min : value > max ? max : value;
});
export default clamp;
`;

test('a doc comment reworded alone is asked about by what it now says', () => {
  repo = createTempRepo({
    'source/curry.js': 'export default function curry(fn) {\n  return fn;\n}\n',
    'source/clamp.js': clamp(' * Restricts a number to be within a range.'),
    'source/index.js': "export { default as clamp } from './clamp.js';\n",
  });
  // An example's result aligned in a column: quoted flat, and its line still not offered.
  repo.stage({
    'source/clamp.js': clamp(' * Restricts a number to the range [min, max], both ends included.\n *\n *      clamp(1, 10, 15);  //=> 10'),
  });
  const questions = listQuestions(repo);
  // The quiz offers no line the question quotes.
  for (const q of questions.filter((q) => q.quiz === true))
    for (const c of q.choices ?? []) expect(c).not.toMatch(/both ends included|clamp\(1, 10, 15\)/);
  expect(messageOf(questions, 'unit:source/clamp.js')).toBe(
    'In source/clamp.js, only the doc comment of `clamp` changed, and it now says `Restricts a number to the range [min, max], both ends included.` and `clamp(1, 10, 15); //=> 10`: is that what `clamp` does, and what did the old comment get wrong?',
  );
});
