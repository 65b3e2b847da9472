import { ts } from './typescript.js';

// The import specifiers of a file, from TypeScript's token scanner (`preProcessFile`), with no
// syntax tree: about a quarter of a full parse on a cold start. The import graph is built from
// these for every file, whether or not it is also parsed in full, so the graph is the same
// whichever files a run happened to parse (cold, warm, after an edit). A full record is parsed
// only for the files a walk crosses (compute-impact.ts).
//
// preProcessFile finds static imports, `export … from`, `import x = require()`, require() and
// import() calls anywhere (also `typeof import('x')` in types: an edge no record names, which the
// walk passes over) and `/// <reference path>`. It misses `export * as ns from 'x'` (TypeScript
// 6.0): those are added from the text.

const EXPORT_STAR_AS = /\bexport\s*\*\s*as\s+[\w$]+\s+from\s*(['"])([^'"\n]+)\1/g;

export function scanImports(text: string): string[] {
  const found = new Set<string>();
  const { importedFiles, referencedFiles } = ts.preProcessFile(text, true, true);
  for (const file of importedFiles) found.add(file.fileName);
  for (const file of referencedFiles) found.add(file.fileName);
  if (text.includes('* as')) for (const match of text.matchAll(EXPORT_STAR_AS)) found.add(match[2]!);
  return [...found];
}
