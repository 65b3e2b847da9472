import { describe, expect, test } from '@jest/globals';
import type { FileChange } from '../../../src/core/change/staged-change.js';
import type { ChangedSymbol, ImpactReport, SymbolUse } from '../../../src/core/impact/impact-report.js';
import { checkImpactClaim } from '../../../src/core/questionnaire/check-impact-claim.js';
import { groupChangeUnits } from '../../../src/core/questionnaire/change-units.js';
import { generateQuestions } from '../../../src/core/questionnaire/generate-questions.js';
import { listEdits } from '../../../src/core/questionnaire/same-edit.js';

const file = (path: string, added = 5, excluded: string | null = null): FileChange => ({
  path,
  status: 'modified',
  oldKind: 'file',
  newKind: 'file',
  oldBlob: 'a',
  newBlob: `b-${path}`,
  added,
  removed: 1,
  binary: false,
  modeOnly: false,
  excluded,
});

const symbol = (
  name: string,
  change: ChangedSymbol['change'],
  valueUsers: SymbolUse[],
  more: Partial<ChangedSymbol> = {},
): ChangedSymbol => ({
  path: 'src/config.ts',
  name,
  change,
  valueUsers,
  typeUsers: [],
  wholeModuleUsers: [],
  transitive: { count: 0, chains: [] },
  dependents: valueUsers.map((u) => ({ path: u.path, depth: 1, chain: [u.path, 'src/config.ts'], isTypeOnly: false })),
  ...more,
});
/** One file's use of a symbol, as a symbol's users list. */
const usedAt = (path: string, line: number) => [{ path, line }];
const users = (n: number) => Array.from({ length: n }, (_, i) => ({ path: `src/user${i}.ts`, line: i + 10 }));

const impact = (symbols: ChangedSymbol[], level: 'low' | 'medium' | 'high' = 'low', triviaOnly: string[] = []): ImpactReport => ({
  changedSymbols: symbols,
  dependents: symbols.flatMap((s) => s.dependents),
  parseErrors: [],
  triviaOnly,
  warnings: [],
  risk: { level, reasons: level === 'high' ? [{ code: 'public-api', message: 'public API changed' }] : [] },
  stats: { filesInGraph: 10, unresolved: 0, cacheHits: 0, scanned: 0, parsed: 10 },
});

