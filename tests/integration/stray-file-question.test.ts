import { afterEach, expect, test } from '@jest/globals';
import { listQuestions } from '../helpers/listed-questions.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

// amplication 68175f494 commits `VALUE/exampleBuildId/VALUE`: one line of JSON, saved under a path
// made of an unset variable's name, and was asked "What does the change to VALUE/exampleBuildId/VALUE
// do?". A new file of one line and no extension is quoted, and asked whether it belongs.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

test('a new one-line file with no extension is quoted and asked whether it belongs', () => {
  repo = createTempRepo({ 'src/build.ts': 'export const buildId = process.env.BUILD_ID;\n' });
  // Beside a source change (a change of one piece asks its intent only).
  repo.stage({
    'VALUE/exampleBuildId/VALUE': '{"entities":[],"roles":[],"buildId":"exampleBuildId","resourceType":"Service"}\n',
    'src/build.ts': "export const buildId = process.env.BUILD_ID ?? 'local';\n",
  });
  const asked = listQuestions(repo).find((q) => q.id === 'unit:VALUE/exampleBuildId/VALUE')?.message;
  expect(asked).toBe(
    'The change adds VALUE/exampleBuildId/VALUE, a file of one line and no extension (`{"entities":[],"roles":[],"buildId":"ex…`): what writes it, what reads it, and does it belong in the repository?',
  );
});

test('a one-line file with an extension, or an edited one, keeps its own question', () => {
  repo = createTempRepo({ VERSION: '1.2.3\n', 'src/a.ts': 'export const a = 1;\n' });
  repo.stage({ VERSION: '1.2.4\n', 'notes.txt': 'ship it\n' });
  const messages = listQuestions(repo).map((q) => q.message);
  expect(messages.filter((m) => m.includes('a file of one line'))).toEqual([]);
});
