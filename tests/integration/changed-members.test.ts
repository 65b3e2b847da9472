import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { listMembers } from '../../src/adapters/typescript/list-members.js';
import { describeChangeSite, diffMembers } from '../../src/core/questionnaire/changed-members.js';
import { listNamesOfOneSide } from '../../src/core/questionnaire/printed-names.js';
import { PROJECT_ROOT } from '../helpers/temp-repo.js';
import { createScenarioRepo } from '../helpers/fixture-repo.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';
import { HISTORY_AFTER, HISTORY_BEFORE, HISTORY_PATH } from '../helpers/xstate-history.js';

const FIXTURE = join(PROJECT_ROOT, 'tests', 'fixtures', 'impact', 'changed-members');
// Every line touched: each piece is hashed on both sides (the CLI test above reads the hunks).
const ALL: readonly (readonly [number, number])[] = [[1, Number.MAX_SAFE_INTEGER]];
const diffTexts = (path: string, oldText: string, newText: string) => {
  const sides = listMembers(path, { oldText, newText, oldRanges: ALL, newRanges: ALL });
  return diffMembers(sides.old, sides.new);
};
const membersOf = (path: string) =>
  new Map([
    [path, diffTexts(path, readFileSync(join(FIXTURE, 'before', path), 'utf8'), readFileSync(join(FIXTURE, 'after', path), 'utf8'))],
  ]);

// The questions name the pieces of an export that the change touches, where they said only
// "changed its implementation" (issue 19's fourth round, on commits of got, msw and xstate;
// tests/fixtures/impact/changed-members holds their source as written, cut to what changed).

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const message = messageOf;

