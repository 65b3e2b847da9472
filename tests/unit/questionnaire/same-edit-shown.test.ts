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

// umami-software/umami 9d477b25b: biome sorts `ShareProvider.tsx`'s imports (three taken out at the
// top, put back below the `@/` ones) beside the one line the change removes from `ShareProvider`;
// the question named nothing ("`ShareProvider` … changed its implementation;").
test("imports moved or sorted are the formatter's: the edit beside them is shown", () => {
  const imports = ["import { Loading } from '@umami/react-zen';", "import { useRouter } from 'next/navigation';"];
  const removed = '-const isBoardShare = share?.shareType === ENTITY_TYPE.board;';
  const out = imports.map((line) => `-${line}`).join('\n');
  const back = imports.map((line) => `+${line}`).join('\n');
  expect(editShape([out, back, removed].join('\n@@\n'))?.shown).toEqual([
    'const isBoardShare = share?.shareType === ENTITY_TYPE.board',
    '',
  ]);
  // Sorted within one hunk.
  const sorted = [`-${imports[1]}`, `-${imports[0]}`, back].join('\n');
  expect(editShape([sorted, removed].join('\n@@\n'))?.shown).toEqual(['const isBoardShare = share?.shareType === ENTITY_TYPE.board', '']);
  // A side-effect import's place is its order of evaluation: its move is an edit.
  const polyfill = ["-import './polyfill';", "+import './polyfill';"];
  expect(editShape([polyfill[0], polyfill[1], removed].join('\n@@\n'))?.shown).toBeUndefined();
  // An import that changes is an edit.
  expect(editShape([out, back.replace('useRouter', 'usePathname'), removed].join('\n@@\n'))?.shown).toBeUndefined();
});

// umami a87d899e1: `canViewLink`'s condition gains a clause, and the question read "(`linkId` →
// `linkId || shareToken?.linkIds?.includes(linkId)`)", as if `=== linkId` became `=== (linkId || …)`.
test('a condition joined by `||`, `&&` or `??` is shown as the clause added or removed, with its operator', () => {
  const before = 'if (shareToken?.linkId === linkId || shareToken?.websiteId === linkId) {';
  const after = 'if (shareToken?.linkId === linkId || shareToken?.websiteId === linkId || shareToken?.linkIds?.includes(linkId)) {';
  expect(editShape(editOfTexts(before, after))?.shown).toEqual(['', '|| shareToken?.linkIds?.includes(linkId)']);
  expect(editShape(editOfTexts(after, before))?.shown).toEqual(['|| shareToken?.linkIds?.includes(linkId)', '']);
  // A clause put first ends with its operator.
  expect(editShape(editOfTexts('return ready;', 'return !closed && ready;'))?.shown).toEqual(['', '!closed &&']);
});

// umami edbb29162: `ShareProvider` lets a section through only when its parameter is `true`; the
// question read "(`allowedSections`: `id] !== false` → `id] === true`)", the index taken for the operand.
test('an operand that ends with an index or a call is shown from its start', () => {
  const edit = editOfTexts(
    '? ALL_SECTION_IDS.filter(id => share.parameters[id] !== false)',
    '? ALL_SECTION_IDS.filter(id => share.parameters[id] === true)',
  );
  expect(editShape(edit)?.shown).toEqual(['share.parameters[id] !== false', 'share.parameters[id] === true']);
  expect(editShape(editOfTexts('return isReady(node) !== false;', 'return isReady(node) === true;'))?.shown).toEqual([
    'isReady(node) !== false',
    'isReady(node) === true',
  ]);
  // A statement's parenthesis is no call: the operand after it is shown.
  expect(editShape(editOfTexts('if (ready) run(a);', 'if (ready) run(b);'))?.shown).toEqual(['run(a)', 'run(b)']);
});

