import { describe, expect, test } from '@jest/globals';
import { diffExports } from '../../../src/core/impact/diff-exports.js';
import { parseModule } from '../../../src/adapters/typescript/parse-module.js';
import type { ExportRecord, ModuleRecord } from '../../../src/core/impact/module-record.js';

const moduleOf = (exports: ExportRecord[]): ModuleRecord => ({
  imports: [],
  exports,
  declarations: [],
  hash: exports.map((e) => e.bodyHash).join(),
});
const pino = (bodyHash: string): ExportRecord => ({
  name: 'export=',
  kind: 'export-equals',
  shape: 'pino(opts?: LoggerOptions): Logger',
  bodyHash,
  local: 'pino',
});

describe('diffExports: a declaration file has no implementation', () => {
  test('what changed behind an unchanged shape in pino.d.ts is a type; in pino.js it is the implementation', () => {
    // pino b394c2c1 gave `MultiStreamRes` two members inside `declare namespace pino`: the
    // report said "module.exports (pino.d.ts) implementation changed".
    expect(diffExports('pino.d.ts', moduleOf([pino('a')]), moduleOf([pino('b')]))).toEqual([
      { path: 'pino.d.ts', name: 'export=', change: 'shape-changed', detail: 'declared types changed' },
    ]);
    expect(diffExports('pino.js', moduleOf([pino('a')]), moduleOf([pino('b')]))).toEqual([
      { path: 'pino.js', name: 'export=', change: 'body-changed' },
    ]);
  });
});

describe('diffExports: a parameter renamed is no new signature', () => {
  const fn = (shape: string, bodyHash: string): ExportRecord => ({
    name: 'injectTable',
    kind: 'function',
    shape,
    bodyHash,
    local: 'injectTable',
  });
  const change = (before: string, after: string) =>
    diffExports('src/injectTable.ts', moduleOf([fn(before, 'a')]), moduleOf([fn(after, 'b')]))[0]?.change;

  test('callers pass arguments by position: a new name is a body change, a new type or arity a new signature (TanStack table a498a8124)', () => {
    expect(
      change(
        'export function injectTable<TFeatures extends TableFeatures>(options: () => TableOptions<TFeatures>): AngularTable<TFeatures>',
        'export function injectTable<TFeatures extends TableFeatures>(\n  optionsFactory: () => TableOptions<TFeatures>,\n): AngularTable<TFeatures>',
      ),
    ).toBe('body-changed');
    expect(change('export function f(a, b = 2, ...c)', 'export function f(x, y = 2, ...z)')).toBe('body-changed');
    expect(change('export function f<T extends (a: A) => B>(x: T): T', 'export function f<T extends (a: A) => B>(y: T): T')).toBe(
      'body-changed',
    );
    expect(change('export function f(a: number): void', 'export function f(a: string): void')).toBe('shape-changed');
    expect(change('export function f(a: number): void', 'export function f(a?: number): void')).toBe('shape-changed');
    expect(change('export function f(a: number): void', 'export function f(a: number, b: number): void')).toBe('shape-changed');
    // Inside a parameter's type, a property's name is the type's own.
    expect(change('export function f(cb: { x: number }): void', 'export function f(cb: { y: number }): void')).toBe('shape-changed');
  });
});

describe('diffExports: a type changes through the types it is built of first', () => {
  // TanStack router 0eb45738c0: `ProcessedTree` holds `AnySegmentNode` (whose `DynamicSegmentNode`
  // made `prefix` required) and a cache typed `ReturnType<typeof findMatch>`, whose callee
  // `getNodeMatch` changed its body; the report said "type changed through `getNodeMatch`".
  const source = (prefix: string, check: string) => `
type DynamicSegmentNode = { kind: 1; ${prefix} }
type StaticSegmentNode = { kind: 0 }
type AnySegmentNode = StaticSegmentNode | DynamicSegmentNode
function getNodeMatch(path: string, node: AnySegmentNode) { return ${check} ? { path } : null }
function findMatch(path: string, tree: AnySegmentNode) { return getNodeMatch(path, tree) }
export type ProcessedTree = {
  flatCache: Map<string, ReturnType<typeof findMatch>> | null
  segmentTree: AnySegmentNode
}
`;
  test('the changed type is named, not the code a `typeof` reaches', () => {
    const before = parseModule('tree.ts', source('prefix?: string', 'path.length > 0'));
    const after = parseModule('tree.ts', source('prefix: string', 'path.length > 1'));
    expect(diffExports('tree.ts', before, after)).toEqual([
      expect.objectContaining({ name: 'ProcessedTree', change: 'shape-changed', detail: 'type changed through `DynamicSegmentNode`' }),
    ]);
    // With no changed type on the way, the code is the route.
    const codeOnly = parseModule('tree.ts', source('prefix?: string', 'path.length > 1'));
    expect(diffExports('tree.ts', before, codeOnly)).toEqual([
      expect.objectContaining({ name: 'ProcessedTree', detail: 'type changed through `getNodeMatch`' }),
    ]);
  });
});

