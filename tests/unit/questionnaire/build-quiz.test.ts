import { describe, expect, test } from '@jest/globals';
import type { ChangedSymbol } from '../../../src/core/impact/impact-report.js';
import { buildQuiz } from '../../../src/core/questionnaire/build-quiz.js';

const symbol: ChangedSymbol = {
  path: 'src/config/parse.ts',
  name: 'parseConfig',
  change: 'shape-changed',
  valueUsers: [{ path: 'src/app/start.ts', line: 3 }, { path: 'src/cli/run.ts', line: 7 }],
  typeUsers: [],
  transitive: { count: 0, chains: [] },
  dependents: [
    { path: 'src/app/start.ts', depth: 1, chain: ['src/app/start.ts', 'src/config/parse.ts'], isTypeOnly: false },
    { path: 'src/cli/run.ts', depth: 1, chain: ['src/cli/run.ts', 'src/config/parse.ts'], isTypeOnly: false },
  ],
};
const files = ['src/config/parse.ts', 'src/config/defaults.ts', 'src/config/schema.ts', 'src/app/start.ts', 'src/cli/run.ts', 'src/util/strings.ts', 'docs/x.ts'];

describe('buildQuiz', () => {
  test('one real user among real non-users, nearest to the changed file first', () => {
    const quiz = buildQuiz(symbol, files, 0)!;
    const options = quiz.question.choices!.map((c) => c.value);
    expect(options).toHaveLength(4);
    expect(options.filter((o) => o === quiz.answer)).toHaveLength(1);
    expect(['src/app/start.ts', 'src/cli/run.ts']).toContain(quiz.answer);
    expect(options.filter((o) => o !== quiz.answer)).toEqual(['src/config/defaults.ts', 'src/config/schema.ts', 'src/util/strings.ts']);
    expect(quiz.truth).toBe('`parseConfig` is used by 2 files: src/app/start.ts, src/cli/run.ts.');
  });

  test('the position of the right answer varies; too few other files means no quiz', () => {
    const positions = new Set([0, 1, 2, 3, 4, 5].map((seed) => buildQuiz(symbol, files, seed)!.question.choices!.findIndex((c) => c.value === buildQuiz(symbol, files, seed)!.answer)));
    expect(positions.size).toBeGreaterThan(1);
    expect(buildQuiz(symbol, ['src/config/parse.ts', 'src/app/start.ts', 'src/cli/run.ts', 'x.ts'], 0)).toBeNull();
  });
});