describe('the pieces of a changed export, by name', () => {
  test("a class's members (got 74e3167b70), a function's locals and returned methods (msw ccb40e08e3), a helper's method (xstate 345e04ce66)", () => {
    repo = createScenarioRepo('impact', 'changed-members');
    const questions = listQuestions(repo);
    // got: the abort listener moved from the constructor to a new method that flush calls.
    // Told by its piece's question; its users' question says so rather than tell it twice.
    expect(message(questions, 'unit:src/request.ts')).toContain(
      '`Request` (default export) changed its implementation (`_abortListenerDisposer`, `constructor` and `flush` changed, `_attachAbortListener` added)',
    );
    expect(message(questions, 'impact:src/request.ts#Request')).toContain(
      '`Request` (default export) in src/request.ts changed its implementation (as told above)',
    );
    // What an export's users' question tells, or the piece's question before it where it says "as told above".
    const told = (id: string) => {
      const own = message(questions, id);
      const pieces = questions.filter((q) => q.id.startsWith('unit:')).map((q) => q.message);
      return own.includes('(as told above)') ? pieces.join('\n') : own;
    };
    // msw: the returned object's methods and the new branch; a local gained or lost is how the
    // function is written, not what it offers (`disposable`, `listenersController`): not named.
    expect(told('impact:src/define-network.ts#defineNetwork')).toContain(
      'changed its implementation (`configure`, `enable` and `disable` changed, a new branch `if (!session.active)`, now calls `disposable.dispose`, no longer calls `listenersController.abort`)',
    );
    expect(told('impact:src/Disposable.ts#Disposable')).toContain(
      'changed its implementation (`dispose` changed, new branches `if (error instanceof Error)` and `if (errors.length > 0)`, now calls `console.error`)',
    );
    // xstate: `createActor` changed through the one method of `Actor` that changed.
    // The member's edit too long to quote, the call it gains says what: a fallback when `JSON.stringify` throws.
    expect(told('impact:src/createActor.ts#createActor')).toContain(
      'changed its implementation through `Actor._send` (now calls `String`)',
    );
    expect(message(questions, 'unit:src/createActor.ts')).toContain('`createActor` changed its implementation through `Actor._send`');
    const units = questions.filter((q) => q.id.startsWith('unit:')).map((q) => q.message);
    expect(units.some((m) => m.includes('`_attachAbortListener` added'))).toBe(true);
    // A name printed as added or removed tells which side its lines are on: the quiz offers none.
    const offered = questions.filter((q) => q.quiz === true).flatMap((q) => q.choices ?? []);
    expect(offered.length).toBeGreaterThan(0);
    for (const name of ['_attachAbortListener'])
      expect(offered.filter((c) => new RegExp(`(?<![\\w$])${name}(?![\\w$])`).test(c))).toEqual([]);
  });

  test("a helper's one changed member is `Helper.member` for a class, never for a function's local", () => {
    // Through a class: its member is a property.
    expect(describeChangeSite(membersOf('src/Disposable.ts'), 'src/Disposable.ts', 'SetupApi', 'Disposable').through).toBe(
      '`Disposable.dispose` (new branches `if (error instanceof Error)` and `if (errors.length > 0)`)',
    );
    // Through a function: `defineNetwork.configure` would name a property it does not have. The
    // commit's `configure` hunk alone: one piece changed.
    const path = 'src/define-network.ts';
    const before = readFileSync(join(FIXTURE, 'before', path), 'utf8');
    const configureOnly = before.replace(
      "invariant(readyState === NetworkReadyState.DISABLED, '')",
      `invariant(
        readyState === NetworkReadyState.DISABLED,
        'Failed to call "configure()" on the network: cannot configure an already enabled network.',
      )`,
    );
    expect(configureOnly).not.toBe(before);
    const oneChange = new Map([[path, diffTexts(path, before, configureOnly)]]);
    expect(describeChangeSite(oneChange, path, 'setupWorker', 'defineNetwork').through).toBe('`defineNetwork` (`configure` changed)');
    // Comments and formatting are no change of a piece: the class's other members are not named.
    expect(membersOf('src/request.ts').get('src/request.ts')?.get('Request')?.changed).toEqual([
      '_abortListenerDisposer',
      'constructor',
      'flush',
    ]);
  });

  test("a value made by a call from an object of options names that object's properties (react-three-fiber 1e676dc4)", () => {
    const path = 'src/reconciler.tsx';
    const oldText = [
      "import Reconciler from 'react-reconciler'",
      'function createReconciler(config: object) {',
      '  return Reconciler(config)',
      '}',
      'export const reconciler = /* @__PURE__ */ createReconciler({',
      '  supportsMutation: true,',
      '  resetFormInstance() {},',
      '})',
      '',
    ].join('\n');
    const newText = oldText.replace(
      '  resetFormInstance() {},\n',
      "  resetFormInstance() {},\n  rendererPackageName: '@react-three/fiber',\n  rendererVersion: packageData.version,\n",
    );
    expect(describeChangeSite(new Map([[path, diffTexts(path, oldText, newText)]]), path, 'reconciler', undefined).own).toBe(
      ' (`rendererPackageName` and `rendererVersion` added)',
    );
  });

  test('`export =` of a call names the pieces of the function it wraps (vue language-tools 10c916819: `module.exports` "changed its implementation" with nothing named)', () => {
    const plugin = (setup: string, resolve: string, project: string) =>
      [
        "import { createLanguageServicePlugin } from '@volar/typescript/lib/quickstart/createLanguageServicePlugin';",
        'export = createLanguageServicePlugin(',
        '\t(ts, info) => {',
        '\t\taddVueCommands();',
        '\t\treturn {',
        '\t\t\tsetup: language => {',
        setup,
        '\t\t\t},',
        '\t\t};',
        '\t\tfunction addVueCommands() {',
        "\t\t\tsession.addProtocolHandler('_vue:resolveModuleName', request => {",
        '\t\t\t\tconst [fileName, ...args] = request.arguments;',
        resolve,
        '\t\t\t});',
        '\t\t\tfunction getProject(fileName: string) {',
        '\t\t\t\tconst { project } = info.session.getDefaultProjectForFile(fileName);',
        project,
        '\t\t\t}',
        '\t\t}',
        '\t},',
        ');',
        '',
      ].join('\n');
    const oldText = plugin(
      '\t\t\t\t(info.project as any).__vue__ = { language };',
      '\t\t\t\treturn createResponse(resolveModuleName(ts, info.languageServiceHost, fileName, ...args));',
      '\t\t\t\treturn { project, language: (project as any).__vue__.language };',
    );
    const newText = plugin(
      '\t\t\t\t(info.project as any).__vue__ = { language, vueOptions };',
      '\t\t\t\tconst { project } = getProject(fileName);\n\t\t\t\treturn createResponse(resolveModuleName(ts, project, fileName, ...args));',
      '\t\t\t\treturn { project, language: (project as any).__vue__.language, vueOptions: (project as any).__vue__.vueOptions };',
    );
    const path = 'packages/typescript-plugin/index.ts';
    expect(describeChangeSite(new Map([[path, diffTexts(path, oldText, newText)]]), path, 'export=', undefined).own).toBe(
      ' (`setup`, `addVueCommands` and `getProject` changed)',
    );
    // `export default` of a call is the `default` export's: `defineConfig({ … })`'s keys.
    const config = (extra: string) => `export default defineConfig({\n  root: 'src',${extra}\n});\n`;
    expect(
      describeChangeSite(
        new Map([['vite.config.ts', diffTexts('vite.config.ts', config(''), config("\n  base: '/app/',"))]]),
        'vite.config.ts',
        'default',
        undefined,
      ).own,
    ).toBe(' (`base` added)');
  });

  test('a function named inside a callback of the export is a piece too, and so is the one holding it (tsup 7c1e13e: `copyPublicDir` moved into `buildAll`)', () => {
    const build = (inBuildAll: string, afterIt: string) =>
      [
        'export async function build(options: Options) {',
        '  const config = await load(options);',
        '  await Promise.all(',
        '    config.items.map(async (item) => {',
        '      const mainTasks = async () => {',
        '        const buildAll = async () => {',
        '          await run(item);',
        inBuildAll,
        '        };',
        '        await buildAll();',
        afterIt,
        '      };',
        '      const dtsTask = async () => emit(item);',
        '      await Promise.all([mainTasks(), dtsTask()]);',
        '    }),',
        '  );',
        '}',
        '',
      ].join('\n');
    const copy = '          copyPublicDir(options.publicDir, options.outDir);';
    const changes = diffTexts('src/index.ts', build('', copy), build(copy, ''));
    expect(describeChangeSite(new Map([['src/index.ts', changes]]), 'src/index.ts', 'build', undefined).own).toBe(
      ' (`mainTasks` and `buildAll` changed)',
    );
  });

  test('a change inside a top-level call that exports nothing is asked by that call and the private function it adds (preact signals bb9cd0a)', () => {
    const source = (callback: string, helper: string) =>
      [
        "import { hook, createUpdater } from './hooks';",
        '',
        'hook(OptionsTypes.RENDER, (old, vnode) => {',
        '  const component = vnode.component;',
        '  component.updater = createUpdater(',
        callback,
        '  );',
        '  old(vnode);',
        '});',
        helper,
      ].join('\n');
    repo = createTempRepo({ 'src/index.ts': source('    () => component.setState({}),', ''), 'src/hooks.ts': 'export const hook = 1;\n' });
    const helper = '\nfunction updateCallback(component: Component) {\n  return () => component.setState({});\n}\n';
    repo.stage({
      'src/index.ts': source('    updateCallback(component),', helper),
      '.changeset/calm-ducks.md': '---\nx: patch\n---\n\nAvoid closing over vnodes.\n',
    });
    expect(message(listQuestions(repo), 'unit:src/index.ts')).toBe(
      'In src/index.ts, what does the change to `hook(OptionsTypes.RENDER, …)` do differently now, with the new `updateCallback`?',
    );
  });

  test('only the pieces a hunk touches are hashed, on both sides: a comment added to one is no change of it', () => {
    const path = 'src/request.ts';
    const oldText = readFileSync(join(FIXTURE, 'before', path), 'utf8');
    const lines = oldText.split('\n');
    const at = lines.findIndex((l) => l.includes('return this.options.body === undefined;'));
    const newText = [...lines.slice(0, at), '\t\t// No body: nothing to decode.', ...lines.slice(at)].join('\n');
    // The patch's one hunk: a line added at `at + 1`, none removed (git's `@@ -at,0 +at+1 @@`).
    const sides = listMembers(path, { oldText, newText, oldRanges: [], newRanges: [[at + 1, at + 1]] });
    expect(diffMembers(sides.old, sides.new).size).toBe(0);
    // The same line as code is a change of that piece, and of no other.
    const coded = [...lines.slice(0, at), '\t\tthis._flushed = false;', ...lines.slice(at)].join('\n');
    const changed = listMembers(path, { oldText, newText: coded, oldRanges: [], newRanges: [[at + 1, at + 1]] });
    expect(diffMembers(changed.old, changed.new).get('Request')?.changed).toEqual(['_shouldIncrementallyDecodeBody']);
  });

  test("a helper's new branch is named (xstate e913eebb65's `resolveHistoryDefaultTransition`); a branch kept or moved is not", () => {
    const [path, oldText, newText] = [HISTORY_PATH, HISTORY_BEFORE, HISTORY_AFTER];
    const sides = listMembers(path, { oldText, newText, oldRanges: [], newRanges: [[9, 11]] });
    const members = new Map([[path, diffMembers(sides.old, sides.new)]]);
    expect(describeChangeSite(members, path, 'initialMicrostep', 'resolveHistoryDefaultTransition').through).toBe(
      "`resolveHistoryDefaultTransition` (a new branch `if (stateNode.parent!.type === 'parallel')`)",
    );
    // The same branch on both sides (moved within the function) is none.
    const moved = listMembers(path, { oldText: newText, newText, oldRanges: [[9, 11]], newRanges: [[9, 11]] });
    expect(diffMembers(moved.old, moved.new).size).toBe(0);
  });

  test('a type assertion dropped from a condition is no new branch and no removed one (vue language-tools 26ceb0c3a)', () => {
    const plugin = (condition: string) =>
      [
        "import * as CompilerDOM from '@vue/compiler-dom';",
        'const plugin: VueLanguagePlugin = () => {',
        '\treturn {',
        '\t\tupdateSFCTemplate(oldResult, change) {',
        '\t\t\treturn tryUpdateNode(oldResult.ast);',
        '\t\t\tfunction tryUpdateNode(node: CompilerDOM.Node): boolean {',
        '\t\t\t\tif (node.type === CompilerDOM.NodeTypes.COMPOUND_EXPRESSION) {',
        '\t\t\t\t\tfor (const childNode of node.children) {',
        "\t\t\t\t\t\tif (typeof childNode === 'object') {",
        `\t\t\t\t\t\t\tif (${condition}) {`,
        '\t\t\t\t\t\t\t\treturn false;',
        '\t\t\t\t\t\t\t}',
        '\t\t\t\t\t\t}',
        '\t\t\t\t\t}',
        '\t\t\t\t}',
        '\t\t\t\treturn true;',
        '\t\t\t}',
        '\t\t},',
        '\t};',
        '};',
        'export default plugin;',
        '',
      ].join('\n');
    const path = 'packages/language-core/lib/plugins/vue-template-html.ts';
    const changes = diffTexts(
      path,
      plugin('!tryUpdateNode(childNode as CompilerDOM.TemplateChildNode)'),
      plugin('!tryUpdateNode(childNode)'),
    );
    expect(describeChangeSite(new Map([[path, changes]]), path, 'plugin', undefined).own).toBe(
      ' (`updateSFCTemplate` and `tryUpdateNode` changed)',
    );
    // A condition the change does add is named as written.
    const added = diffTexts(path, plugin('!tryUpdateNode(childNode)'), plugin('!tryUpdateNode(childNode as Node) || node.loc!.source'));
    expect(describeChangeSite(new Map([[path, added]]), path, 'plugin', undefined).own).toBe(
      ' (`updateSFCTemplate` and `tryUpdateNode` changed, the branch `if (!tryUpdateNode(childNode))` now `if (!tryUpdateNode(childNode as Node) || node.loc!.source)`)',
    );
  });

  test('two new branches, one too long to quote, are never told as the short one twice (got 071ea0749d)', () => {
    const path = 'source/core/index.ts';
    const oldText = `export default class Request {
	_onResponseBase(response: IncomingMessage, nativeResponse: IncomingMessage): void {
		response.once('error', (error: NodeJS.ErrnoException) => {
			this._aborted = true;
		});
	}
}
`;
    const newText = oldText.replace(
      '\t\t\tthis._aborted = true;\n',
      `\t\t\tif (
\t\t\t\t!wasDecompressed
\t\t\t\t&& response.complete
\t\t\t\t&& this._responseSize === undefined
\t\t\t\t&& error.code === 'ECONNRESET'
\t\t\t) {
\t\t\t\treturn;
\t\t\t}

\t\t\tif (this._responseSize === undefined && nativeResponse.complete) {
\t\t\t\treturn;
\t\t\t}

\t\t\tthis._aborted = true;
`,
    );
    const sides = listMembers(path, { oldText, newText, oldRanges: [], newRanges: [[4, 16]] });
    const members = new Map([[path, diffMembers(sides.old, sides.new)]]);
    expect(describeChangeSite(members, path, 'Request', undefined).own).toBe(
      ' (`_onResponseBase` changed, new branches `if (this._responseSize === undefined && nativeResponse.complete)` and 1 more)',
    );
  });
});

