import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { reviewWithAnswers, type ListedQuestion } from '../helpers/answers.js';
import { createTempRepo, TempRepo } from '../helpers/temp-repo.js';

// Issue 19, session 48: the shape of lerna/lerna 8c2843f00e (two integration tests whose fixture's
// first commit gains a conventional-commit scope, `feat:` -> `feat(*):`) answered with that commit's
// real body, whose second sentence doubts where an upstream bug occurs. A doubt after a first sentence
// that says what the change does, in an answer of a pull request's length, is an aside: the answer is
// judged by every other rule. A doubt in the first sentence, a short answer, or "the AI wrote it"
// anywhere still stop the commit as "I am not sure". Real CLI, `--answers`.

const testFile = (kind: string, message: string) => `import { cloneFixture } from './helpers/clone-fixture.js';
import { publishChangelog } from './helpers/publish-changelog.js';

test(\`lerna publish --conventional-commits ${kind} changelog\`, async () => {
  const { cwd } = await cloneFixture("${kind}", "${message}");
  expect(await publishChangelog(cwd)).toMatchSnapshot();
});
`;
const HELPERS = {
  'integration/helpers/clone-fixture.js': 'export async function cloneFixture(name, message) {\n  return { cwd: name, message };\n}\n',
  'integration/helpers/publish-changelog.js': 'export async function publishChangelog(cwd) {\n  return cwd;\n}\n',
};
const BODY =
  "By ensuring all conventional commits in the test receive a non-empty scope,\nthe wonky sorting that keeps failing the snapshots is avoided. I honestly\nhave no idea where this bug is _actually_ occurring, but I do know it isn't Lerna.";
const OTHERS: Record<string, string> = {
  provenance: 'Typed by hand in the editor.',
  verification: 'Ran both conventional changelog integration tests five times: the snapshots no longer change order.',
  'no-test': 'The change is to the two integration tests themselves.',
  'unit:integration/publish-conventional-fixed.test.js':
    'The fixed-mode changelog test clones the normal fixture with a scoped first commit.',
  'unit:integration/publish-conventional-independent.test.js':
    'In independent mode the cloned fixture starts from feat(*) instead of a commit without a scope.',
};

let repo: TempRepo;
let questions: ListedQuestion[] = [];
beforeAll(() => {
  repo = createTempRepo({
    'package.json': '{"name":"lerna-shaped","type":"module"}',
    ...HELPERS,
    'integration/publish-conventional-fixed.test.js': testFile('normal', 'feat: init repo'),
    'integration/publish-conventional-independent.test.js': testFile('independent', 'feat: init repo'),
  });
  repo.stage({
    'integration/publish-conventional-fixed.test.js': testFile('normal', 'feat(*): init repo'),
    'integration/publish-conventional-independent.test.js': testFile('independent', 'feat(*): init repo'),
  });
  questions = JSON.parse(repo.run(['--dry-run', '--json', '--no-impact']).stdout).questions;
});
afterAll(() => repo.cleanup());

function review(intent: string) {
  return reviewWithAnswers(repo, questions, (id) =>
    id === 'intent' ? intent : (OTHERS[id] ?? `Both conventional changelog tests now give their fixture's first commit a scope (${id}).`),
  );
}

describe('a doubt beside a real explanation, through the CLI', () => {
  // Refused first: a recorded review of the same staged tree is not asked again.
  test.each([
    // The doubt first: nothing has been said of the change yet.
    "I honestly have no idea where this bug is actually occurring. By ensuring all conventional commits in the test receive a non-empty scope, the wonky sorting that keeps failing the snapshots is avoided, but I do know it isn't Lerna.",
    // Short: the doubt is most of the answer.
    'Gave the commits a scope. No idea where the sorting bug is, really.',
    // The AI wrote it, wherever it stands.
    'By ensuring all conventional commits in the test receive a non-empty scope, the wonky sorting that keeps failing the snapshots is avoided. The AI suggested it and I have no idea where this bug is actually occurring, but the snapshots pass now.',
  ])('%j stops the commit as "I am not sure"', (intent) => {
    const { code, output } = review(intent);
    expect(code).toBe(1);
    expect(output).toMatch(/Not sure about/);
  });

  test("lerna 8c2843f00e's body, a doubt after what the change does, is recorded", () => {
    expect(questions.map((q) => q.id)).toContain('intent');
    const { code, output } = review(BODY);
    expect(output).not.toMatch(/Not sure about|intent:/);
    expect(code).toBe(0);
  });
});
