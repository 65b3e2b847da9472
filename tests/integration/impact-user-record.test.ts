import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { ModuleRecord } from '../../src/core/impact/module-record.js';
import { parseModule } from '../../src/adapters/typescript/parse-module.js';
import { IMPACT_FIXTURES, moduleFixtures } from '../helpers/module-fixtures.js';
import { readUserRecord } from '../../src/adapters/typescript/user-record.js';

// A file a walk only crosses is read without TypeScript's parser where it can be
// (user-record.ts): its record must be the light record TypeScript's parse gives (what a walk
// reads: the imports with each binding's value and type lines and members, the exports, each
// declaration's uses), and a file holding a form it does not read must be left to TypeScript.
// scripts/check-user-records.mjs runs the same check on every file of a clone.

const walked = (record: ModuleRecord) => ({
  imports: record.imports,
  exports: record.exports,
  declarations: record.declarations.map(({ local, uses, isExported }) => ({ local, uses, isExported })),
  isLight: record.isLight,
});

// Each is read without TypeScript, and reads as TypeScript's parse does.
const read: Array<[string, string, string?]> = [
  [
    'a namespace read through members, called, indexed and spied',
    "import * as ns from './a';\ndescribe('x', () => {\n  ns.a();\n  ns['b'];\n  ns.c.d.e;\n  ns?.f;\n  vi.spyOn(ns, 'g');\n  ns(1);\n  new ns.H();\n});\n",
  ],
  [
    'a type use written beside value uses (type arguments, annotations, casts, typeof in a type)',
    "import { T, U, v, W } from './a';\nlet x: T | undefined;\nconst f = vi.fn<U>();\nconst y = v as unknown as W;\nconst z = (a: typeof v): Array<T> => [a];\n",
  ],
  [
    'a qualified type name and a namespace destructured',
    "import * as ns from './a';\nimport type * as types from './b';\nconst { one, two: renamed } = ns;\nlet s: types.Shape.Inner;\nlet t: types.Plain;\n",
  ],
  [
    'top-level declarations and the statements that build them',
    "import { make, helper } from './a';\nconst client = make();\nclient.init(helper);\nfunction run(): void { client.start(); }\nrun().catch(() => undefined);\nfunction over(a: string): void;\nfunction over(a: unknown) { return helper(a); }\n",
  ],
  [
    'templates, regular expressions with quotes, comments and strings naming the import',
    "import { A, b } from './a';\n// A in a comment\nconst s = 'A';\nconst r = /it's \\/A[/]/g.test(`${b(A)} and ${`A`}`);\nconst q = x / 2 / A;\n",
  ],
  [
    'object literals: shorthand, methods, keys named like the import',
    "import { a, b } from './a';\nconst o = { a, b: 1, c() { return b; }, get d() { return a; }, ['e']: a, ...b };\n",
  ],
  [
    'arrow functions, conditionals and generic calls',
    "import { check, Model } from './a';\nconst pick = (m: Model, n = 1): Model => (n > 0 ? check(m) : m);\nconst k = check<Model>(x) ? (y) : z;\nfor (let i = 0; i < 3; i++) check(i);\n",
  ],
  [
    'exported functions, variables, type aliases and interfaces, an export list',
    "import { A, b, C } from './a';\nexport interface I extends A.B<C> { x: A; m(y: b.T): void }\ninterface I { z?: C }\nexport type T<U> = A | U;\nexport const v: T<string> = b();\nexport function f(a: I): A { return b(a); }\nfunction g(): void;\nfunction g(x?: A) {}\nexport { g, v as w };\n",
  ],
  [
    "a type literal's computed key (a type use, as TypeScript's record reads it)",
    "import { K } from './k';\nexport type T = { [K.B]: string };\nexport const f = (x: { [K.C]: number }) => x;\n",
  ],
  [
    'a barrel: re-exports of names, of a namespace, of everything, type-only, beside an import of the same name',
    "import { a } from './a';\nexport { a, b as c, default, d as default } from './a';\nexport * from './b';\nexport type * as types from './types';\nexport * as\n  ns from './ns';\nexport type { T } from './t';\nexport { type U, V } from \"./u\";\nexport {} from './side';\nexport const x = a.y;\n",
  ],
  [
    'classes: heritage through members and type arguments, modifiers, parameter properties, accessors, computed keys, overloads',
    "import * as ns from './ns';\nimport { Base, Shape, Client, key, make, Opt } from './a';\nexport abstract class K<T extends Shape = Shape> extends ns.core.Base<T> implements Shape, ns.Typed<Opt> {\n  static readonly id: string = make();\n  private client?: Client;\n  declare shape: Shape;\n  #secret = key;\n  [key] = 1;\n  [ns.sym]() { return this.#secret; }\n  'quoted'(): void {}\n  42 = ns.n;\n  constructor(private readonly base: Base, public opt = make(Opt), x?: Shape) {\n    super();\n    this.client = new Client(base);\n  }\n  get value(): T { return this.base as unknown as T; }\n  set value(v: T) {}\n  async load(): Promise<void> { await make(); }\n  static get get() { return Base; }\n  abstract run(a: Shape): void;\n  over(a: string): void;\n  over(a: unknown) { return ns.over(a); }\n  handler = (e: Client) => e.close();\n}\nclass Plain extends Base {}\nPlain.prototype.x = make;\n",
  ],
  [
    'a class expression, a class inside a function, a class in a conditional',
    "import { Base, a } from './a';\nconst C = class Named extends Base { m() { return a; } };\nfunction f() {\n  class Inner { x = a; }\n  return new Inner();\n}\nconst D = a ? class { y = a; } : Base;\n",
  ],
  ['a default export of a named class', "import { Base, a, b } from './a';\nexport default class K extends Base {}\n"],
  ['a default export of an unnamed function', "import { a } from './a';\nexport default async function () { return a(); }\n"],
  ['a default export of an identifier', "import { a } from './a';\nconst local = a();\nexport default local;\n"],
  [
    'a default export of an identifier, no semicolon, a statement after it',
    "import { a } from './a';\nexport default a\nfunction g() { return a; }\n",
  ],
  ['a default export of an expression', "import { a, b } from './a';\nexport default { run: a, check: () => b.c(1) };\n"],
  [
    'a default export of a named function and its overloads',
    "import { A } from './a';\nexport default function f(x: A) { return g(x); }\nfunction g(x: A) {}\n",
  ],
  [
    'a JavaScript scenario',
    "import * as Sentry from '@sentry/node';\nimport express from 'express';\n\nSentry.init({ dsn: 'x', tracesSampleRate: 1 });\nconst app = express();\napp.get('/', (req, res) => res.send(Sentry.getTraceData()));\n",
    'scenario.mjs',
  ],
  [
    '`mocked` that is no call: a name holding a mock, a word in a comment and in a string',
    "import { a } from './a';\n// mocked: the module is mocked below\nconst mockedA = vi.fn(a);\nconst s = 'mocked';\nexport const run = () => mockedA();\n",
  ],
  [
    'top-level requires: a module, names, a renamed name, the rest, no semicolon',
    "const Sentry = require('@sentry/node');\nconst { a, b: c, default: d } = require('./x')\nconst { e, ...rest } = require('./y');\nSentry.init({ dsn: 'x' });\nfunction f() { return c.q + a(d) + rest.g(e); }\n",
    'server.js',
  ],
  [
    'import() and require() named in comments and strings only',
    "// const x = require('x')\n/** {@link import('y').T} */\nimport { q } from './q';\nconst s = \"require('z')\";\nexport const z = q.r(`import(${s})`);\nx.require('b');\n",
  ],
  [
    'ambient declarations: declare const, let and function, exported or not',
    "import { A } from './a';\ndeclare const __DEBUG__: boolean;\nexport declare function init(o: A): void;\ndeclare let x: A.B;\nexport const y = __DEBUG__ ? x : init;\n",
  ],
  [
    'readonly members of a type literal and an interface',
    "import { K, V } from './a';\nexport type T = { readonly flag: V; readonly [K.B]: true; readonly 'q': V; readonly 0: V };\nexport interface I { readonly a: V }\n",
  ],
  ['the arguments of a function', "import { f } from './a';\nexport function g() { return f(...arguments) + arguments.length; }\n"],
  [
    'generators: declared, as expressions, and their yield forms',
    "import { a, B } from './a';\nexport function* items(): Generator<B> {\n  yield a;\n  yield* a.all();\n  const x = yield;\n  if (x) {\n    yield (a as B), a.b;\n  }\n  yield\n  a.c();\n}\nexport const g = async function* () { yield [a]; };\nEffect.gen(function* () { const s = yield* a.svc; return s; });\n",
  ],
  [
    'generic arrow functions in TypeScript',
    "import { T0, f } from './a';\nexport const id = <T,>(x: T): T => f(x);\nexport const w = <A extends T0, B = A>(a: A, b: B) => [a, b];\n",
  ],
  [
    '`module` and `exports` inside functions, as parameters and names (no CommonJS there)',
    "import { a } from './a';\nexport function load(module: { exports: unknown; files: unknown[] }) {\n  if (!module) return a;\n  module.files.push(a);\n  return module.exports;\n}\nexport const wrap = (exports: unknown) => exports;\nconst f = exports => a(exports);\nconst g = function () { namespace.x = module[a]; };\n",
  ],
  [
    'enums at the top level: exported, const, declared, merged, their values using imports',
    "import { A, f } from './a';\nexport enum E { X = A.x, Y, 'z' = 2, }\nconst enum C { P = f(1) }\ndeclare enum D { Q }\nexport declare const enum G { R }\nexport const v = E.X + C.P;\nenum E { W = 3 }\n",
  ],
  [
    'a type alias inside a function',
    "import { A, f } from './a';\nexport function g() {\n  type Local<T> = { a: A; t: T };\n  const x: Local<number> = f();\n  return x;\n}\n",
  ],
  [
    'decorators of classes, members and parameters, before and after `export` and `default`',
    "import * as ns from './ns';\nimport { Injectable, Inject, TOKEN, Column, Field, Args, Ctx, key, Base, Opt } from './a';\n@Injectable()\n@ns.Resolver(() => Base)\nexport abstract class K extends Base {\n  @Column({ type: 'varchar', default: Opt.x }) name: string;\n  @Field()\n  readonly count: number;\n  @ns.dec\n  [key]() {}\n  constructor(@Inject(TOKEN) private readonly opt: Opt, @ns.param() other: Base) { super(); }\n  @Field() @ns.late static get value(): number { return 1; }\n  run(@Args('id') id: string, @Ctx() ctx: unknown) { return id; }\n}\nexport default @(ns.wrap as any)() class D {}\nexport @Injectable() class E {}\n@Injectable() class F { @Inject(TOKEN) f?: Opt; }\n",
  ],
  [
    "ambient blocks: augmentations reading the file's own names, global augmentations (merged), an exported namespace, a module shorthand",
    "import { A, B } from './a';\nimport * as ns from './ns';\ndeclare module './b' {\n  interface States { Done: never; a: A }\n  export interface Fields { b?: ns.T<B>; k: K }\n}\ndeclare module './c' {\n  export const b: A;\n}\nexport const x: A = 1;\ninterface K {}\ndeclare global {\n  interface Window { a: A }\n  var __X__: A | undefined;\n  function g(a: A): void;\n}\ndeclare global {\n  const y: B;\n}\nexport const z = global.x;\nexport declare namespace N {\n  const a: A;\n  export function f2(): void;\n  type T = A;\n  class K { m(): A; }\n  enum E { X }\n}\ninterface N { q: A }\nexport const v = N.a;\ndeclare module 'short';\n",
  ],
  [
    'decorated classes inside functions (a spec body)',
    "import { Injectable, Inject, Opts, TOKEN, it } from './a';\nit('injects', async () => {\n  @Injectable()\n  class MyProvider {\n    constructor(@Opts options: any = {}, @Inject(TOKEN) private t: unknown) {}\n  }\n  @Injectable() @Inject.late class Other extends MyProvider {}\n  return new Other();\n});\nexport function make() {\n  @Injectable({ scope: TOKEN })\n  class Local {}\n  return Local;\n}\n",
  ],
  [
    'namespaces inside ambient blocks',
    "import { A, B } from './a';\ndeclare global {\n  namespace TsED { interface Configuration { a?: A[] } }\n  namespace globalThis { var b: B; }\n}\nexport declare namespace N {\n  export namespace Inner { const c: A; }\n}\nexport const n: TsED.Configuration = {};\n",
  ],
  [
    'mapped types: modifiers added and removed, a key remapped, no member type',
    "import { A, B, K } from './a';\nexport type M<T> = { [P in keyof T]: A<T[P]> };\nexport type R<T> = { +readonly [P in keyof T]-?: T[P] };\nexport type S<T> = { readonly [P in keyof T as `get${P & string}`]+?: B };\nexport type U = { -readonly [Q in K]?: A; };\nexport type V = { [Q in 'a' | 'b'] };\n",
  ],
  [
    "JSX: tag names read as references (a member's, a lower-case one, the closing tag's), attributes, spreads, expressions, fragments, text with quotes, slashes and accents",
    "import React, { A, b, c, p, Ns } from './a';\nimport * as UI from './ui';\nexport function View({ q }: { q: number }) {\n  return (\n    <>\n      <A b={b} d=\"it's\" e='x\"y' data-test-id=\"v\" aria-label={c.label} {...c.rest}>\n        Don't stop // at http://x é {q}\n      </A>\n      {/* a comment */}\n      {q > 1 && <Ns.Item.Deep x={<UI.Icon />} />}\n      <p className=\"x\">{c.map((i) => <span key={i}>{i}</span>)}</p>\n      <UI.Card.Body title={`x ${b}`} onClick={() => c(q)}>{...c}</UI.Card.Body>\n    </>\n  );\n}\nconst el = <A></A>;\nexport default el;\n",
    'view.tsx',
  ],
  ['JSX in a .jsx file', 'import { A, p } from \'./a\';\nconst el = <A><p>hi</p></A>;\nexport default () => <A.B c="1" />;\n', 'view.jsx'],
  ['JSX in a .js file', "import { A } from './a';\nconst el = <A />;\nexport const f = (x) => (x > 1 ? <A.B /> : null);\n", 'view.js'],
  [
    'generic arrow functions in TSX, told from elements as TypeScript tells them',
    "import { f, T0 } from './a';\nexport const id = <T,>(x: T): T => f(x);\nexport const w = <A extends T0>(a: A) => a;\nexport const z = <const C,>(c: C) => c;\nexport const d = <B = T0,>(b: B) => b;\nexport const e = <T0 extends={f} />;\n",
    'view.tsx',
  ],
  [
    'namespaced JSX names and attributes (the namespace is a reference), type arguments of an element, an element as an attribute',
    'import { A, G, svg, xlink } from \'./a\';\nconst el = <svg:rect xlink:href="x"><A<G> x={1} y=<A /> /></svg:rect>;\n',
    'view.tsx',
  ],
  ['type arguments in JavaScript: a comparison there', "import { f, T } from './a';\nconst x = f<T>(1);\n", 'a.js'],
  [
    'a tagged template with type arguments',
    "import styled from './styled';\nimport { P, css } from './a';\nexport const Box = styled.div<{ p: P }>`\n  color: ${(x) => x.p};\n`;\nexport const k = css<P>`a`;\n",
    'view.tsx',
  ],
  [
    '`import.meta` in expressions (a meta property: no reference)',
    "import { a } from './a';\nexport const mode = import.meta.env.MODE ?? a;\nexport function f() {\n  return new URL(a.b, import.meta.url);\n}\n",
  ],
  ['type members named readonly', "import { A } from './a';\nexport type T = { readonly?: boolean; readonly: A; readonly(): void };\n"],
];

