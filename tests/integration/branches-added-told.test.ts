import { afterEach, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempRepo, PROJECT_ROOT, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// hatchet 33106f82cb's `proxy` (frontend/docs/proxy.ts) gains three branches, serving markdown to
// agents, and a call of its new `markdownPath`: more than two branches were taken for a rewrite
// and not named, and it was asked by "(new locals `pathname` and `mdPath`)", how it is written.
// Branches only added, none lost, are named, the first two and a count.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const fixture = (name: string) => readFileSync(join(PROJECT_ROOT, 'tests', 'fixtures', 'questions', name), 'utf8');

test('three branches added, none lost, are named, not the new locals (hatchet 33106f82cb, its real file)', () => {
  repo = createTempRepo({ 'frontend/docs/proxy.ts': fixture('hatchet-proxy.before.ts.txt') });
  repo.stage({ 'frontend/docs/proxy.ts': fixture('hatchet-proxy.after.ts.txt') });
  const message = messageOf(listQuestions(repo), 'unit:frontend/docs/proxy.ts');
  expect(message).toContain(
    "new branches `if (/\\.md$/.test(pathname) && !pathname.startsWith('/llms'))`, `if (mdPath && request.headers.get('accept')?.includes(…))` and 1 more)",
  );
  expect(message).not.toContain('new locals');
});
