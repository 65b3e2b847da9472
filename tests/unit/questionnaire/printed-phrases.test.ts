import { describe, expect, test } from '@jest/globals';
import { buildQuiz } from '../../../src/core/questionnaire/build-quiz.js';
import { listPrintedPhrases } from '../../../src/core/questionnaire/printed-names.js';
import { parsePatchHunks } from '../../../src/core/split/parse-patch-hunks.js';

// motion 1946162db: the unit question says "`ViewTransitionBuilder` changed its signature
// (`updateTarget` changed, `get`, `new` and `old` removed, the branch `if (subject instanceof
// Element)` removed)", and the quiz then asked which line the change removes, offering
// `if (subject instanceof Element) this.resolveDefs.add(subject)`: the phrases were read as
// "` changed, `", "` and `" …, out of step with the spans. The class is the commit's, cut.

const MESSAGE =
  'In packages/motion-dom/src/view/index.ts (with 3 related files), `ViewTransitionBuilder` changed its signature (`updateTarget` changed, `get`, `new` and `old` removed, the branch `if (subject instanceof Element)` removed): what does it allow or require differently now, and what changes for packages/motion-dom/src/view/queue.ts:6, which uses its type?';

const methods = (kept: string) => `export class ViewTransitionBuilder {
    private currentSubject: ViewTransitionTargetDefinition = "root"
    private resolveDefs = new Set<Element>()
    targets = new Map<string, ViewTransitionTarget>()

    constructor(update: () => void | Promise<void>, options: ViewTransitionOptions = {}) {
        this.update = update
        this.options = { interrupt: "wait", ...options }
        addToQueue(this)
    }
${kept}
    add(subject: ViewTransitionTargetDefinition) {
        this.currentSubject = subject
        this.resolveDefs.add(subject)
        return this
    }

    enter(keyframes: DOMKeyframesDefinition, options?: AnimationOptions) {
        this.updateTarget("enter", keyframes, options)
        return this
    }
}
`;
const GET = `
    get(subject: ViewTransitionTargetDefinition) {
        this.currentSubject = subject
        if (subject instanceof Element) this.resolveDefs.add(subject)

        return this
    }
`;
const PATH = 'packages/motion-dom/src/view/index.ts';
const PATCH = `diff --git a/${PATH} b/${PATH}
--- a/${PATH}
+++ b/${PATH}
@@ -11,7 +10,0 @@ export class ViewTransitionBuilder {
-
-    get(subject: ViewTransitionTargetDefinition) {
-        this.currentSubject = subject
-        if (subject instanceof Element) this.resolveDefs.add(subject)
-
-        return this
-    }
`;

describe('the phrases a question prints', () => {
  test('are read span by span: a branch named after a list of names is one (motion 1946162db)', () => {
    expect(listPrintedPhrases(MESSAGE)).toEqual(['if (subject instanceof Element)']);
  });

  test('the quiz offers no line holding one', () => {
    const file = { path: PATH, hunks: parsePatchHunks(PATCH).get(PATH)!, oldText: methods(GET), newText: methods('') };
    let offered = 0;
    for (let seed = 0; seed < 40; seed++) {
      const quiz = buildQuiz({ files: [file], seed, attempt: 1, printedPhrases: listPrintedPhrases(MESSAGE) });
      for (const q of quiz) {
        offered += q.question.choices!.length;
        for (const c of q.question.choices!) expect(c.value).not.toContain('subject instanceof Element');
      }
    }
    expect(offered).toBeGreaterThan(0);
  });
});

// unjs/consola 71df563: "`box` changed its implementation (`width` changed, a new branch
// `opts.title ? …`)", and the quiz then asked which line the change adds, offering
// `opts.title ? stripAnsi(opts.title).length : 0,`: the span's `…` is no text of the line.
test('a conditional branch quoted with its `…` gives its line away', () => {
  const message =
    'In src/utils/box.ts, `box` changed its implementation (`width` changed, a new branch `opts.title ? …`): what does it do differently now?';
  const phrases = listPrintedPhrases(message);
  expect(phrases.some((p) => '    opts.title ? stripAnsi(opts.title).length : 0,'.includes(p))).toBe(true);
});
