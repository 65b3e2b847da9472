import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { createNameLookup, type NameSource } from '../../src/adapters/git/lookup-name-sync.js';
import { validateAnswer } from '../../src/core/questionnaire/validate-answer.js';
import { readPlatformNames } from '../../src/adapters/typescript/read-platform-names.js';
import { intentRulesFor } from '../helpers/intent-rules.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

// Issue 19, session 40: names refused as "not in this repository" that are the repository's,
// written as their authors write them (both seen in held-out parts): a path from the author's
// machine (prettier 785970a265: `/Users/…/prettier/src/printer-postcss.js`), and a member of a
// package a workspace declares, qualified by its name, where its declarations are not installed
// (jest dc7f3a9162: `React.renderToString`, react in examples/react/package.json).

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

const FIXTURES = join(process.cwd(), 'tests/fixtures/answers');
const noPlatform = () => new Set<string>();
const sources = (made: TempRepo): NameSource[] => [{ kind: 'index' }, { kind: 'tree', rev: made.git(['rev-parse', 'HEAD']).trim() }];

describe('a path from the author’s machine names the tracked file its end spells', () => {
  const make = () =>
    createTempRepo({ 'src/printer-postcss.js': 'module.exports = { print };\n', 'package.json': JSON.stringify({ name: 'prettier' }) });

  test.each(['index', 'tree'])('%s', (kind) => {
    repo = make();
    const exists = createNameLookup(
      repo.dir,
      sources(repo).find((s) => s.kind === kind)!,
      noPlatform,
    );
    expect(exists('/Users/josephfrazier/workspace/prettier/src/printer-postcss.js', 'path')).toBe(true);
    expect(exists('C:\\Users\\ana\\prettier\\src\\printer-postcss.js', 'path')).toBe(true);
    // The end must be a whole tracked path, from the root: not a file of another folder, not an invented file.
    expect(exists('/Users/josephfrazier/workspace/prettier/lib/printer-postcss.js', 'path')).toBe(false);
    expect(exists('/Users/josephfrazier/workspace/prettier/src/printer-less.js', 'path')).toBe(false);
  });

  // Its machine path is in an indented example; what refused it was `iTerm2`, a terminal's product name.
  test('the real body is accepted against its own change', () => {
    repo = make();
    const patch = readFileSync(join(FIXTURES, 'names/prettier-785970a265.diff'), 'utf8');
    const body = readFileSync(join(FIXTURES, 'names/prettier-785970a265.body.txt'), 'utf8');
    const rules = {
      ...intentRulesFor(patch, ['package.json', 'src/printer-postcss.js']),
      nameExists: createNameLookup(repo.dir, { kind: 'index' }, readPlatformNames),
    };
    expect(validateAnswer(body, rules)).toBeNull();
    expect(validateAnswer(body.replace('/src/printer-postcss.js', '/src/printer-sass.js'), rules)).toMatch(
      /printer-sass\.js` is not in this repository/,
    );
  });
});

describe('a member of a declared package whose declarations are not installed', () => {
  const make = () =>
    createTempRepo({
      'package.json': JSON.stringify({ name: 'jest', private: true, workspaces: ['examples/*'] }),
      'examples/react/package.json': JSON.stringify({ dependencies: { react: '15.0.0', 'react-dom': '15.0.0' } }),
      'examples/react/index.js': "const React = require('react');\nmodule.exports = React.createElement('div');\n",
      '.gitignore': 'node_modules\n',
    });

  test.each(['index', 'tree'])('is given the benefit of the doubt (%s); an unqualified or undeclared one is not', (kind) => {
    repo = make();
    const source = sources(repo).find((s) => s.kind === kind)!;
    // The declarations are read from git, not from the disk.
    if (kind === 'tree') rmSync(join(repo.dir, 'examples/react/package.json'));
    const exists = createNameLookup(repo.dir, source, noPlatform);
    expect(exists('renderToString', 'identifier', 'React')).toBe(true);
    expect(exists('renderToStaticMarkup', 'identifier', 'ReactDOM')).toBe(true);
    expect(exists('renderToString', 'identifier')).toBe(false);
    expect(exists('renderToString', 'identifier', 'Preact')).toBe(false);
  });

  test('once installed, its declarations are read, and a member they lack is refused', () => {
    repo = make();
    repo.write({ 'node_modules/react/index.d.ts': 'export declare function createElement(type: string): unknown;\n' });
    repo.write({ 'node_modules/react-dom/index.d.ts': 'export declare function render(element: unknown): void;\n' });
    const exists = createNameLookup(repo.dir, { kind: 'index' }, noPlatform);
    expect(exists('createElement', 'identifier', 'React')).toBe(true);
    expect(exists('renderToString', 'identifier', 'React')).toBe(false);
  });

  test('the real body is accepted against its own change; the same member of an undeclared package is refused', () => {
    repo = make();
    const patch = readFileSync(join(FIXTURES, 'names/jest-dc7f3a9162.diff'), 'utf8');
    const body = readFileSync(join(FIXTURES, 'names/jest-dc7f3a9162.body.txt'), 'utf8');
    const paths = [...new Set([...patch.matchAll(/^diff --git a\/(\S+) b\/(\S+)$/gm)].flatMap((m) => [m[1]!, m[2]!]))];
    const lookup = createNameLookup(repo.dir, { kind: 'index' }, readPlatformNames);
    // The body's other names (jasmine's `getFullName`, `toMatchSnapshot` …) are the repository's at that
    // commit; `Inferno` is a name of it too, but no package it declares.
    const elsewhere = new Set(['getfullname', 'spec', 'tomatchsnapshot', 'inferno']);
    const rules = {
      ...intentRulesFor(patch, paths),
      nameExists: (name: string, kind: 'identifier' | 'path', qualifier?: string) =>
        elsewhere.has(name.toLowerCase()) || lookup(name, kind, qualifier),
    };
    expect(validateAnswer(body, rules)).toBeNull();
    expect(validateAnswer(body.replace('React.renderToString', 'Inferno.renderToString'), rules)).toMatch(
      /`renderToString` \(in `Inferno\.renderToString`\) is not in this repository/,
    );
  });
});
