import { expect, test } from '@jest/globals';
import { abbreviateGroups, editOfTexts, editShape } from '../../../src/core/questionnaire/same-edit.js';

// unjs/unplugin 96d9b0b ("refactor: fix lint"): `combineSourcemaps`' local `useArrayInterface`
// changed in two places of one line, and the question said "(`useArrayInterface` changed)": the
// edit, quoted whole, was longer than a question quotes. Its brackets' insides are left out.
test('a long edit is shown with the insides of its brackets left out', () => {
  const edit = editOfTexts(
    'useArrayInterface\n= sourcemapList.slice(0, -1).find(m => m.sources.length !== 1) === undefined',
    'useArrayInterface\n= !sourcemapList.slice(0, -1).some(m => m.sources.length !== 1)',
  );
  expect(editShape(edit)?.shown).toEqual(['sourcemapList.slice(…).find(…) === undefined', '!sourcemapList.slice(…).some(…)']);
});

// better-auth 78f0c39: `getTestInstance`'s `auth` gains an `emailAndPassword` object with a
// test password hasher; the question said "(`auth` changed)".
test('an object added to a call is shown by its key, its inside left out', () => {
  const edit = editOfTexts(
    ['auth = betterAuth({', '...opts,', '...options,', 'plugins: [bearer(), ...(options?.plugins || [])],', '} as unknown as O)'].join(
      '\n',
    ),
    [
      'auth = betterAuth({',
      '...opts,',
      '...options,',
      'emailAndPassword: {',
      '...opts.emailAndPassword,',
      '...options?.emailAndPassword,',
      'password: options?.emailAndPassword?.password ?? testPassword,',
      '},',
      'plugins: [bearer(), ...(options?.plugins || [])],',
      '} as unknown as O)',
    ].join('\n'),
  );
  // A key's colon is glued to its key; a conditional's is not.
  expect(editShape(edit)?.shown).toEqual(['options', 'options, emailAndPassword: { … }']);
  expect(editShape(editOfTexts('const a = { onClose: f, b };', 'const a = { onClose: () => {}, b };'))?.shown).toEqual([
    'onClose: f',
    'onClose: () =>',
  ]);
  // Lines only taken out start their own keys (instantsearch 5895688's tests/common/widgets/chat/reasoning.tsx).
  expect(editShape(editOfTexts('onClose: () => {},\nonReload: () => {},', ''))?.shown).toEqual(['onClose: () =>, onReload: () =>', '']);
  expect(editShape(editOfTexts('x = ready ? one : two;', 'x = ready ? one : three;'))?.shown).toEqual(['one : two', 'one : three']);
  // Short edits are quoted whole, as before.
  expect(editShape(editOfTexts('return a;', 'return { a, b };'))?.shown).toEqual(['return a', 'return { a, b }']);
});

// hoppscotch 088ea9f4d: `getTabRefWithSaveContext`'s last test became a conditional in brackets,
// and the question said "`…requestRefID === ctx?.requestRefID` → `(…)`": a side that is one
// group is cut inside it, and a conditional keeps its condition.
test('a side that is one group is cut inside it; a conditional keeps its condition', () => {
  const edit = editOfTexts(
    'if (\ntab.document.saveContext.exampleID === ctx?.exampleID &&\ntab.document.saveContext.requestRefID === ctx?.requestRefID\n) {',
    'if (\ntab.document.saveContext.exampleID === ctx?.exampleID &&\n(ctx?.requestRefID != null\n? tab.document.saveContext.requestRefID === ctx.requestRefID\n: true)\n) {',
  );
  expect(editShape(edit)?.shown).toEqual([
    'tab.document.saveContext.requestRefID === ctx?.requestRefID',
    '(ctx?.requestRefID != null ? … : true)',
  ]);
  expect(abbreviateGroups(['(', 'f', '(', 'a', ')', ')'])).toEqual(['(', 'f', '(', '…', ')', ')']);
});

