import { describe, expect, test } from '@jest/globals';
import type { ModuleRecord } from '../../src/core/impact/module-record.js';
import { parseModule } from '../../src/adapters/typescript/parse-module.js';
import { readUserWhole } from '../../src/adapters/typescript/user-whole.js';

// A changed file's whole record read from tokens (user-whole.ts): the record TypeScript's parse
// gives (shapes, `isType`, imports, uses), with hashes of its own whose equalities are TypeScript's:
// within a file, and between a file's two versions (a reformat is no change, an operator is one).
// scripts/check-user-records.mjs --tokens and scripts/token-whole-pairs.mjs run the same checks on
// real repositories.

/** The record with its hashes renamed in the order met: two readers compare by their hashes' equalities. */
function relabelled(record: ModuleRecord): string {
  const ids = new Map<string, string>();
  const id = (hash: string) => (hash === '' ? '' : (ids.get(hash) ?? (ids.set(hash, `h${ids.size}`), ids.get(hash)!)));
  const hash = id(record.hash);
  const exports = record.exports.map((e) => ({ ...e, bodyHash: id(e.bodyHash) }));
  return JSON.stringify({ ...record, hash, exports, declarations: record.declarations.map((d) => ({ ...d, hash: id(d.hash) })) });
}

const SERVICE = `import { Injectable, Inject } from '@nestjs/common';
import type { Config } from './config';
export * from './types';
export { helper as assist } from './helper';

/** What a job is. */
export interface Job<T = unknown> extends Base {
  id: string;
  run(input: T): Promise<void>,
  nested: { a: number; b?: string };
}
export type State = 'idle' | 'running';
export enum Level { Low, High = 2 }
export const LIMIT = 10;
export const NAME = 'jobs';
export const table: Record<string, number> = {};
export const twice = (n: number): number => n * 2;
export const inferred = [1, 2].map((n) => n + 1);
export async function load<T>(id: string, retries = 3): Promise<T | null> {
  return fetchIt(id, retries);
}
@Injectable()
export class JobService {
  private readonly cache = new Map<string, Job>();
  #secret = 1;
  limit: number = LIMIT;
  constructor(@Inject('config') private config: Config) {}
  @Log() async start(job: Job): Promise<void> {
    await job.run(this.config);
  }
  get size() { return this.cache.size; }
  protected stop(): void {}
}
const local = twice(2);
export { local as exported };
export default JobService;
`;

