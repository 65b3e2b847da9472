// What the TypeScript adapter extracts from one source file, as plain records (no AST): the
// import graph and the export diff are computed from these alone, and these are what the cache
// stores by blob id. Knip could swap its parser because its visitors returned plain records.

export type ImportKind =
  | 'static' // import ... from 'x', import 'x'
  | 'export-from' // export { a } from 'x', export * from 'x', export * as ns from 'x'
  | 'dynamic' // import('x') with a string literal
  | 'require' // require('x') with a string literal
  | 'import-equals' // import x = require('x')
  | 'reference'; // /// <reference path="x" />

export interface ImportRecord {
  readonly specifier: string;
  readonly kind: ImportKind;
  /** `import type`, `export type … from`, or every named binding is type-only. */
  readonly isTypeOnly: boolean;
  /**
   * The exported names this import uses from the target ('default' for a default import), or '*'
   * when it depends on the whole module (namespace import, `export *`, require, dynamic import,
   * side-effect import).
   */
  readonly names: readonly string[] | '*';
  /** Local names the import binds, by imported name ('*' for a namespace or require binding). */
  readonly bindings: readonly ImportBinding[];
  /** 1-based line of the import itself: where an import without bindings (dynamic, nested
   * require, side effect) uses its target. */
  readonly line: number;
}

/** First 1-based line of a use as a value and in a type position; 0 when there is none. */
export interface BindingUse {
  readonly value: number;
  readonly type: number;
}

/**
 * One local name an import binds, and how the file uses it. `export { x }` of an imported `x`
 * is a pass-through, not a use. `value`/`type` say where the binding itself is used, `members`
 * the names it is used through (`ns.a`, `{ a } = ns`, also through `vi.mocked(ns)`). For a
 * namespace ('*': `import * as ns`, `const m = require()`) `value`/`type` are where it escapes
 * whole (passed, spread, indexed by a variable, `typeof ns`); a named binding may be a namespace
 * too (`export * as util` upstream) and has `members` when it has any.
 */
export interface ImportBinding extends BindingUse {
  readonly imported: string;
  readonly local: string;
  readonly members?: readonly (readonly [name: string, value: number, type: number])[];
}

export type ExportKind =
  | 'function'
  | 'class'
  | 'interface'
  | 'type'
  | 'enum'
  | 'variable'
  | 'namespace'
  | 'default-expression'
  | 'export-equals'
  | 'commonjs'
  | 'reexport';

export interface ExportRecord {
  /** Exported name as importers see it ('default', 'export=' for `export =`). */
  readonly name: string;
  readonly kind: ExportKind;
  /** The declared shape, normalized text: parameters, return and property types, modifiers,
   * type parameters, public class members, enum members, type bodies. Equal shapes: same API. */
  readonly shape: string;
  /** A hash of the implementation's syntax (not its comments or formatting). */
  readonly bodyHash: string;
  /** For re-exports: where the name comes from and under what name ('*' for `export *`). */
  readonly from?: { readonly specifier: string; readonly name: string };
  /** The top-level local binding this export names (for `export { a as b }`, 'a'). */
  readonly local?: string;
}

/** A top-level declaration and the top-level names its text refers to. */
export interface Declaration {
  readonly local: string;
  readonly uses: readonly string[];
  /** Classes of its file among `uses` that it only passes along (an argument, `instanceof`, a
   * type): a change to their methods does not change this declaration. */
  readonly passes?: readonly string[];
  /** Declarations of its file among `uses` that it reads only as `keyof typeof x` (TanStack
   * table's `BuiltInAggregationFn`): their own change changes this type, what they call does not. */
  readonly keys?: readonly string[];
  /** An interface or a type alias: its hash is its shape, it has no implementation. */
  readonly isType?: boolean;
  /** Hash of its syntax, blind to comments and formatting: a change here is a real change. */
  readonly hash: string;
  readonly isExported: boolean;
}

export interface ModuleRecord {
  readonly imports: readonly ImportRecord[];
  readonly exports: readonly ExportRecord[];
  /** Top-level declarations, exported or not, with the top-level names each uses: lets a
   * change follow names through a file (an export that does not use a changed import is safe). */
  readonly declarations: readonly Declaration[];
  /** Hash of the whole file's syntax: equal hashes of two versions mean a trivia-only edit. Read
   * from tokens (user-whole.ts) its hashes start with `t`: equal exactly when TypeScript's are, but
   * never equal to one of TypeScript's, so a file's two sides are read by one reader (isTokenHashed). */
  readonly hash: string;
  /** Set when the file failed to parse: treat every export as possibly changed. */
  readonly parseError?: string;
  /** Read for a walk only (a file that did not change): its imports, exports and declarations by
   * name and use, without shapes, hashes or `passes`, which only a changed file's diff reads. */
  readonly isLight?: boolean;
}

/** Whether a whole record's hashes were read from tokens (user-whole.ts), not by TypeScript: a
 * change's two sides compare only when both were, or neither. */
export const isTokenHashed = (record: ModuleRecord | undefined): boolean => record?.hash.startsWith('t') === true;
