import { afterEach, describe, expect, test } from '@jest/globals';
import { coldImpactOf, impactOf, symbol, uses } from '../helpers/impact-json.js';
import type { ImpactReport } from '../../src/core/impact/impact-report.js';
import { createScenarioRepo } from '../helpers/fixture-repo.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

// A first run parses only what can carry the change (issue 23): a file whose text names none of
// the names that reach it, and takes no module whole, is left scanned only, and parsed when a
// later change needs it. A walk that meets hundreds of files without a record parses them and
// everything importing them in one batch. Either way the report is the one every file parsed
// would give: the same cold and warm.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

describe('a cold walk parses what can carry the change', () => {
  test('files that name none of the names reaching them are not parsed; a later change that reaches them parses them', () => {
    repo = createScenarioRepo('impact', 'prefilter-walk');
    const first = coldImpactOf(repo);
    const alpha = symbol(first, 'alpha');
    expect(uses(alpha.valueUsers)).toEqual(['src/members.ts:3', 'src/named.ts:3', 'src/renamed.ts:3']);
    expect(uses(alpha.wholeModuleUsers)).toEqual(['src/held.ts:3']);
    expect(alpha.transitive.chains).toEqual([['src/far.ts', 'src/named.ts', 'src/index.ts', 'src/core.ts']]);
    // Parsed: core.ts (both sides), index.ts, named, renamed, members, held, far. Not other.ts
    // (imports beta only) nor other-members.ts (reads lib.beta only): 8 of the 10 a walk meets.
    expect(first.stats.parsed).toBe(8);
    const { stats: _warm, ...warm } = impactOf(repo);
    const { stats: _first, ...firstReport } = first;
    expect(warm).toEqual(firstReport);

    // beta changes too: the files the first run left unparsed are users now.
    repo.stage({
      'src/core.ts':
        'export function alpha(n: number): number {\n  return n + 2;\n}\n\nexport function beta(n: number): number {\n  return n * 3;\n}\n',
    });
    const { stats: later, ...afterEdit } = impactOf(repo);
    expect(later.parsed).toBe(3); // the new core.ts, other.ts, other-members.ts
    expect(uses(symbol(afterEdit as ImpactReport, 'beta').valueUsers)).toEqual(['src/other-members.ts:3', 'src/other.ts:4']);
    const { stats: _cold, ...coldAfterEdit } = coldImpactOf(repo);
    expect(afterEdit).toEqual(coldAfterEdit);
  });

  test('a walk that meets hundreds of unparsed files parses them with their importers at once: same report as warm', () => {
    const tree: Record<string, string> = { 'src/core.ts': 'export function value(): number {\n  return 1;\n}\n' };
    const count = 420;
    for (let i = 0; i < count; i++) tree[`src/use-${i}.ts`] = `import { value } from './core';\n\nexport const v${i} = value() + ${i};\n`;
    tree['src/top.ts'] = "import { v0 } from './use-0';\nimport { v1 } from './use-1';\n\nexport const top = v0 + v1;\n";
    repo = createTempRepo(tree);
    repo.stage({ 'src/core.ts': 'export function value(): number {\n  return 2;\n}\n' });
    const { stats, ...first } = coldImpactOf(repo);
    const value = symbol(first as ImpactReport, 'value');
    expect(value.valueUsers).toHaveLength(count);
    expect(value.transitive.count).toBe(1);
    expect(value.transitive.chains).toEqual([['src/top.ts', 'src/use-0.ts', 'src/core.ts']]);
    expect(stats.parsed).toBe(count + 3); // both sides of core.ts, the users, top.ts
    const { stats: _warm, ...warm } = impactOf(repo);
    expect(warm).toEqual(first);
  });
});
