import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TS_EXTENSIONS } from '../../src/adapters/typescript/parse-module.js';
import { scanImports } from '../../src/adapters/typescript/scan-imports.js';
import { scanImportsWithTypescript } from '../../src/adapters/typescript/scan-imports-typescript.js';
import { scanSpecifiers } from '../../src/adapters/typescript/scan-specifiers.js';
import { isOldLetter, OLD_LETTER_RANGES } from '../../src/adapters/typescript/name-characters.js';
import { ts } from '../../src/adapters/typescript/typescript.js';

// The import scanner of our own (scan-specifiers.ts) must list what TypeScript's preProcessFile
// lists, in its order, or give the text back to TypeScript (null): the import graph is built from
// these. Each text is checked against TypeScript itself, never against a written answer.

const FIXTURES = fileURLToPath(new URL('../fixtures/impact', import.meta.url));

const byTypescript = (text: string) => ts.preProcessFile(text, true, true).importedFiles.map((file) => file.fileName);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return TS_EXTENSIONS.some((ext) => entry.name.endsWith(ext)) ? [path] : [];
  });
}

// Forms where a scanner that knows more than TypeScript's raw one (regular expressions, a `}`
// that ends a substitution) or less (numbers, operators) would cut the text elsewhere.
const FORMS: Record<string, string> = {
  'a quote in a regular expression starts a string to the end of the line': "const r = /'/; import a from './a';\nimport b from './b';",
  'a backslash in a regular expression': "const r = /\\d+'/g;\nimport a from './a';",
  'import() inside a substitution': "const t = `${await import('./a')}`; const u = `x${`y${import('./b')}`}`;",
  'a brace inside a substitution': "const t = `${{ a: 1 }.a}`; import a from './a';",
  'a template that never ends': "import a from './a'; const t = `${x",
  'a string that never ends': "const s = 'abc\nimport a from './a';",
  'a member named import': "obj.import('./no'); obj?.import('./yes'); import('./c');",
  'require anywhere, template too': "foo.require('./a'); require(`./b`); const { c } = require('./c');",
  'declare module in a script': "declare module 'ambient' { export const a: number; }",
  'declare module in a module': "import a from './a';\ndeclare module 'ambient' { }\nnamespace N { declare module 'nested' {} }",
  'type imports and exports':
    "import type A from './a'; import type { B } from './b'; import type * as C from './c'; import type from './d'; export type { E } from './e'; export type * from './f';",
  'default and named together': "import A, { B } from './a'; import C, * as D from './c'; import * as E from './e';",
  'import equals and export import': "import x = require('./a'); export import y = require('./b'); export import type z = require('./c');",
  'export forms': "export * from './a'; export * as ns from './b'; export { c, d as e } from './c'; export { f };",
  'AMD define': "define('name', ['./a', './b', `./c`], function (a, b) {}); define(['./d']);",
  'numbers beside dots and words':
    "const a = 1..toString(); const b = .5; const c = 0x1Fn; const d = 018; const e = 017; const f = 1e+5; const g = 1.5n; import z from './z';",
  'greater-than before equals': "if (a >= b) {} import c from './c';",
  'operators beside equals and stars': "a **= 2; b === c; d => e; f *= g; import * as h from './h';",
  'comments and a shebang': "#!/usr/bin/env node\n// import a from './no'\n/* import b from './no' */ import c from './c';",
  'a private name and decorators': "class A { #x = 1; @dec() m() {} } import b from './b';",
  'seven equals signs inside a line, not at its start': "const s = '=======';\n// >>>>>>> not a marker\nimport a from './a';",
  'JSX text with a quote': "const a = <p>Don't</p>;\nimport b from './b';",
  // dub's delete-domain-modal.tsx: '– proceed with caution.' in JSX text (TypeScript's Unknown tokens).
  'JSX text with typographic marks, symbols and emoji past ASCII':
    "const a = <p>It can\u2019t be undone \u2013 proceed\u2026 \u201cok\u201d \u2192 \u00a9 \u{1F680} \u2764\uFE0F</p>;\nimport b from './b';\nrequire('./c');",
  'a middle dot between spaces (a name part, but no start)': "const a = <p>1 \u00b7 2 \u00d7 3</p>;\nimport b from './b';",
  // dub's process-key.ts and profile-details-form.tsx: a combining range in a regular expression, `3–30 characters` in JSX text.
  'escapes that spell no name in a regular expression (TypeScript: an Unknown `\\`)':
    "const r = /[\\u0300-\\u036f]/g, s = /[\\u0000-\\u001F\\u{2019}]/;\nimport b from './b';\nx\\u2014import('./c');",
  'a number before a dash past ASCII': "const a = <p>3\u201330 characters, 1.5\u00d7</p>;\nimport b from './b';",
  'a mark past ASCII right after a word, and before one': "const a = <p>end\u2014import('./x')</p>;\nimport b from './b';",
  'spaces past ASCII (no-break, ideographic, byte order mark)': "\uFEFFimport\u00a0a\u3000from './a';\u2028import b from './b';",
  'a string ended by a line separator': "const s = 'a\u2028import c from './c';\nimport d from './d';",
  // Letters of the blocks Unicode filled long ago (name-characters.ts's OLD_LETTER_RANGES), from real text:
  // novu's flags/index.tsx, insomnia's constants.ts and postman.ts, sentry's assert-build.ts, langfuse's
  // PrettyJsonView.clienttest.ts; and a word right before `import(`, which a letter continues.
  'words and regular expressions with letters past ASCII (Latin, Cyrillic, Greek, CJK, Hangul)':
    "import { Uzbekistán } from './Uzbekistán';\nexport const FLEXIBLE_URL_REGEX = /^(http|https):\\/\\/[\\wàâäèéêëîïôóœùûüÿçÀÂÄÈÉÊËÎÏÔŒÙÛÜŸÇ\\-_.]+/;\nreturn this.importАwsv4AuthenticationFromHeader(h);\nassert.match(out, /(λ|ƒ) \\/server-component/);\nconst q = { 質問: \"回答\", 한국어: 1 };\nconst a = <p>日本 ok</p>;\néimport('./no');\nrequire('./c');",
  // dub's sanitize-json.ts and keys.ts, openpanel's object.ts: escapes of controls, surrogates and
  // noncharacters, which no Unicode version makes names (TypeScript's Unknown `\`).
  // dub's normalize-string.ts: `.replace(/^\uFEFF/, "")`; and the other spaces TypeScript skips, escaped.
  'escapes of spaces past ASCII in regular expressions':
    "const s = text.replace(/^\\uFEFF/, '').replace(/[\\u00A0\\u200B\\u2028\\u3000]/g, ' ');\nimport b from './b';\nx\\u00a0import('./c');",
  'escapes of controls, surrogates and noncharacters in regular expressions':
    "const a = s.replace(/[\\u0000-\\u001F\\u007F-\\u009F]/g, '');\nconst k = /^[0-9A-Za-z_\\u0080-\\uFFFF\\/\\-.]+$/u;\nconst p = /[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[^\\uD800-\\uDFFF]/g, q = /[\\uE000\\uFDD0]/;\nimport b from './b';",
  // The runs the scanner passes in one regular expression (raw-scanner.ts's IDLE): where one must stop
  // (a word preProcessFile reads, a `.` before one, `?.`, a number joined to a word, a brace, an escape).
  'a word read after a passed run: a dot, an optional dot, a spread, a number':
    "a.b.c(1, 2); x.import('./no'); x?.import('./yes'); y.require('./r'); z.define(['./d']); q.export; ...import('./s'); f(...import('./t'));\n1import('./u'); 1.import('./v'); 07import('./w'); 0x1Fimport('./x'); 1_0import('./y');",
  'keywords inside longer words, and words past a run of 64 tokens':
    "reimport('./no'); imports('./no'); $import('./no'); _require('./no'); requires('./no'); " +
    'a, '.repeat(100) +
    "a; import z from './z';",
  'strings and comments in a run, with and without escapes':
    "f('a', \"b\", 'c\\'import(`./no`)', \"d\\\"\"); import a from './a'; /* import('./no') */ g(); // require('./no')\nrequire('./r');",
  'operators before and after words a run passes':
    "a<b>c; d >= e; f |= g; h && i || j; !k; ~l; m % n ^ o; @p q: r; import s = require('./s');",
  'a brace count across runs': "function f() { if (a) { b(); } } declare module 'top' {}\nnamespace N { declare module 'inner' {} }",
};

