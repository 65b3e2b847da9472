import { expect, test } from '@jest/globals';
import { buildQuiz } from '../../../src/core/questionnaire/build-quiz.js';
import { listPrintedPhrases } from '../../../src/core/questionnaire/printed-names.js';
import { diffDocComments, rewordedQuestion } from '../../../src/core/questionnaire/doc-comments.js';
import { parsePatchHunks } from '../../../src/core/split/parse-patch-hunks.js';

// ramda d4443e627f realigns the examples of `head`'s doc comment (`R.head([1]);        //=> 1`):
// the question quotes a new line flat, and the quiz must not offer that line, however its columns
// are laid out. A shortened condition (`if (isSPM && content.includes(…))`, capacitor 790bd27123)
// is read by its parts either side of the `…`.

const doc = (examples: string) => `/**
 * Returns the larger of two numbers.
 *
 * @example
 *
${examples}
 */
var larger = function larger(a, b) {
  return a > b ? a : b;
};
export default larger;
`;
const BEFORE = doc(' *      R.larger(1, 2); //=> 2\n *      R.larger(3, 1); //=> 3\n *      R.larger(0, 0); //=> 0');
const AFTER = doc(' *      R.larger(1, 2);    //=> 2\n *      R.larger(-1, -5);  //=> -1\n *      R.larger(0, 0);    //=> 0');
const PATH = 'source/larger.js';
const PATCH = `diff --git a/${PATH} b/${PATH}
--- a/${PATH}
+++ b/${PATH}
@@ -6,3 +6,3 @@
- *      R.larger(1, 2); //=> 2
- *      R.larger(3, 1); //=> 3
- *      R.larger(0, 0); //=> 0
+ *      R.larger(1, 2);    //=> 2
+ *      R.larger(-1, -5);  //=> -1
+ *      R.larger(0, 0);    //=> 0
`;

test('a realigned doc line is no new line; the one quoted is not offered by the quiz', () => {
  const reworded = diffDocComments(BEFORE, AFTER);
  expect(reworded).toEqual([{ name: 'larger', said: ['R.larger(-1, -5); //=> -1'] }]);
  const message = rewordedQuestion(PATH, '', reworded)!;
  expect(message).toContain('it now says `R.larger(-1, -5); //=> -1`');
  const file = { path: PATH, hunks: parsePatchHunks(PATCH).get(PATH)!, oldText: BEFORE, newText: AFTER };
  for (let seed = 0; seed < 20; seed++)
    for (const q of buildQuiz({ files: [file], seed, attempt: 1, printedPhrases: listPrintedPhrases(message) }))
      for (const c of q.question.choices!) expect(c.value).not.toContain('R.larger(-1, -5)');
});

test('a shortened condition is read by its parts either side of the `…`', () => {
  const message = '`update` changed its implementation through `copy` (a new branch `if (isSPM && content.includes(…))`): why?';
  expect(listPrintedPhrases(message)).toEqual(['if (isSPM && content.includes(']);
});
