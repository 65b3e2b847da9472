import { afterEach, expect, test } from '@jest/globals';
import { listQuestions } from '../helpers/listed-questions.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

// react-email ff0591dbb8 removes `export * from './use-editor'` from a barrel: the changed export
// is named `*`, and the question's test of its hunk headings built a regular expression from the
// name unescaped (`/(?<![\w$])*(?![\w$])/`): the review ended "unexpected error: Invalid regular
// expression" and asked nothing. A name is matched as the text it is.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

test('a removed `export *` is a change the review asks about, not a crash', () => {
  repo = createTempRepo(
    {
      'package.json': '{ "name": "barrel", "version": "1.0.0" }\n',
      'src/index.ts': "export * from './a';\nexport * from './b';\n",
      'src/a.ts': 'export const alpha = 1;\n',
      'src/b.ts': 'export function beta(): number {\n  return 2;\n}\n',
      'src/use.ts': "import { alpha, beta } from './index';\nexport const sum = alpha + beta();\n",
    },
    { commit: true },
  );
  repo.stage({ 'src/index.ts': "export * from './a';\n", 'src/use.ts': "import { alpha } from './index';\nexport const sum = alpha;\n" });
  repo.git(['rm', '-q', 'src/b.ts']);
  const questions = listQuestions(repo);
  expect(questions.length).toBeGreaterThan(0);
  expect(questions.some((q) => JSON.stringify(q).includes('src/index.ts'))).toBe(true);
});
