import { afterEach, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempRepo, PROJECT_ROOT, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// drizzle-orm 3c16597769 ("Fixed overload order for better autocomplete") moves `drizzle`'s
// overloads for `'aws-data-api-pg'` and `'mysql2'` to the front, the first now requiring its
// `params`: the question said "`drizzle` … changed its signature" and nothing of which overload.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const fixture = (name: string) => readFileSync(join(PROJECT_ROOT, 'tests', 'fixtures', 'questions', name), 'utf8');
const DRIVER = 'drizzle-orm/src/monodriver.ts';

test('overloads reordered and changed are told one by one (drizzle-orm 3c16597769)', () => {
  repo = createTempRepo({ [DRIVER]: fixture('drizzle-monodriver.before.ts.txt') });
  repo.stage({ [DRIVER]: fixture('drizzle-monodriver.3c16597769.ts.txt') });
  expect(messageOf(listQuestions(repo), `unit:${DRIVER}`)).toMatch(
    /`drizzle` changed its signature \(the overload `client: 'aws-data-api-pg'` changed: `params\?` → `params`; the overload `client: 'mysql2'` moved\)/,
  );
});