describe('scanSpecifiers against TypeScript', () => {
  test.each(Object.entries(FORMS))('%s', (_, text) => {
    const own = scanSpecifiers(text);
    expect(own).not.toBeNull();
    expect(own).toEqual(byTypescript(text));
  });

  // A text that ends right after a token's first character, or inside a run of tokens passed at
  // once: the scanner reads no character past the end (`scan()`'s next character, `skipIdle`), and
  // cuts the last token as TypeScript does.
  test('a text ending at each ASCII character, after a token, a run or an import, is cut as TypeScript cuts it', () => {
    const ends = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).flatMap((c) => [
      c,
      `${c}${c}`,
      `?${c}`,
      `.${c}`,
      `1${c}`,
    ]);
    let answered = 0;
    for (const end of [...ends, '', '\n', ' a b c', '// x', '/* x */', "'a'", '`a`', '`${a}`', '0x1F', '1.5e3', '1n', "import('./c')"]) {
      for (const start of ["import a from './a';", "import a from './a';\nx ", "const b = require('./b')", 'export * from "./e"']) {
        const text = start + end;
        const own = scanSpecifiers(text);
        if (own === null) continue;
        expect([text, own]).toEqual([text, byTypescript(text)]);
        answered++;
      }
    }
    // None is given back: each of the 1,948 texts is answered (a `\\` alone is TypeScript's invalid character).
    expect(answered).toBe((ends.length + 12) * 4);
  });

  test.each([
    ['a word spelled with an escape', "const \\u0061 = 1; import b from './b';"],
    ['an escape that may continue a name (a letter past ASCII)', "const a\\u00e9 = 1; import b from './b';"],
    ['a word past ASCII of a later block (Arabic)', "const مرحبا = 1; import b from './b';"],
    ['a letter past ASCII in JSX text, of a later block (Devanagari)', "const a = <p>नमस्ते ok</p>;\nimport b from './b';"],
    ['a Latin word past the old blocks (Latin Extended Additional)', "const ṩ = 1; import b from './b';"],
    ['an escape spelling a letter of the old blocks', "const r = /[\\u4e00-\\u9fa5]/; import b from './b';"],
    ['a word joined to a mark that may be a name part (U+200D)', "const a = <p>a\u200Db</p>;\nimport b from './b';"],
    ['a middle dot after a word (a name part: TypeScript\u2019s tables say)', "const a = <p>a\u00b7b</p>;\nimport b from './b';"],
    ['a specifier with an escape', "import a from './\\x61';"],
    ['a conflict marker', "<<<<<<< HEAD\nimport a from './a';\n=======\nimport b from './b';\n>>>>>>> other\n"],
    ['a conflict marker after a carriage return', "import a from './a';\r=======\rimport b from './b';"],
    ['a conflict marker on the first line', "|||||||\nimport a from './a';"],
  ])('gives %s back to TypeScript', (_, text) => {
    expect(scanSpecifiers(text)).toBeNull();
    expect(scanImports(text)).toBeNull();
    // TypeScript answers for it.
    expect(scanImportsWithTypescript(text).length).toBeGreaterThan(0);
  });

  // OLD_LETTER_RANGES, code point by code point: each letter there starts and continues a name in
  // TypeScript's tables, and every code point of them is assigned (no later Unicode adds a letter there).
  test('the letters the scanner reads as names are names in TypeScript, and their blocks are full', () => {
    let letters = 0;
    const notNames: number[] = [];
    for (let c = 0x80; c < 0x10000; c++) {
      if (!isOldLetter(c)) continue;
      letters++;
      if (!ts.isIdentifierStart(c, ts.ScriptTarget.Latest) || !ts.isIdentifierPart(c, ts.ScriptTarget.Latest)) notNames.push(c);
    }
    expect(notNames).toEqual([]);
    expect(letters).toBeGreaterThan(30_000);
    for (const text of ['\u00c0', '\u02af', '\u0386', '\u03a3', '\u0416', '\u3042', '\u30ab', '\u4e00', '\u9fa5', '\uac00', '\ud7a3'])
      expect([text, isOldLetter(text.charCodeAt(0))]).toEqual([text, true]);
    const unassigned = OLD_LETTER_RANGES.flatMap(([from, to]) =>
      Array.from({ length: to - from + 1 }, (_, i) => from + i).filter((c) => /\p{Cn}/u.test(String.fromCharCode(c))),
    );
    expect(unassigned).toEqual([]);
  });

  // A conflict marker where TypeScript reads no token (a comment, a string, a template) is passed by
  // TypeScript's scanner as by ours: only one where a token starts gives the text back.
  test.each([
    ['in a block comment', "/*\n<<<<<<< HEAD\n=======\n>>>>>>> other\n|||||||\n*/\nimport a from './a';"],
    ['in a template', "const t = `\n=======\n<<<<<<< x\n`;\nimport a from './a';"],
    ['in a string continued over a line', "const s = 'a\\\n=======';\nimport a from './a';"],
  ])('reads a conflict marker TypeScript reads no token at: %s', (_, text) => {
    expect(scanSpecifiers(text)).toEqual(byTypescript(text));
    expect(byTypescript(text)).toEqual(['./a']);
  });

  test('gives a replacement character back: TypeScript stops there (a binary file) and lists nothing after it', () => {
    const text = "const a = <p>\uFFFD</p>;\nimport b from './b';";
    expect(scanSpecifiers(text)).toBeNull();
    expect(byTypescript(text)).toEqual([]);
  });

  // The parser reads a regular expression's body, JSX text, strings and templates past U+FFFD; only
  // preProcessFile's token loop stops. continue 3c140514d4's runTerminalCommand.ts: `/�/` in a
  // function, then `import { ToolImpl } from "."` (its whole blast radius through ToolImpl missed).
  const byParser = (text: string) =>
    ts
      .createSourceFile('a.tsx', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX)
      .statements.flatMap((s) => (ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier) ? [s.moduleSpecifier.text] : []));
  test.each([
    [
      'in a regular expression (continue)',
      'import os from "node:os";\nfunction decoded(out: string): string {\n  if (/\uFFFD/.test(out)) {\n    return os.EOL;\n  }\n  return out;\n}\n\nimport { ToolImpl } from ".";\n',
    ],
    ['in JSX text', "const a = <p>\uFFFD</p>;\nimport b from './b';"],
    ['in a string and a template', "const s = '\uFFFD' + `x\uFFFD${y}`;\nimport b from './b';\nimport c from './c';"],
  ])('reads past a replacement character %s as the parser does', (_, text) => {
    expect(byParser(text).length).toBeGreaterThan(0);
    // As read-module.ts reads a text: ours, else TypeScript's.
    expect(scanImports(text) ?? scanImportsWithTypescript(text)).toEqual(byParser(text));
    expect(scanImportsWithTypescript(text)).toEqual(byParser(text));
  });

  // The `/// <reference path>` files (leading-references.ts): only before the first token, the
  // pragma's name in any case, not a types, lib or no-default-lib directive, after a shebang.
  test.each([
    ['a reference path', '/// <reference path="./a.d.ts" />\nimport b from \'./b\';'],
    ['in capitals, single quotes', "/// <REFERENCE PATH='./a.d.ts' />\n/// <Reference path = \"./c.d.ts\"/>\nexport * from './b';"],
    ['after a shebang and a block comment', '#!/usr/bin/env node\n/* licence */ /// <reference path="./s.d.ts" />\nrequire(\'./r\');'],
    [
      'types, lib and no-default-lib are no files',
      '/// <reference types="node" />\n/// <reference lib="dom" />\n/// <reference path="./x.d.ts" no-default-lib="true" />\n/// <reference path="./y.d.ts" no-default-lib="false" />',
    ],
    ['after the first token: not a pragma', 'import a from \'./a\';\n/// <reference path="./late.d.ts" />'],
    ['an empty path in double quotes', '/// <reference path="" />\n'],
    [
      'not XML, or another pragma',
      '/// <reference path="./a.d.ts">\n/// <amd-dependency path="./amd" />\n//// <reference path="./four.d.ts" />\n',
    ],
    ['a reference the same as an import', "/// <reference path=\"./a\" />\nimport a from './a';\nexport * as ns from './ns';"],
  ])('scanImports: %s, as TypeScript', (_, text) => {
    const own = scanImports(text);
    expect(own).not.toBeNull();
    expect(own).toEqual(scanImportsWithTypescript(text));
  });

  test.each([['an empty path in single quotes (TypeScript throws)', "/// <reference path='' />\nimport a from './a';"]])(
    'scanImports gives back %s',
    (_, text) => {
      expect(scanSpecifiers(text)).not.toBeNull();
      expect(scanImports(text)).toBeNull();
    },
  );

  test('every fixture file gives what TypeScript gives', () => {
    const files = sourceFiles(FIXTURES);
    expect(files.length).toBeGreaterThan(100);
    let answered = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const own = scanSpecifiers(text);
      if (own === null) continue;
      answered++;
      expect({ file, specifiers: own }).toEqual({ file, specifiers: byTypescript(text) });
    }
    expect(answered).toBeGreaterThan(files.length * 0.9);
  });
});
