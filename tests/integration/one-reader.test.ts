import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createTempRepo, lines, type TempRepo } from '../helpers/temp-repo.js';
import { runUnchanged } from '../helpers/review-run.js';
import { withoutProgress } from '../helpers/progress.js';

// One reader of a change: the review, `impact` and `ci --staged` read the same staged change, so
// they agree on every count, exclusion and risk. They once did not: `impact` skipped
// .gitattributes, and a staged linguist-generated file made it report another risk.

let repo: TempRepo;
beforeAll(() => {
  repo = createTempRepo({
    '.gitattributes': 'gen/** linguist-generated\n',
    'src/util.ts': 'export function total(xs: number[]): number {\n  return xs.length;\n}\n',
    'src/app.ts': "import { total } from './util';\nexport const n = total([1]);\n",
    'gen/api.ts': "import { total } from '../src/util';\nexport const generated = total([]);\n",
  });
  // The generated file is the only source file staged: counted, it would raise "source changed
  // and no test did"; excluded, it does not.
  repo.stage({
    'docs/notes.md': 'The API client is generated again from the new schema.\n',
    'gen/api.ts': `import { total } from '../src/util';\n${lines(900, '// generated').replace(/\n$/, '')}\nexport const generated = total([], 1);\n`,
  });
});
afterAll(() => repo?.cleanup());

const json = (args: string[]) => {
  const result = runUnchanged(repo, args);
  // Nothing on stderr but a slow step's progress line (a busy machine takes over a second).
  expect(withoutProgress(result.stderr)).toBe('');
  return JSON.parse(result.stdout) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
};

describe('the review, impact and ci --staged read one change', () => {
  test('they agree on counts, exclusions and risk for a staged linguist-generated file', () => {
    const review = json(['--json', '--dry-run']);
    const impact = json(['impact', '--json']);
    const ci = json(['ci', '--staged', '--format', 'json']);

    const generated = review.files.find((f: { path: string }) => f.path === 'gen/api.ts');
    expect(generated.excluded).toMatch(/linguist-generated/);
    expect(review.totals).toMatchObject({ files: 1, excludedFiles: 1 });

    const [staged] = ci.commits;
    expect(staged.totals).toEqual(review.totals);
    expect(staged.files.map((f: { path: string }) => f.path)).toEqual(['docs/notes.md']);

    expect(review.impact.risk.reasons.map((r: { code: string }) => r.code)).not.toContain('no-test-changed');
    expect(impact.risk).toEqual(review.impact.risk);
    expect(staged.risk).toEqual(review.impact.risk);
    expect(impact.changedSymbols).toEqual(review.impact.changedSymbols);
    expect(impact.version).toBe(review.version);
  });
});
