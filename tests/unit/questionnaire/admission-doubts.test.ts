import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { isAdmission } from '../../../src/core/questionnaire/detect-admission.js';
import { validateAnswer } from '../../../src/core/questionnaire/validate-answer.js';
import { intentRulesFor } from '../../helpers/intent-rules.js';

// Issue 19, session 39: a doubt about what the reviewers want, or why someone else chose as they
// did, is a question to them, not an admission of not knowing the change (sequelize 3d8bce570b,
// its real body and patch: tests/fixtures/answers/admissions).

const patch = readFileSync(join(process.cwd(), 'tests/fixtures/answers/admissions/sequelize-3d8bce570b.diff'), 'utf8');
const body =
  'According to [process.nextTick() documentation](http://nodejs.org/api/process.html#process_process_nexttick_callback), using setTimeout is not recommended:\n\n' +
  "    On the next loop around the event loop call this callback. This is not a simple alias to setTimeout(fn, 0), it's much more efficient.\n\n" +
  "I'm not sure why you didn't use `nextTick()` yet, so if it was intended, please close :)\n" +
  "I'm currently testing this change and it seems to work better than with setTimeout.\n\n" +
  "What I'm unsure is the run function - it's not needed anymore imho.";

describe('a doubt about the others is no admission', () => {
  test('its own body is an answer, judged against its change', () => {
    expect(isAdmission(body)).toBe(false);
    expect(validateAnswer(body, intentRulesFor(patch, ['lib/emitters/custom-event-emitter.js']))).toBeNull();
    expect(isAdmission("I tried to use this option with true, but I'm not sure how you like it that way.")).toBe(false);
  });
  test.each([
    "I'm not sure why this works but it does, so I'm committing it.",
    'Not sure what this does, you can ask the AI that wrote it.',
    "I'm not sure, they wrote it and the tests passed.",
    'Not sure what they generated there, I did not read it.',
  ])('an admission stays one: %s', (text) => {
    expect(isAdmission(text)).toBe(true);
  });
});

// Answers written elsewhere for amplication bd3f02eb37 (round 44, measured before any fix): "I
// don't really know, the generator produced these fields." was accepted; the comma after "know"
// ends the admission as a full stop does. Not knowing something else stays an answer.
test('"I don\'t really know, …" is an admission; "we don\'t know of a caller that …" is not', () => {
  expect(isAdmission("I don't really know, the generator produced these fields.")).toBe(true);
  expect(isAdmission("Honestly I don't actually know; it came with the regenerated models.")).toBe(true);
  expect(isAdmission("We don't know of any caller that passes a color, so the field stays optional.")).toBe(false);
});

// Issue 19, session 51 (tune splits): a doubt the same sentence settles ("I didn't know how it would
// affect … but it turns out …", prettier 5523c4f56b) and not knowing how a problem came about ("Not
// sure how the original churn occurred", ava 1cbcb06453's revert) are the real bodies' past, not an
// admission of not knowing the change. Not knowing what the change does stays an admission.
describe('a doubt settled or about how a problem came about is no admission', () => {
  test.each([
    "In #605 I restricted it to binary operations as I didn't know how it would affect boolean operations but it turns out the same technique solves problems that people are reporting. So doesn't make sense to restrict it.\n\nFixes #824",
    'This reverts commit 8d981bfc237f4b7d0779f99c38f74cd187647077.\n\nConfusingly this caused more churn. Not sure how the original churn\noccurred but things seem better without this commit.',
  ])('the real body is no admission: %s', (text) => {
    expect(isAdmission(text)).toBe(false);
  });
  test.each([
    "I didn't know how it works but it turns out fine.",
    'Not sure what happened, the tests pass now.',
    'Not sure how this happened, the AI wrote it.',
    'Not sure how it works, but it seems fine.',
  ])('an admission stays one: %s', (text) => {
    expect(isAdmission(text)).toBe(true);
  });
});