describe('diffExports: a type built of a class whose shape changed names the class', () => {
  // TanStack router fa65287281: `AnyRouter = RouterCore<…>`; the class's `preloadRoute` member
  // took a new type (`PreloadRouteFn` gained a parameter) and a new body.
  const source = (extra: string, body: string) => `
type PreloadRouteFn<A${extra && ', B = object'}> = (opts: { to: A${extra && '; dehydrated?: B'} }) => Promise<void>
export class RouterCore<A, B = object> {
  preloadRoute: PreloadRouteFn<A${extra}> = (opts) => ${body}
}
export type AnyRouter = RouterCore<any>
`;
  test('the class, the nearest, not the type its member is typed with', () => {
    const before = parseModule('router.ts', source('', 'Promise.resolve()'));
    const after = parseModule('router.ts', source(', B', 'Promise.resolve(void opts)'));
    expect(diffExports('router.ts', before, after)).toContainEqual(
      expect.objectContaining({ name: 'AnyRouter', change: 'shape-changed', detail: 'type changed through `RouterCore`' }),
    );
  });
});

describe('diffExports: a long shape says where it changed', () => {
  test("unstorage 61b2df1's `createStorageHandler` returns `FetchHandler`: both sides cut at 120 characters read the same", () => {
    const params = `storage: Storage, opts: StorageServerOptions = {}, extra: { readonly prefix?: string; readonly base?: string } = {}`;
    const before = `export function createStorageHandler(${params}): (req: globalThis.Request) => Promise<Response> { return handle(storage, opts); }`;
    const after = `export function createStorageHandler(${params}): FetchHandler { return handle(storage, opts); }`;
    const [change] = diffExports('src/server.ts', parseModule('src/server.ts', before), parseModule('src/server.ts', after));
    expect(change!.change).toBe('shape-changed');
    const [old, now] = change!.detail!.split(' → ');
    expect(old).toContain('(req: globalThis.Request) =>');
    expect(now).toContain('FetchHandler');
    expect(now).not.toContain('StorageServerOptions'); // what both sides share is left out
    expect(change!.detail!.length).toBeLessThanOrEqual(100); // short enough for the question to show it
  });
  test("mobx-state-tree 4e1ee91b's `snapshotProcessor`: the cut keeps the whole name the difference sits in", () => {
    const shape = (processors: string) =>
      `export function snapshotProcessor<IT extends IAnyType, CustomC = _NotCustomized, CustomS = _NotCustomized>(type: IT, processors: ${processors}, name?: string): ISnapshotProcessor<IT, CustomC, CustomS> { return new SnapshotProcessor(type, processors, name); }`;
    const [change] = diffExports(
      'src/snapshotProcessor.ts',
      parseModule('src/snapshotProcessor.ts', shape('ISnapshotProcessors<IT["CreationType"], CustomC, IT["SnapshotType"], CustomS>')),
      parseModule('src/snapshotProcessor.ts', shape('ISnapshotProcessors<IT, CustomC, CustomS>')),
    );
    const [old, now] = change!.detail!.split(' → ');
    // Not `…["CreationType"], …` → `…, CustomC…`: which type's arguments moved is said.
    expect(old).toMatch(/^…ISnapshotProcessors<IT\["CreationType"\], CustomC/);
    expect(now).toMatch(/^…ISnapshotProcessors<IT, CustomC/);
    expect(change!.detail!.length).toBeLessThanOrEqual(100);
  });
  test("keyv 8afdac5edb's `KeyvHooks` gains members in two places: one `…` where the middle is cut, not `……`", () => {
    const hooks = (names: string[]) =>
      `export enum KeyvHooks {\n${names.map((n) => `\t/** @deprecated Use BEFORE_${n} instead */\n\tPRE_${n} = "pre${n}",`).join('\n')}\n\tBEFORE_SET = "before:set",\n}`;
    const [change] = diffExports(
      'core/keyv/src/types.ts',
      parseModule('core/keyv/src/types.ts', hooks(['SET', 'GET', 'SET_MANY_RAW', 'DELETE'])),
      parseModule('core/keyv/src/types.ts', hooks(['SET', 'GET', 'SET_MANY_RAW', 'SET_MANY', 'DELETE', 'DELETE_MANY'])),
    );
    expect(change!.change).toBe('shape-changed');
    expect(change!.detail).not.toContain('……');
    const [, now] = change!.detail!.split(' → ');
    expect(now).toMatch(/^…preSET_MANY_RAW", PRE_SET_MANY = "preSET_MANY", PRE_DELETE = …$/);
  });
  test('short shapes are shown whole', () => {
    const [change] = diffExports(
      'a.ts',
      parseModule('a.ts', 'export function f(a: string) {}'),
      parseModule('a.ts', 'export function f(a: number) {}'),
    );
    expect(change!.detail).toBe('export function f(a: string) → export function f(a: number)');
  });
});

describe('diffExports: a shape that only gains something optional is widened, not broken', () => {
  const shapes = (path: string, before: string, after: string) =>
    diffExports(path, parseModule(path, before), parseModule(path, after)).map((c) => [c.name, c.change, c.widened === true]);

  test('execa 84fa0ec: `CommonOptions` gains `readonly killDescendants?`, and the types built on it with it', () => {
    const before = [
      'export type CommonOptions<IsSync extends boolean = boolean> = {',
      '  /** Kill the subprocess when the parent exits. */',
      '  readonly cleanup?: Unless<IsSync, boolean>;',
      '  readonly uid?: number;',
      '};',
      'export type Options = CommonOptions<false> & {readonly encoding?: string};',
      '',
    ].join('\n');
    const after = before.replace(
      '  readonly uid?: number;',
      '  readonly killDescendants?: Unless<IsSync, boolean>;\n  readonly uid?: number;',
    );
    expect(shapes('types/options.d.ts', before, after)).toEqual([
      ['CommonOptions', 'shape-changed', true],
      ['Options', 'shape-changed', true],
    ]);
  });

  test.each([
    [
      'an optional parameter',
      'export function f(a: string): void {}',
      'export function f(a: string, opts?: { x?: number }): void {}',
      true,
    ],
    ['a parameter with a default', 'export function f(a: string) {}', 'export function f(a: string, b = 2) {}', true],
    ['a first optional member', 'export interface I { b: number }', 'export interface I { a?: string; b: number }', true],
    // urql 1d0ce5c1: `refocusExchange = ()` → `(opts: RefocusOptions = {})`, a list that was empty.
    ['a first parameter, with a default', 'export const r = (): E => e;', 'export const r = (opts: O = {}): E => e;', true],
    ['a first parameter, required', 'export function f(): void {}', 'export function f(a: string): void {}', false],
    ['a first member of an empty interface, optional', 'export interface I {}', 'export interface I { a?: string }', true],
    ['a required member', 'export interface I { a: string }', 'export interface I { a: string; b: number }', false],
    // umami a87d899e1: `Auth`'s `shareToken` gains `pixelIds?` and `linkIds?`, apart from each other.
    [
      'two optional members, apart',
      'export interface A { t?: { a?: string; p?: string; l?: string } }',
      'export interface A { t?: { a?: string; p?: string; ps?: string[]; l?: string; ls?: string[] } }',
      true,
    ],
    [
      'two members apart, one required',
      'export interface A { a: string; b: string }',
      'export interface A { x?: string; a: string; b: string; y: number }',
      false,
    ],

    ['a required callback member', 'export interface I { a: string }', 'export interface I { a: string; on: (e: E) => void }', false],
    ['a required parameter', 'export function f(a: string) {}', 'export function f(a: string, b: number) {}', false],
    ['a member made optional, another removed', 'export interface I { a: string; b: number }', 'export interface I { a?: string }', false],
    ['an optional member and a changed type', 'export interface I { a: string }', 'export interface I { a: number; b?: string }', false],
    ['a new return type', 'export function f(a: string): void {}', 'export function f(a: string): string { return a }', false],
    // pnpm 366c0ad764: `createPackageVersionPolicy(patterns: string[] | string)` takes what it took.
    [
      "a member added to a parameter's type",
      'export function f(patterns: string[], key: string): P {}',
      'export function f(patterns: string[] | string, key: string): P {}',
      true,
    ],
    ["a member put first in a parameter's type", 'export function f(a: A[]): P {}', 'export function f(a: A | A[]): P {}', true],
    ['a member added to the return type', 'export function f(a: string): A {}', 'export function f(a: string): A | B {}', false],
    [
      "a member added to a callback's parameter",
      'export function f(cb: (x: A) => void) {}',
      'export function f(cb: (x: A | B) => void) {}',
      false,
    ],
    [
      "a member added to an object parameter's property",
      'export function f(o: { a: A }) {}',
      'export function f(o: { a: A | B }) {}',
      false,
    ],
    ["a member added to a function type's parameter", 'export type F = (a: A) => void;', 'export type F = (a: A | B) => void;', false],
  ])('%s', (_what, before, after, widened) => {
    expect(shapes('src/m.ts', before, after).map(([, change, w]) => [change, w])).toEqual([['shape-changed', widened]]);
  });
});

describe('diffExports: optional members added are named', () => {
  // umami a87d899e1: the question read "`Auth` changed its signature (`shareToken` changed)".
  test("a member's inline type gaining two optional members says which, and where", () => {
    const before = 'export interface Auth {\n  user?: object;\n  shareToken?: {\n    pixelId?: string;\n    linkId?: string;\n  };\n}\n';
    const after = before
      .replace('pixelId?: string;', 'pixelId?: string;\n    pixelIds?: string[];')
      .replace('linkId?: string;', 'linkId?: string;\n    linkIds?: string[];');
    const [auth] = diffExports('src/lib/types.ts', parseModule('src/lib/types.ts', before), parseModule('src/lib/types.ts', after));
    expect([auth!.widened, auth!.reshaped]).toEqual([true, '`shareToken` gains optional `pixelIds` and `linkIds`']);
  });
});

// The first search for several members tried every cut of a long class (neverthrow 98d0abc58b's `Ok`,
// 40 methods, one changed): minutes of CPU for one review. A proof of ending, not a timing.
test('a long class that gains several members and changes one is judged without a search of every cut', () => {
  const members = Array.from(
    { length: 40 },
    (_, i) => `  m${i}(value: string, options?: Options): Result<string, Error> {\n    return ok(value);\n  }`,
  );
  const grown = members.flatMap((line, i) =>
    i % 10 === 5 ? [line, `  n${i}(value: string): Result<string, Error> {\n    return ok(value);\n  }`] : [line],
  );
  const before = `export class Api {\n${members.join('\n')}\n}\n`;
  const after = `export class Api {\n${grown.join('\n').replace('m39(value: string', 'm39(value: number')}\n}\n`;
  const [api] = diffExports('src/api.ts', parseModule('src/api.ts', before), parseModule('src/api.ts', after));
  expect([api!.change, api!.widened === true]).toEqual(['shape-changed', false]);
}, 60_000);

describe('diffExports: a type naming a class declared apart from its implementation', () => {
  // preact signals 2910fbf: `declare class Signal` gives the type, `function Signal` and its
  // prototype the code; `SignalOptions` names `this: Signal<T>`. A change to what the prototype's
  // methods call changed `signal` (it runs them), never the interface.
  const source = (settled: string) =>
    [
      'declare class Box<T> {',
      '  value: T;',
      '  constructor(value: T);',
      '  get(): T;',
      '}',
      'export interface BoxOptions<T> {',
      '  watched?: (this: Box<T>) => void;',
      '}',
      'function Box(this: Box<unknown>, value: unknown) {',
      '  this.value = value;',
      '}',
      'Box.prototype.get = function () {',
      '  return settle(this.value);',
      '};',
      `function settle(value: unknown) {\n  return ${settled};\n}`,
      'export function box<T>(value: T, options?: BoxOptions<T>): Box<T> {',
      '  return new Box(value) as Box<T>;',
      '}',
      'export { Box };',
      '',
    ].join('\n');
  test('the interface is unchanged; `Box` and `box`, which makes one, changed through the code they run', () => {
    const before = parseModule('src/index.ts', source('value'));
    const after = parseModule('src/index.ts', source('value ?? null'));
    const changes = diffExports('src/index.ts', before, after);
    expect(changes.map((c) => [c.name, c.change, c.via])).toEqual([
      ['box', 'body-changed', 'settle'],
      ['Box', 'body-changed', 'settle'],
    ]);
  });
});

describe('diffExports: a merged declaration is one export', () => {
  // ts-node 2ee80a87: `interface TSInternal` beside `namespace TSInternal`; a method of the
  // interface gained a parameter. Only the namespace (the last part) was compared, unchanged, and
  // the report said "TSInternal implementation changed".
  const source = (parameter: string) =>
    [
      'import type * as _ts from "typescript";',
      'export interface TSInternal {',
      '  // https://github.com/microsoft/TypeScript/blob/main/src/compiler/core.ts',
      '  createGetCanonicalFileName(useCaseSensitiveFileNames: boolean): TSInternal.GetCanonicalFileName;',
      '  nodeModuleNameResolver(',
      '    moduleName: string,',
      `    ${parameter}`,
      '  ): _ts.ResolvedModuleWithFailedLookupLocations;',
      '}',
      'export namespace TSInternal {',
      '  export type GetCanonicalFileName = (fileName: string) => string;',
      '}',
      '',
    ].join('\n');
  test("a changed method of the interface is the export's new signature", () => {
    const before = parseModule('src/ts-compiler-types.ts', source('lookupConfig?: boolean'));
    const after = parseModule(
      'src/ts-compiler-types.ts',
      source('conditionsOrIsConfigLookup?: string[] | boolean,\n    isConfigLookup?: boolean'),
    );
    const changes = diffExports('src/ts-compiler-types.ts', before, after);
    expect(changes.map((c) => [c.name, c.change])).toEqual([['TSInternal', 'shape-changed']]);
    expect(changes[0]!.detail).toContain('conditionsOrIsConfigLookup');
  });
  test('the namespace part changed: the export changed too', () => {
    const before = parseModule('src/ts-compiler-types.ts', source('lookupConfig?: boolean'));
    const after = parseModule(
      'src/ts-compiler-types.ts',
      source('lookupConfig?: boolean').replace('fileName: string', 'fileName: string, other?: string'),
    );
    expect(diffExports('src/ts-compiler-types.ts', before, after).map((c) => [c.name, c.change])).toEqual([
      ['TSInternal', 'shape-changed'],
    ]);
  });
});

describe('diffExports: a body change whose signature names a reshaped type of its file', () => {
  // webiny bb500f4e48: `IContentEntryLockerProps` gains three required props and
  // `ContentEntryLocker = ({ … }: IContentEntryLockerProps)` reads them instead of a hook; the
  // report said "implementation changed", its caller having to pass three props.
  const source = (props: string, body: string) => `
export interface IContentEntryLockerProps {${props}
  onDisablePrompt: (flag: boolean) => void;
}
interface LocalProps { ${props} }
export const ContentEntryLocker = ({ onDisablePrompt }: IContentEntryLockerProps) => { ${body} };
export const Inner = (props: LocalProps) => { ${body} };
export const Other = (n: number) => { ${body} };
`;
  test('is a reshape through that type, marked as a body change too', () => {
    const before = parseModule('locker.tsx', source('', 'return useContentEntry();'));
    const after = parseModule('locker.tsx', source('\n  entry: CmsContentEntry;', 'return onDisablePrompt(true);'));
    const byName = new Map(diffExports('locker.tsx', before, after).map((c) => [c.name, c]));
    expect(byName.get('ContentEntryLocker')).toEqual(
      expect.objectContaining({ change: 'shape-changed', via: 'IContentEntryLockerProps', bodyChanged: true }),
    );
    // A private type is the route as well; a signature naming no changed type stays a body change.
    expect(byName.get('Inner')).toEqual(expect.objectContaining({ change: 'shape-changed', via: 'LocalProps', bodyChanged: true }));
    expect(byName.get('Other')).toEqual({ path: 'locker.tsx', name: 'Other', change: 'body-changed' });
    // Only its body changed: the type is not named.
    const bodyOnly = parseModule('locker.tsx', source('', 'return onDisablePrompt(true);'));
    expect(diffExports('locker.tsx', before, bodyOnly).map((c) => c.change)).toEqual(['body-changed', 'body-changed', 'body-changed']);
  });
});

describe("diffExports: a barrel's `export *` lines", () => {
  const barrel = (lines: string[]) =>
    parseModule('packages/components/src/index.ts', lines.map((m) => `export * from './${m}'\n`).join(''));
  test('one added beside the others is no change of the barrel: its module reports its own exports (Flowise a24acac5d8)', () => {
    const before = barrel(['validator', 'agentflowv2Generator', 'httpSecurity']);
    expect(
      diffExports(
        'packages/components/src/index.ts',
        before,
        barrel(['validator', 'agentflowv2Generator', 'httpSecurity', 'pythonCodeValidator']),
      ),
    ).toEqual([]);
  });

  test('one taken out, or one replaced, changes what the barrel exports', () => {
    const before = barrel(['validator', 'httpSecurity']);
    expect(diffExports('packages/components/src/index.ts', before, barrel(['validator']))).toMatchObject([
      { name: '*', change: 'shape-changed' },
    ]);
    expect(diffExports('packages/components/src/index.ts', before, barrel(['validator', 'httpGuard']))).toMatchObject([
      { name: '*', change: 'shape-changed' },
    ]);
  });
});
