import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from '@jest/globals';
import { testEnv } from '../helpers/env.js';
import { commitReviewed } from '../helpers/reviewed-commit.js';
import { CLI, createTempRepo, linkSelfreview, lines, PROJECT_ROOT, type TempRepo } from '../helpers/temp-repo.js';

// The GitHub Action's script (action.yml -> scripts/github-action.mjs) in a simulated runner: a
// pull request's shallow checkout of a clone, the GITHUB_* variables the runner sets. It finds the
// package manager, fetches the base and the review notes, runs selfreview through the project's
// runner, prints annotations on the failing commit's lines and writes the job summary.

const made: TempRepo[] = [];
afterEach(() => {
  for (const r of made.splice(0)) r.cleanup();
});

const ACTION = join(PROJECT_ROOT, 'scripts', 'github-action.mjs');

test('a pull request in a shallow checkout: base and notes fetched, annotations with fixes, the job summary written', () => {
  const origin = createTempRepo({
    'src/a.ts': lines(3),
    'package.json': JSON.stringify({ name: 'app', private: true }),
    'package-lock.json': '{}\n',
    '.gitignore': 'node_modules\n',
    '.selfreviewrc.json': JSON.stringify({ ci: { answersFromFile: 'allow' } }),
  });
  made.push(origin);
  origin.git(['checkout', '-q', '-b', 'feature']);
  origin.stage({ 'src/a.ts': lines(5) });
  commitReviewed(origin, 'Reviewed');
  origin.stage({ 'src/b.ts': lines(6) });
  origin.git(['commit', '-q', '--no-verify', '-m', 'Skipped the hook']);
  const skipped = origin.git(['rev-parse', 'HEAD']).trim();

  // actions/checkout: the head commit only (fetch-depth 1), no notes, no base branch.
  const runner = createTempRepo({}, { commit: false });
  made.push(runner);
  runner.git(['remote', 'add', 'origin', `file://${origin.dir}`]);
  runner.git(['fetch', '-q', '--depth=1', 'origin', 'feature']);
  runner.git(['checkout', '-q', 'FETCH_HEAD']);
  mkdirSync(join(runner.dir, 'node_modules', '.bin'), { recursive: true });
  linkSelfreview(runner.dir);
  symlinkSync(CLI, join(runner.dir, 'node_modules', '.bin', 'selfreview'));
  const summary = join(runner.dir, '..', `${runner.dir.split('/').pop()}-summary.md`);
  const event = join(runner.dir, '.git', 'event.json');
  writeFileSync(event, JSON.stringify({ pull_request: { number: 1 } }));

  const result = spawnSync('node', [ACTION], {
    cwd: runner.dir,
    encoding: 'utf8',
    env: testEnv({
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_BASE_REF: 'main',
      GITHUB_EVENT_PATH: event,
      GITHUB_WORKSPACE: runner.dir,
      GITHUB_STEP_SUMMARY: summary,
      INPUT_BASE: '',
      INPUT_FORMAT: 'github',
      INPUT_CONFIG: '',
      INPUT_INSTALL: 'true',
      npm_config_update_notifier: 'false',
    }),
  });
  expect(result.stdout).toMatch(/selfreview: npm project, checking origin\/main\.\.HEAD/);
  expect(result.status).toBe(1);
  // The notes were fetched: the reviewed commit verifies, the skipped one fails with its fix.
  expect(result.stdout).toMatch(/✔ [0-9a-f]{10} Reviewed/);
  const annotation = result.stdout.split('\n').find((l) => l.startsWith('::error file=src/b.ts'));
  expect(annotation).toMatch(/^::error file=src\/b\.ts,line=1,endLine=6,title=/);
  expect(annotation).toContain(`npx selfreview review-commit ${skipped.slice(0, 12)}`);
  expect(readFileSync(summary, 'utf8')).toMatch(/^### selfreview: ❌ fail[\s\S]*What to do/);
  // Nothing installed: the project's selfreview was there.
  expect(result.stdout + result.stderr).not.toMatch(/added \d+ packages/);
}, 120_000);
