import { afterEach, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempRepo, PROJECT_ROOT, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// Flowise e002e617df's packages/components/src/index.ts, a barrel, gains `export * from
// './httpSecurity'` beside the helpers' new calls in utils.ts: its question was "What does the
// change to packages/components/src/index.ts do?". What a barrel's change does is what it now
// passes on.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const fixture = (name: string) => readFileSync(join(PROJECT_ROOT, 'tests', 'fixtures', 'questions', name), 'utf8');
const INDEX = 'packages/components/src/index.ts';

test('a barrel that only gains a re-export is asked what it now passes on (Flowise e002e617df)', () => {
  repo = createTempRepo({
    [INDEX]: fixture('flowise-components-index.before.ts.txt'),
    'packages/components/src/httpSecurity.ts': 'export async function secureFetch(url: string) {\n  return fetch(url);\n}\n',
    'packages/components/src/utils.ts': 'export const getVersion = () => 1;\n',
  });
  repo.stage({
    [INDEX]: fixture('flowise-components-index.e002e617df.ts.txt'),
    'packages/components/src/utils.ts':
      "import { secureFetch } from './httpSecurity';\nexport const getVersion = () => secureFetch('x');\n",
  });
  expect(messageOf(listQuestions(repo), `unit:${INDEX}`)).toBe(
    `In ${INDEX}, the change now re-exports everything of \`./httpSecurity\`: which files import them from here, and what do they need them for?`,
  );
});
