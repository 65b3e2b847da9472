import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mayUseNames } from '../../src/core/impact/may-use-names.js';
import type { ModuleRecord } from '../../src/core/impact/module-record.js';
import { parseModule, TS_EXTENSIONS } from '../../src/adapters/typescript/parse-module.js';

// The text prefilter of a cold walk (may-use-names.ts) must never say "cannot use" of a file that
// uses a name: a user would be lost from the report. Checked against TypeScript's own parse of
// real source text: every name a file's record takes from an import (by name, as a namespace
// member, or whole: then any name) must be one the prefilter lets through.

const FIXTURES = fileURLToPath(new URL('../fixtures/impact', import.meta.url));
/** A name no fixture holds: a file that takes every name must let it through too. */
const ABSENT = 'zzNamedNowhere';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    // deep-nesting overflows the parser on purpose (its record is a parse error, no imports).
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'deep-nesting' ? [] : sourceFiles(path);
    return TS_EXTENSIONS.some((ext) => entry.name.endsWith(ext)) ? [path] : [];
  });
}

/** The names a record's imports take from their modules; '*' when they may take any. */
function namesTaken(record: ModuleRecord): Set<string> {
  const taken = new Set<string>();
  for (const edge of record.imports) {
    if (edge.names === '*' && edge.bindings.length === 0) taken.add('*');
    else if (edge.names !== '*') for (const name of edge.names) taken.add(name);
    for (const binding of edge.bindings) {
      if (binding.imported !== '*') taken.add(binding.imported);
      else if (binding.value !== 0 || binding.type !== 0) taken.add('*');
      for (const [member] of binding.members ?? []) taken.add(member.split('.', 1)[0]!);
    }
  }
  return taken;
}

/** Each (file, name) a record takes that the prefilter would drop. */
function dropped(root: string, files: readonly string[]): string[] {
  return files.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const record = parseModule(relative(root, file), text);
    return [...namesTaken(record)]
      .filter((name) => !mayUseNames(text, [name === '*' ? ABSENT : name]))
      .map((name) => `${relative(root, file)}: ${name}`);
  });
}

describe('the prefilter on the text of a file', () => {
  const forms: Array<[string, string, string]> = [
    ['a renamed import', "import { replaceData as swap } from './utils';\nswap();", 'replaceData'],
    ['a namespace member', "import * as ns from './utils';\nns.replaceData();", 'replaceData'],
    ['a namespace member by string', "import * as ns from './utils';\nns['replaceData']();", 'replaceData'],
    ['a namespace destructured', "import * as ns from './utils';\nconst { replaceData } = ns;", 'replaceData'],
    ['a namespace destructured under another name', "import * as ns from './utils';\nconst { swap } = ns;", 'replaceData'],
    ['a namespace passed whole', "import * as ns from './utils';\nregister(ns);", 'replaceData'],
    ['a namespace spied on', "import * as ns from './utils';\nvi.spyOn(ns, 'x');", 'replaceData'],
    ['a namespace in `typeof`', "import type * as ns from './utils';\ntype All = typeof ns;", 'replaceData'],
    ['a namespace re-exported', "import * as ns from './utils';\nexport { ns };", 'replaceData'],
    ['`export *`', "export * from './utils';", 'replaceData'],
    ['`export type *`', "export type * from './types';", 'Options'],
    ['`export * as`', "export * as utils from './utils';", 'replaceData'],
    ['a default import', "import swap from './utils';\nswap();", 'default'],
    ['a default type import', "import type Swap from './utils';\nlet s: Swap;", 'default'],
    ['a default import beside named ones', "import swap, { other } from './utils';", 'default'],
    ['a require', "const utils = require('./utils');\nutils[key]();", 'replaceData'],
    ['a destructured require', "const { swap } = require('./utils');", 'replaceData'],
    ['`typeof import()`', "type U = typeof import('./utils');", 'replaceData'],
    ['a dynamic import', "const m = await import('./utils');", 'replaceData'],
    ['a reference', '/// <reference path="./globals.d.ts" />', 'Global'],
    ['an escaped identifier', "import { replace\\u0044ata } from './utils';", 'replaceData'],
    ['a whole-module name', "import { a } from './utils';", '*'],
    ['a CommonJS `export=`', "import { a } from './utils';", 'export='],
  ];
  test.each(forms)('%s may use the name', (_, text, name) => {
    expect(mayUseNames(text, [name])).toBe(true);
  });

  const unused: Array<[string, string, string]> = [
    ['another named import', "import { replaceEqualDeep } from './utils';\nreplaceEqualDeep(a, b);", 'replaceData'],
    ['a namespace read through other members', "import * as ns from './utils';\nns.replaceEqualDeep(a, b);", 'replaceData'],
    ['a longer word', "import { replaceDataDeep } from './utils';", 'replaceData'],
    ['a type import of other names', "import type { Options } from './utils';", 'replaceData'],
  ];
  test.each(unused)('%s cannot use the name', (_, text, name) => {
    expect(mayUseNames(text, [name])).toBe(false);
  });

  test('a name is a word as the identifier pattern cuts the text into words', () => {
    const WORD = /[$_\p{ID_Start}][$\p{ID_Continue}\u200c\u200d]*/gu;
    const texts = [
      'x = 9alpha + alpha9 + $beta + _gamma + delta_ + épsilon + zeta\u200dx + 𝑥alpha + ١alpha;',
      ...sourceFiles(FIXTURES).map((file) => readFileSync(file, 'utf8')),
    ].filter((text) => !mayUseNames(text, [ABSENT])); // a text that takes names unnamed may use any
    expect(texts.length).toBeGreaterThan(50);
    for (const text of texts) {
      const words = new Set(text.match(WORD));
      const names = [...words]
        .flatMap((word) => [word, word.slice(1), `${word}x`, `x${word}`])
        .filter((name) => /^[$_\p{ID_Start}]/u.test(name));
      const differ = names.filter((name) => mayUseNames(text, [name]) !== words.has(name));
      expect(differ).toEqual([]);
    }
  });

  test('no name a fixture file takes from its imports, by TypeScript’s parse, is dropped', () => {
    const files = sourceFiles(FIXTURES);
    expect(files.length).toBeGreaterThan(100);
    expect(dropped(FIXTURES, files)).toEqual([]);
  });
});