describe('a whole record from tokens', () => {
  test('equals TypeScript\u2019s whole record but for the hashes\u2019 values, whose equalities are the same', () => {
    const tokens = readUserWhole('src/jobs.service.ts', SERVICE);
    expect(tokens).not.toBeNull();
    expect(relabelled(tokens!)).toBe(relabelled(parseModule('src/jobs.service.ts', SERVICE, false)));
    const shape = (name: string) => tokens!.exports.find((e) => e.name === name)?.shape;
    expect(shape('JobService')).toMatch(/^@Injectable\(\) export class JobService \{ limit: number; constructor\(/);
    expect(shape('load')).toBe('export async function load<T>(id: string, retries = 3): Promise<T | null>');
    expect(tokens!.declarations.find((d) => d.local === 'Job')?.isType).toBe(true);
  });

  test.each([
    [
      'a destructured parameter with its type written',
      'export function f(x, { a }: { a: number }, [b]: B) { return a; }\n',
      'export function f(x, {…}: { a: number }, […]: B)',
    ],
    [
      'an array type in a parameter\u2019s conditional type, beside a pattern (langfuse 6275144614)',
      'export function f<T>(x: T extends { a: 1 } ? A[] : B[], [c]: C) { return c; }\n',
      'export function f<T>(x: T extends { a: 1 } ? A[] : B[], […]: C)',
    ],
    [
      'primitives typed beside literal defaults, but a negative number, a sum, a BigInt (AFFiNE 6ecdc8db7)',
      "export function f(a: string = 'x', b: number = 1, c: boolean = true, d: number = -1, e: string = 'a' + b, g: number = 1n) {}\n",
      "export function f(a = 'x', b = 1, c = true, d: number = -1, e: string = 'a' + b, g: number = 1n)",
    ],
    [
      'a constructor\u2019s parameter properties with defaults',
      'export class K {\n  constructor(\n    readonly key: string,\n    readonly index: boolean = true,\n  ) {}\n}\n',
      'export class K { constructor( readonly key: string, readonly index = true, ) }',
    ],
    [
      'an arrow with a function in its return type',
      'export const g = (a: number): { run: () => void } => ({ run() {} });\n',
      'const g = (a: number): { run: () => void }',
    ],
  ])('a signature TypeScript\u2019s shape rewrites or cuts: %s', (_, text, shape) => {
    const tokens = readUserWhole('a.ts', text);
    expect(tokens?.exports[0]?.shape).toBe(shape);
    expect(relabelled(tokens!)).toBe(relabelled(parseModule('a.ts', text, false)));
  });

  test('a class of the file another declaration runs (`new`, a call, a member read) is not passed along: read', () => {
    const text = [
      'class Key {\n  static of(a: string) {\n    return new Key();\n  }\n}',
      'export class Index {\n  key = new Key();\n}',
      "export const make = () => Key.of('a');",
      'export function check(k: Key, x: unknown) {\n  return x instanceof Key || Key.of(String(k));\n}\n',
    ].join('\n');
    const tokens = readUserWhole('a.ts', text);
    expect(tokens).not.toBeNull();
    expect(relabelled(tokens!)).toBe(relabelled(parseModule('a.ts', text, false)));
    expect(tokens!.declarations.find((d) => d.local === 'check')?.uses).toEqual(['Key']);
  });

  test('a BigInt literal is no number: its type is inferred (langfuse 6275144614)', () => {
    const text = 'export const SECOND = 1000n;\nexport const MINUTE = 60;\n';
    const tokens = readUserWhole('a.ts', text);
    expect(tokens?.exports.map((e) => e.shape)).toEqual(['const SECOND (type inferred)', 'const MINUTE: number']);
    expect(relabelled(tokens!)).toBe(relabelled(parseModule('a.ts', text, false)));
  });

  test('its hashes are never TypeScript\u2019s: a pair read by two readers is told changed, never unchanged', () => {
    const tokens = readUserWhole('a.ts', SERVICE)!;
    const ts = parseModule('a.ts', SERVICE, false);
    expect(tokens.hash).toMatch(/^t/);
    for (const d of tokens.declarations) expect(ts.declarations.some((e) => e.hash === d.hash)).toBe(false);
  });

  const pairs: Array<[string, string, string]> = [
    [
      'no semicolons, other quotes, trailing commas',
      "export const a = f('x', 1);\nexport type U = | 'a' | 'b';\n",
      'export const a = f("x", 1,)\nexport type U = "a" | "b"\n',
    ],
    ['an arrow\u2019s parentheses and `new X()`', 'export const f = (x) => new Map();\n', 'export const f = x => new Map\n'],
    [
      'a number spelled two ways, an interface\u2019s separators',
      'export const n = 0x10;\nexport interface I { a: 1; b: 2 }\n',
      'export const n = 16;\nexport interface I { a: 1, b: 2, }\n',
    ],
  ];
  test.each(pairs)('no change: %s', (_, before, after) => {
    const [a, b] = [readUserWhole('a.ts', before)!, readUserWhole('a.ts', after)!];
    expect(parseModule('a.ts', before, false).hash).toBe(parseModule('a.ts', after, false).hash);
    expect(a.hash).toBe(b.hash);
  });

  const changes: Array<[string, string, string]> = [
    ['an operator', 'export const f = (a: number) => a + 1;\n', 'export const f = (a: number) => a - 1;\n'],
    ['a line break that ends a statement (ASI)', 'export function g() {\n  a\n  ;(b)\n}\n', 'export function g() {\n  a\n  (b)\n}\n'],
    ['a string\u2019s value', "export const s = 'a b';\n", "export const s = 'a  b';\n"],
  ];
  test.each(changes)('a change: %s', (_, before, after) => {
    const [a, b] = [readUserWhole('a.ts', before)!, readUserWhole('a.ts', after)!];
    expect(parseModule('a.ts', before, false).hash).not.toBe(parseModule('a.ts', after, false).hash);
    expect(a.hash).not.toBe(b.hash);
    expect(a.declarations[0]!.hash).not.toBe(b.declarations[0]!.hash);
  });

  // dub's import-csv-modal/index.tsx and bounty-submission-details-sheet.tsx: a type reading only the keys
  // of a constant of the file (`keys`), beside reads of its code, a qualified name and an indexed access.
  test('a type that reads `keyof typeof` a constant of the file: its keys, as TypeScript\u2019s record has them', () => {
    const text =
      'import { REJECT_REASONS } from "./constants";\nconst mappableFields = {\n  url: { label: "URL", required: true },\n  createdAt: { label: "Created At", required: false },\n} as const;\nconst other = { a: 1 };\nexport type ImportCsvFormData = {\n  file: File | null;\n} & Record<keyof typeof mappableFields, string>;\nexport type Mixed = keyof typeof other | (typeof other)["a"];\nexport type Member = keyof typeof other.a;\nexport type Indexed = keyof typeof mappableFields["url"];\nexport type Imported = keyof typeof REJECT_REASONS;\nexport interface Keys {\n  k: keyof typeof mappableFields<string>;\n}\nexport const reason = (r: string) => REJECT_REASONS[r as keyof typeof REJECT_REASONS];\n';
    const tokens = readUserWhole('a.ts', text);
    expect(tokens).not.toBeNull();
    expect(relabelled(tokens!)).toBe(relabelled(parseModule('a.ts', text, false)));
    const keys = Object.fromEntries(tokens!.declarations.map((d) => [d.local, d.keys ?? []]));
    expect(keys).toEqual({
      mappableFields: [],
      other: [],
      ImportCsvFormData: ['mappableFields'],
      Mixed: [],
      Member: [],
      Indexed: [],
      Imported: [],
      Keys: ['mappableFields'],
      reason: [],
    });
  });

  const unread: Array<[string, string, string]> = [
    ['a JavaScript file, JSX or not', 'a.jsx', 'export const A = () => <div>text</div>;\n'],
    ['a `typeof` a namespace import', 'a.ts', "import * as api from './api';\nexport type Api = typeof api;\n"],
    ['a class of the file passed along', 'a.ts', 'class A {}\nexport function f(a: A) { return a; }\n'],
    ['a class of the file only passed along (`instanceof`)', 'a.ts', 'class A {}\nexport const isA = (x: unknown) => x instanceof A;\n'],
    [
      'a triple-slash directive (the tests of TypeScript\u2019s code cache stage one)',
      'a.ts',
      '/// <reference lib="es2020" />\nexport const a = 1;\n',
    ],
    ['an exported function overloaded', 'a.ts', 'export function f(a: string): void;\nexport function f(a: unknown) {}\n'],
    ['a template with substitutions as a string\u2019s default', 'a.ts', 'export function f(a: string = `${b}`) { return a; }\n'],
    ['a function returned with no return type', 'a.ts', 'export function f() { return (a: number) => a; }\n'],
  ];
  test.each(unread)('left to TypeScript: %s', (_, path, text) => {
    expect(readUserWhole(path, text)).toBeNull();
  });

  // The constructs of dub's apps/web/ui/modals/delete-domain-modal.tsx (dubinc/dub 18c86462362e): text
  // runs with an apostrophe and a dash, `{" "}`, attribute strings, a `return (` of an element.
  const COMPONENT = `import { Button, Modal } from "@dub/ui";
import { useState } from "react";
import { z } from "zod";
import { schema } from "./schema";

type FormData = z.infer<typeof schema>;

export function DeleteDomainModal({ domain, open }: { domain: string; open: boolean }) {
  const [verification, setVerification] = useState("");
  return (
    <Modal showModal={open} className="max-w-md">
      <div className='space-y-2 border-b' data-testid="delete-domain">
        <h3 className="text-lg font-medium">Delete {domain}</h3>
        <p>
          Deleting this domain can't be undone{" "}
          <strong className="font-semibold">permanently</strong>{" "}
          – proceed with caution.
        </p>
      </div>
      <>
        <input value={verification} onChange={(e) => setVerification(e.target.value)} />
        <Button text="Delete" variant="danger" />
      </>
    </Modal>
  );
}

export const Row = ({ label }: { label: string }) => <li className="row">{label}</li>;

export function useDeleteDomainModal(data: FormData) {
  return { DeleteDomainModal, data };
}
`;

  test('a React component (.tsx) read whole: TypeScript\u2019s record, its text and attribute strings in the hashes', () => {
    const tokens = readUserWhole('delete-domain-modal.tsx', COMPONENT);
    expect(tokens).not.toBeNull();
    expect(relabelled(tokens!)).toBe(relabelled(parseModule('delete-domain-modal.tsx', COMPONENT, false)));
    expect(tokens!.exports.map((e) => e.shape)).toEqual([
      'export function DeleteDomainModal({…}: { domain: string; open: boolean })',
      'const Row = ({…}: { label: string })',
      'export function useDeleteDomainModal(data: FormData)',
    ]);
  });

  const jsxPairs: Array<[string, string, string]> = [
    ['a text run reflowed over lines', '<p>can\u2019t be\n    undone</p>', '<p>\n  can\u2019t be undone\n</p>'],
    ['an attribute\u2019s quotes', '<a className="x" href="/y">y</a>', "<a className='x' href='/y'>y</a>"],
  ];
  test.each(jsxPairs)('no change in JSX: %s', (_, before, after) => {
    const [a, b] = [`export const A = () => ${before};\n`, `export const A = () => ${after};\n`];
    expect(parseModule('a.tsx', a, false).hash).toBe(parseModule('a.tsx', b, false).hash);
    expect(readUserWhole('a.tsx', a)!.hash).toBe(readUserWhole('a.tsx', b)!.hash);
  });

  const jsxChanges: Array<[string, string, string]> = [
    ['a word of text', '<p>Delete {domain}</p>', '<p>Remove {domain}</p>'],
    ['an attribute\u2019s string', '<a className="x">y</a>', '<a className="z">y</a>'],
    ['a dashed attribute name (`data-a`, one token)', '<a data-a="1">y</a>', '<a data-b="1">y</a>'],
    ['a dashed tag name', '<my-card>y</my-card>', '<my-list>y</my-list>'],
    ['spaces between elements', '<p><b>a</b> <i>b</i></p>', '<p><b>a</b><i>b</i></p>'],
    ['a text that spells code', '<p>(a)</p>', '<p>a</p>'],
  ];
  test.each(jsxChanges)('a change in JSX: %s', (_, before, after) => {
    const [a, b] = [`export const A = () => ${before};\n`, `export const A = () => ${after};\n`];
    expect(parseModule('a.tsx', a, false).hash).not.toBe(parseModule('a.tsx', b, false).hash);
    const [x, y] = [readUserWhole('a.tsx', a)!, readUserWhole('a.tsx', b)!];
    expect(x.hash).not.toBe(y.hash);
    expect(x.exports[0]!.bodyHash).not.toBe(y.exports[0]!.bodyHash);
  });

  test('a JSX element returned in parentheses is no function returned: its signature is cut as TypeScript\u2019s', () => {
    const text = 'export function A() {\n  return (\n    <div>a</div>\n  );\n}\nexport const B = () => (<b />);\n';
    const tokens = readUserWhole('a.tsx', text);
    expect(tokens?.exports.map((e) => e.shape)).toEqual(['export function A()', 'const B = ()']);
    expect(relabelled(tokens!)).toBe(relabelled(parseModule('a.tsx', text, false)));
    // A generic arrow returned is a function: left to TypeScript, as in a `.ts` file.
    expect(readUserWhole('a.tsx', 'export function f() { return <T,>(x: T) => x; }\n')).toBeNull();
  });
});