describe('generateQuestions', () => {
  test('a module with its test: intent, one unit named after the module, verification', () => {
    const questions = generateQuestions({ files: [file('src/config.ts', 20), file('src/config.test.ts')], provenance: 'human' });
    expect(questions.map((q) => q.id)).toEqual(['intent', 'unit:src/config.ts', 'verification']);
    expect(questions[1]!.message).toBe('What does the change to src/config.ts (with src/config.test.ts) do?');
  });

  test('a one-file change is asked about once, naming the file', () => {
    const questions = generateQuestions({ files: [file('packages/core/src/a.ts')], provenance: 'unknown' });
    expect(questions.map((q) => q.id)).toEqual(['provenance', 'intent', 'verification', 'no-test']);
    expect(questions[1]!.message).toBe('What problem does the change to packages/core/src/a.ts solve, and why this way?');
  });

  test('an export, its updated callers and their test are one piece; an unrelated file is another', () => {
    const files = [
      file('src/config.ts', 30),
      file('src/user0.ts'),
      file('src/user1.ts'),
      file('test/user1.test.ts'),
      file('src/other.ts', 3),
    ];
    const report = impact([
      symbol('parseConfig', 'shape-changed', [
        { path: 'src/user0.ts', line: 4 },
        { path: 'src/user1.ts', line: 9 },
        { path: 'test/user1.test.ts', line: 2 },
      ]),
    ]);
    const units = generateQuestions({ files, provenance: 'human', impact: report }).filter((q) => q.id.startsWith('unit:'));
    expect(units.map((q) => q.message)).toEqual([
      'In src/config.ts (with 3 related files), `parseConfig` changed its signature: what does it do differently now, and what changes for src/user0.ts:4, which uses it (updated here)?',
      'What does the change to src/other.ts do?',
    ]);
  });

  test('a piece names the behaviour that changed and the user outside the change that sees it', () => {
    const files = [file('src/config.ts', 30), file('src/other.ts', 3)];
    const report = impact([
      symbol('loadConfig', 'body-changed', [{ path: 'src/server/boot.ts', line: 12 }], { via: 'readDefaults' }),
      symbol('parseConfig', 'shape-changed', [{ path: 'src/cli/run.ts', line: 7 }]),
    ]);
    const unit = generateQuestions({ files, provenance: 'human', impact: report }).find((q) => q.id === 'unit:src/config.ts')!;
    // The reshaped export first: its users break before a body change shows.
    expect(unit.message).toBe(
      'In src/config.ts, `parseConfig` changed its signature: what does it do differently now, and what changes for src/cli/run.ts:7, which uses it?',
    );
  });

  test('a reshaped export with no piece to name says its old and new shape where it is short, as its impact question does (mobx-state-tree 4e1ee91b)', () => {
    const files = [file('src/config.ts', 30), file('src/other.ts', 3)];
    const ask = (detail: string) =>
      generateQuestions({
        files,
        provenance: 'human',
        impact: impact([symbol('parseConfig', 'shape-changed', [{ path: 'src/cli/run.ts', line: 7 }], { detail })]),
      }).find((q) => q.id === 'unit:src/config.ts')!.message;
    expect(ask('parseConfig(text: string) → parseConfig(text: string, strict: boolean)')).toBe(
      'In src/config.ts, `parseConfig` changed its signature (parseConfig(text: string) → parseConfig(text: string, strict: boolean)): what does it do differently now, and what changes for src/cli/run.ts:7, which uses it?',
    );
    // Too long to read in a question: left to the context lines.
    expect(ask(`${'x'.repeat(60)} → ${'y'.repeat(60)}`)).toBe(
      'In src/config.ts, `parseConfig` changed its signature: what does it do differently now, and what changes for src/cli/run.ts:7, which uses it?',
    );
  });

  test('a reshaped export is not told by the locals its body gains; a body change is (npm run demo: `parseConfig`)', () => {
    const path = 'src/config/parse.ts';
    const members = new Map([
      [
        path,
        new Map([
          ['parseConfig', { changed: [], added: [], removed: [], areProperties: false, branches: [], newLocals: ['parsed', 'taxRate'] }],
          ['total', { changed: [], added: [], removed: [], areProperties: false, branches: [], newLocals: ['net'] }],
        ]),
      ],
    ]);
    const ask = (change: 'shape-changed' | 'body-changed') =>
      generateQuestions({
        files: [file(path, 6), file('src/other.ts', 3)],
        provenance: 'human',
        members,
        impact: impact([
          symbol(change === 'shape-changed' ? 'parseConfig' : 'total', change, [{ path: 'src/cart/total.ts', line: 3 }], { path }),
        ]),
      }).find((q) => q.id.startsWith('impact:'))!.message;
    expect(ask('shape-changed')).toMatch(/^`parseConfig` in src\/config\/parse\.ts changed its signature; 1 file uses it/);
    // Its piece's question told it (a new local `net`): its users' question says so, once.
    expect(ask('body-changed')).toMatch(/^`total` in src\/config\/parse\.ts changed its implementation \(as told above\); 1 file/);
  });

  test("an export changed through a helper names the helper's branches however long the sentence (signals 2910fbf)", () => {
    const path = 'packages/core/src/index.ts';
    const branches = ['source._value === snapshots._value', 'node._version === snapshots._version'];
    const members = new Map([
      [path, new Map([['reconcileBatchSnapshots', { changed: [], added: [], removed: [], areProperties: false, branches }]])],
    ]);
    const questions = generateQuestions({
      files: [file(path, 30), file('src/other.ts', 3)],
      provenance: 'human',
      members,
      impact: impact([
        symbol('signal', 'body-changed', [{ path: 'extension/src/models/ConnectionModel.ts', line: 10 }], {
          path,
          via: 'reconcileBatchSnapshots',
          detail: 'implementation changed through `reconcileBatchSnapshots`',
        }),
      ]),
    });
    const told =
      'changed its implementation through `reconcileBatchSnapshots` (new branches `if (source._value === snapshots._value)` and `if (node._version === snapshots._version)`)';
    expect(questions.find((q) => q.id === `unit:${path}`)!.message).toContain(`\`signal\` ${told}: what does it do differently now`);
    expect(questions.find((q) => q.id === `impact:${path}#signal`)!.message).toContain(
      `\`signal\` in ${path} changed its implementation (as told above);`,
    );
  });

  test('a changed export beside exports its piece adds names them (unbuild 6846d34: `build` through `_build`, with the new `inferPkgExternals`)', () => {
    const questions = generateQuestions({
      files: [file('src/build.ts', 9), file('src/other.ts', 3)],
      provenance: 'human',
      impact: impact([
        symbol('build', 'body-changed', [{ path: 'src/cli.ts', line: 52 }], {
          path: 'src/build.ts',
          via: '_build',
          detail: 'implementation changed through `_build`',
        }),
        symbol('inferPkgExternals', 'added', [], { path: 'src/build.ts' }),
        symbol('inferPkgExternals', 'added', [], { path: 'src/build.ts' }),
      ]),
    });
    expect(questions.find((q) => q.id === 'unit:src/build.ts')!.message).toBe(
      'In src/build.ts, `build` changed its implementation through `_build`, with the new `inferPkgExternals`: what does it do differently now, and what changes for src/cli.ts:52, which uses it?',
    );
  });

  test('a piece that only adds exports names them; a piece whose export lives in another of its files names both (pinia e645fc12)', () => {
    const store = (name: string, path: string) => symbol(name, 'added', [], { path });
    const pinia = generateQuestions({
      files: [file('packages/pinia/src/index.ts', 1), file('packages/pinia/src/store.ts', 1)],
      provenance: 'human',
      impact: impact([store('shouldHydrate', 'packages/pinia/src/store.ts'), store('shouldHydrate', 'packages/pinia/src/index.ts')]),
    }).filter((q) => q.id.startsWith('unit:'));
    expect(pinia.map((q) => q.message)).toEqual([
      'In packages/pinia/src/index.ts, `shouldHydrate` is now exported: who will use it outside its file, and what may they rely on?',
      'In packages/pinia/src/store.ts, `shouldHydrate` is now exported: who will use it outside its file, and what may they rely on?',
    ]);
    const several = generateQuestions({
      files: [file('src/a.ts'), file('src/other.ts')],
      provenance: 'human',
      impact: impact(['one', 'two', 'three', 'four', 'default'].map((n) => store(n, 'src/a.ts'))),
    }).find((q) => q.id.startsWith('unit:'))!;
    expect(several.message).toBe(
      'In src/a.ts, `one`, `two` and 2 more are now exported: who will use them outside their file, and what may they rely on?',
    );
    // A new file whose only export is an anonymous default (react-hook-form dead4719a's utils/has.ts).
    const anonymous = generateQuestions({
      files: [{ ...file('src/utils/has.ts', 27), status: 'added' }, file('src/other.ts')],
      provenance: 'human',
      impact: impact([store('default', 'src/utils/has.ts')]),
    }).find((q) => q.id === 'unit:src/utils/has.ts')!;
    expect(anonymous.message).toBe(
      'In src/utils/has.ts, the default export is new: who will use it outside its file, and what may they rely on?',
    );
    // Named by no file, loaded whole by one (react-three-fiber e1a375c3: `lazy(() => import('./ShaderMaterial'))`).
    const demo = generateQuestions({
      files: [{ ...file('example/src/demos/ShaderMaterial.tsx', 51), status: 'added' }, file('src/other.ts')],
      provenance: 'human',
      impact: impact([
        symbol('default', 'added', [], {
          path: 'example/src/demos/ShaderMaterial.tsx',
          wholeModuleUsers: [{ path: 'example/src/demos/index.tsx', line: 19 }],
        }),
      ]),
    }).find((q) => q.id === 'unit:example/src/demos/ShaderMaterial.tsx')!;
    expect(demo.message).toBe(
      'In example/src/demos/ShaderMaterial.tsx, the default export is new, and example/src/demos/index.tsx:19 holds its whole module: what does it do there, and what may that file rely on?',
    );
    // The export of a new file is new; the piece's label (a page using it) is named beside it.
    const page = generateQuestions({
      files: [file('playground/app.vue', 30), { ...file('playground/stores/skip.ts', 16), status: 'added' }, file('src/other.ts')],
      provenance: 'human',
      impact: impact([symbol('useSkipStore', 'added', [], { path: 'playground/stores/skip.ts' })]),
    }).filter((q) => q.id.startsWith('unit:'));
    expect(page.map((q) => q.message)).toContain(
      'In playground/stores/skip.ts, `useSkipStore` is new: who will use it outside its file, and what may they rely on?',
    );
    const nuxt = generateQuestions({
      files: [file('packages/nuxt/src/runtime/payload-plugin.ts', 20), file('packages/nuxt/src/module.ts', 11)],
      provenance: 'human',
      impact: impact([
        symbol(
          'default',
          'body-changed',
          [
            { path: 'playground/nuxt.config.ts', line: 11 },
            { path: 'packages/nuxt/src/runtime/payload-plugin.ts', line: 2 },
          ],
          { path: 'packages/nuxt/src/module.ts' },
        ),
      ]),
    }).find((q) => q.id.startsWith('unit:'))!;
    expect(nuxt.message).toMatch(
      /^In packages\/nuxt\/src\/module.ts \(with packages\/nuxt\/src\/runtime\/payload-plugin.ts\), the default export changed/,
    );
  });

  test('an anonymous default export is "the default export", never `default` (react-hook-form 2d362396f, 9b7af71b4)', () => {
    const questions = generateQuestions({
      files: [file('src/logic/validateField.ts', 40), file('src/other.ts')],
      provenance: 'human',
      impact: impact([
        symbol('default', 'body-changed', [{ path: 'src/logic/createFormControl.ts', line: 754 }], {
          path: 'src/logic/validateField.ts',
          isDefault: true,
        }),
      ]),
    });
    const messages = questions.map((q) => q.message).join('\n');
    expect(messages).not.toContain('`default`');
    expect(questions.find((q) => q.id === 'unit:src/logic/validateField.ts')!.message).toBe(
      'In src/logic/validateField.ts, the default export changed its implementation: what does it do differently now, and what changes for src/logic/createFormControl.ts:754, which uses it?',
    );
    expect(questions.find((q) => q.id === 'impact:src/logic/validateField.ts#default')!.message).toMatch(
      /^The default export of src\/logic\/validateField.ts changed its implementation; 1 file uses it \(src\/logic\/createFormControl.ts:754\)/,
    );
  });

  test('a new file that exports nothing names what it imports and runs (vercel/ai 7dd9ec320c)', () => {
    const path = 'examples/ai-functions/src/generate-text/openai/compatible-alibaba-video.ts';
    const ask = (status: 'added' | 'modified') =>
      generateQuestions({
        files: [{ ...file(path, 30), status }, file('src/other.ts')],
        provenance: 'human',
        edits: new Map([
          [
            path,
            "+import { createOpenAICompatible } from '@ai-sdk/openai-compatible';\n+import { generateText } from 'ai';\n+import fs from 'node:fs';",
          ],
        ]),
      }).find((q) => q.id === `unit:${path}`)!.message;
    expect(ask('added')).toBe(
      `${path} is new and exports nothing: what does it do with \`createOpenAICompatible\` and \`generateText\`, and who runs it?`,
    );
    // An edit to an existing file is not a new script: these lines edit only its imports.
    expect(ask('modified')).toBe(
      `Why does ${path} change its imports (imports \`createOpenAICompatible\`, \`generateText\` and \`fs\`), and does anything it uses behave differently?`,
    );
  });

  test('a data module of a test folder is asked what case it gives the test that reads it (webiny 2035c6fdba)', () => {
    // `001.data.ts` holds the rows a migration test loads; its tenants' fields move under `data`.
    // It holds no test: "What do the changed tests in … check" asked about tests it does not have.
    const data = 'packages/migrations/__tests__/migrations/5.41.0/001/001.data.ts';
    const reader = 'packages/migrations/__tests__/migrations/5.41.0/001/001.test.ts';
    const ask = (path: string, readers: SymbolUse[], editedTestNames = new Map<string, string[]>()) =>
      generateQuestions({
        files: [file(path, 12), file('src/migration.ts', 3)],
        provenance: 'human',
        impact: impact([symbol('testData', 'body-changed', readers, { path })]),
        editedTestNames,
      }).find((q) => q.id === `unit:${path}`)!.message;
    expect(ask(data, usedAt(reader, 34))).toBe(`What case does the change to ${data} give ${reader}, which reads \`testData\`?`);
    // A test file, or no test reading it: asked as before.
    expect(ask(reader, usedAt(data, 3))).toBe(`What do the changed tests in ${reader} check that was not checked before?`);
    expect(ask(data, [])).toBe(`What do the changed tests in ${data} check that was not checked before?`);
    // A builder of tests (instantsearch's tests/common/widgets/chat/reasoning.tsx) edits tests: asked about them.
    expect(ask(data, usedAt(reader, 34), new Map([[data, ['createReasoningTests']]]))).toBe(
      `What do the changed tests in ${data} (in \`createReasoningTests\`) check that was not checked before?`,
    );
  });

  test('a fixture is test material: asked which tests read it, and no "no test changed" (vercel/ai b352a6a370)', () => {
    const questions = generateQuestions({
      files: [
        file('packages/mcp/src/tool/mcp-stdio/create-child-process.ts', 40),
        { ...file('packages/mcp/src/tool/mcp-stdio/__fixtures__/exit.cmd', 3), status: 'added' },
      ],
      provenance: 'human',
    });
    expect(questions.find((q) => q.id === 'unit:packages/mcp/src/tool/mcp-stdio/__fixtures__/exit.cmd')?.message).toBe(
      'Which tests read packages/mcp/src/tool/mcp-stdio/__fixtures__/exit.cmd, and what case does the change to it give them?',
    );
    expect(questions.map((q) => q.id)).not.toContain('no-test');
  });

  // unjs/c12 keeps its test material in `test/fixture/` (singular): "What do the changed tests in
  // test/fixture/.env.json5 check that was not checked before?" named nothing.
  test('a `fixture` folder is a fixture folder too', () => {
    const questions = generateQuestions({
      files: [file('src/dotenv.ts', 12), file('test/fixture/.config/test.json5', 2)],
      provenance: 'human',
    });
    expect(questions.find((q) => q.id === 'unit:test/fixture/.config/test.json5')?.message).toBe(
      'Which tests read test/fixture/.config/test.json5, and what case does the change to it give them?',
    );
  });

  test('a reshaped type is asked what it allows or requires, not what it does (ajv 69568d08)', () => {
    const ask = (valueUsers: SymbolUse[], typeUsers: SymbolUse[]) =>
      generateQuestions({
        files: [file('lib/core.ts', 10), file('src/other.ts')],
        provenance: 'human',
        impact: impact([symbol('CurrentOptions', 'shape-changed', valueUsers, { path: 'lib/core.ts', typeUsers })]),
      }).find((q) => q.id === 'unit:lib/core.ts')!.message;
    expect(ask([], [{ path: 'lib/jtd.ts', line: 12 }])).toBe(
      'In lib/core.ts, `CurrentOptions` changed its signature: what does it allow or require differently now, and what changes for lib/jtd.ts:12, which uses its type?',
    );
    // Called somewhere: it does something.
    expect(ask([{ path: 'lib/jtd.ts', line: 12 }], [])).toMatch(
      /: what does it do differently now, and what changes for lib\/jtd.ts:12, which uses it\?$/,
    );
  });

  test('a data file (JSON, no configuration) names the keys its edit adds, removes, changes or only moves (outline fa1b529bef, 662bad7108)', () => {
    const ask = (edit: string) =>
      generateQuestions({
        files: [file('shared/i18n/en_US/translation.json', 2), file('src/other.ts')],
        provenance: 'human',
        edits: new Map([['shared/i18n/en_US/translation.json', edit]]),
      }).find((q) => q.id === 'unit:shared/i18n/en_US/translation.json')!.message;
    expect(
      ask(
        '+"Starred": "Starred",\n+"Shared with me": "Shared with me",\n@@\n-"Shared with me": "Shared with me",\n@@\n-"Starred": "Starred",',
      ),
    ).toBe(
      'The change to shared/i18n/en_US/translation.json only moves "Starred" and "Shared with me": why, and does anything read their order?',
    );
    expect(
      ask(
        '+"Heading numbers": "Heading numbers",\n+"Show numbers": "Show numbers",\n-"Old": "Old",\n-"Hide": "Hide",\n+"Hide": "Hide them",',
      ),
    ).toBe(
      'The change to shared/i18n/en_US/translation.json adds "Heading numbers" and "Show numbers", removes "Old" and gives "Hide" a new value ("Hide" → "Hide them"): what reads them, and what does a user see differently?',
    );
    // Lines without a key (an array's items) ask no data question: one item replaced is quoted
    // as a replacement (replaced-words.ts), two are not.
    expect(ask('+  "a",\n-  "b",')).toBe('What does the change to shared/i18n/en_US/translation.json (`b` → `a`) do differently now?');
    expect(ask('-  "b",\n-  "c",\n+  "a",\n+  "d",')).toBe('What does the change to shared/i18n/en_US/translation.json do?');
    // Entries only added, or only removed, are named (pnpm 7bee7dace4: cspell.json gains "enotdir").
    expect(ask('+"enotdir",')).toBe(
      'The change to shared/i18n/en_US/translation.json adds the entry "enotdir": what reads it, and why is it needed?',
    );
    expect(ask('-"a",\n@@\n-"b",\n-"c",\n-"d"')).toBe(
      'The change to shared/i18n/en_US/translation.json removes the entries "a", "b" and 2 more: what reads them, and why are they no longer needed?',
    );
  });

  test("config inside a test folder is asked about the tests it sets up (ts-node 2ee80a87's fixture tsconfig)", () => {
    const ask = (paths: string[]) =>
      generateQuestions({
        files: [...paths.map((p) => file(p, 3)), file('src/test/regression.spec.ts', 11)],
        provenance: 'human',
        edits: new Map(paths.map((p) => [p, '+  "extends": "custom-tsconfig"'])),
        impact: {
          ...impact([]),
          risk: {
            level: 'low',
            reasons: paths.map((p) => ({ code: 'config-changed', message: `${p}: TypeScript config added (\`extends\`)` })),
          },
        },
      }).find((q) => q.id.startsWith('config:'))!.message;
    expect(ask(['tests/2076/tsconfig.json'])).toBe(
      'What does the change to tests/2076/tsconfig.json (TypeScript config added (`extends`)) set up for the tests, and which tests read it?',
    );
    // Beside the project's own config, the question stays the project's.
    expect(ask(['tests/2076/tsconfig.json', 'tsconfig.json'])).toMatch(/change in how the project builds, runs or is checked\?$/);
  });

  test('a package.json whose change moves nothing it builds or runs by (mobx-state-tree 0ef2ba25: `version` only) names the key and its values', () => {
    const ask = (edit: string, reasons: string[] = []) =>
      generateQuestions({
        files: [file('package.json', 1), file('src/other.ts')],
        provenance: 'human',
        edits: new Map([['package.json', edit]]),
        impact: { ...impact([]), risk: { level: 'low', reasons: reasons.map((message) => ({ code: 'config-changed', message })) } },
      }).find((q) => q.id === 'config:package.json')!.message;
    expect(ask('-"version": "6.0.1",\n+"version": "7.0.0-pre.1",')).toBe(
      'The change to package.json gives "version" a new value ("6.0.1" → "7.0.0-pre.1"): what reads it, and what does a user see differently?',
    );
    // What the risk found by name stays the question: how the project builds or runs.
    expect(ask('-"srvx": "^0.2.8",\n+"srvx": "^0.4.0",', ['package.json: dependencies `srvx` ^0.2.8 → ^0.4.0 changed'])).toBe(
      'What does the change to package.json (dependencies `srvx` ^0.2.8 → ^0.4.0) change in how the project builds, runs or is checked?',
    );
  });

  test('date-fns: a removed export asks what takes its place; the reader is a product file, not a script; fn/test.ts is a test', () => {
    const files = [file('src/parse/_lib/Setter.ts', 14), file('src/parse/index.ts', 7), file('src/parse/test.ts', 1)];
    const parse = symbol(
      'parse',
      'body-changed',
      [
        { path: 'scripts/build/renderFormatParse/index.ts', line: 27 },
        { path: 'src/parse/test.ts', line: 3 },
        { path: 'src/fp/parse/index.ts', line: 6 },
      ],
      { path: 'src/parse/index.ts' },
    );
    const setter = symbol('DateToSystemTimezoneSetter', 'removed', [], { path: 'src/parse/_lib/Setter.ts' });
    const questions = generateQuestions({ files, provenance: 'human', impact: impact([parse, setter]) });
    expect(questions.map((q) => q.message)).toEqual(
      expect.arrayContaining([
        'In src/parse/_lib/Setter.ts, `DateToSystemTimezoneSetter` was removed: what takes its place, and why is it no longer needed?',
        'In src/parse/index.ts (with src/parse/test.ts), `parse` changed its implementation: what does it do differently now, and what changes for src/fp/parse/index.ts:6, which uses it?',
      ]),
    );
    expect(questions.map((q) => q.id)).not.toContain('no-test');
  });

  test('remeda: a type test (`map.test-d.ts`) is a test: no "no test did" question, and it goes with the source it tests', () => {
    const files = [file('packages/remeda/src/internal/types/Mapped.ts', 13), file('packages/remeda/src/map.test-d.ts', 40)];
    const mapped = symbol('Mapped', 'shape-changed', [], { path: 'packages/remeda/src/internal/types/Mapped.ts' });
    const questions = generateQuestions({ files, provenance: 'human', impact: impact([mapped]) });
    expect(questions.map((q) => q.id)).not.toContain('no-test');
    expect(questions.find((q) => q.id === 'unit:packages/remeda/src/map.test-d.ts')?.message).not.toMatch(/^What does the change to/);
  });

  test('motion 085157563: a Cypress spec (`cypress/integration/x.ts`) is a test: no "no test did" question, none asked "What does the change to"', () => {
    const files = [
      file('packages/framer-motion/src/components/AnimatePresence/index.tsx', 30),
      { ...file('packages/framer-motion/cypress/integration/animate-presence-propagate-empty.ts', 11), status: 'added' as const },
    ];
    const questions = generateQuestions({ files, provenance: 'human' });
    expect(questions.map((q) => q.id)).not.toContain('no-test');
    expect(questions.filter((q) => q.message.includes('What does the change to packages/framer-motion/cypress'))).toEqual([]);
  });

  test("zod: the piece asks first about its own file's export, names where each export lives, and reads a user in the package before a bench", () => {
    const files = [file('packages/zod/src/v4/core/schemas.ts', 13), file('packages/zod/src/v4/core/compile.ts', 3)];
    const compile = symbol(
      'compile',
      'body-changed',
      [
        { path: 'packages/bench/compile-hoist.ts', line: 12 },
        { path: 'packages/zod/src/v4/classic/compile.ts', line: 5 },
      ],
      { path: 'packages/zod/src/v4/core/compile.ts', via: 'generateStringFormatCheck' },
    );
    const url = symbol('$ZodURL', 'body-changed', [], {
      path: 'packages/zod/src/v4/core/schemas.ts',
      typeUsers: [{ path: 'packages/zod/src/v4/classic/schemas.ts', line: 759 }],
    });
    const report = impact([compile, url]);
    const compileUser = { ...report, changedSymbols: [compile] };
    const [first] = generateQuestions({ files, provenance: 'human', impact: report }).filter((q) => q.id.startsWith('unit:'));
    expect(first!.message).toBe(
      'In packages/zod/src/v4/core/schemas.ts, `$ZodURL` changed its implementation: what does it do differently now, and what changes for packages/zod/src/v4/classic/schemas.ts:759, which uses its type?',
    );
    const only = generateQuestions({ files, provenance: 'human', impact: compileUser }).find(
      (q) => q.id === 'unit:packages/zod/src/v4/core/compile.ts',
    );
    expect(only!.message).toBe(
      'In packages/zod/src/v4/core/compile.ts, `compile` changed its implementation through `generateStringFormatCheck`: what does it do differently now, and what changes for packages/zod/src/v4/classic/compile.ts:5, which uses it?',
    );
  });

  test('the same edit in five adapters is one question', () => {
    const adapters = ['react', 'vue', 'solid', 'svelte', 'angular'].map((name) => `packages/${name}-query/src/useMutation.ts`);
    const files = [...adapters.map((path) => file(path, 3)), file('packages/query-core/src/mutation.ts', 20)];
    const questions = generateQuestions({ files, provenance: 'human' });
    const pieces = questions.filter((q) => q.id.startsWith('unit:') || q.id.startsWith('pattern:'));
    expect(pieces.map((q) => q.id)).toEqual([
      'unit:packages/query-core/src/mutation.ts',
      expect.stringMatching(/^pattern:packages\/.*useMutation\.ts$/),
    ]);
    expect(pieces[1]!.message).toMatch(
      /^The same edit is made in packages\/\S+useMutation\.ts, .*\(5 in all\): what does the edit do, and why does each of them need it\?$/,
    );
  });

  test('an implementation change is asked about a runtime reader before a file that only names its type', () => {
    // socket.io dfb5ab3b (the static files `Server` serves): "what changes for
    // packages/socket.io/lib/client.ts:37, which uses its type?", while its tests construct it.
    const server = symbol('Server', 'body-changed', [{ path: 'packages/socket.io/test/socket.ts', line: 12 }], {
      path: 'packages/socket.io/lib/index.ts',
      typeUsers: [{ path: 'packages/socket.io/lib/client.ts', line: 37 }],
    });
    const ask = (s: ChangedSymbol) =>
      generateQuestions({
        files: [file(s.path, 20), file('packages/socket.io/lib/other.ts')],
        provenance: 'human',
        impact: impact([s]),
      }).find((q) => q.id === `unit:${s.path}`)!.message;
    expect(ask(server)).toMatch(/what changes for packages\/socket\.io\/test\/socket\.ts:12, which uses it\?$/);
    // A signature change reaches the type's readers: the product file comes first there.
    expect(ask({ ...server, change: 'shape-changed' })).toMatch(
      /what changes for packages\/socket\.io\/lib\/client\.ts:37, which uses its type\?$/,
    );
  });

  test('`module.exports` of two files is no pattern unless the files share a name; one that is says `module.exports`', () => {
    // pino b394c2c1: "`export=` changed its implementation the same way in lib/multistream.js,
    // pino.d.ts" for a function body and an interface in a declaration file.
    const whole = (path: string) => symbol('export=', 'body-changed', users(2), { path });
    const two = generateQuestions({
      files: [file('lib/multistream.js', 8), file('pino.d.ts', 2)],
      provenance: 'human',
      impact: impact([whole('lib/multistream.js'), whole('pino.d.ts')]),
    });
    expect(two.filter((q) => q.id.startsWith('pattern:'))).toEqual([]);
    expect(two.filter((q) => q.id.startsWith('unit:')).map((q) => q.id)).toEqual(['unit:lib/multistream.js', 'unit:pino.d.ts']);
    // The context under the question said "changed exports: `export=` (body-changed)".
    expect(two.find((q) => q.id === 'unit:lib/multistream.js')!.context).toContain('  changed exports: `module.exports` (body-changed)');
    const adapters = ['a', 'b', 'c'].map((name) => `adapters/${name}/index.js`);
    const same = generateQuestions({
      files: adapters.map((path) => file(path, 3)),
      provenance: 'human',
      impact: impact(adapters.map(whole)),
    });
    const pattern = same.filter((q) => q.id.startsWith('pattern:'));
    expect(pattern).toHaveLength(1);
    expect(pattern[0]!.message).toMatch(/^`module\.exports` changed its implementation the same way in adapters\/a\/index\.js, /);
  });

  test('one edit made in files whose exports have other names is one question; other edits are not', () => {
    // drizzle-orm adf9bf1f: the same two lines in five dialects' `buildUpdateSet` (GelDialect,
    // MySqlDialect …) were two unit questions, each about one class.
    const dialects = ['gel', 'mysql', 'pg'].map((name) => `src/${name}-core/dialect.ts`);
    const cls = (path: string) => symbol(`${path.split('/')[1]}Dialect`, 'body-changed', users(2), { path });
    const edit = { heading: '', oldStart: 3, oldLines: 1, newStart: 3, newLines: 2 };
    const lines = {
      removed: ['  const value = fn!();'],
      added: ['  const result = fn?.();', '  const value = isSql(result) ? result : param(result);'],
    };
    const buildUpdateSet = { changed: ['buildUpdateSet'], added: [], removed: [], areProperties: false, branches: [] };
    const members = new Map(dialects.map((path) => [path, new Map([[`${path.split('/')[1]}Dialect`, buildUpdateSet]])]));
    const ask = (hunksOf: (path: string) => typeof lines, withMembers = false) =>
      generateQuestions({
        files: dialects.map((path) => file(path, 2)),
        provenance: 'human',
        impact: impact(dialects.map(cls)),
        ...(withMembers && { members }),
        edits: listEdits(new Map(dialects.map((path, i) => [path, [{ ...edit, newStart: 3 + i * 10, ...hunksOf(path) }]]))),
      }).filter((q) => q.id.startsWith('unit:') || q.id.startsWith('pattern:'));
    const same = ask(() => lines);
    expect(same.map((q) => q.id)).toEqual(['pattern:src/gel-core/dialect.ts']);
    expect(same[0]!.context).toEqual(dialects.map((path) => `  ${path}  +2 -1`));
    // The piece the edit changes in each of them, when it is the same one.
    expect(ask(() => lines, true)[0]!.message).toMatch(
      /^The same edit \(`buildUpdateSet` changed\) is made in src\/gel-core\/dialect\.ts, /,
    );
    // Without the piece, the local each file's edit declares otherwise (component-locals.ts).
    expect(same[0]!.message).toBe(
      'The same edit (`value` changed) is made in src/gel-core/dialect.ts, src/mysql-core/dialect.ts, src/pg-core/dialect.ts: what does the edit do, and why does each of them need it?',
    );
    // Indentation apart, the lines are the same edit; one other line makes another edit.
    const indented = ask((path) => (path.includes('pg') ? { ...lines, added: lines.added.map((l) => `\t\t${l.trim()}`) } : lines));
    expect(indented.map((q) => q.id)).toEqual(['pattern:src/gel-core/dialect.ts']);
    const other = ask((path) => (path.includes('pg') ? { ...lines, added: [...lines.added, 'log(value);'] } : lines));
    expect(other.map((q) => q.id)).toEqual(['pattern:src/gel-core/dialect.ts', 'unit:src/pg-core/dialect.ts']);
    expect(other[0]!.message).toMatch(
      /^The same edit \(`value` changed\) is made in src\/gel-core\/dialect\.ts, src\/mysql-core\/dialect\.ts:/,
    );
  });

  test('the exports of files that make one edit are one impact question, their users together', () => {
    // drizzle-orm adf9bf1f: "why do they keep working?" asked of PgDialect, MySqlDialect and
    // SQLiteSyncDialect in turn, each answered "the same edit as the one before". The edit is
    // named as the pattern question names it (react-hook-form resolvers 7807f95's four resolvers
    // were "the same way (one edit in 4 files: …)", the edit named nowhere).
    const at = (path: string, line: number) => ({ path, line });
    const pg = symbol('PgDialect', 'body-changed', [at('src/pg/driver.ts', 5), at('src/kit.ts', 9)], { path: 'src/pg/dialect.ts' });
    const my = symbol('MySqlDialect', 'body-changed', [at('src/mysql/driver.ts', 7), at('src/kit.ts', 9)], {
      path: 'src/mysql/dialect.ts',
      typeUsers: [at('src/mysql/session.ts', 3)],
    });
    const lone = symbol('parse', 'body-changed', users(3), { path: 'src/parse.ts' });
    const edit = (lines: string[]) => [
      { heading: '', oldStart: 1, oldLines: 1, newStart: 1, newLines: 1, removed: ['a();'], added: lines },
    ];
    const ask = (mysqlLines: string[]) =>
      generateQuestions({
        files: ['src/pg/dialect.ts', 'src/mysql/dialect.ts', 'src/parse.ts'].map((path) => file(path, 1)),
        provenance: 'human',
        impact: impact([pg, lone, my]),
        edits: listEdits(
          new Map([
            ['src/pg/dialect.ts', edit(['b();'])],
            ['src/mysql/dialect.ts', edit(mysqlLines)],
            ['src/parse.ts', edit(['c();'])],
          ]),
        ),
      }).filter((q) => q.id.startsWith('impact:'));
    const shared = ask(['b();']);
    // The most used first (parse: 3 runtime users); the pair where the first of them stands.
    expect(shared.map((q) => q.id)).toEqual(['impact:src/parse.ts#parse', 'impact:src/mysql/dialect.ts#MySqlDialect']);
    expect(shared[1]!.message).toBe(
      '`MySqlDialect` and `PgDialect` changed their implementations the same way (`a` → `b`, in 2 files: src/mysql/dialect.ts, src/pg/dialect.ts); 3 files use them (src/mysql/driver.ts:7, src/kit.ts:9, src/pg/driver.ts:5); 1 more file uses their types only: why do they keep working?',
    );
    expect(shared[1]!.claimCheck).toEqual({
      symbol: 'MySqlDialect',
      others: ['PgDialect'],
      users: ['src/mysql/driver.ts:7', 'src/kit.ts:9', 'src/pg/driver.ts:5'],
      usersInChange: [],
    });
    // Another edit in one of the files: each export is asked about on its own.
    expect(ask(['b();', 'd();']).map((q) => q.id)).toEqual([
      'impact:src/parse.ts#parse',
      'impact:src/mysql/dialect.ts#MySqlDialect',
      'impact:src/pg/dialect.ts#PgDialect',
    ]);
  });

  test('every reshaped or removed export is asked about before any body change, whatever the cap', () => {
    const shaped = ['a', 'b', 'c', 'd', 'e'].map((n) => symbol(`shape${n}`, 'shape-changed', [], { typeUsers: users(2) }));
    const bodies = ['f', 'g'].map((n) => symbol(`body${n}`, 'body-changed', users(30)));
    const questions = generateQuestions({ files: [file('src/config.ts')], provenance: 'human', impact: impact([...bodies, ...shaped]) });
    const asked = questions.filter((q) => q.id.startsWith('impact:')).map((q) => q.id.replace('impact:src/config.ts#', ''));
    expect(asked).toEqual(['shapea', 'shapeb', 'shapec', 'shaped', 'shapee']);
  });

  // umami 9d477b25b: `checkAuth` (the server's permission check; 1 user, 94 files beyond) came after
  // three components used once each and was left out by the cap of four.
  test('among body changes of as many users, the one more files reach through them is asked first', () => {
    const once = ['ShareProvider', 'SharePage', 'useShareTokenQuery'].map((n) => symbol(n, 'body-changed', usedAt(`src/${n}.tsx`, 3)));
    const checkAuth = symbol('checkAuth', 'body-changed', usedAt('src/lib/request.ts', 45), { transitive: { count: 94, chains: [] } });
    const useApi = symbol('useApi', 'body-changed', users(73));
    const questions = generateQuestions({
      files: [file('src/config.ts')],
      provenance: 'human',
      impact: impact([useApi, ...once, checkAuth]),
    });
    const asked = questions.filter((q) => q.id.startsWith('impact:')).map((q) => q.id.replace('impact:src/config.ts#', ''));
    expect(asked).toEqual(['useApi', 'checkAuth', 'ShareProvider', 'SharePage']);
  });

  test('a changeset is no unit; config gets its own short question; trivia-only files ask nothing', () => {
    const files = [file('src/a.ts'), file('src/b.ts'), file('.changeset/brave-cats.md'), file('package.json'), file('src/c.ts')];
    const questions = generateQuestions({ files, provenance: 'human', impact: impact([], 'low', ['src/c.ts']) });
    expect(questions.map((q) => q.id)).toEqual([
      'intent',
      'unit:src/a.ts',
      'unit:src/b.ts',
      'config:package.json',
      'verification',
      'no-test',
    ]);
    expect(questions.find((q) => q.id === 'config:package.json')!.message).toMatch(/package\.json change in how the project builds/);
  });

  test('impact questions name the symbol, its old and new shape, and its runtime users with path:line', () => {
    const questions = generateQuestions({
      files: [file('src/config.ts'), file('src/config.test.ts')],
      provenance: 'human',
      impact: impact([
        symbol('parseConfig', 'shape-changed', users(12), {
          detail: '(path: string) -> (path: string, opts?: Options)',
          typeUsers: [{ path: 'src/types.ts', line: 1 }],
        }),
        symbol('unused', 'removed', []),
        symbol('fresh', 'added', []),
        symbol('helper', 'body-changed', users(2), { via: 'normalize' }),
      ]),
    });
    const impactQuestions = questions.filter((q) => q.id.startsWith('impact:'));
    expect(impactQuestions.map((q) => q.id)).toEqual(['impact:src/config.ts#parseConfig', 'impact:src/config.ts#helper']);
    expect(impactQuestions[0]!.message).toBe(
      '`parseConfig` in src/config.ts changed its signature ((path: string) -> (path: string, opts?: Options)); 12 files use it (src/user0.ts:10, src/user1.ts:11, src/user2.ts:12, …); 1 more file uses its type only: why do they keep working?',
    );
    expect(impactQuestions[1]!.message).toMatch(
      /^`helper` in src\/config.ts changed its implementation through `normalize`; 2 files use it/,
    );
    expect(impactQuestions[0]!.choices?.map((c) => c.value)).toEqual(['compatible', 'callers-updated', 'not-sure']);
    expect(impactQuestions[0]!.claimCheck?.usersInChange).toEqual([]);
  });

  test('exports changed through one private helper of their file are one impact question (luxon 90a6edae: `fixListRegex`)', () => {
    const questions = generateQuestions({
      files: [file('src/config.ts')],
      provenance: 'human',
      impact: impact([
        symbol('TokenParser', 'body-changed', usedAt('src/datetime.ts', 2364), { via: 'fixListRegex' }),
        symbol('explainFromTokens', 'body-changed', usedAt('src/datetime.ts', 2335), { via: 'fixListRegex' }),
        symbol('parseFromTokens', 'body-changed', usedAt('src/interval.ts', 991), { via: 'fixListRegex' }),
        symbol('other', 'body-changed', usedAt('src/b.ts', 3), { via: 'otherHelper' }),
      ]),
    });
    const asked = questions.filter((q) => q.id.startsWith('impact:'));
    expect(asked.map((q) => q.id)).toEqual(['impact:src/config.ts#TokenParser', 'impact:src/config.ts#other']);
    expect(asked[0]!.message).toBe(
      '`TokenParser` in src/config.ts changed its implementation through `fixListRegex`, as do `explainFromTokens` and `parseFromTokens`; 1 file uses it (src/datetime.ts:2364); 1 more file uses theirs (src/interval.ts:991): why do they keep working?',
    );
    expect(asked[0]!.claimCheck).toMatchObject({ symbol: 'TokenParser', others: ['explainFromTokens', 'parseFromTokens'] });
  });

  test('one export changed through another is named where its users are counted (class-validator 6cbf5a1: not "use its")', () => {
    const asked = generateQuestions({
      files: [file('src/config.ts')],
      provenance: 'human',
      impact: impact([
        symbol('isDefined', 'shape-changed', usedAt('test/a.spec.ts', 312)),
        symbol('IsDefined', 'body-changed', usedAt('test/b.spec.ts', 21), { via: 'isDefined' }),
      ]),
    }).filter((q) => q.id.startsWith('impact:'));
    expect(asked.map((q) => q.message)).toEqual([
      '`isDefined` in src/config.ts changed its signature, and `IsDefined` with it; 1 file uses it (test/a.spec.ts:312); 1 more file uses `IsDefined` (test/b.spec.ts:21): why do they keep working?',
    ]);
  });

  test('an impact question names the nearest users first, as the summary does (TanStack table 269e0d81c)', () => {
    const sorted = symbol(
      'createSortedRowModel',
      'body-changed',
      [
        { path: 'examples/alpine/basic/src/main.ts', line: 55 },
        { path: 'examples/alpine/columns/src/main.ts', line: 28 },
        { path: 'packages/react-table/src/useLegacyTable.ts', line: 443 },
        { path: 'packages/table-core/src/index.ts', line: 3 },
        { path: 'packages/table-core/tests/sort.test.ts', line: 9 },
      ],
      { path: 'packages/table-core/src/sorting.ts' },
    );
    const question = generateQuestions({
      files: [file('packages/table-core/src/sorting.ts', 30), file('src/other.ts')],
      provenance: 'human',
      impact: impact([sorted]),
    }).find((q) => q.id.startsWith('impact:'))!;
    expect(question.message).toContain(
      '5 files use it (packages/table-core/src/index.ts:3, packages/react-table/src/useLegacyTable.ts:443, packages/table-core/tests/sort.test.ts:9, …)',
    );
    expect(question.context[0]).toBe('  packages/table-core/src/index.ts:3');
  });

  test('the piece asks first about the export its edit touched, when it has users, before one that holds it (TanStack table 18aaf922b)', () => {
    const at = (path: string, line: number) => ({ path, line });
    const median = symbol('aggregationFn_median', 'body-changed', [at('examples/a/main.ts', 53), at('src/b.ts', 2)], {
      path: 'src/fns.ts',
    });
    const fns = symbol(
      'aggregationFns',
      'body-changed',
      [1, 2, 3].map((n) => at(`src/user${n}.ts`, n)),
      {
        path: 'src/fns.ts',
        via: 'aggregationFn_median',
      },
    );
    const ask = (symbols: ChangedSymbol[]) =>
      generateQuestions({ files: [file('src/fns.ts', 20), file('src/other.ts')], provenance: 'human', impact: impact(symbols) }).find(
        (q) => q.id === 'unit:src/fns.ts',
      )!.message;
    expect(ask([fns, median])).toMatch(/^In src\/fns.ts, `aggregationFn_median` changed its implementation:/);
    // Touched but used by nothing: the export that changed through it, and its users, are asked about.
    expect(ask([fns, { ...median, valueUsers: [] }])).toMatch(/^In src\/fns.ts, `aggregationFns` changed its implementation/);
  });

  test('a symbol used only in types is asked about without claiming runtime users', () => {
    const questions = generateQuestions({
      files: [file('src/config.ts'), file('src/x.ts')],
      provenance: 'human',
      impact: impact([symbol('Options', 'shape-changed', [], { typeUsers: [{ path: 'src/x.ts', line: 2 }] })]),
    });
    expect(questions.find((q) => q.id.startsWith('impact:'))!.message).toMatch(/; 1 file uses its type \(src\/x\.ts:2\): why/);
  });

  test('a new shape: a staged type user is a user updated in this change', () => {
    // ts-node 2ee80a87: `TSInternal` (an interface) gained a parameter in a method; its one
    // staged user, src/ts-internals.ts, holds it as a type. The choice said "(none of them is
    // staged)" and the claim was refused as if no user were in the change.
    const ask = (staged: string[]) =>
      generateQuestions({
        files: [file('src/config.ts'), ...staged.map((p) => file(p))],
        provenance: 'human',
        impact: impact([
          symbol('TSInternal', 'shape-changed', [], {
            typeUsers: [
              { path: 'src/bin.ts', line: 548 },
              { path: 'src/ts-internals.ts', line: 18 },
            ],
          }),
        ]),
      }).find((q) => q.id.startsWith('impact:'))!;
    const staged = ask(['src/ts-internals.ts']);
    expect(staged.choices!.map((c) => c.label)).toContain('The users are updated in this change');
    expect(staged.context).toContain('  src/ts-internals.ts:18  (type only, in this change)');
    expect(
      checkImpactClaim(staged, { questionId: staged.id, choice: 'callers-updated', text: 'ts-internals.ts passes the new flag' }),
    ).toBeNull();
    const none = ask([]);
    expect(none.choices!.map((c) => c.label)).toContain('The users are updated in this change (none of them is staged)');
    expect(checkImpactClaim(none, { questionId: none.id, choice: 'callers-updated', text: 'x' })).toBe(
      'None of the 2 files that use `TSInternal` (src/bin.ts:548, src/ts-internals.ts:18) is in this change: stage them, or say why they keep working unchanged.',
    );
  });

  test('files that only hold the whole module are counted apart, never as files that use it', () => {
    const holders = Array.from({ length: 370 }, (_, i) => ({ path: `tests/page${i}/init.js`, line: 3 }));
    const questions = generateQuestions({
      files: [file('src/config.ts'), file('src/config.test.ts')],
      provenance: 'human',
      impact: impact([
        symbol('flush', 'body-changed', users(3), { wholeModuleUsers: holders }),
        // Reached only through escaping namespaces: no file uses it, nothing to ask.
        symbol('onlyHeld', 'body-changed', [], { wholeModuleUsers: holders }),
      ]),
    });
    const asked = questions.filter((q) => q.id.startsWith('impact:'));
    expect(asked.map((q) => q.id)).toEqual(['impact:src/config.ts#flush']);
    expect(asked[0]!.message).toBe(
      '`flush` in src/config.ts changed its implementation; 3 files use it (src/user0.ts:10, src/user1.ts:11, src/user2.ts:12); and 370 more files hold the whole module: why do they keep working?',
    );
    expect(asked[0]!.context).toContain(
      '  holding the whole module: tests/page0/init.js:3, tests/page1/init.js:3, tests/page2/init.js:3, …',
    );
  });

  test('high risk asks how it would be noticed and rolled back', () => {
    const ids = generateQuestions({
      files: [file('src/a.ts'), file('src/a.test.ts')],
      provenance: 'human',
      impact: impact([], 'high'),
    }).map((q) => q.id);
    expect(ids[ids.length - 1]).toBe('rollback');
  });

  test('forty small files do not become forty questions', () => {
    const files = Array.from({ length: 40 }, (_, i) => file(`pkg${i % 4}/src/f${i}.ts`));
    const units = generateQuestions({ files, provenance: 'human' }).filter((q) => q.id.startsWith('unit:'));
    expect(units.length).toBeLessThanOrEqual(6);
    expect(units.length).toBeGreaterThanOrEqual(2);
  });
});