// Each holds a form that user-record.ts leaves to TypeScript.
const leftToTypescript: Array<[string, string, string?]> = [
  ['a re-export with attributes', "export { data } from './data.json' with { type: 'json' };\n"],
  ['a namespace re-exported under a string name', "export * as 'a-b' from './a';\n"],
  ['a re-export of a string name', "export { 'a-b' as ab } from './a';\n"],
  ['a default export of an interface', "import { A } from './a';\nexport default interface I { a: A }\n"],
  ['a class member named by a modifier at the end of a line', "import { A } from './a';\nclass K {\n  static\n  x = A;\n}\n"],
  ['an index signature', "import { A } from './a';\nclass K {\n  [key: string]: A;\n}\n"],
  ['a static block', "import { A } from './a';\nclass K {\n  static { A.init(); }\n}\n"],
  ['a generator method', "import { A } from './a';\nclass K {\n  *items() { yield A; }\n}\n"],
  ['a class extending a call', "import { mixin, A } from './a';\nclass K extends mixin(A) {}\n"],
  ['an enum inside a function', "import { A } from './a';\nfunction f() {\n  enum E { X = A }\n}\n"],
  [
    "the file's own `require` (createRequire), declared at the top level",
    "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\nconst b = require('./b');\nexport const c = b.c;\n",
    'a.mjs',
  ],
  ['`import.meta` starting a statement', "import { a } from './a';\nimport.meta.hot?.accept(a);\n"],
  ['JSX text holding `>` (an error in TypeScript)', "import { A } from './a';\nconst el = <A>a > b</A>;\n", 'view.tsx'],
  ['JSX text holding `}`', "import { A } from './a';\nconst el = <A>a } b</A>;\n", 'view.tsx'],
  ['a JSX closing tag of another name', "import { A, B } from './a';\nconst el = <A></B>;\n", 'view.tsx'],
  ['two JSX elements side by side', "import { A } from './a';\nconst el = <A />\n<A />;\n", 'view.tsx'],
  ['a type assertion in TSX (an element there)', "import { A } from './a';\nconst x = <A>y;\n", 'view.tsx'],
  ['an unclosed JSX element', "import { A } from './a';\nconst el = <A>text\n", 'view.tsx'],
  ['a JSX spread attribute without its dots', "import { A, b } from './a';\nconst el = <A {b} />;\n", 'view.tsx'],
  ['a namespace held by typeof', "import * as ns from './a';\nlet m: typeof ns;\n"],
  ['a label', "import { a } from './a';\nouter: for (;;) { a(); break outer; }\n"],
  ['a decorator before a function', "import { d } from './a';\n@d\nfunction f() {}\n"],
  ['a decorated class expression', "import { d } from './a';\nconst C = @d class {};\n"],
  ["a decorator after a member's modifier (a member named `static` there)", "import { d } from './a';\nclass K {\n  static @d x = 1;\n}\n"],
  ["a decorator on an arrow function's parameter", "import { d } from './a';\nconst f = (@d x) => x;\n"],
  ['a dynamic import', "import { a } from './a';\nconst m = await import('./b');\n"],
  ['a require inside a function', "const x = require('./x');\nfunction f() { const y = require('./y'); return y(x); }\n", 'a.js'],
  ['a require read through a member', "const x = require('./x').a;\nx();\n", 'a.js'],
  ['a require going on after a line break', "const x = require('./x')\n.a;\nx();\n", 'a.js'],
  ['a require with a cast', "const x = require('./x') as typeof import('./x');\nx.a();\n"],
  ['a JSDoc import type in JavaScript', "/** @type {import('./y').T} */\nconst x = require('./x');\nx.a();\n", 'a.js'],
  [
    "an augmentation naming a type the file does not declare (the augmented module's)",
    "import { A } from './a';\ndeclare module './b' {\n  interface Fields { b?: Unknown }\n}\n",
  ],
  [
    '`declare` as a default export, a namespace after it',
    "import { A } from './a';\nexport default declare namespace N {\n  const a: A;\n}\n",
  ],
  ["a mapped type's key named like an import", "import { A, P } from './a';\nexport type M<T> = { [P in keyof T]: A };\n"],
  [
    'an import inside an augmentation',
    "import { A } from './a';\ndeclare module './b' {\n  import { C } from './c';\n  interface Fields { c: C }\n}\n",
  ],
  ['a decorator before a function inside a function', "import { d } from './a';\nfunction f() {\n  @d\n  function g() {}\n}\n"],
  ['a decorated abstract class inside a function', "import { d } from './a';\nfunction f() {\n  @d abstract class K {}\n}\n"],
  [
    'a dotted namespace inside a global augmentation',
    "import { A } from './a';\ndeclare global {\n  namespace NodeJS.Inner { interface Global { a: A } }\n}\n",
  ],
  [
    'a namespace named like an import, inside an ambient block',
    "import { A } from './a';\ndeclare global {\n  namespace A { const b: number; }\n}\n",
  ],
  ['a member named readonly before a line break', "import { A } from './a';\nexport type T = { readonly\n  b: A };\n"],
  ['yield in an arrow function inside a generator', "import { a } from './a';\nfunction* g() {\n  const f = () => yield a;\n}\n"],
  ['yield outside a generator', "import { a } from './a';\nfunction g() {\n  yield a;\n}\n"],
  ['a type assertion', "import { A } from './a';\nconst x = <A>y;\n"],
  // TypeScript reads these by what follows the arrow (a second `:`), in the branch itself or an arrow's expression body.
  ["an arrow with a return type right in a conditional's first branch", "import { A } from './a';\nconst f = c ? (x): A => x : null;\n"],
  [
    'an arrow with a return type in the expression body of an arrow in a first branch',
    "import { A } from './a';\nconst f = c ? (y) => (x): A => x : null;\n",
  ],
  ['a generic arrow function in JavaScript (JSX there)', "import { f } from './a';\nconst id = <T,>(x) => f(x);\n", 'a.js'],
  ['module.exports at the top level', 'const a = 1;\nmodule.exports = { a };\n', 'a.js'],
  ['exports in a block at the top level', "import { a } from './a';\nif (a) {\n  exports.b = a;\n}\n", 'a.js'],
  ['a module declaration', "import { A } from './a';\nmodule M {\n  export const b: A = 1;\n}\n"],
  ['a required name declared again', "const { a } = require('./x');\nfunction a() {}\n", 'a.js'],
  // `mocked(ns)` makes an alias of the namespace (trace-uses.ts): read whole, however it is spelled.
  ['a mocked call behind a comment', "import * as ns from './a';\nconst m = vi.mocked /* all */ (ns);\nm.a();\n"],
  ['a mocked call with type arguments', "import * as ns from './a';\nconst m = vi.mocked<Ns>(ns, { deep: true });\nm.a();\n"],
  ['a mocked call after a line comment', "import * as ns from './a';\nconst m = jest.mocked // deep\n(ns);\nm.a();\n"],
  // ts-morph's kindToNodeMappings.generated.ts: TypeScript's record reads `SyntaxKind` there as a value.
  ["an interface's computed key", "import { SyntaxKind } from './kind';\nexport interface M {\n  [SyntaxKind.SourceFile]: string;\n}\n"],
];

