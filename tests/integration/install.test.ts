import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { writeAnswersFor } from '../helpers/answers.js';
import { testEnv } from '../helpers/env.js';
import { spawnWithoutTerminal } from '../helpers/no-terminal.js';
import { pathWithoutNode } from '../helpers/path-without-node.js';
import { reviewLineOfNote } from '../helpers/reviewed-commit.js';
import { createTempRepo, linkSelfreview, lines, PROJECT_ROOT, type TempRepo } from '../helpers/temp-repo.js';

// `selfreview init` beside each way a repository already runs hooks, then real commits: the other
// tool's hook still runs, ours runs, `uninstall` puts every file back as it was. The package is
// this worktree (node_modules/selfreview -> the project, so hooks/hook.sh and dist are real).

let repo: TempRepo;
const cleanups: (() => void)[] = [];
afterEach(() => {
  repo?.cleanup();
  while (cleanups.length > 0) cleanups.pop()!();
});

function project(extra: Record<string, string> = {}): TempRepo {
  const r = createTempRepo({
    'package.json': '{\n  "name": "app",\n  "version": "1.0.0"\n}\n',
    'src/a.ts': lines(3),
    '.gitignore': 'node_modules\n',
    ...extra,
  });
  linkSelfreview(r.dir);
  return r;
}

