import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../helpers/temp-repo.js';

// The CLI runs from its bundle (scripts/bundle.mjs) and a --debug stack names our source files
// through its source maps: a line the bundler adds to a module before its first line (what
// `import.meta.url` stands for, the gate's one chunk) would move every frame of that module one
// line down. Each function declared at the top of a bundle file must map back to the line of its
// source that declares it. Before this test, the 19 functions of the modules that use
// import.meta.url (globs.ts, parse-modules.ts, ...) mapped one line below.

const BUNDLE = join(PROJECT_ROOT, 'dist', 'bundle');

/** Each top-level function of each bundle file: its name, and the source line its map gives. */
function mappedFunctions(): Array<{ file: string; name: string; source: string; line: string | undefined }> {
  const found = [];
  for (const file of readdirSync(BUNDLE).filter((name) => name.endsWith('.js'))) {
    const code = readFileSync(join(BUNDLE, file), 'utf8').split('\n');
    const map = new SourceMap(JSON.parse(readFileSync(join(BUNDLE, `${file}.map`), 'utf8')) as SourceMapPayload);
    for (const [index, text] of code.entries()) {
      const match = /^(?:async )?function\*? ?([\w$]+)\(/.exec(text);
      if (!match) continue;
      const entry = map.findEntry(index, text.indexOf(match[1]!));
      if (!('originalSource' in entry)) continue;
      const source = entry.originalSource.startsWith('file:') ? fileURLToPath(entry.originalSource) : join(BUNDLE, entry.originalSource);
      found.push({ file, name: match[1]!, source, line: readFileSync(source, 'utf8').split('\n')[entry.originalLine] });
    }
  }
  return found;
}

describe("the bundle's source maps", () => {
  test('every top-level function maps to the source line that declares it', () => {
    const functions = mappedFunctions();
    // The control: the gate's chunk alone declares hundreds.
    expect(functions.length).toBeGreaterThan(300);
    // esbuild renames a function whose name is taken in its chunk (compileGlobs2): the source has the name without the digits.
    const wrong = functions.filter((f) => !f.line?.includes(f.name.replace(/\d+$/, '')));
    expect(wrong).toEqual([]);
  });
});
