import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { intentRulesFor } from '../../helpers/intent-rules.js';
import { validateAnswer } from '../../../src/core/questionnaire/validate-answer.js';

// An answer of which one word alone could be looked for (the rest improvement vocabulary and grammar)
// shares it with a change of many stems by chance: one of one is not "above chance" there
// (validate-answer.ts, isOneWordOfOne). chartjs/Chart.js 2dbf1cd1af (17 files, ~140 word stems): its
// real patch, its real body, and a generic answer of the grounded-chartjs corpus accepted before.

const patch = readFileSync(new URL('../../fixtures/answers/patches/chartjs-2dbf1cd1af.diff', import.meta.url), 'utf8');
const paths = [...patch.matchAll(/^\+\+\+ b\/(.+)$/gm)].map((m) => m[1]!);
const rules = intentRulesFor(patch, paths);

describe('one word of one, shared with a large change', () => {
  test.each([
    'Changes requested during review have been applied here.',
    'This change streamlines the overall approach, resulting in a more robust experience for everyone who runs it.',
  ])('is refused: %s', (text) => {
    expect(validateAnswer(text, rules)).not.toBeNull();
  });

  test('the real body is accepted', () => {
    const body =
      "JSON doesn't support functions which are needed to create scriptable options, so implement a very basic method to load a JavaScript file exporting the config in `module.exports`. Also rename test sources (remove the `jasmine.` prefix), cleanup `karma.conf.js` and add an example .js fixture config (bubble radius option).";
    expect(validateAnswer(body, rules)).toBeNull();
  });
});
