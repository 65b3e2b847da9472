import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { testEnv } from '../helpers/env.js';
import { spawnWithoutTerminal } from '../helpers/no-terminal.js';
import { createTempRepo, linkSelfreview, lines, type TempRepo } from '../helpers/temp-repo.js';

// A commit where nobody can answer (a GUI client, CI, `setsid`: no terminal) and no answers file:
// the hook says so before the blast radius, naming SELFREVIEW_ANSWERS, and leaves the index as
// it was. A change with nothing to ask (lock files, excluded files) still goes through. The
// config the review validated once is remembered; an edit is validated again.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

function project(files: Record<string, string> = {}): TempRepo {
  const r = createTempRepo({
    'package.json': '{ "name": "app" }\n',
    'src/a.ts': 'export const a = 1;\n',
    'src/b.ts': "import { a } from './a.js';\nexport const b = a;\n",
    '.gitignore': 'node_modules\n',
    ...files,
  });
  linkSelfreview(r.dir);
  expect(r.run(['init']).code).toBe(0);
  r.git(['add', '-A']);
  r.git(['commit', '-q', '--no-verify', '--allow-empty', '-m', 'Set up']);
  return r;
}

function commit(r: TempRepo, env: Record<string, string> = {}) {
  const result = spawnWithoutTerminal('git', ['commit', '-q', '-m', 'change'], { cwd: r.dir, env: testEnv(env), encoding: 'utf8' });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('a hook without a terminal and without answers', () => {
  test('a change that needs answers is refused before the blast radius, naming SELFREVIEW_ANSWERS; the index is kept', () => {
    repo = project();
    repo.stage({ 'src/a.ts': 'export const a = 2;\n' });
    const before = repo.snapshot();
    const head = repo.git(['rev-parse', 'HEAD']).trim();
    const refused = commit(repo, { SELFREVIEW_DEBUG: '1' });
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(/No terminal for the questionnaire .*SELFREVIEW_ANSWERS=answers\.json git commit/);
    expect(refused.output).not.toMatch(/--answers <file>/);
    // The blast radius (TypeScript, the import graph) was never started.
    expect(refused.output).toMatch(/stage: change model/);
    expect(refused.output).not.toMatch(/typescript|import graph/i);
    expect(repo.git(['rev-parse', 'HEAD']).trim()).toBe(head);
    expect(repo.snapshot()).toEqual(before);
  });

  test('lock files only, or files the config excludes: nothing to ask, committed', () => {
    repo = project({ '.selfreviewrc.json': '{ "exclude": ["generated/**"] }\n' });
    repo.stage({ 'package-lock.json': '{ "lockfileVersion": 3 }\n', 'yarn.lock': lines(50) });
    const locks = commit(repo);
    expect(locks.code).toBe(0);
    expect(locks.output).toMatch(/No questions: no counted file changed/);
    repo.stage({ 'generated/api.ts': lines(30) });
    expect(commit(repo).code).toBe(0);
    expect(repo.git(['log', '--format=%s', '-3']).trim().split('\n')).toEqual(['change', 'change', 'Set up']);
  });

  test('a config the review validated once is not validated again until it changes; an edit that breaks it is refused', () => {
    repo = project({ '.selfreviewrc.json': '{ "exclude": ["generated/**"] }\n' });
    repo.stage({ 'generated/api.ts': lines(30) });
    expect(commit(repo).code).toBe(0);
    repo.stage({ 'generated/api.ts': lines(29) });
    const again = commit(repo, { SELFREVIEW_DEBUG: '1' });
    expect(again.code).toBe(0);
    expect(again.output).toMatch(/config: \.selfreviewrc\.json validated before, unchanged/);
    writeFileSync(join(repo.dir, '.selfreviewrc.json'), '{ "exclude": ["generated/**"], "budgets": { "human": { "lines": -1 } } }\n');
    repo.stage({ 'generated/api.ts': lines(31) });
    const broken = commit(repo, { SELFREVIEW_DEBUG: '1' });
    expect(broken.code).not.toBe(0);
    expect(broken.output).toMatch(/\.selfreviewrc\.json has 1 problem/);
    expect(broken.output).not.toMatch(/validated before/);
  });
});
