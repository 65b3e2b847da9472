import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { reviewWithAnswers, type ListedQuestion } from '../helpers/answers.js';
import { createTempRepo, TempRepo } from '../helpers/temp-repo.js';

// Names an answer writes that the repository's tracked files do not hold, through the real CLI
// (`--answers`), issue 19 round 51. Found on real bodies judged against their own commits:
// a typo of a repository name (mocha fbe3ce4f7d `autoDispsoe`, vercel/ai cf06314e2d
// `parseTooCall`), a misspelt path (openlayers 054af09032 `examples/webpack/exapmle-builder.js`),
// a folder misremembered (stylelint 601af18ae4 `src/formatting/stringFormatter.js`): still
// refused, but the message says what the author likely meant. A path under a folder a root ignore
// file names (Chart.js 782b84ae94 `dist/*.js` of .gitignore's `dist`, keystone 48f3cb2364
// `.vscode/launch.json` of .prettierignore's `*.vscode`) is build output or a machine's settings,
// which no tracked file shows: not refused.

const RUNNER_BEFORE = `import { autoDispose } from './dispose.js';

export function runTask(task: () => Promise<void>) {
  return task().finally(() => autoDispose(task));
}
`;
const RUNNER_AFTER = `import { autoDispose } from './dispose.js';

export function runTask(task: () => Promise<void>, timeout = 5000) {
  const timer = setTimeout(() => autoDispose(task), timeout);
  return task().finally(() => clearTimeout(timer));
}
`;
const TREE = {
  'package.json': '{"name":"tasks","type":"module"}',
  '.gitignore': 'node_modules\n/dist/\ncoverage\n*.log\n',
  // keystone 48f3cb2364's form; an .npmignore of `*` and exceptions names every folder, and one of
  // source folders (jest 6c84ede302's `packages`) names folders the repository tracks: neither lends a path.
  '.prettierignore': 'coverage\n*.vscode',
  '.npmignore': '*\n!dist/**\nlib\nexamples\n',
  'src/dispose.ts': 'export function autoDispose(handle: unknown): void {\n  void handle;\n}\n',
  'src/runner.ts': RUNNER_BEFORE,
  'examples/webpack/example-builder.js': "import { runTask } from '../../src/runner.js';\nrunTask(async () => {});\n",
  'lib/formatters/stringFormatter.js': 'export const formatTask = (name) => `task ${name}`;\n',
};

function setUp(): { repo: TempRepo; questions: ListedQuestion[] } {
  const repo = createTempRepo(TREE);
  repo.stage({ 'src/runner.ts': RUNNER_AFTER });
  return { repo, questions: JSON.parse(repo.run(['--dry-run', '--json', '--no-impact']).stdout).questions };
}

function reviewOf(repo: TempRepo, questions: ListedQuestion[], intent: string) {
  return reviewWithAnswers(repo, questions, (id) =>
    id === 'intent'
      ? intent
      : id === 'verification'
        ? 'Started a promise that never resolves in a scratch script and watched the disposal log line appear after five seconds.'
        : id === 'provenance'
          ? 'I typed it by hand after a hung task kept the worker alive overnight.'
          : id === 'no-test'
            ? 'A timer of five seconds is too slow for the unit suite; the example build exercises runTask with a hung task instead.'
            : '`setTimeout` starts the timer that disposes a hung task after `timeout` ms; `clearTimeout` stops it once the task settles.',
  );
}

describe('a name found nowhere: refused, with what the author likely meant', () => {
  let repo: TempRepo;
  let questions: ListedQuestion[] = [];
  beforeAll(() => {
    ({ repo, questions } = setUp());
  });
  afterAll(() => repo.cleanup());

  test('a typo of a repository name not in the change', () => {
    const { code, output } = reviewOf(
      repo,
      questions,
      '`runTask` now takes a `timeout`, so a hung task is released, and `fromatTask` names it in the log when it fires.',
    );
    expect(code).toBe(1);
    expect(output).toMatch(/`fromatTask` is not in this repository: did you mean `formatTask`\?/);
  });
  test('a letter dropped keeps the answer`s casing', () => {
    const { output } = reviewOf(repo, questions, '`runTask` now takes a `timeout`, and `runTsk` disposes the hung task when it fires.');
    expect(output).toMatch(/`runTsk` is not in this repository: did you mean `runTask`\?/);
  });
  test('a misspelt path', () => {
    const { code, output } = reviewOf(
      repo,
      questions,
      '`runTask` takes a `timeout` now; `examples/webpack/exapmle-builder.js` relies on it, so the example stops a hung task.',
    );
    expect(code).toBe(1);
    expect(output).toMatch(/exapmle-builder\.js` is not in this repository: did you mean `examples\/webpack\/example-builder\.js`\?/);
  });
  test('a file put in the wrong folder', () => {
    const { output } = reviewOf(
      repo,
      questions,
      '`runTask` takes a `timeout` now, and `src/formatting/stringFormatter.js` prints the task it disposes when it fires.',
    );
    expect(output).toMatch(/stringFormatter\.js` is not in this repository: did you mean `lib\/formatters\/stringFormatter\.js`\?/);
  });
  test('another project`s name is refused with no guess', () => {
    const { code, output } = reviewOf(
      repo,
      questions,
      '`runTask` now takes a `timeout`, as `QueryObserver.updateResult` does, so a hung task is disposed when it fires.',
    );
    expect(code).toBe(1);
    expect(output).toMatch(/`QueryObserver` \(in `QueryObserver\.updateResult`\) is not in this repository: explain this change/);
    expect(output).not.toMatch(/did you mean/);
  });
  test('a path under an ignored folder the repository tracks is still refused', () => {
    const { code, output } = reviewOf(
      repo,
      questions,
      '`runTask` takes a `timeout` now, so the task that `lib/formatters/taskFormatter.js` prints is disposed when it fires.',
    );
    expect(code).toBe(1);
    expect(output).toMatch(/`lib\/formatters\/taskFormatter\.js` is not in this repository/);
  });
  test('a path under a folder no ignore file names is still refused', () => {
    const { code, output } = reviewOf(
      repo,
      questions,
      '`runTask` takes a `timeout` now, so the task that `build/runner.js` starts is disposed when it fires.',
    );
    expect(code).toBe(1);
    expect(output).toMatch(/`build\/runner\.js` is not in this repository/);
  });
});

