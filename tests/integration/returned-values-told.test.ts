import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { listQuestions, messageOf } from '../helpers/listed-questions.js';

// What a function gives back, where nothing else of it changed: dokploy 0be822ef5b's
// `getStackContainersByAppName` returns `[]` in three places where it returned `undefined`, asked
// "changed its implementation" with nothing named, while its caller tests the result for undefined.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const lookup = (failed: string) => `declare function run(command: string): Promise<{ stdout: string; stderr: string }>;

export const listContainers = async (app: string) => {
  try {
    const { stdout, stderr } = await run(\`docker ps --filter name=\${app}\`);
    if (stderr) {
      return ${failed};
    }
    if (!stdout) return [];
    return stdout.split('\\n').map((line) => {
      const [id, name] = line.split(' ');
      return { id, name };
    });
  } catch {}
  return ${failed};
};
`;

const user =
  "import { listContainers } from './lookup.js';\nexport const count = async () => (await listContainers('web'))?.length ?? -1;\n";

test('values returned in place of others are named, not a callback’s', () => {
  repo = createTempRepo({ 'src/lookup.ts': lookup('undefined'), 'src/count.ts': user });
  // The command gains a flag too: a line the quiz may ask about.
  repo.stage({ 'src/lookup.ts': lookup('[]').replace('docker ps --filter', 'docker ps --all --filter') });
  const questions = listQuestions(repo);
  const message = messageOf(questions, 'impact:src/lookup.ts#listContainers');
  expect(message).toContain(
    '`listContainers` in src/lookup.ts changed its implementation (now returns `[]` where it returned `undefined`)',
  );
  // The question says which `return` lines changed: the quiz offers none of them.
  const offered = questions.filter((q) => q.quiz === true).flatMap((q) => q.choices ?? []);
  expect(offered.length).toBeGreaterThan(0);
  expect(offered.filter((choice) => /^return (\[\]|undefined);$/.test(choice))).toEqual([]);
});

test('a callback’s value is not what the function returns', () => {
  repo = createTempRepo({ 'src/lookup.ts': lookup('undefined'), 'src/count.ts': user });
  repo.stage({ 'src/lookup.ts': lookup('undefined').replace('return { id, name };', 'return { id, name, app };') });
  const message = messageOf(listQuestions(repo), 'impact:src/lookup.ts#listContainers');
  expect(message).not.toContain('now returns');
});
