import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// The names of the JavaScript platform (Promise, JSON.parse, Intl.NumberFormat, fetch, the DOM),
// read from the lib.*.d.ts declarations of the TypeScript that selfreview runs with, and its
// compiler options: an answer may name them in any repository. Read once, on the first name the
// change does not contain.

let names: Set<string> | undefined;

export function readPlatformNames(): ReadonlySet<string> {
  if (names !== undefined) return names;
  names = new Set();
  try {
    const lib = dirname(createRequire(import.meta.url).resolve('typescript/lib/lib.d.ts'));
    for (const file of readdirSync(lib)) {
      if (!/^lib\..*\.d\.ts$/.test(file)) continue;
      for (const name of readFileSync(join(lib, file), 'utf8').match(/[A-Za-z_$][\w$]*/g) ?? []) names.add(name.toLowerCase());
    }
    // The compiler's options (`exactOptionalPropertyTypes`, `noUncheckedIndexedAccess`): a tsconfig
    // setting an answer may name though the repository's tsconfig does not set it.
    const api = readFileSync(join(lib, 'typescript.d.ts'), 'utf8');
    const start = api.indexOf('interface CompilerOptions {');
    const options = start < 0 ? '' : api.slice(start, api.indexOf('\n    }', start));
    for (const match of options.matchAll(/^\s+([A-Za-z_$][\w$]*)\??:/gm)) names.add(match[1]!.toLowerCase());
  } catch {
    // No TypeScript lib: every name is looked up in the repository instead.
  }
  return names;
}
