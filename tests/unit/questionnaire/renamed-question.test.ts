import { expect, test } from '@jest/globals';
import { diffExports } from '../../../src/core/impact/diff-exports.js';
import { parseModule } from '../../../src/adapters/typescript/parse-module.js';
import { describeSymbol } from '../../../src/core/questionnaire/impact-question.js';
import type { ChangedSymbol } from '../../../src/core/impact/impact-report.js';

// gvergnaud/ts-pattern 99aa90e renames `ExhaustiveError` to `NonExhaustiveError`, and the question
// read "`NonExhaustiveError` in src/errors.ts was renamed from `ExhaustiveError` (renamed from
// ExhaustiveError)". The class is the commit's.
const errors = (name: string) => `/**
 * Error when the given input value does not match any included pattern
 * and .exhaustive() was specified
 */
export class ${name} extends Error {
  constructor(public input: unknown) {
    let displayedValue;
    try {
      displayedValue = JSON.stringify(input);
    } catch (e) {
      displayedValue = input;
    }
    super(\`Pattern matching error: no pattern matches value \${displayedValue}\`);
  }
}
`;

test('a rename says the old name once', () => {
  const [diff] = diffExports(
    'src/errors.ts',
    parseModule('src/errors.ts', errors('ExhaustiveError')),
    parseModule('src/errors.ts', errors('NonExhaustiveError')),
  );
  expect(diff).toMatchObject({ name: 'NonExhaustiveError', change: 'renamed', previousName: 'ExhaustiveError' });
  const symbol = { ...diff!, valueUsers: [], typeUsers: [], wholeModuleUsers: [], transitive: { count: 0, chains: [] }, dependents: [] };
  expect(describeSymbol(symbol as ChangedSymbol)).toBe('`NonExhaustiveError` in src/errors.ts was renamed from `ExhaustiveError`');
});
