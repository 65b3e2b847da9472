import { expect, test } from '@jest/globals';
import { editOfTexts, editShape } from '../../../src/core/questionnaire/same-edit.js';

// An edit is compared without the formatter's commas, and shown with the code's own:
// mobx-state-tree 0ef2ba25 validates an instance as it is, and its question read
// "(`getSnapshot(thing false)` → `thing`)", code nobody wrote.
test("an edit is shown with the commas of its code, the cut's trailing one aside", () => {
  // The hunk's two lines, as git gives them.
  const edit = editOfTexts('      ? getSnapshot(thing, false)', '      ? thing');
  expect(editShape(edit)?.shown).toEqual(['getSnapshot(thing, false)', 'thing']);
  // The same edit laid out another way is the same edit.
  expect(editShape(editOfTexts('? getSnapshot(thing,\n  false)', '? thing'))?.key).toBe(editShape(edit)?.key);
});

// pmndrs/drei 4ae523a5: a call's closing parenthesis carries the comma after it, and is glued as
// a parenthesis is ("`new Impl(explCamera ),[`" read as a space before the parenthesis).
test('a closing parenthesis with its comma is glued to what it closes', () => {
  const edit = editOfTexts('() => [new CameraControlsImpl(explCamera), explCamera]', '() => [new Impl(explCamera), Impl]');
  expect(editShape(edit)?.shown?.join(' → ')).not.toMatch(/ \)/);
});

// radix-ui/primitives 1fa9b449b: `!event.defaultPrevented` gains `!event ||` in composeEventHandlers,
// and the question read "(`event` → `event || ! event`)": the operand cut in half, `!` set apart.
test('an edit shows the operand it changes whole: its prefix operators and the member chain after it', () => {
  const edit = editOfTexts(
    'if (checkForDefaultPrevented === false || !event.defaultPrevented) {',
    'if (checkForDefaultPrevented === false || !event || !event.defaultPrevented) {',
  );
  expect(editShape(edit)?.shown).toEqual(['!event.defaultPrevented', '!event || !event.defaultPrevented']);
  // A non-null assertion stays glued to what it asserts.
  expect(editShape(editOfTexts('const node = ref.current!.parentNode;', 'const node = ref.current!.parentElement;'))?.shown).toEqual([
    'ref.current!.parentNode',
    'ref.current!.parentElement',
  ]);
});

// radix-ui/primitives cb07a999c: ToastImpl's effect gains a line, and the `curly` rule braces the
// `if` beside it; the question named no edit ("changed its implementation through `ToastImpl`").
test("a block's braces are layout: the line the edit adds is shown; an object's braces are kept", () => {
  const edit = editOfTexts(
    'if (open && !context.isClosePausedRef.current) startTimer(duration);',
    [
      '// Reset the remaining time to the duration so a stale value is not reused',
      'closeTimerRemainingTimeRef.current = duration;',
      'if (open && !context.isClosePausedRef.current) {',
      '  startTimer(duration);',
      '}',
    ].join('\n'),
  );
  expect(editShape(edit)?.shown).toEqual(['', 'closeTimerRemainingTimeRef.current = duration']);
  expect(editShape(editOfTexts('return a;', 'return { a };'))?.shown).toEqual(['return a', 'return { a }']);
  // The names before the cut are shown as the new side writes them: `a, b`, not `a b`.
  expect(editShape(editOfTexts('return { a };', 'return { a, b };'))?.shown).toEqual(['a', 'a, b']);
});
