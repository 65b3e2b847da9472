import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { writeAnswersFor } from '../helpers/answers.js';
import { testEnv } from '../helpers/env.js';
import { packTarball } from '../helpers/installed-package.js';
import { SETSID } from '../helpers/no-terminal.js';
import { installEnv, installPackageManagers, type PackageManager } from '../helpers/package-managers.js';
import { createTempRepo, lines, type TempRepo } from '../helpers/temp-repo.js';
import { listReviewTrailers } from '../../src/core/record/list-review-trailers.js';
import { parseNoteRecords } from '../../src/core/record/parse-note-records.js';

// The packed tarball as a new user gets it: added with each real package manager to a fresh
// project, `selfreview init` run through that manager, then a real `git commit` through the
// hooks. Then the hook setups a project may already have (husky 9, husky 8, lefthook,
// simple-git-hooks, a pre-commit ending in `exit 0`, a global hooks path, a linked worktree),
// sharing one npm install of the tarball and those tools. No terminal: answers from a file.

let tarball: string;
let managers: PackageManager[];
const made: string[] = [];

beforeAll(() => {
  tarball = packTarball();
  managers = installPackageManagers(made);
}, 300_000);
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  rmSync(dirname(tarball), { recursive: true, force: true });
});

function freshProject(pkg: Record<string, unknown> = {}): TempRepo {
  const r = createTempRepo({
    'src/a.ts': lines(3),
    '.gitignore': 'node_modules\n.yarn\n',
    'package.json': `${JSON.stringify({ name: 'app', version: '1.0.0', private: true, ...pkg }, null, 2)}\n`,
  });
  made.push(r.dir);
  return r;
}

