import { leadingReferences } from './leading-references.js';
import { scanSpecifiers } from './scan-specifiers.js';

// The import specifiers of a file, with no syntax tree: TypeScript's `preProcessFile` loop over a
// scanner of our own (scan-specifiers.ts), so that the import graph needs no TypeScript at all
// for nearly every file (a text it cannot cut as TypeScript does goes to TypeScript:
// scan-imports-typescript.ts). The import graph is built from these for every file, whether or
// not it is also parsed in full, so the graph is the same whichever files a run happened to parse
// (cold, warm, after an edit). A full record is parsed only for the files a walk crosses
// (compute-impact.ts).
//
// preProcessFile finds static imports, `export … from`, `import x = require()`, require() and
// import() calls anywhere (also `typeof import('x')` in types: an edge no record names, which the
// walk passes over) and `/// <reference path>` (leading-references.ts). It misses `export * as ns from 'x'` (TypeScript
// 6.0): those are added from the text.

const EXPORT_STAR_AS = /\bexport\s*\*\s*as\s+[\w$]+\s+from\s*(['"])([^'"\n]+)\1/g;

/** The specifiers of `text`, from `found` (preProcessFile's, or ours) and the `export * as` forms. */
export function withExportStarAs(text: string, found: Set<string>): string[] {
  if (text.includes('* as')) for (const match of text.matchAll(EXPORT_STAR_AS)) found.add(match[2]!);
  return [...found];
}

/** The specifiers of `text`; null when TypeScript must read it (scan-imports-typescript.ts). */
export function scanImports(text: string): string[] | null {
  const scanned = scanSpecifiers(text);
  const references = scanned === null ? null : leadingReferences(text);
  return references === null ? null : withExportStarAs(text, new Set([...scanned!, ...references]));
}
