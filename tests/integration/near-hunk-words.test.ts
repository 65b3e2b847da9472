import { afterEach, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openRepository } from '../../src/adapters/git/git-client.js';
import { createLogger } from '../../src/adapters/log/logger.js';
import { readSampleTexts } from '../../src/adapters/git/sample-texts-sync.js';
import { groundingFor, validateAnswer, type AnswerRules } from '../../src/core/questionnaire/validate-answer.js';
import { readAnswerGrounding } from '../../src/review/read-answer-grounding.js';
import { createTempRepo, PROJECT_ROOT, type TempRepo } from '../helpers/temp-repo.js';

// A pull request's description tells the problem in the words of the code beside the change
// (near-hunk-words.ts). graphql/graphql-js 7b8ca2943d adds `skip_join: true` under `notifications: irc:`
// of its .travis.yml (its real texts before and after); its real body speaks of "the IRC channel",
// words of the lines beside the hunk that no line of the change holds. The repository around it is
// real source text (this project's questionnaire modules), in which those words are rare.

let repo: TempRepo | undefined;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
afterEach(() => repo?.cleanup());

const near = (name: string) => readFileSync(new URL(`../fixtures/answers/near/${name}`, import.meta.url), 'utf8');
const corpus = readFileSync(new URL('../fixtures/answers/grounded-graphql.tune.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { commit: string; against?: string; category: string; text: string });
const commit = '7b8ca2943d98adfa890518b0625f070f80c3d33e';
const own = corpus.find((line) => line.commit === commit && line.category === 'own')!.text;
const other = corpus.find((line) => line.against === commit && line.category === 'other-commit')!.text;

async function rulesOfStagedChange(): Promise<AnswerRules> {
  const sources = join(PROJECT_ROOT, 'src/core/questionnaire');
  const tree: Record<string, string> = { '.travis.yml': near('graphql-7b8ca2943d.travis.before.yml') };
  for (const name of readdirSync(sources).filter((file) => file.endsWith('.ts')))
    tree[`src/${name}`] = readFileSync(join(sources, name), 'utf8');
  repo = createTempRepo(tree);
  repo.write({ '.travis.yml': near('graphql-7b8ca2943d.travis.after.yml') });
  repo.git(['add', '.travis.yml']);
  const git = await openRepository(repo.dir, createLogger(false));
  const grounding = await readAnswerGrounding(git, { base: 'HEAD' }, ['.travis.yml']);
  return {
    minWords: 4,
    otherAnswers: [],
    fileNames: ['.travis.yml'],
    question: 'What problem does this change solve, and why this way?',
    ...groundingFor('intent', grounding),
  };
}

test('a long explanation in the words of the lines beside the hunk is accepted; without them it says little', async () => {
  const rules = await rulesOfStagedChange();
  expect(validateAnswer(own, rules)).toBeNull();
  expect(validateAnswer(own, { ...rules, nearHunk: undefined })).toMatch(/says little of this change/);
});

test('another commit body and filler naming the same words are still refused', async () => {
  const rules = await rulesOfStagedChange();
  expect(validateAnswer(other, rules)).not.toBeNull();
  // Improvement filler with a word of the lines beside the hunk, long enough to be judged by them.
  expect(
    validateAnswer(
      'This change updates the notifications so that the channel works better and more reliably for everyone involved, improving the overall experience, making the configuration cleaner and keeping the behaviour consistent across the board for all of the users.',
      rules,
    ),
  ).not.toBeNull();
});

test('the repository sample is the text files whose path hashes first, the same on every read', () => {
  const files = ['a.ts', 'b.md', 'c/d.json', 'e.yml', 'f.tsx', 'g.png', 'node_modules/x/y.js'];
  repo = createTempRepo(Object.fromEntries(files.map((path) => [path, `text of ${path}\n`])));
  const expected = files
    .filter((path) => !/\.png$|node_modules/.test(path))
    .sort((a, b) => (sha256(a) < sha256(b) ? -1 : 1))
    .slice(0, 3)
    .map((path) => `text of ${path}\n`);
  expect(readSampleTexts(repo.dir, { kind: 'index' }, 3)).toEqual(expected);
  const head = repo.git(['rev-parse', 'HEAD']).trim();
  expect(readSampleTexts(repo.dir, { kind: 'tree', rev: head }, 3)).toEqual(expected);
});