// amplication 48d60c294: `createProject` passes `project.id` instead of `project?.name`, and the
// new line carries a comment after the comma ("//use unique name for the resource …"); the edit
// was the comment's words, and the question named none ("(`createProject` changed)").
test("a comment after code is no token of the edit: the code's edit is shown, a comment's own edit is none", () => {
  const edit = editOfTexts(
    ['createProjectConfiguration(', 'project.id,', 'project?.name,', 'userId', ');'].join('\n'),
    [
      'createProjectConfiguration(',
      'project.id,',
      'project.id, //use unique name for the resource to avoid conflicts',
      'userId',
      ');',
    ].join('\n'),
  );
  expect(editShape(edit)?.shown).toEqual(['project?.name', 'project.id']);
  // A block comment inside a line, and a line whose only edit is its comment.
  const plain = editShape(editOfTexts('run(a, b);', 'run(c, b);'));
  expect(editShape(editOfTexts('run(a /* old */, b);', 'run(c /* new */, b);'))).toEqual(plain);
  expect(editShape(editOfTexts('const a = 1; // one', 'const a = 1; // the first'))).toBeUndefined();
  // A `//` inside a string or a regular expression is code.
  const url = editShape(editOfTexts("const u = 'http://a';", "const u = 'http://b';"))?.shown;
  expect(url?.[0]).toContain("'http://a'");
  expect(url?.[1]).toContain("'http://b'");
});

// arktype f067dbf: `=> preinferred` became `=> Out<preinferred>`, shown "`Out < preinferred >`";
// c12 41ee9e0d2d: `cwd: string` became optional, shown "`cwd` → `cwd ?`".
test('type arguments and an optional marker are glued to their name; a comparison is not', () => {
  expect(
    editShape(editOfTexts(':\t(In: type.infer.In<def, $>) => preinferred', ':\t(In: type.infer.In<def, $>) => Out<preinferred>'))?.shown,
  ).toEqual(['preinferred', 'Out<preinferred>']);
  expect(editShape(editOfTexts('cwd: string', 'cwd?: string'))?.shown).toEqual(['cwd', 'cwd?']);
  expect(editShape(editOfTexts('bun?: Partial<BunPlugin>', 'bun?: { loader?: string }'))?.shown).toEqual([
    'bun?: Partial<BunPlugin>',
    'bun?: { loader?: string }',
  ]);
  expect(editShape(editOfTexts('if (a < b && c > d) run()', 'if (a < b && c > e) run()'))?.shown).toEqual(['c > d', 'c > e']);
  expect(editShape(editOfTexts('const a = x ? y : z', 'const a = x ? w : z'))?.shown).toEqual(['x ? y', 'x ? w']);
});

// json-schema-to-typescript e0a822f5bc drops `as LinkedJSONSchema` from four calls; with its import
// hunk set aside, the one hunk left was cut to the same text on both sides and shown as an edit.
test('an edit cut to the same text on both sides is not shown', () => {
  const before = [
    't.is(isSchemaLike([] as any as LinkedJSONSchema), false)',
    't.is(isSchemaLike(schema.properties as LinkedJSONSchema), false)',
    't.is(isSchemaLike(schema.required as any as LinkedJSONSchema), false)',
    't.is(isSchemaLike(schema.title as any as LinkedJSONSchema), false)',
  ];
  const after = before.map((line) => line.replace(/ as (?:any as )?LinkedJSONSchema/, ''));
  const shown = editShape(editOfTexts(before.join('\n'), after.join('\n')))?.shown;
  expect(shown === undefined || shown[0] !== shown[1]).toBe(true);
});

// FlowiseAI/Flowise d77919ba50: `toEntity` gives two assignments `x = '[]'` a `body.x ??` each. The
// tokens between the block's common ends cross from one statement into the next, and the question
// read "(`toEntity`: `'[]' docStore.whereUsed =` → `body.loaders ?? '[]' docStore.whereUsed = body.whereUsed ??`)".
test('two edits in two statements are no one shown edit; an operator replaced alone still is', () => {
  const before = "const docStore = new DocumentStore()\ndocStore.loaders = '[]'\ndocStore.whereUsed = '[]'\nreturn docStore";
  const after = before
    .replace("docStore.loaders = '[]'", "docStore.loaders = body.loaders ?? '[]'")
    .replace("docStore.whereUsed = '[]'", "docStore.whereUsed = body.whereUsed ?? '[]'");
  expect(editShape(editOfTexts(before, after))?.shown).toBeUndefined();
  expect(editShape(editOfTexts('const limit = options.limit ?? 10', 'const limit = options.limit || 10'))?.shown).toEqual(['??', '||']);
});