describe('the reader of what the change altered', () => {
  test('a file reading the getter that gives back the field a changed method now clears is the reader named, though it imports the class as a type (TanStack query 4a9bef6cf)', () => {
    const path = 'src/query.ts';
    const after = join(PROJECT_ROOT, 'tests', 'fixtures', 'impact', 'member-reader');
    const changes = diffTexts(path, readFileSync(join(after, 'before', path), 'utf8'), readFileSync(join(after, 'after', path), 'utf8'));
    // `fetch` now sets `#retryer` to undefined; `promise` returns it; `cancel` only calls it.
    expect(changes.get('Query')).toMatchObject({ changed: ['fetch'], altered: ['promise'] });
    repo = createScenarioRepo('impact', 'member-reader');
    // Was "what changes for src/queryCache.ts:7, which uses it?" (it builds queries and cancels them).
    expect(message(listQuestions(repo), 'unit:src/query.ts')).toContain(
      'what does it do differently now, and what changes for src/hydration.ts:5, which reads `query.promise`?',
    );
  });

  test('a branch the change removes is named (mobx-state-tree 1d600ed6: the loop now sits in a try)', () => {
    const resolve = (body: string) => `export function resolve(parts: string[], failIfResolveFails = true) {
  let current: Node | null = base
${body}
  return current!
}
`;
    const before = resolve(`  for (const part of parts) {
    current = current?.child(part) ?? null
    if (current) continue
    if (failIfResolveFails) throw fail(part)
    else return undefined
  }`);
    const after = resolve(`  try {
    for (const part of parts) {
      current = current?.child(part) ?? null
      if (current) continue
      throw fail(part)
    }
  } catch (e) {
    if (!failIfResolveFails) return undefined
    throw e
  }`);
    const changes = diffTexts('src/node-utils.ts', before, after);
    expect(describeChangeSite(new Map([['src/node-utils.ts', changes]]), 'src/node-utils.ts', 'resolve', undefined).own).toBe(
      ' (the branch `if (failIfResolveFails)` now `if (!failIfResolveFails)`)',
    );
    // Three gone is a rewrite: none is named.
    const many = resolve('  if (a) x()\n  if (b) y()\n  if (c) z()');
    expect(
      describeChangeSite(
        new Map([['src/node-utils.ts', diffTexts('src/node-utils.ts', many, resolve(''))]]),
        'src/node-utils.ts',
        'resolve',
        undefined,
      ).own,
    ).toBe('');
  });

  test("a local the function gains is named where nothing else is (motion 32c2d7157's `assignViewTransitionNames` reads every name up front into `currentNames`)", () => {
    const assign = (reads: string, current: string) => `export function assignViewTransitionNames(definition: string): string[] {
    const elements = resolveElements(definition)
${reads}
    return elements.map((element, i) => {
        const existing = registry.get(element)
        if (existing) return existing
${current}
        return current || element.id
    })
}
`;
    const before = assign('', '        const current = getComputedStyle(element).getPropertyValue("view-transition-name")');
    const after = assign(
      '    const currentNames = elements.map((element) =>\n        registry.has(element) ? undefined : getComputedStyle(element).getPropertyValue("view-transition-name")\n    )',
      '        const current = currentNames[i]',
    );
    const path = 'src/view/utils/assign-names.ts';
    const site = describeChangeSite(new Map([[path, diffTexts(path, before, after)]]), path, 'assignViewTransitionNames', undefined);
    expect(site.own).toBe(' (a new local `currentNames`, now calls `registry.has`)');
    // The quiz offers no line that the question has named as new, nor one holding a call it names as new.
    expect(listNamesOfOneSide(`\`assignViewTransitionNames\` changed its implementation${site.own}`)).toEqual([
      'currentNames',
      'registry.has',
    ]);
    // Beside a named piece, a local gained is how the function is written: not named.
    const withBranch = assign(
      '    const currentNames = elements.map(() => undefined)',
      '        if (currentNames[i]) return currentNames[i]\n        const current = ""',
    );
    expect(
      describeChangeSite(new Map([[path, diffTexts(path, before, withBranch)]]), path, 'assignViewTransitionNames', undefined).own,
    ).toBe(' (a new branch `if (currentNames[i])`, no longer calls `getComputedStyle`)');
  });

  test("the keys of an object a function's statement passes to a call are its pieces, never locals (ts-morph e217b8de's `statements.push({ …, namedImports })`)", () => {
    const source = (names: string) => `export function getDeclarationFileStatements(mainFile: tsMorph.SourceFile) {
  const statements: tsMorph.StatementStructures[] = [];

  // add imports the typescript compiler api and code block writer files
  statements.push({
    kind: tsMorph.StructureKind.ImportDeclaration,
    namedImports: [${names}],
    moduleSpecifier: "@ts-morph/common",
  });

  return statements;
}
`;
    const path = 'scripts/generation/declarationFile/getDeclarationFileStatements.ts';
    const changes = diffTexts(path, source('"errors", "StandardizedFilePath", "ts"'), source('"errors", "ts"'));
    expect(describeChangeSite(new Map([[path, changes]]), path, 'getDeclarationFileStatements', undefined).own).toBe(
      ' (`namedImports` changed)',
    );
    // A key the object gains is no local the function gains.
    const gained = diffTexts(
      path,
      source('"ts"'),
      source('"ts"').replace('    moduleSpecifier', '    isTypeOnly: true,\n    moduleSpecifier'),
    );
    expect(gained.get('getDeclarationFileStatements')?.newLocals ?? []).toEqual([]);
  });
});
