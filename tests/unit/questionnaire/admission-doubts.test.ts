import { describe, expect, test } from '@jest/globals';
import { isAdmission } from '../../../src/core/questionnaire/detect-admission.js';

// "I am not sure" about what the reader prefers, or a doubt the author had before finding out,
// is no admission of not knowing what the change does (detect-admission.ts). Real explanations
// of the tune splits were stopped as "not sure" before (docs/questionnaire.md, "A twelfth corpus").

/** sequelize/sequelize 3d8bce570b: `setTimeout` replaced by `process.nextTick()`. */
const nextTickBody =
  "According to [process.nextTick() documentation](http://nodejs.org/api/process.html#process_process_nexttick_callback), using setTimeout is not recommended:\n\n    On the next loop around the event loop call this callback. This is not a simple alias to setTimeout(fn, 0), it's much more efficient.\n\nI'm not sure why you didn't use `nextTick()` yet, so if it was intended, please close :)\nI'm currently testing this change and it seems to work better than with setTimeout.";
/** prettier/prettier 5523c4f56b: a restriction to binary operations lifted. */
const binaryBody =
  "In #605 I restricted it to binary operations as I didn't know how it would affect boolean operations but it turns out the same technique solves problems that people are reporting. So doesn't make sense to restrict it.\n\nFixes #824";

describe('doubts that are no admission', () => {
  test("a question to the reader, or a doubt the author had before, is an explanation's", () => {
    expect(isAdmission(nextTickBody)).toBe(false);
    expect(isAdmission(binaryBody)).toBe(false);
    expect(isAdmission("I tried to use this option with true, but I'm not sure how you like it that way.")).toBe(false);
  });

  test('not knowing what the change does is still an admission', () => {
    expect(isAdmission('Not sure what it does, but the tests pass.')).toBe(true);
    expect(isAdmission("I don't know why this works.")).toBe(true);
    expect(isAdmission("I didn't know what it does, so I kept it.")).toBe(true);
    expect(isAdmission("I'm not sure why this fixes it.")).toBe(true);
    expect(isAdmission('Not sure how you would test this, the AI wrote it.')).toBe(true);
    expect(isAdmission("I'm not sure, you know how it is.")).toBe(true);
  });
});
