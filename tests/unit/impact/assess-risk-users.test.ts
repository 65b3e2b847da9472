import { describe, expect, test } from '@jest/globals';
import { DEFAULT_CONFIG } from '../../../src/core/config/defaults.js';
import { assessRisk } from '../../../src/core/impact/assess-risk.js';
import type { ChangedSymbol, DependentRef } from '../../../src/core/impact/impact-report.js';
import { fileChange } from '../../helpers/file-change.js';

// Risk from the changed exports' real users, not from every file that reaches the changed file:
// an 8-line tweak inside `Query.fetch` with one direct user and 47 files further away is not
// "high risk" (TanStack/query, issue 19), while an export that 30 files use is.

const dependent = (path: string, depth: number): DependentRef => ({ path, depth, chain: [path, 'src/query.ts'], isTypeOnly: false });
function symbol(direct: number, further: number): ChangedSymbol {
  const users = Array.from({ length: direct }, (_, i) => ({ path: `src/user${i}.ts`, line: 3 }));
  return {
    path: 'src/query.ts',
    name: 'Query',
    change: 'body-changed',
    valueUsers: users,
    typeUsers: [],
    wholeModuleUsers: [],
    transitive: { count: further, chains: [] },
    dependents: [...users.map((u) => dependent(u.path, 1)), ...Array.from({ length: further }, (_, i) => dependent(`src/far/f${i}.ts`, 2))],
  };
}
const risk = (s: ChangedSymbol) =>
  assessRisk({
    files: [fileChange('src/query.ts', 8), fileChange('src/query.test.ts', 4)],
    symbols: [s],
    dependents: s.dependents,
    entryPoints: new Set(),
    configChanges: [],
    parseErrors: [],
    config: DEFAULT_CONFIG.impact,
  });

describe('assessRisk from real users', () => {
  test('one direct user and 47 files further away: low, not high', () => {
    const result = risk(symbol(1, 47));
    expect(result.level).toBe('low');
    expect(result.reasons.map((r) => r.code)).not.toContain('dependents');
  });

  test('30 direct users: high, naming the users and those further away', () => {
    const result = risk(symbol(30, 12));
    expect(result.level).toBe('high');
    expect(result.reasons.find((r) => r.code === 'dependents')?.message).toBe(
      '30 files use the changed exports (12 more depend on them further away)',
    );
  });
});

describe('assessRisk: a widened shape is no breaking change', () => {
  test('an options type that only gained an optional member, with 12 users, is counted by its users, not as reshaped', () => {
    const reshaped = { ...symbol(12, 0), change: 'shape-changed' as const };
    expect(risk(reshaped).reasons.map((r) => r.code)).toContain('breaking-export');
    const widened = risk({ ...reshaped, widened: true });
    expect(widened.reasons.map((r) => r.code)).not.toContain('breaking-export');
    expect(widened.reasons.map((r) => r.code)).toContain('dependents');
  });
});