/** Runs a command in the project the way the user would type it (package managers need the real HOME for their caches). */
function runIn(r: TempRepo, command: readonly string[]) {
  const result = spawnSync(SETSID, ['--wait', ...command], {
    cwd: r.dir,
    env: { ...installEnv(), ...testEnv({ HOME: installEnv().HOME }) },
    encoding: 'utf8',
    input: '',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function commitReviewed(r: TempRepo, cwd = r.dir, env: Record<string, string> = {}) {
  // In a linked worktree: the questions of its index, the answers file in the main .git folder.
  const answers = writeAnswersFor(
    cwd === r.dir ? r : ({ dir: r.dir, run: (a: string[], o = {}) => r.run(a, { ...o, cwd }) } as unknown as TempRepo),
    env,
  );
  const result = spawnSync(SETSID, ['--wait', 'git', 'commit', '-q', '-m', 'Grow a'], {
    cwd,
    env: testEnv({ ...env, SELFREVIEW_ANSWERS: answers }),
    encoding: 'utf8',
    input: '',
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

function expectReviewedHead(r: TempRepo, cwd = r.dir): void {
  const git = (args: string[]) => execFileSync('git', args, { cwd, env: testEnv(), encoding: 'utf8' });
  expect(git(['log', '-1', '--format=%(trailers)']).split('\n')[0]).toBe(
    listReviewTrailers(parseNoteRecords(git(['notes', '--ref=selfreview', 'show', 'HEAD'])).records.at(-1)!)[0],
  );
  expect(JSON.parse(git(['notes', '--ref=selfreview', 'show', 'HEAD'])).answers.length).toBeGreaterThan(0);
}

describe.each(['npm', 'yarn-classic', 'yarn-berry', 'pnpm', 'bun'])('installed with %s', (name) => {
  test('init through the package manager, then a reviewed commit carries its trailers and note', () => {
    const pm = managers.find((m) => m.name === name)!;
    const repo = freshProject();
    pm.addDev(repo.dir, tarball);
    expect(readFileSync(join(repo.dir, 'package.json'), 'utf8')).toMatch(/"selfreview": /);
    const init = runIn(repo, [...pm.exec, 'init']);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(/Hooks: git's hooks folder/);
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'Add selfreview']);
    repo.stage({ 'src/a.ts': lines(5) });
    const committed = commitReviewed(repo);
    expect(committed.output).toMatch(/Review recorded/);
    expect(committed.code).toBe(0);
    expectReviewedHead(repo);
  }, 300_000);
});

describe('beside the hooks a project already has (one npm install shared)', () => {
  let nodeModules: string;
  let husky8: string;
  beforeAll(() => {
    const shared = freshProject();
    managers.find((m) => m.name === 'npm')!.addDev(shared.dir, tarball);
    execFileSync('npm', ['install', '--prefer-offline', '--save-dev', 'husky@9', 'lefthook@1', 'simple-git-hooks@2'], {
      cwd: shared.dir,
      env: installEnv(),
      stdio: 'ignore',
    });
    nodeModules = join(shared.dir, 'node_modules');
    const old = freshProject();
    execFileSync('npm', ['install', '--prefer-offline', '--save-dev', 'husky@8', tarball], {
      cwd: old.dir,
      env: installEnv(),
      stdio: 'ignore',
    });
    husky8 = join(old.dir, 'node_modules');
  }, 300_000);

  function project(modules: string, pkg: Record<string, unknown> = {}): TempRepo {
    const r = freshProject(pkg);
    symlinkSync(modules, join(r.dir, 'node_modules'));
    return r;
  }
  const initOk = (r: TempRepo) => {
    const init = runIn(r, ['npx', '--no-install', 'selfreview', 'init']);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    return init.stdout;
  };
  function setUpAndCommit(r: TempRepo): void {
    r.git(['add', '-A']);
    r.git(['commit', '-q', '--no-verify', '-m', 'Set up']);
    r.stage({ 'src/a.ts': lines(5) });
    const committed = commitReviewed(r);
    expect(committed.code).toBe(0);
    expectReviewedHead(r);
  }

  test('husky 9 (prepare: husky) and a linked worktree', () => {
    const r = project(nodeModules, { scripts: { prepare: 'husky' } });
    r.write({ '.husky/pre-commit': 'echo "husky pre-commit ran"\n' });
    runIn(r, ['npx', '--no-install', 'husky']);
    expect(initOk(r)).toMatch(/husky 9/);
    setUpAndCommit(r);
    const worktree = `${r.dir}-linked`;
    made.push(worktree);
    r.git(['worktree', 'add', '-q', worktree]);
    symlinkSync(nodeModules, join(worktree, 'node_modules'));
    expect(r.run(['init'], { cwd: worktree }).stdout).toMatch(/Ran the project's husky 9 here/);
    writeFileSync(join(worktree, 'src', 'a.ts'), lines(8));
    execFileSync('git', ['add', 'src/a.ts'], { cwd: worktree, env: testEnv() });
    const committed = commitReviewed(r, worktree);
    expect(committed.output).toMatch(/husky pre-commit ran/);
    expect(committed.code).toBe(0);
    expectReviewedHead(r, worktree);
  }, 120_000);

  test('husky 8 (.husky with husky.sh)', () => {
    const r = project(husky8);
    runIn(r, ['npx', '--no-install', 'husky', 'install']);
    r.write({ '.husky/pre-commit': { executable: '#!/usr/bin/env sh\n. "$(dirname -- "$0")/_/husky.sh"\n\necho "husky 8 ran"\n' } });
    expect(initOk(r)).toMatch(/husky 8/);
    expect(readFileSync(join(r.dir, '.husky', 'post-commit'), 'utf8')).toMatch(/\/_\/husky\.sh"/);
    setUpAndCommit(r);
  }, 120_000);

  test('lefthook and simple-git-hooks: the printed lines added to their config, then a commit', () => {
    const lefthook = project(nodeModules);
    lefthook.write({ 'lefthook.yml': 'pre-push:\n  commands:\n    test:\n      run: echo pushing\n' });
    const printed = runIn(lefthook, ['npx', '--no-install', 'selfreview', 'init']);
    expect(printed.code).toBe(1);
    appendFileSync(
      join(lefthook.dir, 'lefthook.yml'),
      printed.stdout.slice(printed.stdout.indexOf('\npre-commit:') + 1, printed.stdout.lastIndexOf('\n\n')),
    );
    expect(runIn(lefthook, ['npx', '--no-install', 'lefthook', 'install']).code).toBe(0);
    expect(initOk(lefthook)).toMatch(/lefthook/);
    setUpAndCommit(lefthook);

    const simple = project(nodeModules, { 'simple-git-hooks': { 'pre-push': 'echo pushing' } });
    const lines = runIn(simple, ['npx', '--no-install', 'selfreview', 'init']).stdout;
    const config = JSON.parse(`{${lines.slice(lines.indexOf('"simple-git-hooks"'), lines.lastIndexOf('}') + 1)}}`) as Record<
      string,
      unknown
    >;
    const pkg = JSON.parse(readFileSync(join(simple.dir, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
    writeFileSync(
      join(simple.dir, 'package.json'),
      JSON.stringify({ ...pkg, 'simple-git-hooks': { ...pkg['simple-git-hooks'], ...(config['simple-git-hooks'] as object) } }, null, 2),
    );
    // The config calls us, git's hooks not yet: no success, and the command that writes them.
    const unapplied = runIn(simple, ['npx', '--no-install', 'selfreview', 'init']);
    expect(unapplied.code).toBe(1);
    expect(unapplied.stderr).toMatch(
      /package\.json calls selfreview, but git's pre-commit, prepare-commit-msg, commit-msg, post-commit, post-merge hooks do not yet: run `npx simple-git-hooks`/,
    );
    expect(runIn(simple, ['npx', '--no-install', 'selfreview', 'doctor']).stdout).toMatch(
      /✖ pre-commit: package\.json calls selfreview, but \.git\/hooks\/pre-commit does not yet: git runs no review/,
    );
    expect(runIn(simple, ['npx', '--no-install', 'simple-git-hooks']).code).toBe(0);
    expect(initOk(simple)).toMatch(/simple-git-hooks/);
    setUpAndCommit(simple);
  }, 180_000);

  test('a .git/hooks pre-commit ending in `exit 0`, and a global hooks path: the other hooks still run, and so does ours', () => {
    const plain = project(nodeModules);
    mkdirSync(join(plain.dir, '.git', 'hooks'), { recursive: true });
    plain.write({ '.git/hooks/pre-commit': { executable: '#!/bin/sh\necho "team hook ran"\nexit 0\n' } });
    expect(initOk(plain)).toMatch(/placed before line 3/);
    setUpAndCommit(plain);

    const global = project(nodeModules);
    const globalDir = `${global.dir}-global-hooks`;
    made.push(globalDir);
    mkdirSync(globalDir);
    writeFileSync(join(globalDir, 'pre-commit'), '#!/bin/sh\necho "global hook ran"\n', { mode: 0o755 });
    const config = `${globalDir}/gitconfig`;
    writeFileSync(config, `[core]\n\thooksPath = ${globalDir}\n`);
    const env = { GIT_CONFIG_GLOBAL: config };
    expect(global.run(['init'], { env }).code).toBe(0);
    global.git(['add', '-A'], { env });
    global.git(['commit', '-q', '--no-verify', '-m', 'Set up'], { env });
    global.stage({ 'src/a.ts': lines(5) });
    const committed = commitReviewed(global, global.dir, env);
    expect(committed.output).toMatch(/global hook ran/);
    expect(committed.code).toBe(0);
    expect(readdirSync(join(global.dir, '.git', 'hooks'))).toContain('pre-commit');
  }, 180_000);
});
