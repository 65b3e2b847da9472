import { describe, expect, test } from '@jest/globals';
import { checkImpactClaim } from '../../../src/core/questionnaire/check-impact-claim.js';
import type { Question } from '../../../src/core/questionnaire/question.js';

const question = (usersInChange: string[], users = ['src/a.ts:3', 'src/b.ts:9']): Question => ({
  id: 'impact:src/x.ts#parse',
  kind: 'choice',
  message: '',
  context: [],
  needsReason: true,
  contentKey: '',
  claimCheck: { symbol: 'parse', users, usersInChange },
});

describe('checkImpactClaim', () => {
  test('"callers updated" with no caller staged is challenged with the facts', () => {
    const problem = checkImpactClaim(question([]), { questionId: 'x', choice: 'callers-updated', text: 'They now pass the strict flag' });
    expect(problem).toBe(
      'None of the 2 files that call `parse` (src/a.ts:3, src/b.ts:9) is in this change: stage them, or say why they keep working unchanged.',
    );
    expect(
      checkImpactClaim(question([]), { questionId: 'x', choice: 'compatible', text: 'The callers are updated in this change' }),
    ).toMatch(/None of the 2 files/);
    expect(checkImpactClaim(question([], []), { questionId: 'x', choice: 'callers-updated', text: 'x' })).toMatch(
      /No file calls `parse` at runtime/,
    );
  });

  test('a question about the exports of one edit names them all', () => {
    const shared = {
      ...question([]),
      claimCheck: { symbol: 'PgDialect', others: ['MySqlDialect', 'GelDialect'], users: ['src/a.ts:3'], usersInChange: [] },
    };
    expect(checkImpactClaim(shared, { questionId: 'x', choice: 'callers-updated', text: 'x' })).toBe(
      'The one file that calls `PgDialect`, `MySqlDialect` or `GelDialect` (src/a.ts:3) is not in this change: stage it, or say why it keeps working unchanged.',
    );
  });

  test('the claim stands when a caller is staged, and no claim is not challenged', () => {
    expect(
      checkImpactClaim(question(['src/a.ts:3']), { questionId: 'x', choice: 'callers-updated', text: 'src/a.ts passes the flag now' }),
    ).toBeNull();
    expect(
      checkImpactClaim(question([]), {
        questionId: 'x',
        choice: 'compatible',
        text: 'The new option is optional and defaults to the old behaviour',
      }),
    ).toBeNull();
  });
});
