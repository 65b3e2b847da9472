// The `import('x').Name` of a JavaScript file's JSDoc comments, which TypeScript reads as types
// and its parse does not give: found in the text alone. Apart from import-types.ts, which needs
// TypeScript for the syntax tree's import types, so that the import scan (read-module.ts) loads no
// TypeScript: a parse worker that only scans or reads records from tokens never compiles its 9 MB.

const JSDOC = /\/\*\*[\s\S]*?\*\//g;
const JSDOC_IMPORT = /\bimport\(\s*(['"])([^'"\n\\]+)\1\s*\)\s*\.\s*([$_A-Za-z][$\w]*)/g;

export interface ImportTypeFound {
  readonly specifier: string;
  readonly name: string;
  readonly end: number;
}

/** The `import('x').Name` of a JavaScript file's JSDoc comments, in document order. */
export function jsDocImports(text: string): ImportTypeFound[] {
  const found: ImportTypeFound[] = [];
  for (const comment of text.matchAll(JSDOC))
    for (const match of comment[0].matchAll(JSDOC_IMPORT))
      found.push({ specifier: match[2]!, name: match[3]!, end: comment.index + match.index + match[0].length });
  return found;
}

/** The specifiers a JavaScript file's JSDoc imports types from: edges of the import graph. */
export function jsDocSpecifiers(path: string, text: string): string[] {
  return /\.[mc]?jsx?$/.test(path) && text.includes('import(') ? [...new Set(jsDocImports(text).map((f) => f.specifier))] : [];
}