function commit(r: TempRepo, args: readonly string[], env: Record<string, string | undefined> = {}, cwd = r.dir) {
  const result = spawnWithoutTerminal('git', ['commit', ...args], { cwd, env: testEnv(env), encoding: 'utf8', input: '' });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

const hooksPathOf = (r: TempRepo) =>
  spawnWithoutTerminal('git', ['config', '--local', '--get', 'core.hooksPath'], {
    cwd: r.dir,
    env: testEnv(),
    encoding: 'utf8',
  }).stdout.trim();
const read = (r: TempRepo, path: string) => readFileSync(join(r.dir, path), 'utf8');
const trailers = (r: TempRepo) => r.git(['log', '-1', '--format=%(trailers)']).trim();

/** A hook script the user had before init, which must keep running. */
function userHook(path: string, text: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  chmodSync(path, 0o755);
}

describe('init in a repository with no hook manager', () => {
  test("writes git's own hooks folder; a reviewed commit gets trailers and a note; uninstall leaves nothing", () => {
    repo = project();
    const init = repo.run(['init']);
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(/Hooks: git's hooks folder/);
    expect(read(repo, '.git/hooks/pre-commit')).toMatch(/^#!\/bin\/sh\n# >>> selfreview/);
    expect(hooksPathOf(repo)).toBe('');
    expect(repo.run(['init']).stdout).toMatch(/already set up/);
    expect(repo.run(['doctor']).stdout).toMatch(/✔ pre-commit hook calls selfreview \(\.git\/hooks\/pre-commit\)/);

    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'Set up selfreview']);
    repo.stage({ 'src/a.ts': lines(5) });
    expect(commit(repo, ['-q', '-m', 'Grow a'], { SELFREVIEW_ANSWERS: writeAnswersFor(repo) }).code).toBe(0);
    expect(trailers(repo).split('\n')[0]).toBe(reviewLineOfNote(repo));
    expect(JSON.parse(repo.git(['notes', '--ref=selfreview', 'show', 'HEAD'])).answers.length).toBeGreaterThan(0);

    const uninstall = repo.run(['uninstall']);
    expect(uninstall.code).toBe(0);
    for (const hook of ['pre-commit', 'prepare-commit-msg', 'commit-msg', 'post-commit', 'post-merge'])
      expect(existsSync(join(repo.dir, '.git', 'hooks', hook))).toBe(false);
    // The config init wrote was committed and is unchanged: removed too.
    expect(existsSync(join(repo.dir, '.selfreviewrc.json'))).toBe(false);
    expect(existsSync(join(repo.dir, '.git', 'selfreview', 'install.json'))).toBe(false);
  });

  test('SELFREVIEW=0, an empty change and a review already recorded are decided without node', () => {
    repo = project();
    repo.run(['init']);
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'Set up']);
    const noNode = { PATH: pathWithoutNode(cleanups) };
    repo.stage({ 'src/a.ts': lines(4) });
    const skipped = commit(repo, ['-q', '-m', 'Skip'], { ...noNode, SELFREVIEW: '0' });
    expect(skipped).toMatchObject({ code: 0 });
    expect(skipped.output).toMatch(/selfreview: skipped \(SELFREVIEW=0\)/);
    expect(commit(repo, ['-q', '--allow-empty', '-m', 'Empty'], noNode).code).toBe(0);
    // Reviewed first (npx selfreview in a terminal), then committed where there is no node at all.
    repo.stage({ 'src/a.ts': lines(6) });
    expect(repo.run(['--answers', writeAnswersFor(repo)]).code).toBe(0);
    const accepted = commit(repo, ['-q', '-m', 'Reviewed'], noNode);
    expect(accepted.output).toMatch(/already reviewed/);
    expect(accepted.code).toBe(0);
    // The trailers too: the review wrote them beside its record; the hook adds them with git alone.
    expect(trailers(repo).split('\n')[0]).toBe(reviewLineOfNote(repo));
    expect(JSON.parse(repo.git(['notes', '--ref=selfreview', 'show', 'HEAD'])).tree).toBe(repo.git(['rev-parse', 'HEAD^{tree}']).trim());
    // Without node, a change that needs a review cannot pass.
    repo.stage({ 'src/a.ts': lines(8) });
    expect(commit(repo, ['-q', '-m', 'Unreviewed'], noNode).code).not.toBe(0);
  });

  test('a formatter after our line changes the staged content: the review moves to the committed tree and says so', () => {
    repo = project();
    repo.run(['init']);
    // lint-staged's place: after selfreview in the same pre-commit, re-staging what it changed.
    writeFileSync(
      join(repo.dir, '.git', 'hooks', 'pre-commit'),
      `${read(repo, '.git/hooks/pre-commit')}printf '// formatted\\n' >> src/a.ts && git add src/a.ts\n`,
    );
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'Set up']);
    repo.stage({ 'src/a.ts': lines(5) });
    const reviewedTree = repo.git(['write-tree']).trim();
    const committed = commit(repo, ['-q', '-m', 'Grow a'], { SELFREVIEW_ANSWERS: writeAnswersFor(repo) });
    expect(committed.code).toBe(0);
    expect(committed.output).toMatch(/a hook after the review changed the staged content \(src\/a\.ts; \+1\/-0\)/);
    const tree = repo.git(['rev-parse', 'HEAD^{tree}']).trim();
    expect(tree).not.toBe(reviewedTree);
    expect(trailers(repo)).toContain(reviewLineOfNote(repo));
    expect(trailers(repo)).toContain(`Self-Review-Restaged: reviewed=${reviewedTree.slice(0, 12)} files=1 lines=+1/-0`);
    expect(JSON.parse(repo.git(['notes', '--ref=selfreview', 'show', 'HEAD'])).restaged).toEqual({
      reviewedTree,
      files: [{ path: 'src/a.ts', added: 1, removed: 0 }],
      added: 1,
      removed: 0,
    });
    expect(repo.run(['log', '-n', '1']).stdout).toMatch(/reviewed\s+Grow a/);
    // CI takes the review as bound to the committed change, and says which lines it did not see
    // (the team here allows answers from a file, as the hooks of this test give them; the policy
    // is the work tree's, written after the commit, hence --policy-from head).
    const config = JSON.parse(read(repo, '.selfreviewrc.json')) as { ci?: Record<string, unknown> };
    writeFileSync(join(repo.dir, '.selfreviewrc.json'), JSON.stringify({ ...config, ci: { ...config.ci, answersFromFile: 'allow' } }));
    const ci = repo.run(['ci', '--base', 'HEAD~1', '--policy-from', 'head', '--format', 'json', '--no-impact'], { env: { CI: 'true' } });
    const [verified] = (
      JSON.parse(ci.stdout) as {
        commits: Array<{ verdict: string; review: { status: string }; findings: Array<{ code: string; message: string }> }>;
      }
    ).commits;
    expect(verified).toMatchObject({ verdict: 'pass', review: { status: 'reviewed' } });
    expect(verified!.findings.find((f) => f.code === 'restaged-after-review')?.message).toMatch(
      new RegExp(`a hook changed src/a\\.ts \\(\\+1 -0\\) after the review .*reviewed tree ${reviewedTree.slice(0, 10)}`),
    );
  });

  test('a review accepted by a commit that then failed is not given to the next commit made with --no-verify', () => {
    repo = project();
    repo.run(['init']);
    writeFileSync(
      join(repo.dir, '.git', 'hooks', 'pre-commit'),
      `${read(repo, '.git/hooks/pre-commit')}echo "a later check failed" >&2; exit 1\n`,
    );
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'Set up']);
    repo.stage({ 'src/a.ts': lines(5) });
    const failed = commit(repo, ['-q', '-m', 'Grow a'], { SELFREVIEW_ANSWERS: writeAnswersFor(repo) });
    expect(failed.output).toMatch(/a later check failed/);
    expect(failed.code).toBe(1);
    repo.stage({ 'src/a.ts': lines(9) });
    expect(commit(repo, ['-q', '--no-verify', '-m', 'Unreviewed']).code).toBe(0);
    expect(trailers(repo)).toBe('');
  });
});

