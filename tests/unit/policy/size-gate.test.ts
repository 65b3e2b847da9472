import { describe, expect, test } from '@jest/globals';
import { DEFAULT_CONFIG } from '../../../src/core/config/defaults.js';
import { resolveConfig } from '../../../src/core/config/resolve-config.js';
import { evaluateSizeGate } from '../../../src/core/policy/size-gate.js';
import { proposeSplitParts } from '../../../src/core/split/propose-split-parts.js';
import { fileChange } from '../../helpers/file-change.js';

const file = (path: string, added: number, excluded: string | null = null) => fileChange(path, added, { excluded });

describe('evaluateSizeGate', () => {
  test('unknown provenance gets the human budget, ai the AI budget', () => {
    const files = [file('a.ts', 300)];
    expect(evaluateSizeGate({ files, provenance: 'unknown', config: DEFAULT_CONFIG })).toMatchObject({
      verdict: 'pass',
      budgetKind: 'human',
    });
    const ai = evaluateSizeGate({ files, provenance: 'ai', config: DEFAULT_CONFIG });
    expect(ai).toMatchObject({ verdict: 'reject', budgetKind: 'ai' });
    expect(ai.reasons).toEqual([
      { code: 'lines-over-budget', message: '300 changed lines: 100 over the AI budget of 200', actual: 300, limit: 200 },
    ]);
  });

  test('excluded files count neither lines nor files', () => {
    const files = [file('a.ts', 10), ...Array.from({ length: 40 }, (_, i) => file(`lock${i}`, 1000, 'lock file'))];
    const result = evaluateSizeGate({ files, provenance: 'human', config: DEFAULT_CONFIG });
    expect(result.verdict).toBe('pass');
    expect(result.groups).toEqual([{ label: 'all files', budget: { lines: 400, files: 25 }, files: 1, lines: 10 }]);
  });

  test('per-path groups take their files out of the main budget; first match wins', () => {
    const config = resolveConfig(
      {
        budgets: {
          paths: [
            { match: 'docs/**', human: { lines: 50 } },
            { match: ['*.md'], human: { lines: 5000 } },
          ],
        },
      },
      'test',
    );
    const result = evaluateSizeGate({
      files: [file('docs/a.md', 60), file('README.md', 900), file('src/x.ts', 390)],
      provenance: 'human',
      config,
    });
    expect(result.groups.map((g) => [g.label, g.lines])).toEqual([
      ['all files', 390],
      ['docs/**', 60],
      ['*.md', 900],
    ]);
    expect(result.reasons).toEqual([expect.objectContaining({ group: 'docs/**', actual: 60, limit: 50 })]);
  });

  test('hunks are gated only when the budget has them', () => {
    const config = resolveConfig({ budgets: { human: { hunks: 3 } } }, 'test');
    expect(evaluateSizeGate({ files: [file('a', 1)], hunks: 9, provenance: 'human', config: DEFAULT_CONFIG }).verdict).toBe('pass');
    expect(evaluateSizeGate({ files: [file('a', 1)], hunks: 4, provenance: 'human', config }).reasons[0]).toMatchObject({
      code: 'hunks-over-budget',
      actual: 4,
      limit: 3,
    });
  });
});

describe('evaluateSizeGate with hunks per path', () => {
  const config = resolveConfig({ budgets: { human: { hunks: 4 }, paths: [{ match: 'docs/**', human: { hunks: 1 } }] } }, 'test');
  const files = [file('a.ts', 5), file('b.ts', 5), file('package-lock.json', 900, 'lock file'), file('docs/x.md', 2)];

  test("excluded files' hunks do not count; each group meets its own hunk budget", () => {
    const hunksByPath = new Map([
      ['a.ts', 2],
      ['b.ts', 2],
      ['package-lock.json', 60],
      ['docs/x.md', 1],
    ]);
    const result = evaluateSizeGate({ files, hunksByPath, provenance: 'human', config });
    expect(result.verdict).toBe('pass');
    expect(result.groups.map((g) => [g.label, g.hunks])).toEqual([
      ['all files', 4],
      ['docs/**', 1],
    ]);
  });

  test('a group over its hunk budget is named in the reason', () => {
    const hunksByPath = new Map([
      ['a.ts', 3],
      ['b.ts', 2],
      ['docs/x.md', 2],
    ]);
    const result = evaluateSizeGate({ files, hunksByPath, provenance: 'human', config });
    expect(result.reasons).toEqual([
      { code: 'hunks-over-budget', message: '5 hunks: 1 over the human budget of 4', actual: 5, limit: 4 },
      { code: 'hunks-over-budget', message: '2 hunks: 1 over the human budget for docs/** of 1', actual: 2, limit: 1, group: 'docs/**' },
    ]);
  });

  test('without per-path counts, groups carry no hunks and a total meets the main budget (callers with a total only)', () => {
    const result = evaluateSizeGate({ files, hunks: 5, provenance: 'human', config });
    expect(result.groups.every((g) => g.hunks === undefined)).toBe(true);
    expect(result.reasons.map((r) => [r.code, r.actual])).toEqual([['hunks-over-budget', 5]]);
  });
});

describe('proposeSplitParts (the plan of `selfreview split`, as the review shows it)', () => {
  const budget = { lines: 100, files: 5 };

  test('every file placed once, each part within the budget, docs apart', () => {
    const files = [
      file('api/a.ts', 40),
      file('api/b.ts', 40),
      file('ui/c.ts', 50),
      file('db/d.ts', 30),
      file('README.md', 5),
      file('docs/x.md', 3),
    ];
    const parts = proposeSplitParts(files, budget);
    for (const part of parts) expect(part.lines).toBeLessThanOrEqual(100);
    expect(parts.flatMap((p) => p.paths).sort()).toEqual(files.map((f) => f.path).sort());
    expect(parts[parts.length - 1]!.groups).toEqual(['Update README.md and x.md in docs/ and the root']);
    expect([...parts[parts.length - 1]!.paths].sort()).toEqual(['README.md', 'docs/x.md']);
  });

  test('a single file larger than the budget is its own part, flagged', () => {
    const parts = proposeSplitParts([file('big.ts', 500), file('small.ts', 3)], budget);
    expect(parts.find((p) => p.paths.includes('big.ts'))).toMatchObject({ isOverBudget: true, files: 1 });
  });

  test('excluded files ride along without counting', () => {
    const parts = proposeSplitParts([file('a.ts', 10), file('package.json', 2), file('package-lock.json', 999, 'lock file')], budget);
    const deps = parts.find((p) => p.paths.includes('package-lock.json'))!;
    expect(deps).toMatchObject({ paths: ['package-lock.json', 'package.json'], files: 1, lines: 2 });
  });
});
