import { describe, expect, test } from '@jest/globals';
import { listMembers } from '../../../src/adapters/typescript/list-members.js';
import { parseModule } from '../../../src/adapters/typescript/parse-module.js';
import { diffExports } from '../../../src/core/impact/diff-exports.js';
import type { ChangedSymbol } from '../../../src/core/impact/impact-report.js';
import { diffMembers } from '../../../src/core/questionnaire/changed-members.js';
import { buildImpactQuestion } from '../../../src/core/questionnaire/impact-question.js';

// What an export became is told by its two shapes when it became another kind of thing: ts-node
// 6b1fd40d turned `const REPL_FILENAME = '<repl>.ts'` into a function of the TypeScript version,
// and the question said only "changed its signature (now calls `tsSupportsMtsCtsExts`)". A
// variable without a written type has no shape worth quoting: fd438213 removed `createRequire`
// and the question said "was removed (const createRequire (type inferred))".

const PATH = 'src/repl.ts';
const ALL = [[1, Number.MAX_SAFE_INTEGER]] as const;

function ask(before: string, after: string, name: string): string {
  const change = diffExports(PATH, parseModule(PATH, before), parseModule(PATH, after)).find((c) => c.name === name)!;
  const sides = listMembers(PATH, { oldText: before, newText: after, oldRanges: ALL, newRanges: ALL });
  const members = new Map([[PATH, diffMembers(sides.old, sides.new)]]);
  const symbol: ChangedSymbol = {
    ...change,
    valueUsers: [{ path: 'src/bin.ts', line: 547 }],
    typeUsers: [],
    wholeModuleUsers: [],
    transitive: { count: 0, chains: [] },
    dependents: [],
  };
  return buildImpactQuestion(symbol, new Set([PATH]), members).message;
}

const HELPER = `function tsSupportsMtsCtsExts(tsVersion: string) {
  return tsVersion >= '4.7';
}
`;

describe('a reshaped export', () => {
  test('that became another kind of thing is told by its two shapes', () => {
    const before = `${HELPER}export const REPL_FILENAME = '<repl>.ts';\n`;
    const after = `${HELPER}export function REPL_FILENAME(tsVersion: string) {
  return tsSupportsMtsCtsExts(tsVersion) ? '<repl>.cts' : '<repl>.ts';
}
`;
    expect(ask(before, after, 'REPL_FILENAME')).toBe(
      '`REPL_FILENAME` in src/repl.ts changed its signature (const REPL_FILENAME: string → export function REPL_FILENAME(tsVersion: string)); 1 file uses it (src/bin.ts:547): why do they keep working?',
    );
  });

  test('an async function that became a typed const is told by its two shapes, as the export diff knows its kinds', () => {
    // The kinds were read back from the shape text, whose keywords (`async`, `abstract`) that
    // reading did not know: the question named a call of the new body ("now calls `extension`").
    const before = `export async function replName(v: string): Promise<string> {
  return v;
}
`;
    const after = `export const replName: (v: string) => string = (v) => {
  return [v, extension()].join('');
};
`;
    const change = diffExports(PATH, parseModule(PATH, before), parseModule(PATH, after)).find((c) => c.name === 'replName')!;
    expect(change.previousKind).toBe('function');
    expect(ask(before, after, 'replName')).toContain(
      'changed its signature (export async function replName(v: string): Promise<string> → const replName: (v: string) => string)',
    );
  });

  test('removed, a variable without a written type is named alone', () => {
    const before = `import { createRequire as nodeCreateRequire } from 'module';
export const createRequire = nodeCreateRequire ?? (require('create-require') as typeof nodeCreateRequire);
export function yn(value: string | undefined) {
  return value === undefined ? undefined : /^(?:y|yes|true|1)$/i.test(value);
}
`;
    const after = `export function yn(value: string | undefined) {
  return value === undefined ? undefined : /^(?:y|yes|true|1)$/i.test(value);
}
`;
    expect(ask(before, after, 'createRequire')).toMatch(/^`createRequire` in src\/repl\.ts was removed; 1 file uses it/);
  });
});
