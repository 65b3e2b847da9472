import { afterEach, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempRepo, PROJECT_ROOT, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// gitbutler a27b9b8ff8 renames BranchHeader.svelte's prop `lineColor` to `branchColor`: its type's
// line goes out and comes back a few lines down (the props in name order), its destructuring and
// its one use change in place. The question said "changed its implementation" alone; a file whose
// every changed line makes one replacement is told by it, a line removed in one hunk paired with
// the line added in another.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const fixture = (name: string) => readFileSync(join(PROJECT_ROOT, 'tests', 'fixtures', 'questions', name), 'utf8');
const HEADER = 'apps/desktop/src/components/branch/BranchHeader.svelte';

test('a prop renamed in every hunk of a component is told by the rename (gitbutler a27b9b8ff8)', () => {
  repo = createTempRepo({ [HEADER]: fixture('gitbutler-branch-header.before.svelte.txt') });
  repo.stage({ [HEADER]: fixture('gitbutler-branch-header.a27b9b8ff8.svelte.txt') });
  expect(messageOf(listQuestions(repo), `unit:${HEADER}`)).toMatch(
    /^In apps\/desktop\/src\/components\/branch\/BranchHeader\.svelte, `BranchHeader` \(default export\) changed its implementation \(`lineColor` → `branchColor`\):/,
  );
});
