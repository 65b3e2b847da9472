// Import statements read from a text without a parser (a new script's edit, a user's text): the
// local names each binds, from which specifier. `import a, { b as c } from './m'` binds a and c;
// `const m = require('./m')` binds m.

export interface ImportStatement {
  readonly specifier: string;
  /** Local names, in the order written: the default, the namespace, then the braces. */
  readonly locals: readonly string[];
  readonly isTypeOnly: boolean;
  readonly isRequire: boolean;
}

const IMPORT = /\bimport\s+(type\s+)?([\w$]+)?\s*,?\s*(?:\{([^}]*)\}|\*\s+as\s+([\w$]+))?\s*from\s*['"]([^'"]+)['"]/g;
const REQUIRE = /\b(?:const|let|var)\s+([\w$]+)\s*=\s*require\(\s*['"]([^'"]+)['"]/g;

export function readImportStatements(text: string): ImportStatement[] {
  const out: ImportStatement[] = [];
  for (const [, type, first, braces, namespace, specifier] of text.matchAll(IMPORT)) {
    const listed = (braces ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '' && !part.startsWith('type '))
      .map((part) => part.split(/\s+as\s+/).pop()!);
    const locals = [first, namespace, ...listed].filter((name): name is string => name !== undefined);
    out.push({ specifier: specifier!, locals, isTypeOnly: type !== undefined, isRequire: false });
  }
  for (const [, local, specifier] of text.matchAll(REQUIRE))
    out.push({ specifier: specifier!, locals: [local!], isTypeOnly: false, isRequire: true });
  return out;
}
