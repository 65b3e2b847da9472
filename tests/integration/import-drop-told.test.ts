import { afterEach, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempRepo, PROJECT_ROOT, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// angular/components 515b351d8b takes `changeDetection: ChangeDetectionStrategy.OnPush` out of
// MatActionList's and MatNavList's decorators, and their `@angular/core` import lines lose
// `ChangeDetectionStrategy`: the import hunk held the edit apart, and the question said only "The
// same edit is made in src/material/list/action-list.ts, src/material/list/nav-list.ts". An import
// hunk that only stops importing what the edit took out is set aside, as one importing what it adds.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const fixture = (name: string) => readFileSync(join(PROJECT_ROOT, 'tests', 'fixtures', 'questions', name), 'utf8');
const BASE = 'export class MatListBase {\n  _isNonInteractive = false;\n}\n';

test('an edit whose import lines only drop the names it took out is told (angular/components 515b351d8b)', () => {
  repo = createTempRepo({
    'src/material/list/list-base.ts': BASE,
    'src/material/list/action-list.ts': fixture('components-action-list.before.ts.txt'),
    'src/material/list/nav-list.ts': fixture('components-nav-list.before.ts.txt'),
  });
  repo.stage({
    'src/material/list/action-list.ts': fixture('components-action-list.515b351d8b.ts.txt'),
    'src/material/list/nav-list.ts': fixture('components-nav-list.515b351d8b.ts.txt'),
  });
  expect(messageOf(listQuestions(repo), 'pattern:src/material/list/action-list.ts')).toBe(
    'The same edit (`changeDetection: ChangeDetectionStrategy.OnPush` removed) is made in src/material/list/action-list.ts, src/material/list/nav-list.ts: what does the edit do, and why does each of them need it?',
  );
});
