import { describe, expect, test } from '@jest/globals';
import { isAdmission } from '../../../src/core/questionnaire/detect-admission.js';

// Issue 19, session 41: a doubt about how the old code worked or about what people may do some
// day, and work left for a later change, are no admission of not knowing what this change does
// (real bodies: mozilla/pdf.js 661c60ecc9 and 2367196a00, tests/fixtures/answers/grounded-pdfjs;
// excalidraw, tests/fixtures/answers/explanations). Admissions stay admissions.

describe('asides that are no admission', () => {
  test.each([
    // pdf.js 661c60ecc9: the future of an old getter, not what the change does.
    "*Please note:* While I'm not sure if we'll ever be able to remove the old `PDFDocumentProxy.fingerprint` getter, given that it's existed since \"forever\", that probably isn't a big deal given that it's now limited to only `GENERIC`-builds.",
    // pdf.js 2367196a00: what the change leaves for another one.
    'Update the styles and HTML to reflect the new views manager concept.\nFor now, nothing about split/merge functionality is implemented or visible.\nThe new styles for the outline, attachments, and layers will be added later.\n\nThe thumbnail view is now accessible with the keyboard.',
    // excalidraw (explanations corpus): how the old computation worked, then what was wrong with it.
    "The computation was not correct. I'm not really sure how it used to work but it was not taking into account the dimensions of the scene so it was wrong.",
  ])('%s', (text) => {
    expect(isAdmission(text)).toBe(false);
  });
});

describe('admissions stay admissions', () => {
  test.each([
    "Not sure if it will work, but the tests passed so I'm committing it.",
    'Not sure what this does, the AI wrote it.',
    "I'm not sure how it used to work, and I'm not sure what it does now either.",
    'Will add a proper description later.',
    "I'll fill this in later, in a hurry.",
    'Placeholder explanation, to be written later.',
    'Will write up the reasoning later, in a hurry right now.',
    'TODO: write a proper explanation of this change later before merging it.',
    'Will explain later.',
    "Details will be added later, I don't have time now.",
  ])('%s', (text) => {
    expect(isAdmission(text)).toBe(true);
  });
});
