import type { ExportRecord, ImportRecord } from '../../core/impact/module-record.js';
import { hashText } from './hash-text.js';
import { NOT_THIS, Token, Undecided } from './user-reader.js';
import { RESERVED, type UserSyntax } from './user-syntax.js';

// The imports and exports of a file read from tokens (user-record.ts): `import … from`, an export
// list, a re-export; each as parse-module.ts (collectExportDeclaration) and collect-imports.ts
// record it from TypeScript's syntax tree, and a top-level `const … = require('…')`, which
// collect-imports.ts binds as an import. Anything else (`import x = require()`, attributes, a
// string name) is Undecided: the file is left to TypeScript.

/** An import as read: its record, and its bindings as (imported, local) pairs. */
export interface Draft {
  readonly record: Omit<ImportRecord, 'bindings'>;
  readonly bindings: ReadonlyArray<readonly [imported: string, local: string]>;
}

/** The module specifier a statement ends with (`… from 'x'`, `import 'x'`); attributes (`with`, `assert`) are Undecided. */
function specifierOf(p: UserSyntax): string {
  const { r } = p;
  if (!r.at(Token.String) || r.value === null) throw new Undecided();
  const value = r.value;
  r.next();
  if ((r.is('with') || r.is('assert')) && !r.isAfterBreak) throw new Undecided();
  p.endStatement();
  return value;
}

/** A top-level `import … from 'x'` (or `import 'x'`); anything else (`import x = …`, attributes) is Undecided. */
export function readImport(p: UserSyntax, lineOf: (at: number) => number): Draft {
  const { r } = p;
  const line = lineOf(r.start);
  r.next();
  if (r.at(Token.String))
    return { record: { specifier: specifierOf(p), kind: 'static', isTypeOnly: false, names: [], line }, bindings: [] };
  let isTypeOnly = false;
  if (r.is('type')) {
    const next = r.peek();
    if (next.text === 'from' || next.text === ',' || next.text === '=') throw new Undecided();
    isTypeOnly = true;
    r.next();
  }
  const bindings: Array<[string, string]> = [];
  let names: string[] | '*' = [];
  if (r.isWord()) {
    bindings.push(['default', r.word()]);
    names.push('default');
    if (r.at(Token.Equals)) throw new Undecided();
    if (r.is(',')) r.next();
  }
  if (r.at(Token.Asterisk)) {
    r.next();
    r.expect('as');
    bindings.push(['*', r.word()]);
    names = '*';
  } else if (r.at(Token.OpenBrace)) {
    r.next();
    let [count, typeOnly] = [0, 0];
    while (!r.at(Token.CloseBrace)) {
      if (r.is('type') && r.peek().kind === Token.Word) {
        if (r.peek().text === 'as') throw new Undecided();
        r.next();
        typeOnly++;
      }
      const imported = r.word();
      const local = r.is('as') ? (r.next(), r.word()) : imported;
      names.push(imported);
      bindings.push([imported, local]);
      count++;
      if (r.at(Token.CloseBrace)) break;
      r.expect(',');
    }
    r.next();
    if (bindings[0]?.[0] !== 'default' && count > 0 && typeOnly === count) isTypeOnly = true;
  }
  r.expect('from');
  return { record: { specifier: specifierOf(p), kind: 'static', isTypeOnly, names, line }, bindings };
}

/**
 * After `export`: `{ a, b as c, type d }` (its names are no references), and the re-exports
 * `{ a as b } from 'x'`, `* from 'x'`, `* as ns from 'x'` (each `type` too), recorded as
 * parse-module.ts's collectExportDeclaration and collect-imports.ts record them: the exports
 * (a named one with its shape and hash, which do not depend on the syntax tree) and an
 * `export-from` import of the names it takes, at the line of `export`.
 */