describe('groupChangeUnits', () => {
  test('a module and its test in a tests folder are one unit; excluded files are not asked about', () => {
    const units = groupChangeUnits([
      file('lib/parse.ts', 30),
      file('lib/tests/parse.test.ts', 10),
      file('lib/other.ts', 3),
      file('package-lock.json', 900, 'lock file'),
    ]);
    expect(units.map((u) => [u.label, u.files.length])).toEqual([
      ['lib/parse.ts', 2],
      ['lib/other.ts', 1],
    ]);
  });

  test('a barrel line that passes on a staged module joins its piece (class-validator 7fe37ed); other lines do not', () => {
    const files = [file('src/decorator/string/is-currency.ts', 31), file('src/decorator/decorators.ts', 1), file('src/other/util.ts', 2)];
    const edits = new Map([
      ['src/decorator/decorators.ts', "+export * from './string/is-currency';"],
      ['src/other/util.ts', "+// export * from '../decorator/string/is-currency'\n+const x = 1;"],
    ]);
    expect(groupChangeUnits(files, undefined, edits).map((u) => u.files.map((f) => f.path))).toEqual([
      ['src/decorator/string/is-currency.ts', 'src/decorator/decorators.ts'],
      ['src/other/util.ts'],
    ]);
    // `export { a } from '../x'` and a folder's index resolve the same way.
    const index = [file('lib/a/index.ts', 10), file('lib/b/barrel.ts', 1)];
    const named = new Map([['lib/b/barrel.ts', "+export { a, type B } from '../a';"]]);
    expect(groupChangeUnits(index, undefined, named)).toHaveLength(1);
    expect(groupChangeUnits(index)).toHaveLength(2);
  });

  test('docs, config and generated files are pieces of their own kind', () => {
    const units = groupChangeUnits([
      file('README.md'),
      file('docs/guide.md'),
      file('tsconfig.json'),
      file('dist/index.min.js'),
      file('src/a.ts'),
    ]);
    expect(units.map((u) => u.kind).sort()).toEqual(['config', 'docs', 'generated', 'source']);
    expect(units.find((u) => u.kind === 'docs')!.files.map((f) => f.path)).toEqual(['README.md', 'docs/guide.md']);
  });
});