// A name declared inside hides an import where shadowing.ts's isShadowed says so, and only there: each
// scope node (a function, its parameters and an expression's name; a block or case clause, for what is
// declared right in it; a catch clause; a `for`) by the range of its node. Real text first: sentry's
// node-firebase app.ts (`doc => doc.data()` beside the imported `doc`), dub's links-toolbar.tsx
// (`({ icon: Icon }) => <Icon />` beside the imported `Icon`).
const shadowed: Array<[string, string, string?]> = [
  [
    "sentry's node-firebase app.ts: an arrow's parameter named like an import",
    "import * as Sentry from '@sentry/node';\nimport type { FirebaseOptions } from '@firebase/app';\nimport { initializeApp } from 'firebase/app';\nimport { collection, doc, getDocs, getFirestore, setDoc } from 'firebase/firestore/lite';\n\nconst options: FirebaseOptions = {\n  projectId: 'sentry-15d85',\n};\n\nconst app = initializeApp(options);\nconst db = getFirestore(app);\nconst citiesRef = collection(db, 'cities');\n\nasync function getCities(): Promise<unknown> {\n  const citySnapshot = await getDocs(citiesRef);\n  const cityList = citySnapshot.docs.map(doc => doc.data());\n  return cityList;\n}\n\nasync function setCity(): Promise<void> {\n  await setDoc(doc(citiesRef, 'SF'), {\n    name: 'San Francisco',\n  });\n}\n\nSentry.setupExpressErrorHandler(app);\n",
  ],
  [
    "dub's links-toolbar.tsx: a destructured parameter renamed like an import, used as an element",
    'import { Button, Icon, Tag } from "@dub/ui";\nimport { ReactNode, useMemo } from "react";\n\ntype BulkAction = {\n  label: string;\n  icon: Icon;\n  action: () => void;\n};\n\nexport const LinksToolbar = ({ actions }: { actions: BulkAction[] }) => {\n  const bulkActions = useMemo(() => [{ label: "Tags", icon: Tag, action: () => {} }], []);\n  return (\n    <div>\n      {bulkActions.map(\n        (\n          {\n            label,\n            icon: Icon,\n            action,\n          },\n          idx,\n        ) => (\n          <Button\n            key={idx}\n            icon={<Icon className="size-3.5" />}\n            text={label}\n            onClick={action}\n          />\n        ),\n      )}\n    </div>\n  );\n};\n',
    'links-toolbar.tsx',
  ],
  [
    "parameters hide inside their function only: a default, the return type, an expression's own name",
    "import { a, B, c } from './a';\nfunction f(a = 1): typeof a { return a; }\nconst g = function c() { return c(); };\nconst h = (B: number) => B;\nexport const u = a(B, c);\n",
  ],
  [
    'a block hides what is declared right in it, before or after the use; not a var under an if',
    "import { a, b, d } from './a';\nfunction f() {\n  a();\n  {\n    b();\n    const b = 2;\n    function d() {}\n  }\n  if (x) var a = 1;\n  return a + b + d;\n}\n",
  ],
  [
    'catch clauses, for statements, case clauses, a class declared in a block; a class expression hides nothing',
    "import { a, b, c, K, L } from './a';\ntry {\n  a();\n} catch (a) {\n  a.message;\n}\nfor (const b of list) b();\nb();\nswitch (k) {\n  case 1:\n    const c = 2;\n    c;\n    break;\n  default:\n    c();\n}\nfunction f() {\n  class K {}\n  return new K();\n}\nconst M = class L {\n  m() {\n    return L;\n  }\n};\nexport { K };\n",
  ],
  [
    'function types, index and method signatures; class and object methods with a computed key or a decorator',
    "import { a, d } from './a';\ntype F = (a: string) => typeof a;\ntype M = { [a: string]: typeof a; n: typeof a };\ninterface I {\n  m(a: number): typeof a;\n}\nclass K {\n  @d() m(d: number) {\n    return d;\n  }\n}\nconst o = {\n  [a](a: number) {\n    return a;\n  },\n};\nexport const v = a;\n",
  ],
  ['a parameter hiding the import', "import { req } from './a';\nfunction handle(req) { return req.url; }\nhandle(req);\n"],
  ['a block local hiding the import', "import { e } from './a';\nif (x) { const e = 1; e; }\ne();\n"],
  ['a catch binding hiding the import', "import { e } from './a';\ntry { f(); } catch (e) { e; }\n"],
  ['a destructured parameter hiding the import', "import { a } from './a';\nconst f = ({ a }) => a;\n"],
  ['a class name hiding the import', "import { K } from './a';\nfunction f() { class K {} return K; }\n"],
  ['a decorated class named like an import, inside a function', "import { K, d } from './a';\nfunction f() {\n  @d class K {}\n}\n"],
  // dub's remove-workspace-user-modal.tsx: `fetcher<TokenProps[]>,` (an instantiation expression, no call).
  [
    'instantiation expressions before a comma, a parenthesis, a bracket, a semicolon and a colon',
    "import { fetcher, useSWR, pick } from './a';\nimport type { TokenProps } from './types';\nexport function useTokens(id: string) {\n  const { data } = useSWR<TokenProps[]>(`/api/tokens?id=${id}`, fetcher<TokenProps[]>);\n  const g = [fetcher<string>, pick<number>];\n  const h = fetcher.get<TokenProps>;\n  const o = { k: ok ? pick<TokenProps> : fetcher };\n  return { data, g, h, o };\n}\n",
  ],
  // dub's partner-info-cards.tsx and openpanel's chat-report-result.tsx: an arrow with a return type in an
  // argument inside a conditional's first branch (TypeScript allows one again there).
  [
    "an arrow with a return type in an argument, a property's value and parentheses inside a conditional's first branch",
    "import { isReward, Item } from './a';\nexport const names = Array.isArray(list)\n  ? list.map((s) => s?.name).filter((n): n is string => typeof n === 'string' && n.length > 0)\n  : [];\nexport const rewards = ok ? [a, b].filter((r): r is Item => isReward(r)) : { f: (x): Item => x, g: ((y): Item => y) };\n",
  ],
  [
    'a local type alias named like an import hides nothing',
    "import { A } from './a';\nfunction g() {\n  type A = string;\n  const x: A = '';\n}\n",
  ],
];

