import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

// A change of comments or formatting only in source is low risk: its syntax is the same (the real
// TypeScript parser says so), so no test is owed for it. The same file with a changed body, and
// no test changed, stays medium.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const SOURCE = 'export function total(prices: number[]): number {\n  return prices.reduce((sum, p) => sum + p, 0);\n}\n';

type ImpactJson = { risk: { level: string; reasons: { code: string }[] }; triviaOnly: string[] };
const impactOf = (r: TempRepo) => JSON.parse(r.run(['impact', '--json']).stdout) as ImpactJson;

test('a comment-only and a whitespace-only edit are rated low; a body edit without a test is medium', () => {
  repo = createTempRepo({ 'src/total.ts': SOURCE, 'src/cart.ts': "import { total } from './total';\nexport const sum = total([1, 2]);\n" });
  repo.stage({
    'src/total.ts': `/** The sum of the prices, in cents. */\n${SOURCE.replace('  return', '  // no rounding here\n  return')}`,
  });
  const comment = impactOf(repo);
  expect(comment.triviaOnly).toEqual(['src/total.ts']);
  expect(comment.risk).toEqual({ level: 'low', reasons: [] });

  repo.stage({ 'src/total.ts': SOURCE.replace('(sum, p) => sum + p', '(sum,p)=>sum+p') });
  expect(impactOf(repo).risk.level).toBe('low');

  repo.stage({ 'src/total.ts': SOURCE.replace('sum + p', 'sum + Math.round(p)') });
  const body = impactOf(repo);
  expect(body.risk.level).toBe('medium');
  expect(body.risk.reasons.map((r) => r.code)).toContain('no-test-changed');
});