describe('beside existing hooks', () => {
  test("a pre-commit that ends in `exit 0`: our block goes before that line, and the user's lines still run", () => {
    repo = project();
    userHook(join(repo.dir, '.git', 'hooks', 'pre-commit'), '#!/bin/sh\necho "team check ran" >&2\nexit 0\n');
    const init = repo.run(['init']);
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(/placed before line 3 \(`exit 0`\)/);
    const hook = read(repo, '.git/hooks/pre-commit');
    expect(hook.indexOf('# >>> selfreview')).toBeLessThan(hook.indexOf('exit 0'));
    expect(repo.run(['doctor']).stdout).toMatch(/✔ pre-commit hook calls selfreview/);
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'Set up']);
    repo.stage({ 'src/a.ts': lines(30) });
    const blocked = commit(repo, ['-q', '-m', 'Unreviewed']);
    expect(blocked.output).toMatch(/team check ran/);
    // In a hook --answers cannot be passed: the way forward names the variable.
    expect(blocked.output).toMatch(
      /No terminal for the questionnaire .* commit with the answers in a file: `SELFREVIEW_ANSWERS=answers\.json git commit \.\.\.`/,
    );
    // --quiet: the verdict and nothing of the report above it.
    const quiet = repo.run(['--dry-run', '--quiet']);
    expect(quiet.stdout).toMatch(/^Verdict: pass/);
    expect(quiet.stdout).not.toMatch(/Counted:/);
    expect(blocked.code).toBe(1);
    expect(repo.run(['uninstall']).code).toBe(0);
    expect(read(repo, '.git/hooks/pre-commit')).toBe('#!/bin/sh\necho "team check ran" >&2\nexit 0\n');
  });

  test('doctor reports a block that an exit placed later makes unreachable', () => {
    repo = project();
    repo.run(['init']);
    const path = join(repo.dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(path, `#!/bin/sh\nexec npx lint-staged\n${read(repo, '.git/hooks/pre-commit').replace('#!/bin/sh\n', '')}`);
    const doctor = repo.run(['doctor']);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/✖ pre-commit: \.git\/hooks\/pre-commit ends \(exit\/exec\) before selfreview's block/);
    expect(repo.run(['init']).stderr).toMatch(/never runs: move the block above it/);
  });

  test('a hook that is not a shell script is left alone, with the line to add', () => {
    repo = project();
    userHook(join(repo.dir, '.git', 'hooks', 'commit-msg'), '#!/usr/bin/env python3\nprint("checked")\n');
    const init = repo.run(['init']);
    expect(init.code).toBe(1);
    expect(init.stderr).toMatch(
      /\.git\/hooks\/commit-msg is not a shell script: call `sh node_modules\/selfreview\/hooks\/hook\.sh commit-msg`/,
    );
    expect(read(repo, '.git/hooks/commit-msg')).toBe('#!/usr/bin/env python3\nprint("checked")\n');
  });

  test('a global core.hooksPath keeps running: the local hooks chain to it, uninstall restores it', () => {
    repo = project();
    const globalDir = join(repo.dir, '..', `${repo.dir.split('/').pop()}-global-hooks`);
    cleanups.push(() => rmSync(globalDir, { recursive: true, force: true }));
    userHook(join(globalDir, 'pre-commit'), '#!/bin/sh\necho "global pre-commit ran" >&2\n');
    userHook(join(globalDir, 'pre-push'), '#!/bin/sh\necho "global pre-push ran" >&2\n');
    const globalConfig = join(globalDir, '..', `${repo.dir.split('/').pop()}-gitconfig`);
    cleanups.push(() => rmSync(globalConfig, { force: true }));
    writeFileSync(globalConfig, `[core]\n\thooksPath = ${globalDir}\n`);
    const env = { GIT_CONFIG_GLOBAL: globalConfig };
    const init = repo.run(['init'], { env });
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(/Set this repository's core\.hooksPath to .*each hook there runs your global hook/);
    expect(existsSync(join(repo.dir, '.git', 'hooks', 'pre-push'))).toBe(true);
    repo.git(['add', '-A'], { env });
    repo.git(['commit', '-q', '--no-verify', '-m', 'Set up'], { env });
    repo.stage({ 'src/a.ts': lines(5) });
    const committed = commit(repo, ['-q', '-m', 'Grow a'], { ...env, SELFREVIEW_ANSWERS: writeAnswersFor(repo, env) });
    expect(committed.output).toMatch(/global pre-commit ran/);
    expect(committed.code).toBe(0);
    expect(trailers(repo).split('\n')[0]).toBe(reviewLineOfNote(repo));
    expect(repo.run(['doctor'], { env }).stdout).toMatch(/✔ core\.hooksPath \(local\) chains to the global/);
    expect(repo.run(['uninstall'], { env }).stdout).toMatch(/unset core\.hooksPath/);
    expect(hooksPathOf(repo)).toBe('');
  });

  test('husky in devDependencies but never set up, and a hook of the project that ends in `exit 0`: init keeps it running', () => {
    repo = project({ 'package.json': '{\n  "name": "app",\n  "devDependencies": { "husky": "^9.0.0" }\n}\n' });
    symlinkSync(join(PROJECT_ROOT, 'node_modules', 'husky'), join(repo.dir, 'node_modules', 'husky'));
    userHook(join(repo.dir, '.git', 'hooks', 'pre-commit'), '#!/bin/sh\necho "project hook ran" >&2\nexit 0\n');
    const init = repo.run(['init']);
    expect(init.code).toBe(0);
    expect(init.stdout).not.toMatch(/Hooks: husky/);
    expect(hooksPathOf(repo)).toBe('');
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'Set up']);
    repo.stage({ 'src/a.ts': lines(5) });
    const committed = commit(repo, ['-q', '-m', 'Grow a'], { SELFREVIEW_ANSWERS: writeAnswersFor(repo) });
    expect(committed.output).toMatch(/project hook ran/);
    expect(committed.code).toBe(0);
    expect(trailers(repo)).toMatch(/^Self-Review: risk=/);
  });

  test("husky 9: our block in .husky/<hook>, run through husky's own runner", () => {
    repo = project({ '.husky/pre-commit': 'echo "lint-staged would run" >&2\n' });
    symlinkSync(join(PROJECT_ROOT, 'node_modules', 'husky'), join(repo.dir, 'node_modules', 'husky'));
    mkdirSync(join(repo.dir, 'node_modules', '.bin'));
    symlinkSync(join(PROJECT_ROOT, 'node_modules', 'husky', 'bin.js'), join(repo.dir, 'node_modules', '.bin', 'husky'));
    const init = repo.run(['init']);
    expect(init.stdout).toMatch(/Hooks: husky 9 \(\.husky\)/);
    // The worktree had no .husky/_ (husky never ran): init ran the project's husky.
    expect(init.stdout).toMatch(/Ran the project's husky 9 here/);
    expect(init.code).toBe(0);
    expect(read(repo, '.husky/pre-commit')).toMatch(/^echo "lint-staged would run" >&2\n# >>> selfreview/);
    expect(read(repo, '.husky/post-commit').startsWith('# >>> selfreview')).toBe(true);
    expect(repo.git(['config', 'core.hooksPath']).trim()).toBe('.husky/_');
    repo.git(['add', '-A']);
    // husky 9 runs .husky/pre-commit with `sh -e`: the project's file keeps its mode (botpress's setup commit showed 644 => 755).
    expect(repo.git(['diff', '--cached', '--summary'])).not.toMatch(/mode change/);
    repo.git(['commit', '-q', '--no-verify', '-m', 'Set up']);
    repo.stage({ 'src/a.ts': lines(5) });
    const committed = commit(repo, ['-q', '-m', 'Grow a'], { SELFREVIEW_ANSWERS: writeAnswersFor(repo) });
    expect(committed.output).toMatch(/lint-staged would run/);
    expect(committed.code).toBe(0);
    expect(trailers(repo).split('\n')[0]).toBe(reviewLineOfNote(repo));

    // A linked worktree has no .husky/_ (git-ignored): doctor says so, init there repairs it.
    const worktree = `${repo.dir}-wt`;
    cleanups.push(() => rmSync(worktree, { recursive: true, force: true }));
    repo.git(['worktree', 'add', '-q', worktree, '-b', 'side']);
    symlinkSync(join(repo.dir, 'node_modules'), join(worktree, 'node_modules'));
    const wt = { ...repo, dir: worktree } as TempRepo;
    const doctor = repo.run(['doctor'], { cwd: worktree });
    expect(doctor.stdout).toMatch(/✖ git's hooks folder here \(\.husky\/_\) does not exist: no hook runs in this work tree/);
    expect(repo.run(['init'], { cwd: worktree }).stdout).toMatch(/Ran the project's husky 9 here/);
    writeFileSync(join(worktree, 'src', 'a.ts'), lines(7));
    spawnWithoutTerminal('git', ['add', 'src/a.ts'], { cwd: worktree, env: testEnv(), encoding: 'utf8' });
    const blocked = commit(wt, ['-q', '-m', 'In the worktree'], {}, worktree);
    expect(blocked.output).toMatch(/No terminal for the questionnaire/);
    expect(blocked.code).toBe(1);
  });

  // pnpm's own repository: `"husky": "catalog:"`, the version in pnpm-workspace.yaml, dependencies
  // not installed yet. The hooks must go where husky will run them once they are.
  test('husky declared through a pnpm catalog, not installed: our block in .husky/<hook>, and what to run', () => {
    repo = project({
      'package.json': '{\n  "name": "app",\n  "scripts": { "prepare": "husky" },\n  "devDependencies": { "husky": "catalog:" }\n}\n',
      'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\ncatalog:\n  husky: ^9.1.7\n",
      '.husky/pre-commit': 'echo "project hook ran" >&2\n',
    });
    const init = repo.run(['init']);
    expect(init.stdout).toMatch(/Hooks: husky 9 \(\.husky\)/);
    expect(read(repo, '.husky/pre-commit')).toMatch(/^echo "project hook ran" >&2\n# >>> selfreview/);
    expect(existsSync(join(repo.dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
    expect(`${init.stdout}${init.stderr}`).toMatch(
      /husky is not set up in this work tree .*Install the dependencies \(its "prepare" script runs husky\)/,
    );
    // The install's prepare script runs husky 9, which writes `_/h` and a `_/husky.sh` that only warns.
    const husky = spawnWithoutTerminal('node', [join(PROJECT_ROOT, 'node_modules', 'husky', 'bin.js')], {
      cwd: repo.dir,
      env: testEnv(),
      encoding: 'utf8',
    });
    expect(husky.status).toBe(0);
    expect(existsSync(join(repo.dir, '.husky', '_', 'husky.sh'))).toBe(true);
    const doctor = repo.run(['doctor']).stdout;
    expect(doctor).toMatch(/✔ hooks run by husky 9 \(\.husky\)/);
    expect(doctor).toMatch(/✔ core\.hooksPath is \.husky\/_/);
  });

  // botpress/botpress: husky 9 in devDependencies and .husky/pre-commit, but no script runs husky, and
  // selfreview not installed yet: installing the dependencies would set up neither.
  test('husky that no script sets up, selfreview not installed: each fix named as this pnpm workspace runs it', () => {
    repo = createTempRepo({
      'package.json': '{\n  "name": "bots",\n  "private": true,\n  "devDependencies": { "husky": "^9.1.7" }\n}\n',
      'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n",
      'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
      '.husky/pre-commit': 'pnpm dlx lint-staged\n',
      'src/a.ts': lines(3),
    });
    const init = repo.run(['init']);
    const said = `${init.stdout}${init.stderr}`;
    expect(init.code).toBe(1);
    expect(said).toMatch(
      /husky is not set up in this work tree \(no \.husky\/_\/h\): git runs none of its hooks here\. package\.json has no script that runs husky, so installing the dependencies will not: run `pnpm exec husky` in each clone, or add "prepare": "husky" to its scripts\./,
    );
    expect(said).toMatch(
      /node_modules\/selfreview\/hooks\/hook\.sh is missing: add selfreview to the project's devDependencies \(`pnpm add -D -w selfreview`\)\./,
    );
    expect(read(repo, '.husky/pre-commit')).toMatch(/^pnpm dlx lint-staged\n# >>> selfreview/);
  });

  // karakeep-app/karakeep: husky 9 set up by "prepare", a pnpm workspace. doctor said "Install the
  // dependencies (selfreview is a devDependency)" before selfreview was one, and init said "add
  // selfreview" after it was listed but not installed: each now says the step that is missing.
  test('the hook script missing: add selfreview when package.json lacks it, install when it lists it', () => {
    const manifest = (dev: string) =>
      `{\n  "name": "@kk/root",\n  "private": true,\n  "scripts": { "prepare": "husky" },\n  "devDependencies": { ${dev} }\n}\n`;
    repo = createTempRepo({
      'package.json': manifest('"husky": "^9.0.11"'),
      'pnpm-workspace.yaml': "packages:\n  - 'apps/*'\n",
      'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
      '.husky/pre-commit': 'pnpm preflight\n',
      'src/a.ts': lines(3),
    });
    repo.run(['init']);
    expect(repo.run(['doctor']).stdout).toMatch(
      /✖ node_modules\/selfreview\/hooks\/hook\.sh is installed\n {4}Add selfreview to the project's devDependencies \(`pnpm add -D -w selfreview`\)\.\n/,
    );
    writeFileSync(join(repo.dir, 'package.json'), manifest('"husky": "^9.0.11", "selfreview": "^0.1.0"'));
    const init = repo.run(['init']);
    expect(`${init.stdout}${init.stderr}`).toMatch(
      /node_modules\/selfreview\/hooks\/hook\.sh is missing: install the project's dependencies \(`pnpm install`\): package\.json lists selfreview\./,
    );
    expect(repo.run(['doctor']).stdout).toMatch(
      /✖ node_modules\/selfreview\/hooks\/hook\.sh is installed\n {4}Install the project's dependencies \(`pnpm install`\): package\.json lists selfreview\.\n/,
    );
  });

  // FlowiseAI/Flowise: husky 8 set up by "postinstall": "husky install". init said so; doctor said
  // "Run `pnpm exec husky` (its prepare script does it on install)", a command husky 8 does not
  // have, naming a script the project does not use.
  test('husky 8 from a postinstall script: doctor says what init says, `husky install` and that script', () => {
    repo = createTempRepo({
      'package.json':
        '{\n  "name": "flowise",\n  "private": true,\n  "scripts": { "postinstall": "husky install" },\n  "devDependencies": { "husky": "^8.0.1" }\n}\n',
      'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n",
      'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
      '.husky/pre-commit': '#!/bin/sh\n. "$(dirname "$0")/_/husky.sh"\n\npnpm quick # prettify\n',
      'src/a.ts': lines(3),
    });
    const init = repo.run(['init']);
    const advice = 'Install the dependencies (its "postinstall" script runs husky), or run `pnpm exec husky install`.';
    expect(`${init.stdout}${init.stderr}`).toContain(`git runs none of its hooks here. ${advice}`);
    const doctor = repo.run(['doctor']).stdout;
    expect(doctor).toContain(`✖ core.hooksPath is (unset), not .husky\n    ${advice}\n`);
    expect(doctor).not.toMatch(/prepare script|`pnpm exec husky`/);
  });

  // linkwarden/linkwarden: yarn 4, no hook manager. init wrote .git/hooks and said nothing of
  // them being this clone's only; the project's committed config looked like a set-up team.
  test("git's own hooks folder: init says no clone shares it, unless a prepare script runs init", () => {
    const manifest = (scripts: string) =>
      `{\n  "name": "linkwarden",\n  "packageManager": "yarn@4.12.0",\n  "private": true,\n  "scripts": { ${scripts} }\n}\n`;
    repo = createTempRepo({ 'package.json': manifest('"test": "vitest"'), 'yarn.lock': '', 'src/a.ts': lines(3) });
    const first = repo.run(['init']);
    expect(first.stdout).toMatch(/Hooks: git's hooks folder \(\.git\/hooks\)\./);
    expect(`${first.stdout}${first.stderr}`).toMatch(
      /These hooks are in \.git\/hooks, which no clone shares: each clone runs `yarn selfreview init` once, or add "prepare": "selfreview init" to package\.json's scripts/,
    );
    repo.cleanup();
    repo = createTempRepo({ 'package.json': manifest('"prepare": "selfreview init"'), 'yarn.lock': '', 'src/a.ts': lines(3) });
    const prepared = repo.run(['init']);
    expect(prepared.stdout).toMatch(/created \.git\/hooks\/pre-commit/);
    expect(`${prepared.stdout}${prepared.stderr}`).not.toMatch(/no clone shares/);
  });

  // mswjs/interceptors keeps simple-git-hooks' config in a module, commitizen and commitlint in it.
  test('simple-git-hooks configured by a JavaScript module: its commands first, its options kept, the module never run', () => {
    const module = [
      'export default {',
      "  'prepare-commit-msg': `grep -qE '^[^#]' .git/COMMIT_EDITMSG || (exec < /dev/tty && pnpm cz --hook || true)`,",
      "  'commit-msg': 'pnpm commitlint --edit $1',",
      "  preserveUnused: ['pre-push'],",
      '}',
      "writeFileSync('ran.txt', 'the config ran')",
      '',
    ].join('\n');
    for (const [file, text] of [
      ['simple-git-hooks.js', `import { writeFileSync } from 'node:fs'\n${module}`],
      [
        '.simple-git-hooks.cjs',
        "const config = {\n  'commit-msg': 'pnpm commitlint --edit $1',\n  preserveUnused: true,\n}\nmodule.exports = config\n",
      ],
    ] as const) {
      const r = project({ [file]: text });
      const init = r.run(['init']);
      expect(init.code).toBe(1);
      expect(init.stdout).toContain(
        '"commit-msg": "pnpm commitlint --edit $1 && sh node_modules/selfreview/hooks/hook.sh commit-msg \\"$@\\""',
      );
      expect(init.stdout).toContain('"pre-commit": "sh node_modules/selfreview/hooks/hook.sh pre-commit"');
      if (file === 'simple-git-hooks.js') {
        expect(init.stdout).toContain(
          `"prepare-commit-msg": ${JSON.stringify('grep -qE \'^[^#]\' .git/COMMIT_EDITMSG || (exec < /dev/tty && pnpm cz --hook || true) && sh node_modules/selfreview/hooks/hook.sh prepare-commit-msg "$@"')}`,
        );
        expect(init.stdout).toContain(`"preserveUnused": ['pre-push']`);
      } else {
        expect(init.stdout).toContain('"preserveUnused": true');
      }
      expect(init.stderr).toContain(`${file} does not call selfreview from: pre-commit`);
      expect(existsSync(join(r.dir, 'ran.txt'))).toBe(false);
      expect(read(r, file)).toBe(text);
      r.cleanup();
    }
    // The printed lines in the config, the tool's apply command never run: git runs no review yet.
    const edited = project({ 'simple-git-hooks.js': 'export default {}\n' });
    const printed = edited.run(['init']).stdout;
    writeFileSync(
      join(edited.dir, 'simple-git-hooks.js'),
      `export default ${printed.slice(printed.indexOf('{'), printed.indexOf('\n}') + 2)}\n`,
    );
    const unapplied = edited.run(['init']);
    expect(unapplied.code).toBe(1);
    expect(unapplied.stderr).toMatch(
      /simple-git-hooks\.js calls selfreview, but git's pre-commit, .*, post-merge hooks do not yet: run `npx simple-git-hooks`/,
    );
    expect(edited.run(['doctor']).stdout).toMatch(
      /✖ pre-commit: simple-git-hooks\.js calls selfreview, but \.git\/hooks\/pre-commit does not yet/,
    );
    edited.cleanup();
    // Built when it runs: ours alone, and how to keep the project's own commands.
    const built = project({ 'simple-git-hooks.js': "module.exports = require('./hooks.json')\n" });
    const init = built.run(['init']);
    expect(init.stdout).toContain("// simple-git-hooks.js is built when it runs: keep each hook's own command first, then && and ours");
    expect(init.stdout).toContain('"commit-msg": "sh node_modules/selfreview/hooks/hook.sh commit-msg \\"$@\\""');
    built.cleanup();
  });

  // simple-git-hooks as in vite: the command already there stays first in the printed line.
  test('lefthook, simple-git-hooks, the pre-commit framework and husky 4: the exact lines, and no success until they are there', () => {
    for (const [files, file, needle] of [
      [
        { 'lefthook.yml': 'pre-commit:\n  commands:\n    lint:\n      run: npx eslint\n' },
        'lefthook.yml',
        'run: sh node_modules/selfreview/hooks/hook.sh pre-commit',
      ],
      [
        { 'package.json': '{"name":"app","simple-git-hooks":{"pre-commit":"npx lint-staged"}}\n' },
        'package.json',
        '"pre-commit": "npx lint-staged && sh node_modules/selfreview/hooks/hook.sh pre-commit"',
      ],
      [
        { '.pre-commit-config.yaml': 'repos: []\n' },
        '.pre-commit-config.yaml',
        'entry: sh node_modules/selfreview/hooks/hook.sh pre-commit',
      ],
      [
        { 'package.json': '{"name":"app","husky":{"hooks":{"pre-commit":"lint-staged"}}}\n' },
        'package.json',
        '"commit-msg": "sh node_modules/selfreview/hooks/hook.sh commit-msg $HUSKY_GIT_PARAMS"',
      ],
    ] as const) {
      const r = project(files);
      const before = readFileSync(join(r.dir, file), 'utf8');
      const init = r.run(['init']);
      expect(init.code).toBe(1);
      expect(init.stdout).toContain(needle);
      expect(init.stderr).toMatch(new RegExp(`${file.replace('.', '\\.')} does not call selfreview from: pre-commit`));
      expect(readFileSync(join(r.dir, file), 'utf8')).toBe(before);
      expect(existsSync(join(r.dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
      expect(r.run(['doctor']).stdout).toMatch(/✖ .* does not call selfreview from pre-commit/);
      r.cleanup();
    }
  });

  // webiny: husky 4 in package.json runs lint-staged before a commit and commitlint on its message.
  // The lines init printed held ours alone: pasted as told, they dropped both.
  // webiny, pasting init's husky block by hand: a stray comma, and init set up git's hooks folder
  // as if the project had no hook manager (its husky, once package.json parsed again, would run none).
  test('a package.json that does not parse: one line saying so, and nothing set up', () => {
    const r = project({ 'package.json': '{\n  "name": "app",,\n  "devDependencies": { "husky": "^9.0.0" }\n}\n' });
    const init = r.run(['init']);
    expect(init.code).toBe(2);
    expect(init.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^selfreview: .*package\.json is not valid JSON \(.*\): init reads/),
    ]);
    expect(existsSync(join(r.dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
    expect(existsSync(join(r.dir, '.selfreviewrc.json'))).toBe(false);
    r.cleanup();
  });

  // husky 4 installed its hook scripts, its config elsewhere (a package.json that did not parse,
  // a .huskyrc): init added its block after the script's `. husky.sh`, whose runner exits first;
  // doctor then said every hook calls selfreview, and none ever did.
  test("husky 4's own hook scripts are husky 4's: the lines for its config, in its .huskyrc, the scripts left alone", () => {
    const r = project({ '.huskyrc.json': '{ "hooks": { "pre-commit": "npm test" } }\n' });
    const script =
      '#!/bin/sh\n# husky\n\n# Created by Husky v4.3.8 (https://github.com/typicode/husky#readme)\n\n. "$(dirname "$0")/husky.sh"\n';
    // husky 4 writes a script for every hook git knows.
    for (const name of ['pre-commit', 'prepare-commit-msg', 'commit-msg', 'post-commit', 'post-merge']) {
      writeFileSync(join(r.dir, '.git', 'hooks', name), script);
      chmodSync(join(r.dir, '.git', 'hooks', name), 0o755);
    }
    const init = r.run(['init']);
    expect(init.code).toBe(1);
    expect(init.stdout).toContain('Hooks: husky 4');
    expect(readFileSync(join(r.dir, '.git', 'hooks', 'pre-commit'), 'utf8')).toBe(script);
    expect(r.run(['doctor']).stdout).toMatch(/✖ .* does not call selfreview from pre-commit/);
    // The lines go where husky reads them, its own command first: a `husky` key in package.json
    // would hide the .huskyrc.json and its `npm test`.
    expect(init.stderr).toMatch(/\.huskyrc\.json does not call selfreview from: pre-commit/);
    const block = /^\{\n {2}"hooks": \{[\s\S]*?\n\}$/m.exec(init.stdout)?.[0];
    const printed = JSON.parse(block!) as { hooks: Record<string, string> };
    expect(printed.hooks['pre-commit']).toBe('npm test && sh node_modules/selfreview/hooks/hook.sh pre-commit');
    writeFileSync(join(r.dir, '.huskyrc.json'), `${block}\n`);
    const again = r.run(['init']);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(readFileSync(join(r.dir, 'package.json'), 'utf8')).not.toContain('husky');
    r.cleanup();
  });

  test("husky 4: the printed hooks keep the project's own commands first, and pasted they set it up", () => {
    const hooks = {
      'pre-commit': 'yarn lint-staged && yarn adio',
      'commit-msg': 'commitlint -E HUSKY_GIT_PARAMS',
      'pre-push': 'yarn test',
    };
    const r = project({ 'package.json': `${JSON.stringify({ name: 'app', husky: { hooks } }, null, 2)}\n` });
    const init = r.run(['init']);
    expect(init.code).toBe(1);
    const block = /"husky": \{[\s\S]*?\n\}/.exec(init.stdout)?.[0];
    const printed = (JSON.parse(`{${block}}`) as { husky: { hooks: Record<string, string> } }).husky.hooks;
    expect(printed['pre-commit']).toBe('yarn lint-staged && yarn adio && sh node_modules/selfreview/hooks/hook.sh pre-commit');
    expect(printed['commit-msg']).toBe(
      'commitlint -E HUSKY_GIT_PARAMS && sh node_modules/selfreview/hooks/hook.sh commit-msg $HUSKY_GIT_PARAMS',
    );
    expect(printed['pre-push']).toBe('yarn test');
    expect(printed['post-merge']).toBe('sh node_modules/selfreview/hooks/hook.sh post-merge');
    // Pasted over the old block, as init says: nothing is missing, and printed again nothing doubles.
    const json = JSON.parse(readFileSync(join(r.dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(r.dir, 'package.json'), `${JSON.stringify({ ...json, husky: { hooks: printed } }, null, 2)}\n`);
    expect(r.run(['doctor']).stdout).not.toMatch(/does not call selfreview/);
    expect(r.run(['init']).stderr).not.toMatch(/does not call selfreview/);
    r.cleanup();
  });
});