export function readExportClause(p: UserSyntax, line: number): { exports: ExportRecord[]; draft?: Draft } {
  const { r } = p;
  const isTypeOnly = r.is('type');
  if (isTypeOnly) r.next();
  if (r.at(Token.Asterisk)) {
    r.next();
    const name = r.is('as') ? (r.next(), r.word()) : '*';
    r.expect('from');
    const specifier = specifierOf(p);
    return {
      exports: [{ name, kind: 'reexport', shape: '', bodyHash: '', from: { specifier, name: '*' } }],
      draft: { record: { specifier, kind: 'export-from', isTypeOnly, names: '*', line }, bindings: [] },
    };
  }
  r.next();
  const elements: Array<readonly [local: string, name: string]> = [];
  while (!r.at(Token.CloseBrace)) {
    if (r.is('type') && r.peek().kind === Token.Word) {
      if (r.nextIs('as')) throw new Undecided();
      r.next();
    }
    const local = r.word();
    elements.push([local, r.is('as') ? (r.next(), r.word()) : local]);
    if (r.at(Token.CloseBrace)) break;
    r.expect(',');
  }
  r.next();
  if (!r.is('from')) {
    p.endStatement();
    return { exports: elements.map(([local, name]): ExportRecord => ({ name, kind: 'variable', shape: '', bodyHash: '', local })) };
  }
  r.next();
  const specifier = specifierOf(p);
  const exports = elements.map(([local, name]): ExportRecord => ({
    name,
    kind: 'reexport',
    shape: `${local} as ${name}`,
    bodyHash: hashText(`${local} as ${name} from ${specifier}`),
    from: { specifier, name: local },
  }));
  const names = elements.map(([local]) => local);
  return { exports, draft: { record: { specifier, kind: 'export-from', isTypeOnly, names, line }, bindings: [] } };
}

/** A word after a line break that may go on with the expression before it. */
const GOES_ON = new Set(['as', 'satisfies', 'in', 'instanceof']);

/**
 * After `const`, `let` or `var` at the top level: `x = require('x')` or `{ a, b: c, ...rest } =
 * require('x')`, one declarator and nothing after the call, bound as collect-imports.ts binds it
 * (the rest holds the module whole), with the range of its declarator. Any other statement is
 * NotThis: read as code, where a `require` is Undecided.
 */
export function readRequire(p: UserSyntax, lineOf: (at: number) => number): Draft & { readonly range: readonly [number, number] } {
  const { r } = p;
  r.next();
  const start = r.start;
  const bindings: Array<[string, string]> = [];
  let names: string[] | '*' = '*';
  const local = () => {
    if (RESERVED.has(r.text)) throw NOT_THIS;
    return r.word();
  };
  if (r.isWord()) bindings.push(['*', local()]);
  else {
    r.expect('{');
    const keys: string[] = [];
    let hasRest = false;
    while (!r.at(Token.CloseBrace)) {
      const isRest = r.is('...');
      if (isRest) r.next();
      if (isRest || !r.nextIs(':')) {
        const name = local();
        bindings.push([isRest ? '*' : name, name]);
        if (isRest) hasRest = true;
        else keys.push(name);
      } else {
        const key = r.word();
        r.next();
        bindings.push([key, local()]);
        keys.push(key);
      }
      if (r.at(Token.CloseBrace)) break;
      r.expect(',');
    }
    r.next();
    if (!hasRest) names = keys;
  }
  if (!r.at(Token.Equals)) throw NOT_THIS;
  r.next();
  r.expect('require');
  r.expect('(');
  if (!r.at(Token.String) || r.value === null) throw NOT_THIS;
  const specifier = r.value;
  r.next();
  r.expect(')');
  const end = r.previousEnd;
  r.mark(r.is(';') ? r.end : end);
  if (r.is(';')) r.drop();
  else if (!r.at(Token.End) && !(r.isAfterBreak && r.isWord() && !GOES_ON.has(r.text))) throw NOT_THIS;
  return { record: { specifier, kind: 'require', isTypeOnly: false, names, line: lineOf(start) }, bindings, range: [start, end] };
}
