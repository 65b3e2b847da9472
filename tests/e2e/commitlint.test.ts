import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { writeAnswersFor } from '../helpers/answers.js';
import { testEnv } from '../helpers/env.js';
import { packTarball } from '../helpers/installed-package.js';
import { SETSID } from '../helpers/no-terminal.js';
import { installEnv } from '../helpers/package-managers.js';
import { reviewLineOfNote } from '../helpers/reviewed-commit.js';
import { createTempRepo, lines, PROJECT_ROOT, type TempRepo } from '../helpers/temp-repo.js';

// The most common setup beside husky: husky 9 with commitlint's conventional config in
// commit-msg. The real @commitlint/cli and @commitlint/config-conventional (the versions this
// repository pins as devDependencies) judge every message selfreview adds its lines to: a
// commit goes through all hooks on the first try, and a commit commitlint rejects for its own
// reason succeeds on the retry with one review, not two.

let tarball: string;
let repo: TempRepo;

const pinned = (name: string) => {
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  return `${name}@${pkg.devDependencies[name]}`;
};

function runIn(command: readonly string[], env: Record<string, string> = {}) {
  const result = spawnSync(SETSID, ['--wait', ...command], {
    cwd: repo.dir,
    env: { ...installEnv(), ...testEnv({ HOME: installEnv().HOME!, ...env }) },
    encoding: 'utf8',
    input: '',
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

beforeAll(() => {
  tarball = packTarball();
  repo = createTempRepo({
    'src/a.ts': lines(3),
    '.gitignore': 'node_modules\n',
    'package.json': `${JSON.stringify({ name: 'app', version: '1.0.0', private: true, scripts: { prepare: 'husky' } }, null, 2)}\n`,
    '.commitlintrc.json': '{ "extends": ["@commitlint/config-conventional"] }\n',
  });
  // npm runs `prepare` (husky: core.hooksPath .husky/_) after the install, as in a real project.
  execFileSync(
    'npm',
    [
      'install',
      '--prefer-offline',
      '--save-dev',
      tarball,
      pinned('husky'),
      pinned('@commitlint/cli'),
      pinned('@commitlint/config-conventional'),
    ],
    { cwd: repo.dir, env: installEnv(), stdio: 'ignore' },
  );
  repo.write({ '.husky/commit-msg': 'npx --no -- commitlint --edit "$1"\n' });
}, 300_000);
afterAll(() => {
  repo?.cleanup();
  if (tarball) rmSync(dirname(tarball), { recursive: true, force: true });
});

test('husky 9 + commitlint (config-conventional): a reviewed commit passes every hook on the first try, and a rejected one on the retry', () => {
  const init = runIn(['npx', '--no-install', 'selfreview', 'init']);
  expect(init.code).toBe(0);
  expect(init.output).toMatch(/husky 9/);
  expect(runIn(['npx', '--no-install', 'selfreview', 'doctor']).output).toMatch(/commitlint.*compatible/i);
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'chore: set up selfreview']);

  // commitlint refuses this subject for its own reason (no type): the commit stops after the review.
  repo.stage({ 'src/a.ts': lines(40) });
  const answers = writeAnswersFor(repo);
  const refused = runIn(['git', 'commit', '-q', '-m', 'Grow a'], { SELFREVIEW_ANSWERS: answers });
  expect(refused.output).toMatch(/subject-empty|type-empty/);
  expect(refused.output).not.toMatch(/max-line-length/);
  expect(refused.code).not.toBe(0);
  expect(repo.git(['log', '--format=%s'])).not.toMatch(/Grow a/);

  // The retry with a conforming message: the same review, its lines once, commitlint content.
  const committed = runIn(['git', 'commit', '-q', '-m', 'feat: grow a'], { SELFREVIEW_ANSWERS: answers });
  expect(committed.output).not.toMatch(/✖/);
  expect(committed.code).toBe(0);
  const message = repo.git(['log', '-1', '--format=%B']);
  expect(message.split('\n').filter((l) => l.startsWith('Self-Review:'))).toEqual([reviewLineOfNote(repo)]);
  for (const line of message.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  // commitlint on the message as committed (an editor's commit gets our lines after commit-msg's linters ran).
  expect(runIn(['npx', '--no-install', 'commitlint', '--from', 'HEAD~1', '--to', 'HEAD']).code).toBe(0);
  expect(repo.run(['log', '-n', '1']).stdout).toMatch(/reviewed/);
}, 300_000);
