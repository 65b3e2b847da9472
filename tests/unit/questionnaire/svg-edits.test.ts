import { describe, expect, test } from '@jest/globals';
import type { FileChange } from '../../../src/core/change/staged-change.js';
import { generateQuestions } from '../../../src/core/questionnaire/generate-questions.js';
import { fileChange } from '../../helpers/file-change.js';
import { describeSvgEdit } from '../../../src/core/questionnaire/svg-edits.js';

const file = (path: string, added = 10): FileChange => fileChange(path, added, { removed: added, newBlob: `b-${path}` });

/** One hunk as same-edit.ts gives it: removed lines, then added ones, trimmed. */
const hunk = (removed: string[], added: string[]) => [...removed.map((l) => `-${l}`), ...added.map((l) => `+${l}`)].join('\n');

// lucide 240118e521 (lucide-icons/lucide): icons/calendar-days.svg moved up a unit.
const CALENDAR = hunk(
  ['<path d="M8 2v4" />', '<path d="M16 2v4" />', '<rect width="18" height="18" x="3" y="4" rx="2" />', '<path d="M3 10h18" />'],
  ['<path d="M8 2v3" />', '<path d="M16 2v3" />', '<rect x="3" y="3" width="18" height="18" rx="2" />', '<path d="M3 9h18" />'],
);

describe('an SVG file is asked about what it redraws', () => {
  test('elements changed in place: the attributes, and one attribute of one element by its values (attribute order is no change)', () => {
    expect(describeSvgEdit(CALENDAR)).toBe('`d` of 3 `<path>` and `<rect>` `y` "4" → "3" changed');
    const questions = generateQuestions({
      files: [file('icons/calendar-days.svg'), file('icons/calendar.svg', 4), file('icons/contact.svg', 3)],
      provenance: 'human',
      edits: new Map([['icons/calendar-days.svg', CALENDAR]]),
    });
    // Before: "What does the change to icons/calendar-days.svg do?" (23 icons in one folder are one
    // piece, "(with 22 related files)"; three are three.)
    expect(questions.find((q) => q.id === 'unit:icons/calendar-days.svg')!.message).toBe(
      'The change to icons/calendar-days.svg redraws it (`d` of 3 `<path>` and `<rect>` `y` "4" → "3" changed): what does a user see differently?',
    );
  });

  test('elements added or removed are counted by tag; an edit of no one-line element says nothing', () => {
    // lucide f07465f82: icons/option.svg's first stroke replaced by a curved one.
    expect(describeSvgEdit(hunk(['<path d="M3 3h6l6 18h6" />'], ['<path d="M14 3h7" />', '<circle cx="12" cy="12" r="2" />']))).toBe(
      'a `<path>` and a `<circle>` added, a `<path>` removed',
    );
    expect(describeSvgEdit(hunk(['stroke-width="2"'], ['stroke-width="1.5"']))).toBe('');
  });
});
