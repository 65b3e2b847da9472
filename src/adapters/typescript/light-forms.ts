import { jsDocImports } from './jsdoc-imports.js';

// What makes a light record read a file whole (parse-module.ts), and so what the record of a
// file read without TypeScript (user-record.ts) must leave to it: both ask these of the text.

// Forms a light record cannot read from the names alone: a call of `mocked` (`vi.mocked(ns)`,
// `jest.mocked<T>(ns)`: an alias of a namespace, trace-uses.ts), `\u` escapes (an identifier
// spelled otherwise). A file with one is read whole. `mocked` followed by anything that cannot go
// on to a call (a `mockedFetch`, a word in a comment or a string) is not one: spaces, comments,
// type arguments (`<`), `?.` and `!` before the `(` are kept as a call, whatever they hide.
export const UNNAMED_FORMS = /mocked(?:\s|\/\*[\s\S]*?\*\/|\/\/[^\n]*)*[(<?!]|\\u/;

// import() and require() bind names as they go: a file calling them is read whole, unless each
// call is a top-level `const … = require('…')`, which binds its names as an import does
// (collect-imports.ts). The text only says where to look: a word in a comment or a string is no
// call, and `import('x').T` is a type (import-types.ts), read whole.
export const CALL_FORMS = /\bimport\s*\(|\brequire\s*\(/;

/** A JavaScript file's JSDoc `import('x').Name` types: import-types.ts reads them in the whole record only. */
export const hasJsDocImportTypes = (isJavaScript: boolean, text: string): boolean =>
  isJavaScript && text.includes('import(') && jsDocImports(text).length > 0;

/** Whether `typeof ns` of a namespace binding may declare a typed alias (read by the full walk only). */
export function typesByNamespace(text: string, namespaces: Iterable<string>): boolean {
  if (!text.includes('typeof')) return false;
  for (const local of namespaces) if (new RegExp(`typeof\\s+${local.replace(/\$/g, '\\$')}(?![\\w$]|\\s*\\.)`).test(text)) return true;
  return false;
}