describe('a path under a folder a root ignore file names', () => {
  let repo: TempRepo;
  let questions: ListedQuestion[] = [];
  beforeAll(() => {
    ({ repo, questions } = setUp());
  });
  afterAll(() => repo.cleanup());

  test('build output and editor settings are not refused', () => {
    const { code, output } = reviewOf(
      repo,
      questions,
      '`runTask` takes a `timeout` now, so the bundled `dist/*.js` and the debugger of `.vscode/launch.json` no longer wait forever on a hung task.',
    );
    expect(output).not.toMatch(/not in this repository/);
    expect(code).toBe(0);
  });
});

// midday db458378c8: the body names Biome's rule `useLiteralKeys`, which biome.json leaves at its
// default; the rule's name is in the dependency's `configuration_schema.json` alone, no `.d.ts`.
describe('a name of an installed dependency`s configuration schema', () => {
  const SCHEMA = JSON.stringify({
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Configuration',
    definitions: {
      Complexity: {
        description: 'A list of rules that belong to this group',
        type: 'object',
        properties: {
          noUselessCatch: { description: 'Disallow unnecessary catch clauses.' },
          useLiteralKeys: { description: 'Enforce the usage of a literal access to properties over computed property access.' },
        },
      },
    },
  });
  let repo: TempRepo;
  let questions: ListedQuestion[] = [];
  beforeAll(() => {
    repo = createTempRepo({
      'package.json': '{"name":"dash","type":"module","devDependencies":{"@biomejs/biome":"1.9.4"}}',
      '.gitignore': 'node_modules\n',
      'biome.json': '{"linter":{"enabled":true,"rules":{"recommended":true}}}\n',
      'src/config.ts': 'export function readConfig(env: Record<string, string>) {\n  return { region: env["REGION"] };\n}\n',
    });
    repo.write({
      'node_modules/@biomejs/biome/package.json': '{"name":"@biomejs/biome","version":"1.9.4"}',
      'node_modules/@biomejs/biome/configuration_schema.json': SCHEMA,
    });
    repo.stage({ 'src/config.ts': 'export function readConfig(env: Record<string, string>) {\n  return { region: env.REGION };\n}\n' });
    questions = JSON.parse(repo.run(['--dry-run', '--json', '--no-impact']).stdout).questions;
  });
  afterAll(() => repo.cleanup());

  const answer = (intent: string) =>
    reviewWithAnswers(repo, questions, (id) =>
      id === 'intent'
        ? intent
        : id === 'provenance'
          ? 'I typed it by hand while clearing the linter warnings of the config reader.'
          : id === 'verification'
            ? 'Ran the linter and the config reader against a sample environment with REGION set.'
            : `Dot access reads the same REGION value, so nothing else changes in readConfig (${id}).`,
    );
  test('a name in no schema is refused', () => {
    const { code, output } = answer(
      'Biome`s `useLiteralIndexes` rule warned on the computed `env["REGION"]` in `readConfig`: `env.REGION` reads the same key, and the lint run is clean again.',
    );
    expect(code).toBe(1);
    expect(output).toMatch(/`useLiteralIndexes` is not in this repository/);
  });
  test('the rule`s name is found', () => {
    const { code, output } = answer(
      'Biome`s `useLiteralKeys` rule warned on the computed `env["REGION"]` in `readConfig`: `env.REGION` reads the same key, and the lint run is clean again.',
    );
    expect(output).not.toMatch(/not in this repository/);
    expect(code).toBe(0);
  });
});
