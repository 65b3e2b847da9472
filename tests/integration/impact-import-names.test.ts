import { afterEach, describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mayTakeNames } from '../../src/adapters/typescript/scan-import-names.js';
import { parseModule, TS_EXTENSIONS } from '../../src/adapters/typescript/parse-module.js';
import type { ImportRecord } from '../../src/core/impact/module-record.js';
import type { ImpactReport } from '../../src/core/impact/impact-report.js';
import { coldImpactOf, impactOf, symbol, uses } from '../helpers/impact-json.js';
import { createScenarioRepo } from '../helpers/fixture-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

// A cold walk's second prefilter (scan-import-names.ts): a file reached through its imports of a
// module is parsed only when those imports can take one of the names that reach it. It must never
// say "cannot" of a file whose record takes a name through that import: checked against
// TypeScript's own parse of every fixture file, import by import, and by the reports of a walk.

const FIXTURES = fileURLToPath(new URL('../fixtures/impact', import.meta.url));
/** A name no fixture holds: an import that takes its module whole must let it through too. */
const ABSENT = 'zzNamedNowhere';

const pair = (specifier: string, name: string) => `${specifier}\0${name}`;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'deep-nesting' ? [] : sourceFiles(path);
    return TS_EXTENSIONS.some((ext) => entry.name.endsWith(ext)) ? [path] : [];
  });
}

/** The names one import of a record takes from its module (find-binding-use.ts); ABSENT when it
 * may take any. A named binding's members are read only through its own name. */
function namesTaken(edge: ImportRecord): Set<string> {
  const taken = new Set<string>();
  if (edge.names === '*' && edge.bindings.length === 0) taken.add(ABSENT);
  else if (edge.names !== '*') for (const name of edge.names) taken.add(name);
  for (const binding of edge.bindings) {
    if (binding.imported !== '*') taken.add(binding.imported);
    else {
      if (binding.value !== 0 || binding.type !== 0) taken.add(ABSENT);
      for (const [member] of binding.members ?? []) taken.add(member.split('.', 1)[0]!);
    }
  }
  return taken;
}

