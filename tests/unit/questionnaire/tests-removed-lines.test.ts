import { expect, test } from '@jest/globals';
import { testsQuestion } from '../../../src/core/questionnaire/tests-question.js';
import { listEdits } from '../../../src/core/questionnaire/same-edit.js';
import type { ChangeUnit } from '../../../src/core/questionnaire/change-units.js';
import type { FileChange } from '../../../src/core/change/staged-change.js';

// algolia/instantsearch 5895688: the Chat widget now owns `onClose` and `onReload`, and the shared
// tests stop passing them; the question asked why the tests "no longer need the lines this change
// removes", naming none of them.
const path = 'tests/common/widgets/chat/reasoning.tsx';
const unit = (added: number) =>
  ({
    kind: 'source',
    label: path,
    files: [{ path, status: 'modified', added, removed: 2 } as unknown as FileChange],
    added,
    removed: 2,
  }) as ChangeUnit;
const hunks = (added: string[]) =>
  new Map([[path, [{ removed: ['              onClose: () => {},', '              onReload: () => {},'], added }]]]);

test('tests that only lose lines are asked about what they lose, when it is short', () => {
  const edits = listEdits(hunks([]) as never);
  const edited = new Map([[path, ['createReasoningTests']]]);
  expect(testsQuestion(unit(0), '', new Map(), edited, edits)).toBe(
    'Why do the tests in tests/common/widgets/chat/reasoning.tsx (in `createReasoningTests`) no longer need `onClose: () =>, onReload: () =>`, which this change removes?',
  );
  // Without the edit, as before.
  expect(testsQuestion(unit(0), '', new Map(), edited)).toMatch(/no longer need the lines this change removes\?$/);
});