// A bracket whose pair is outside the edit is kept, and what follows it is not cut.
test('an unbalanced bracket is kept with what follows it', () => {
  expect(abbreviateGroups(['f', '(', 'a,', 'b'])).toEqual(['f', '(', 'a,', 'b']);
  expect(abbreviateGroups(['x', ')', '.', 'y', '(', 'a,', 'b', ')'])).toEqual(['x', ')', '.', 'y', '(', '…', ')']);
  expect(abbreviateGroups(['a', '(', 'b', ']', 'c', ')'])).toEqual(['a', '(', 'b', ']', 'c', ')']);
});

// TanStack/db 67c840f: the fix is one word of an SQL template, and the question said
// "(`handleOperationWithCompletion` changed)": a template literal is one token, too long to quote
// and holding backticks. The words it changes are shown, with the two before them.
test('an edit inside one string or template literal is shown by the words it changes', () => {
  const edit = editOfTexts(
    'sanitizeSQL`SELECT id, timestamp FROM ${trackedTableName} ORDER BY timestamp DESC LIMIT 1`,',
    'sanitizeSQL`SELECT id, timestamp FROM ${trackedTableName} ORDER BY operation_id DESC LIMIT 1`,',
  );
  expect(editShape(edit)?.shown).toEqual(['ORDER BY timestamp', 'ORDER BY operation_id']);
  // Only its spacing changed: nothing to show.
  expect(
    editShape(
      editOfTexts(
        'q = `SELECT a,  b FROM ${t} WHERE x = 1 AND y = 2 ORDER BY z`',
        'q = `SELECT a, b FROM ${t} WHERE x = 1 AND y = 2 ORDER BY z`',
      ),
    )?.shown,
  ).toBeUndefined();
});

// algolia/instantsearch c8e392c: `removeWidgets` now clears `parent` on the widgets it removes, and
// the question read "(`widget) === - 1) localWidgets.forEach` → `widget) === - 1) flatWidgets.forEach`)":
// the name before the cut sat inside the previous statement's call, which closes before the cut.
test("the name before a cut places it only inside the cut's own statement; a negative number is one", () => {
  // The hunk's lines, the last one edited.
  const lines = (last: string) =>
    ['const localWidgets = widgets.filter(', '(widget) => flatWidgets.indexOf(widget) === -1', ');', `${last}.forEach((widget) => {`].join(
      '\n',
    );
  const edit = editOfTexts(lines('localWidgets'), lines('flatWidgets'));
  expect(editShape(edit)?.shown).toEqual(['localWidgets.forEach', 'flatWidgets.forEach']);
  expect(editShape(editOfTexts('if (i === -1) return a;', 'if (i === -1) return b;'))?.shown).toEqual(['return a', 'return b']);
  expect(editShape(editOfTexts('x = items.indexOf(y) === -1;', 'x = items.indexOf(y) === -2;'))?.shown).toEqual(['-1', '-2']);
});

// arktype b18db2c: the UUID `#versioned` pattern gains `^` and `$`, and the questions said only
// "through `uuid.#versioned`": a regular expression was thirty tokens of one character, too long
// to quote. It is one token, shown with its unchanged middle left out.
test('a regular expression changed at both ends is shown by its ends', () => {
  const edit = editOfTexts(
    '"#versioned":\n/[\\da-f]{8}-[\\da-f]{4}-[1-8][\\da-f]{3}-[89ab][\\da-f]{3}-[\\da-f]{12}/i,',
    '"#versioned":\n/^[\\da-f]{8}-[\\da-f]{4}-[1-8][\\da-f]{3}-[89ab][\\da-f]{3}-[\\da-f]{12}$/i,',
  );
  expect(editShape(edit)?.shown).toEqual(['/[\\da-f]{8}…[\\da-f]{12}/i', '/^[\\da-f]{8}…[\\da-f]{12}$/i']);
  // A short one is quoted whole; a division is no regular expression.
  expect(editShape(editOfTexts('const re = /a+b/;', 'const re = /a+c/g;'))?.shown).toEqual(['re = /a+b/', 're = /a+c/g']);
  expect(editShape(editOfTexts('x = total / count / 2;', 'x = total / count / 3;'))?.shown).toEqual(['count / 2', 'count / 3']);
});
