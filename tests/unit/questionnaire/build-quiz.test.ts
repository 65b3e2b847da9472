import { describe, expect, test } from '@jest/globals';
import type { ChangedSymbol, ImpactReport } from '../../../src/core/impact/impact-report.js';
import { buildQuiz } from '../../../src/core/questionnaire/build-quiz.js';

const parseConfig: ChangedSymbol = {
  path: 'src/config/parse.ts',
  name: 'parseConfig',
  change: 'shape-changed',
  detail: 'parameters changed: (path: string) -> (path: string, opts?: Options)',
  valueUsers: [
    { path: 'src/app/start.ts', line: 3 },
    { path: 'src/cli/run.ts', line: 7 },
  ],
  typeUsers: [{ path: 'src/config/types.ts', line: 1 }],
  // vi.mock spreads the whole module: it may reach parseConfig, so it is no wrong answer either.
  wholeModuleUsers: [{ path: 'src/app/mock.ts', line: 4 }],
  transitive: { count: 1, chains: [['src/server/boot.ts', 'src/app/start.ts', 'src/config/parse.ts']] },
  dependents: [
    { path: 'src/app/start.ts', depth: 1, chain: ['src/app/start.ts', 'src/config/index.ts', 'src/config/parse.ts'], isTypeOnly: false },
    { path: 'src/cli/run.ts', depth: 1, chain: ['src/cli/run.ts', 'src/config/parse.ts'], isTypeOnly: false },
  ],
};
const files = [
  'src/config/parse.ts',
  'src/config/index.ts',
  'src/config/types.ts',
  'src/config/defaults.ts',
  'src/config/schema.ts',
  'src/app/start.ts',
  'src/app/mock.ts',
  'src/cli/run.ts',
  'src/server/boot.ts',
  'src/util/strings.ts',
];
const report = (symbols: ChangedSymbol[]): ImpactReport => ({
  changedSymbols: symbols,
  dependents: [],
  parseErrors: [],
  triviaOnly: [],
  warnings: [],
  risk: { level: 'low', reasons: [] },
  stats: { filesInGraph: 10, unresolved: 0, cacheHits: 0, scanned: 0, parsed: 10 },
});
const removed = (name: string, change: ChangedSymbol['change'] = 'removed'): ChangedSymbol =>
  ({
    ...parseConfig,
    name,
    change,
    detail: undefined,
    valueUsers: [],
    typeUsers: [],
    transitive: { count: 0, chains: [] },
    dependents: [],
  }) as ChangedSymbol;

describe('buildQuiz', () => {
  test('"which file calls": the right answer is a direct runtime user; no distractor uses, types or re-exports it', () => {
    for (const seed of [0, 1, 2, 3]) {
      const calls = buildQuiz({ impact: report([parseConfig]), candidates: files, seed })[0]!;
      expect(calls.question.id).toBe('quiz:calls:src/config/parse.ts#parseConfig');
      expect(['src/app/start.ts', 'src/cli/run.ts']).toContain(calls.answer);
      const distractors = calls.question.choices!.map((c) => c.value).filter((v) => v !== calls.answer);
      expect(distractors.length).toBeGreaterThanOrEqual(2);
      for (const d of distractors)
        expect([
          'src/config/index.ts',
          'src/config/types.ts',
          'src/server/boot.ts',
          'src/app/start.ts',
          'src/cli/run.ts',
          'src/config/parse.ts',
          'src/app/mock.ts',
        ]).not.toContain(d);
    }
  });

  test('the right answer moves between positions with the seed', () => {
    const positions = new Set(
      [0, 1, 2, 3, 4, 5].map((seed) => {
        const quiz = buildQuiz({ impact: report([parseConfig]), candidates: files, seed })[0]!;
        return quiz.question.choices!.findIndex((c) => c.value === quiz.answer);
      }),
    );
    expect(positions.size).toBeGreaterThan(1);
  });

  test('"what does it look like now": the new shape, against the old one', () => {
    const shape = buildQuiz({ impact: report([parseConfig]), candidates: files, seed: 0 }).find((q) =>
      q.question.id.startsWith('quiz:shape:'),
    )!;
    expect(shape.answer).toBe('(path: string, opts?: Options)');
    expect(shape.question.choices!.map((c) => c.value)).toContain('(path: string)');
  });

  test('"which export was removed": distractors are exports that still exist', () => {
    const quiz = buildQuiz({
      impact: report([removed('loadLegacy'), removed('readConfig', 'added'), removed('mergeConfig', 'body-changed')]),
      candidates: files,
      seed: 0,
    });
    expect(quiz).toHaveLength(1);
    expect(quiz[0]!.answer).toBe('loadLegacy');
    expect(quiz[0]!.question.choices!.map((c) => c.value).sort()).toEqual(['loadLegacy', 'mergeConfig', 'readConfig']);
  });

  test('nothing that cannot be verified is asked', () => {
    expect(
      buildQuiz({
        impact: report([{ ...parseConfig, detail: undefined }]),
        candidates: ['src/config/parse.ts', 'src/app/start.ts', 'src/cli/run.ts', 'src/x.ts'],
        seed: 0,
      }),
    ).toEqual([]);
    expect(buildQuiz({ impact: report([removed('onlyOne')]), candidates: files, seed: 0 })).toEqual([]);
  });

  test('right answers are never shown in the question', () => {
    const quiz = buildQuiz({ impact: report([parseConfig]), candidates: files, seed: 0 });
    for (const q of quiz) expect(q.question.message).not.toContain(q.answer);
  });
});
