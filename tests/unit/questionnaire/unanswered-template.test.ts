import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { isUnansweredTemplate } from '../../../src/core/questionnaire/detect-template.js';
import { validateAnswer } from '../../../src/core/questionnaire/validate-answer.js';
import { intentRulesFor } from '../../helpers/intent-rules.js';

// Issue 19, session 41: a pull-request template whose blanks were left unfilled is no answer, and
// is told so (stylelint 7bb7eb2564, its real body and its patch: 18 README files); a template
// whose blanks say something is judged as any answer.

const patch = readFileSync(join(process.cwd(), 'tests/fixtures/answers/templates/stylelint-7bb7eb2564.diff'), 'utf8');
const paths = [...patch.matchAll(/^\+\+\+ b\/(.+)$/gm)].map((m) => m[1]!);
const rules = intentRulesFor(patch, paths);
const TEMPLATE = /pull-request template with its blanks unfilled/;

describe('an unanswered pull-request template', () => {
  test.each([
    // stylelint 7bb7eb2564, the body as committed.
    "> Which issue, if any, is this issue related to?\n\nCloses #3358\n\n> Is there anything in the PR that needs further explanation?\n\nNo, it's self-explanatory.",
    '## Summary\n\n<!-- What does this change do, and why? -->\n\n## Test plan\n\n- [ ] Tests added\n- [x] Docs updated',
    '<!-- Describe your change here. -->\n\nFixes stylelint/stylelint#3358',
    '**Which issue does this close?**\n\nN/A\n\n**Anything to add?**\n\nNone.',
  ])('is refused as no answer: %s', (text) => {
    expect(isUnansweredTemplate(text)).toBe(true);
    expect(validateAnswer(text, rules)).toMatch(TEMPLATE);
  });

  test('a template whose blank is filled is judged as an answer', () => {
    const text =
      '> Is there anything in the PR that needs further explanation?\n\nThe README of `selector-pseudo-element-no-unknown` now shows the `::selection` example.';
    expect(isUnansweredTemplate(text)).toBe(false);
    expect(validateAnswer(text, rules) ?? '').not.toMatch(TEMPLATE);
  });

  test('a reference alone is still a reference, not a template', () => {
    expect(isUnansweredTemplate('Closes #3358')).toBe(false);
    expect(validateAnswer('Closes #3358', rules) ?? 'accepted').not.toMatch(TEMPLATE);
    expect(validateAnswer('Closes #3358', rules)).not.toBeNull();
  });
});
