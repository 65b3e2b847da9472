import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { ModuleRecord } from '../../src/core/impact/module-record.js';
import { parseModule } from '../../src/adapters/typescript/parse-module.js';
import { IMPACT_FIXTURES, moduleFixtures } from '../helpers/module-fixtures.js';

// A file a walk only crosses gets a light record (parse-module.ts): the identifiers of its
// top-level and imported names are found from the text and looked up in the tree, instead of a
// walk over every node. What a walk reads of it must be what the full parse gives: the imports
// (each binding's first value and type line, its members), the exports by name and kind, and each
// declaration's uses. Checked on every fixture file and on the forms below, each beside the full
// parse of the same text. scripts/check-light-records.mjs runs the same check on a clone.

/** What a walk reads of a record. */
function walked(record: ModuleRecord): unknown {
  return {
    imports: record.imports,
    exports: record.exports.map(({ name, kind, from, local }) => ({ name, kind, from, local })),
    declarations: record.declarations.map(({ local, uses, isExported }) => ({ local, uses, isExported })),
    parseError: record.parseError,
  };
}

const forms: Array<[string, string]> = [
  ['a namespace read through members', "import * as ns from './a';\ndescribe('x', () => { ns.a(); ns['b'](); });\nexport const c = ns.c;"],
  ['a type position and a value one', "import { T, v } from './a';\nlet x: T;\nexport function f(y: Array<T>): T { return v(y) as T; }"],
  [
    'a name hidden by a parameter',
    "import { req } from './a';\nexport function handle(req) { return req.url; }\nexport const other = req;",
  ],
  [
    'a name hidden by a block local and a catch',
    "import { e } from './a';\ntry { const e = 1; } catch (e) { e; }\nexport const g = () => e;",
  ],
  [
    'a name only in a comment, a string, JSX text',
    "import { A } from './a';\n// A\nconst s = 'A';\nexport const el = <p>A</p>;\nexport const t = `A ${s}`;",
  ],
  [
    'a property, a member, a label named like the import',
    "import { a } from './a';\nconst o = { a: 1 };\nclass K { a() {} }\nb: for (;;) break b;\nexport const r = o.a + new K().a();",
  ],
  [
    'a destructured namespace and a spied member',
    "import * as ns from './a';\nconst { x, y: z } = ns;\nvi.spyOn(ns, 'w');\nexport { x, z };",
  ],
  ['typeof a namespace member', "import type * as ns from './a';\nexport type T = typeof ns.inner.deep;\nexport type U = ns.Shape;"],
  ['shorthand and spread', "import { a, b } from './a';\nexport const o = { a, ...b };"],
  [
    'a re-export and an export list',
    "import { a } from './a';\nexport { a as b };\nexport { c } from './c';\nexport * from './d';\nexport default a;",
  ],
  [
    'a CommonJS object built after it is made',
    'const base = {};\nbase.send = function (x) { return helper(x); };\nfunction helper(x) { return x; }\nmodule.exports = base;',
  ],
  [
    'declaration merging',
    "import { Base } from './a';\nexport interface Merged extends Base { a: 1 }\nexport namespace Merged { export const b = Base; }",
  ],
  [
    'an enum and a class using an import',
    "import { v, T } from './a';\nexport enum E { A = v }\nexport class C extends T { m(): T { return v; } }",
  ],
  ['a name beside astral letters', "import { a } from './a';\nconst 𝒳a = 1;\nexport const b = a + 𝒳a;"],
  ['a name used before its import', "x.run();\nimport * as x from './a';\nexport const y = x.y;"],
  ['a top-level name used by another declaration', "import { a } from './a';\nconst inner = a();\nexport const outer = () => inner;"],
  ['a declaration shadowing an import', "import { a } from './a';\nconst a2 = a;\nexport function a3(a) { return a + a2; }"],
  ['a syntax error', "import { a } from './a';\nexport const b = a(;"],
  // Each kind of declaration that hides an import (shadowing.ts isDeclaredName): a light record
  // asks isShadowed only of names some identifier of the file declares.
  ...(
    [
      ['a destructured parameter', 'export function f({ a }) { return a; }'],
      ['an arrow parameter', 'export const f = (a) => a;'],
      ['a nested destructuring', 'export function f() { const [{ x: a }] = g(); return a; }'],
      ['a for-of variable', 'export function f(xs) { for (const a of xs) a(); }'],
      ['a function expression named like it', 'export const f = function a() { return a; };'],
      ['a function declared in a block', 'export function f() { { function a() {} a(); } }'],
      ['a class declared in a block', 'export function f() { { class a {} return new a(); } }'],
      ['an enum declared in a namespace', 'export namespace N { enum a { X } export const y = a.X; }'],
    ] as const
  ).map(([name, body]): [string, string] => [`a name hidden by ${name}`, `import { a } from './a';\nexport const kept = a;\n${body}`]),
];

// Forms a light record does not read from names alone: the whole file is walked.
const whole: Array<[string, string]> = [
  ['a require in code', "const m = require('./a');\nexport const f = () => require('./b').c;"],
  ['a dynamic import', "export async function f() { const { a } = await import('./a'); return a; }"],
  ['a mocked namespace', "import * as ns from './a';\nconst m = vi.mocked(ns);\nm.a.mockReturnValue(1);"],
  ['an escaped identifier', "import { a } from './a';\nexport const b = \\u0061;"],
];

describe('a light record', () => {
  test.each(forms)('%s: what a walk reads is what the full parse gives', (_, text) => {
    for (const path of ['file.ts', 'file.tsx']) {
      const light = parseModule(path, text, true);
      expect(light.isLight).toBe(true);
      expect(walked(light)).toEqual(walked(parseModule(path, text)));
    }
  });

  test('it has no shapes or hashes: only a walk may read it', () => {
    const light = parseModule('file.ts', "import { a } from './a';\nexport function f(x: number): number { return a(x); }", true);
    expect(light.exports).toEqual([{ name: 'f', kind: 'function', shape: '', bodyHash: '', local: 'f' }]);
    expect([light.hash, ...light.declarations.map((d) => d.hash)]).toEqual(['', '']);
    expect(light.declarations[0]!.uses).toEqual(['a']);
  });

  test.each(whole)('%s: the file is walked whole (a full record)', (_, text) => {
    const record = parseModule('file.ts', text, true);
    expect(record.isLight).toBeUndefined();
    expect(record).toEqual(parseModule('file.ts', text));
  });

  test('every fixture file: what a walk reads is what the full parse gives', () => {
    const files = moduleFixtures(IMPACT_FIXTURES);
    expect(files.length).toBeGreaterThan(100);
    let light = 0;
    const differ = files.filter((file) => {
      const text = readFileSync(file, 'utf8');
      const path = relative(IMPACT_FIXTURES, file);
      const record = parseModule(path, text, true);
      if (record.isLight === true) light++;
      return JSON.stringify(walked(record)) !== JSON.stringify(walked(parseModule(path, text)));
    });
    expect(differ).toEqual([]);
    expect(light).toBeGreaterThan(files.length / 2);
  });
});
