import { afterEach, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runUnchanged } from '../helpers/review-run.js';
import { createTempRepo, PROJECT_ROOT, type TempRepo } from '../helpers/temp-repo.js';

// A group's name says what it holds. jsonforms dc02a1c7a adds setData.ts (226 lines) and its test
// (176): together over the budget, the two new files are cut apart, and the test went beside
// util/index.ts (the budget of an AI-generated change, 200 lines), named "Update packages/core/src/util/index.ts, with 1 test": a reader takes it for
// index.ts's test. A test whose subject is in another group is named by that subject.

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

const fixture = (name: string) => readFileSync(join(PROJECT_ROOT, 'tests', 'fixtures', 'split', name), 'utf8');
const TSCONFIG = '{"compilerOptions":{"strict":true,"target":"ES2022","module":"NodeNext","moduleResolution":"NodeNext"}}\n';

interface Plan {
  groups: Array<{ reason: string; files: Array<{ path: string }> }>;
}

test('jsonforms dc02a1c7a: the test of the new setData.ts, cut from it by the budget, is named as its test', () => {
  repo = createTempRepo({
    '.selfreviewrc.json': JSON.stringify({ budgets: { human: { lines: 200, files: 25 } } }),
    'tsconfig.json': TSCONFIG,
    'packages/core/src/util/index.ts': fixture('jsonforms-util-index.before.ts.txt'),
  });
  repo.stage({
    'packages/core/src/util/index.ts': fixture('jsonforms-util-index.dc02a1c7a.ts.txt'),
    'packages/core/src/util/setData.ts': fixture('jsonforms-setData.dc02a1c7a.ts.txt'),
    'packages/core/test/util/setData.test.ts': fixture('jsonforms-setData.test.dc02a1c7a.ts.txt'),
  });
  const result = runUnchanged(repo, ['split', '--json']);
  expect(result.code).toBe(0);
  const plan = JSON.parse(result.stdout) as Plan;
  const holding = (path: string) => plan.groups.find((g) => g.files.some((f) => f.path === path))!;
  const withTest = holding('packages/core/test/util/setData.test.ts');
  expect(withTest.files.map((f) => f.path)).not.toContain('packages/core/src/util/setData.ts');
  expect(withTest.reason).toMatch(/, with the test of setData\.ts$/);
  expect(plan.groups.map((g) => g.reason).join('\n')).not.toMatch(/with (?:1 test|its test)/);
});
