import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// QwikDev/qwik f69564d adds two routes to an e2e app (routes/head-error/ and its crash/ page) and
// the test that visits them by URL; each route was asked "what does it, new here, do for the tests
// that use it?", though the test beside it names it: an e2e route is visited, imported by nobody.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const spec = (extra: string) => `import { test, expect } from '@playwright/test';

test.describe('documentHead', () => {
  test('reads the head', async ({ page }) => {
    await page.goto('/app-test/head/');
    await expect(page).toHaveTitle('Head');
  });
${extra}});
`;
const added = `
  test('keeps the previous head when a head function throws', async ({ page }) => {
    await page.goto('/app-test/head-error/');
    await page.locator('#head-error-link').click();
    await expect(page).toHaveURL('/app-test/head-error/crash/');
  });
`;

test('a new e2e route is asked about with the test that names its path', () => {
  repo = createTempRepo({
    'package.json': '{ "name": "app-test", "private": true }\n',
    'e2e/tests/head.e2e.ts': spec(''),
    'e2e/apps/app-test/src/routes/head/index.tsx': "export const head = { title: 'Head' };\n",
  });
  repo.stage({
    'e2e/tests/head.e2e.ts': spec(added),
    'e2e/apps/app-test/src/routes/head-error/crash/index.tsx':
      "export const head = () => {\n  if (typeof window !== 'undefined') throw new Error('head error');\n  return { title: 'Target' };\n};\n",
  });
  expect(messageOf(listQuestions(repo), 'unit:e2e/apps/app-test/src/routes/head-error/crash/index.tsx')).toBe(
    'What does e2e/apps/app-test/src/routes/head-error/crash/index.tsx, new here, do for the test `keeps the previous head when a head function throws` in e2e/tests/head.e2e.ts, which names `head-error/crash`?',
  );
});