describe('which imports can take a name, from the tokens', () => {
  const may: Array<[string, string, string]> = [
    ['a named import', "import { alpha, beta } from './m';", 'alpha'],
    ['a renamed import', "import { alpha as a } from './m';", 'alpha'],
    ['a type import', "import type { Alpha } from './m';", 'Alpha'],
    ['a named re-export', "export { alpha } from './m';", 'alpha'],
    ['a default import, for default', "import a from './m';", 'default'],
    ['a default beside named ones, for default', "import a, { b } from './m';", 'default'],
    ['`export *`', "export * from './m';", 'alpha'],
    ['`export * as`', "export * as m from './m';", 'alpha'],
    ['a side-effect import', "import './m';", 'alpha'],
    ['a namespace reading the name', "import * as m from './m';\nm.alpha();", 'alpha'],
    ['a namespace indexed by the name', "import * as m from './m';\nm['alpha']();", 'alpha'],
    ['a namespace spied on for the name', "import * as m from './m';\nvi.spyOn(m, 'alpha');", 'alpha'],
    ['a namespace passed whole', "import * as m from './m';\nregister(m);", 'alpha'],
    ['a namespace destructured', "import * as m from './m';\nconst { other } = m;", 'alpha'],
    ['a namespace in an array beside a string', "import * as m from './m';\nconst all = [m, 'other'];", 'alpha'],
    ['a namespace in `typeof`', "import * as m from './m';\ntype M = typeof m;", 'alpha'],
    ['a require kept whole, reading the name', "const m = require('./m');\nm.alpha();", 'alpha'],
    ['a require called', "const m = require('./m');\nm();", 'alpha'],
    ['a require with a member read at once', "const a = require('./m').alpha;", 'alpha'],
    ['a require cast', "const m = require('./m') as typeof import('./m');\nm.other();", 'alpha'],
    ['a require destructured for the name', "const { alpha } = require('./m');", 'alpha'],
    ['a require destructured with a rest', "const { other, ...rest } = require('./m');", 'alpha'],
    ['a bare require', "require('./m');", 'alpha'],
    ['a require in an expression', "use(require('./m'));", 'alpha'],
    ['an optional require call', "const m = require?.('./m');", 'alpha'],
    ['a dynamic import', "const m = await import('./m');", 'alpha'],
    ['`typeof import()`', "type M = typeof import('./m');", 'alpha'],
    ['an import = require', "import m = require('./m');\nm.other();", 'alpha'],
    ['a comment before the quote', "use(require(/* x */ './m'));", 'alpha'],
    ['a line comment before the quote', "use(require( // x\n  './m'));", 'alpha'],
    ['a string name', "import { 'alpha' as a } from './m';", 'alpha'],
    ['a reference', '/// <reference path="./m" />\nimport { other } from \'./m\';', 'alpha'],
    ['an escaped specifier', "import { other } from './m';\nconst m = require('.\\x2fm');", 'alpha'],
    ['a template literal before the import', 'const t = `${x}`;\nimport { other } from "./m";', 'alpha'],
    ['a whole-module name', "import { other } from './m';", '*'],
    ['a CommonJS `export=`', "import { other } from './m';", 'export='],
    // A line that starts with `//` but may carry code: each form where the comment's text is not the end.
    ['a `//` line in a template, with `${}`', "import * as m from './m';\nconst t = `\n// ${m.alpha()}\n`;", 'alpha'],
    ['a `//` line in a block comment that ends on it', "import * as m from './m';\n/*\n// */ m.alpha();", 'alpha'],
    ['a `//` line in JSX text, with `{}`', "import * as m from './m';\nconst e = <div>\n  // {m.alpha()}\n</div>;", 'alpha'],
    ['a `//` line in JSX text, with a tag', "import * as m from './m';\nconst e = <div>\n  // <m.alpha />\n</div>;", 'alpha'],
    ['a `//` line in a string going on', "import * as m from './m';\nconst s = 'a\\\n// '; m.alpha();", 'alpha'],
    ['a `//` line in a string going on, CRLF', "import * as m from './m';\r\nconst s = 'a\\\r\n// '; m.alpha();", 'alpha'],
    ['a `//` line ended by a lone CR', "import * as m from './m';\n// note\rm.alpha();", 'alpha'],
    ['a `//` line ended by a line separator', "import * as m from './m';\n// note\u2028m.alpha();", 'alpha'],
    ['a comment after code on the line', "import * as m from './m';\nm.alpha(); // m is read here", 'alpha'],
  ];
  test.each(may)('%s may take it', (_, text, name) => {
    expect(mayTakeNames(text, [pair('./m', name)])).toBe(true);
  });

  const cannot: Array<[string, string, string]> = [
    ['another named import', "import { beta } from './m';\n// alpha is elsewhere\nbeta();", 'alpha'],
    ['the name imported from another module', "import { beta } from './m';\nimport { alpha } from './n';", 'alpha'],
    ['a default import of another module beside', "import path from 'node:path';\nimport { beta } from './m';", 'alpha'],
    ['a default import, for a name', "import m from './m';\nm.alpha();", 'alpha'],
    ['a type import of other names', "import type { Beta } from './m';", 'Alpha'],
    ['a namespace read through other members', "import * as m from './m';\nm.beta();\nm['gamma'];\nvi.spyOn(m, 'delta');", 'alpha'],
    ['a require kept whole, read through other members', "const m = require('./m');\nm.beta();", 'alpha'],
    ['a require destructured for other names', "const { beta, gamma: g } = require('./m');", 'alpha'],
    ['a mock of the module', "import { beta } from './m';\nvi.mock('./m', () => ({ beta: 1 }));", 'alpha'],
    ['the specifier in a comment', "import { beta } from './m';\n/** See `./m` and './m'. */", 'alpha'],
    ['no import of the module at all', "import { alpha } from './n';", 'alpha'],
    ['a namespace named in a `//` line', "import * as m from './m';\n// Create an m reporter\nm.beta();", 'alpha'],
    ['a namespace named in an indented `//` line, CRLF', "import * as m from './m';\r\n\t  // then m: see below\r\nm.beta();", 'alpha'],
    [
      'a `// <reference` comment (a directive needs three slashes)',
      '// <reference lib="deno.ns" />\nimport { beta } from \'./m\';',
      'alpha',
    ],
  ];
  test.each(cannot)('%s cannot take it', (_, text, name) => {
    expect(mayTakeNames(text, [pair('./m', name)])).toBe(false);
  });

  test('names are matched to the module they reach the file through', () => {
    const text = "import { alpha } from './n';\nimport { beta } from './m';";
    expect(mayTakeNames(text, [pair('./m', 'alpha'), pair('./n', 'beta')])).toBe(false);
    expect(mayTakeNames(text, [pair('./m', 'alpha'), pair('./n', 'alpha')])).toBe(true);
  });

  test('no name a fixture file takes through an import, by TypeScript’s parse, is dropped', () => {
    const files = sourceFiles(FIXTURES);
    expect(files.length).toBeGreaterThan(100);
    const dropped = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const record = parseModule(relative(FIXTURES, file), text);
      return record.imports.flatMap((edge) =>
        [...namesTaken(edge)]
          .filter((name) => !mayTakeNames(text, [pair(edge.specifier, name)]))
          .map((name) => `${relative(FIXTURES, file)}: ${edge.specifier} ${name}`),
      );
    });
    expect(dropped).toEqual([]);
  });
});

let repo: TempRepo;
afterEach(() => repo?.cleanup());

describe('a cold walk parses only the files whose imports can take the names', () => {
  test('importers of other names of the module are not parsed; the report is the one every file parsed gives', () => {
    repo = createScenarioRepo('impact', 'import-names-walk');
    const { stats, ...first } = coldImpactOf(repo);
    const alpha = symbol(first as ImpactReport, 'alpha');
    expect(uses(alpha.valueUsers)).toEqual(['src/required-user.js:3', 'src/spied-user.ts:4', 'src/star-user.ts:3', 'src/user.ts:3']);
    // Both sides of core.ts, index.ts, star.ts and the four users; not comment.ts,
    // default-beside.ts, spied.ts, required.js nor destructured.js (they take beta only).
    expect(stats.parsed).toBe(8);
    const { stats: _warm, ...warm } = impactOf(repo);
    expect(warm).toEqual(first);

    // beta changes too: the files left unparsed are its users now, parsed by the next run.
    repo.stage({
      'src/core.ts':
        'export function alpha(n: number): number {\n  return n + 2;\n}\n\nexport function beta(n: number): number {\n  return n * 3;\n}\n',
    });
    const { stats: later, ...afterEdit } = impactOf(repo);
    expect(later.parsed).toBe(6); // the new core.ts and the five
    const beta = symbol(afterEdit as ImpactReport, 'beta');
    expect(uses(beta.valueUsers)).toEqual([
      'src/comment.ts:4',
      'src/default-beside.ts:4',
      'src/destructured.js:4',
      'src/required.js:4',
      'src/spied.ts:4',
    ]);
    const { stats: _cold, ...coldAfterEdit } = coldImpactOf(repo);
    expect(afterEdit).toEqual(coldAfterEdit);
  });
});