// eclipsesource/jsonforms 7556cecf96 puts `{ type: 'Control', scope: '#/properties/nullableObject' }`
// between two entries like it: the common ends cut it as "`'#/properties/nullableObject', }, {
// type: 'Control', scope:` added", a closing brace before its opening one. Slid back, it is the entry.
test('a run put in between two like it is shown whole, its brackets in order', () => {
  const entry = (scope: string) => `    {\n      type: 'Control',\n      scope: '#/properties/${scope}',\n    },`;
  const before = ['  elements: [', entry('nullableString'), entry('mixed'), '  ],'].join('\n');
  const after = ['  elements: [', entry('nullableString'), entry('nullableObject'), entry('mixed'), '  ],'].join('\n');
  const shown = editShape(editOfTexts(before, after))?.shown;
  expect(shown?.[0]).toBe('');
  expect(shown?.[1]).toMatch(/^\{ type: 'Control', scope: '#\/properties\/nullableObject',? ?\}$/);
  // Taken out, the same.
  expect(editShape(editOfTexts(after, before))?.shown?.[0]).toMatch(/^\{ type: 'Control', scope: '#\/properties\/nullableObject',? ?\}$/);
});

// eclipsesource/jsonforms 1d73eb776d translates an empty array's message: the text inside `<p>`
// was shown from the tag's name, "`p > No data` → `p > { translations.noDataMessage }`".
test("an element's text is shown from where its tag ends", () => {
  const shown = editShape(editOfTexts('<p>No data</p>', '<p>{translations.noDataMessage}</p>'))?.shown;
  expect(shown?.[0]).toBe('No data');
  expect(shown?.[1]).toMatch(/^\{ ?translations\.noDataMessage ?\}$/);
  // A comparison's `>` is no tag: its operand is still shown from the name before it.
  expect(editShape(editOfTexts('if (a.length > limit) {', 'if (a.length > max) {'))?.shown).toEqual(['a.length > limit', 'a.length > max']);
});

// eclipsesource/jsonforms d68f9f74ad gives two Angular components `changeDetection:
// ChangeDetectionStrategy.OnPush` after their template literal: the edit held the template's
// closing backtick, and a hunk importing `ChangeDetectionStrategy`: "The same edit is made in …" said nothing of it.
test('a key appended after a template literal is shown, the import it needs aside', () => {
  const before = '  template: `\n    <div>{{ label }}</div>\n  `\n})';
  const after = '  template: `\n    <div>{{ label }}</div>\n  `,\n  changeDetection: ChangeDetectionStrategy.OnPush\n})';
  const imports = editOfTexts(
    "import { Component } from '@angular/core';",
    "import { ChangeDetectionStrategy, Component } from '@angular/core';",
  );
  const edit = `${imports}\n@@\n${editOfTexts(before, after)}`;
  expect(editShape(edit)?.shown).toEqual(['', 'changeDetection: ChangeDetectionStrategy.OnPush']);
});

// The import lines' pattern of round 52 had a nested quantifier that backtracked without end on a
// long line of code (webstudio 463a6b4fcc's `bindExpressionInput`, edit-uses-told): the review hung.
test('a long line of code is no import line, and is read in one pass', () => {
  const line = (type: string) =>
    `export const bindExpressionInput = (state: ${type}, expression: string, scope: string, fallback: string) =>`;
  expect(editShape(editOfTexts(line('BuilderState'), line('Pick<BuilderState, "instances" | "dataSources">')))?.shown?.[0]).toMatch(
    /BuilderState/,
  );
});
