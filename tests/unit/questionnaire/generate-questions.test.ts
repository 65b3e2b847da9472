import { describe, expect, test } from '@jest/globals';
import type { FileChange } from '../../../src/core/change/staged-change.js';
import type { ChangedSymbol, ImpactReport } from '../../../src/core/impact/impact-report.js';
import { groupChangeUnits } from '../../../src/core/questionnaire/change-units.js';
import { generateQuestions } from '../../../src/core/questionnaire/generate-questions.js';

const file = (path: string, added = 5, excluded: string | null = null): FileChange => ({
  path, status: 'modified', oldKind: 'file', newKind: 'file', oldBlob: 'a', newBlob: `b-${path}`,
  added, removed: 1, binary: false, modeOnly: false, excluded,
});

const symbol = (name: string, change: ChangedSymbol['change'], dependents: number): ChangedSymbol => ({
  path: 'src/config.ts', name, change,
  valueUsers: Array.from({ length: dependents }, (_, i) => ({ path: `src/user${i}.ts`, line: 1 })),
  typeUsers: [],
  transitive: { count: 0, chains: [] },
  dependents: Array.from({ length: dependents }, (_, i) => ({ path: `src/user${i}.ts`, depth: 1, chain: [`src/user${i}.ts`, 'src/config.ts'], isTypeOnly: false })),
});

const impact = (symbols: ChangedSymbol[], level: 'low' | 'medium' | 'high' = 'low'): ImpactReport => ({
  changedSymbols: symbols, dependents: symbols.flatMap((s) => s.dependents), parseErrors: [], triviaOnly: [], warnings: [],
  risk: { level, reasons: level === 'high' ? [{ code: 'public-api', message: 'public API changed' }] : [] },
  stats: { filesInGraph: 10, unresolved: 0, cacheHits: 0, parsed: 10 },
});

describe('generateQuestions', () => {
  test('a small human change with its test: intent, one unit, verification; no provenance question', () => {
    const ids = generateQuestions({ files: [file('src/config.ts'), file('src/config.test.ts')], provenance: 'human' }).map((q) => q.id);
    expect(ids).toEqual(['intent', 'unit:src/config.ts + src/config.test.ts', 'verification']);
  });

  test('unknown provenance asks first; source without a test asks why', () => {
    const ids = generateQuestions({ files: [file('src/a.ts')], provenance: 'unknown' }).map((q) => q.id);
    expect(ids).toEqual(['provenance', 'intent', 'unit:src/a.ts', 'verification', 'no-test']);
  });

  test('impact questions name the real dependents, most used first, only for used changed exports', () => {
    const questions = generateQuestions({
      files: [file('src/config.ts'), file('src/config.test.ts')],
      provenance: 'human',
      impact: impact([symbol('parseConfig', 'shape-changed', 12), symbol('unused', 'removed', 0), symbol('fresh', 'added', 0), symbol('helper', 'body-changed', 2)]),
    });
    const impactQuestions = questions.filter((q) => q.id.startsWith('impact:'));
    expect(impactQuestions.map((q) => q.id)).toEqual(['impact:src/config.ts#parseConfig', 'impact:src/config.ts#helper']);
    expect(impactQuestions[0]!.message).toBe('`parseConfig` changed its signature; 12 files use it, e.g. src/user0.ts, src/user1.ts, src/user2.ts: why do they keep working?');
    expect(impactQuestions[0]!.choices?.map((c) => c.value)).toEqual(['callers-updated', 'compatible', 'not-sure']);
  });

  test('high risk asks how it would be noticed and rolled back', () => {
    const ids = generateQuestions({ files: [file('src/a.ts'), file('src/a.test.ts')], provenance: 'human', impact: impact([], 'high') }).map((q) => q.id);
    expect(ids[ids.length - 1]).toBe('rollback');
  });

  test('forty small files do not become forty questions', () => {
    const files = Array.from({ length: 40 }, (_, i) => file(`pkg${i % 4}/src/f${i}.ts`));
    const units = generateQuestions({ files, provenance: 'human' }).filter((q) => q.id.startsWith('unit:'));
    expect(units.length).toBeLessThanOrEqual(6);
    expect(units.map((q) => q.id).sort()).toEqual(['unit:pkg0/src/', 'unit:pkg1/src/', 'unit:pkg2/src/', 'unit:pkg3/src/']);
  });
});

describe('groupChangeUnits', () => {
  test('a module and its test in a tests folder are one unit; excluded files are not asked about', () => {
    const units = groupChangeUnits([file('lib/parse.ts', 30), file('lib/tests/parse.test.ts', 10), file('lib/other.ts', 3), file('package-lock.json', 900, 'lock file')]);
    expect(units.map((u) => u.label)).toEqual(['lib/parse.ts + lib/tests/parse.test.ts', 'lib/other.ts']);
  });
});