describe('a light record read without TypeScript', () => {
  test.each(read)('%s', (_name, text, path = 'test.ts') => {
    const user = readUserRecord(path, text);
    expect(user).not.toBeNull();
    expect(walked(user!)).toEqual(walked(parseModule(path, text, true)));
  });

  test.each(shadowed)('%s', (_name, text, path = 'test.ts') => {
    const user = readUserRecord(path, text);
    expect(user).not.toBeNull();
    expect(walked(user!)).toEqual(walked(parseModule(path, text, true)));
  });

  test.each(leftToTypescript)('%s: left to TypeScript', (_name, text, path = 'test.ts') => {
    expect(readUserRecord(path, text)).toBeNull();
  });

  test('a mocked call is read whole by TypeScript too; a `mocked` that is no call, light, as the whole record reads it', () => {
    for (const [, text] of leftToTypescript.filter(([name]) => name.startsWith('a mocked call')))
      expect(parseModule('test.ts', text, true).isLight).toBeUndefined();
    const [, text] = read.find(([name]) => name.startsWith('`mocked`'))!;
    const light = parseModule('test.ts', text, true);
    const whole = parseModule('test.ts', text);
    expect(light.isLight).toBe(true);
    const uses = (record: ModuleRecord) => record.declarations.map(({ local, uses }) => ({ local, uses }));
    expect([light.imports, uses(light)]).toEqual([whole.imports, uses(whole)]);
  });

  test('a file whose calls are all top-level requires is light in TypeScript too, as its whole record reads it; any other call is read whole', () => {
    const [, text, path] = read.find(([name]) => name.startsWith('top-level requires'))!;
    const light = parseModule(path!, text, true);
    const whole = parseModule(path!, text);
    expect(light.isLight).toBe(true);
    const uses = (record: ModuleRecord) => record.declarations.map(({ local, uses }) => ({ local, uses }));
    expect([light.imports, uses(light)]).toEqual([whole.imports, uses(whole)]);
    for (const [name, other, otherPath] of leftToTypescript.filter(([name]) => /a require |dynamic import|import type/.test(name)))
      expect([name, parseModule(otherPath ?? 'test.ts', other, true).isLight]).toEqual([name, undefined]);
  });

  // Injected types read as values in every reading (the token reader, TypeScript's light record and
  // its whole one), each binding's first value and type lines and its members:
  // - constructors: K by its class decorator, L by a parameter's (`ns.E`: a member read as a
  //   value); M has none; an array, a union and a type argument stay types;
  // - methods (`design:paramtypes`): P by the method's decorator, Q by a parameter's (`ns.Q`), R's
  //   method has none, S is an array; a decorated setter (vendure's `@ViewChild(…) set host(content:
  //   X)`) is no method: T is a type.
  test.each([
    [
      "a decorated class's constructor parameter types are injected",
      "import { Injectable, Inject } from './d';\nimport { A, B, C, D } from './a';\nimport * as ns from './ns';\n@Injectable()\nexport class K {\n  constructor(private readonly a: A, b: B<C>, c: C[], d?: D | null) {}\n}\nexport class L {\n  constructor(@Inject('t') x: ns.E, y: D) {}\n}\nexport class M {\n  constructor(z: A);\n  constructor(z: A) {}\n}\n",
      {
        Injectable: [4, 0, []],
        Inject: [9, 0, []],
        A: [6, 12, []],
        B: [6, 0, []],
        C: [0, 6, []],
        D: [9, 6, []],
        ns: [0, 0, [['E', 9, 0]]],
      },
    ],
    [
      "a decorated method's parameter types are emitted as values",
      "import { Post, Body } from './d';\nimport { P, R, S, T } from './a';\nimport * as ns from './ns';\nexport class K {\n  @Post()\n  create(p: P, s: S[]): void {}\n  check(@Body() q: ns.Q): void {}\n  plain(r: R): R { return r; }\n  @Post() set host(t: T) {}\n}\n",
      { Post: [5, 0, []], Body: [7, 0, []], P: [6, 0, []], R: [0, 8, []], S: [0, 6, []], T: [0, 9, []], ns: [0, 0, [['Q', 7, 0]]] },
    ],
    [
      "a decorated property's type and a decorated method's return type are emitted as values",
      "import { Get, Prop } from './d';\nimport { A, B, C, D, E } from './a';\nexport class K {\n  @Prop() a: A;\n  b: B;\n  @Prop() c?: C[];\n  @Get()\n  find(): D { return d; }\n  plain(): E { return e; }\n}\n",
      { Get: [7, 0, []], Prop: [4, 0, []], A: [4, 0, []], B: [0, 5, []], C: [0, 6, []], D: [8, 0, []], E: [0, 9, []] },
    ],
  ])('%s, values in every reading; the others are types', (_name, text, expected) => {
    for (const record of [readUserRecord('test.ts', text)!, parseModule('test.ts', text, true), parseModule('test.ts', text)])
      expect(
        Object.fromEntries(record.imports.flatMap((i) => i.bindings).map((b) => [b.local, [b.value, b.type, b.members ?? []]])),
      ).toEqual(expected);
  });

  // A name typed `typeof` a named or default import is no alias of a namespace: it reads the
  // import in a type, and no member of it (AFFiNE's updater, trigger.dev's apiAuth.server.ts:305,
  // AFFiNE's tests/kit/utils/proxy.ts). TypeScript's whole record gave the import every member the
  // file read anywhere (`set`, `toString`; `object`, `array` of `z.object` before the parameter).
  test.each([
    [
      'a property typed `typeof` a type-only named import, passed on; a parameter of that name elsewhere',
      "import type { buildType } from '../config';\ninterface UpdateProviderOptions {\n  channel: typeof buildType;\n}\nexport class AFFiNEUpdateProvider {\n  constructor(private readonly options: UpdateProviderOptions) {}\n  getLatest(feedUrl: URL): string {\n    feedUrl.searchParams.set('channel', this.options.channel);\n    return feedUrl.toString();\n  }\n}\nfunction getChannelFilename(channel: string): string {\n  return `${channel}.yml`;\n}\n",
    ],
    [
      'a parameter typed `typeof` a named import, called',
      "import { z } from 'zod';\nimport { authenticateBearerWithTelemetry } from '~/services/authTelemetry.server';\nconst ClaimsSchema = z.object({ scopes: z.array(z.string()).optional() });\nexport async function authenticateApiKeyRequest(\n  request: Request,\n  authenticateBearer: typeof authenticateBearerWithTelemetry = authenticateBearerWithTelemetry\n) {\n  const result = await authenticateBearer(request);\n  return ClaimsSchema.safeParse(result.claims);\n}\n",
    ],
    [
      'a parameter typed `typeof` a default import, read through members',
      "import type Test from '@playwright/test';\nexport function setupProxyServer(test: typeof Test, dir: string) {\n  test.beforeEach(() => serve(dir));\n  test.afterEach(() => stop());\n}\n",
    ],
  ])('%s: the import read in a type, no member of it, in every reading', (_name, text) => {
    const read = (record: ModuleRecord) => ({ imports: record.imports, uses: walked(record).declarations });
    const [whole, light, user] = [parseModule('test.ts', text), parseModule('test.ts', text, true), readUserRecord('test.ts', text)];
    expect(whole.imports.flatMap((i) => i.bindings).filter((b) => (b.members?.length ?? 0) > 0 && b.local !== 'z')).toEqual([]);
    expect(read(whole)).toEqual(read(light));
    if (user !== null) expect(read(user)).toEqual(read(light));
  });

  test('every fixture file: the light record, or left to TypeScript', () => {
    let isRead = 0;
    for (const file of moduleFixtures(IMPACT_FIXTURES)) {
      const text = readFileSync(file, 'utf8');
      const path = relative(IMPACT_FIXTURES, file);
      const user = readUserRecord(path, text);
      if (user === null) continue;
      isRead++;
      expect([path, walked(user)]).toEqual([path, walked(parseModule(path, text, true))]);
    }
    expect(isRead).toBeGreaterThan(10);
  });
});
