import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from '@jest/globals';
import { createTempRepo, linkSelfreview, lines, type TempRepo } from '../helpers/temp-repo.js';

// Advice that works when followed literally: in a pnpm project every command init, doctor and a
// rejection print says `pnpm exec selfreview`; init says how to adopt on existing history;
// doctor names a commitlint config and says it is compatible.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

test('a pnpm project with commitlint: init, doctor and a rejection print commands in its form', () => {
  repo = createTempRepo({
    'package.json': JSON.stringify({ name: 'app', private: true, packageManager: 'pnpm@9.12.0' }),
    'commitlint.config.js': "export default { extends: ['@commitlint/config-conventional'] };\n",
    'src/a.ts': lines(3),
  });
  linkSelfreview(repo.dir);
  const init = repo.run(['init']);
  expect(init.stderr).toBe('');
  expect(init.stdout).toMatch(/`pnpm exec selfreview doctor` checks the setup/);
  expect(init.stdout).toMatch(/Existing history: add "since": "\d{4}-\d{2}-\d{2}" under "ci"/);
  expect(init.stdout).not.toMatch(/npx selfreview/);
  const doctor = repo.run(['doctor']);
  expect(doctor.stdout).toMatch(/✔ commitlint \(commitlint\.config\.js\): compatible/);
  expect(doctor.stdout).not.toMatch(/npx selfreview/);

  // mswjs/interceptors' rule: a warning on every footer line (commitlint 21 warned on each review's).
  writeFileSync(
    join(repo.dir, 'commitlint.config.js'),
    "export default {\n  extends: ['@commitlint/config-conventional'],\n  rules: {\n    'footer-max-line-length': [1, 'always'],\n  },\n}\n",
  );
  const warned = repo.run(['doctor']).stdout;
  expect(warned).toMatch(
    /✔ commitlint \(commitlint\.config\.js\): its footer-max-line-length is 0: it warns on every reviewed commit .*; set 'footer-max-line-length': \[1, 'always', 100\] in commitlint\.config\.js/,
  );
  // A limit that refuses the review's lines fails the check, with the line to write.
  writeFileSync(join(repo.dir, 'commitlint.config.js'), "export default { rules: { 'footer-max-line-length': [2, 'always', 72] } };\n");
  const refused = repo.run(['doctor']);
  expect(refused.stdout).toMatch(
    /✖ commitlint \(commitlint\.config\.js\): its footer-max-line-length is 72: it refuses every reviewed commit/,
  );
  expect(refused.stdout).toMatch(/set 'footer-max-line-length': \[2, 'always', 100\] in commitlint\.config\.js/);
  expect(refused.code).toBe(1);

  repo.stage({ 'src/big.ts': lines(300, 'big'), 'docs/guide.md': lines(300, 'doc'), 'test/big.test.ts': lines(300, 'test') });
  const rejected = repo.run(['--dry-run', '--no-impact']);
  expect(rejected.stdout).toMatch(/Verdict: rejected/);
  expect(rejected.stdout).toMatch(/`pnpm exec selfreview split`/);
  expect(rejected.stdout).not.toMatch(/\b1 files\b|\b1 lines\b/);
});

test('--help of the program and each command: two examples and its doc', () => {
  repo = createTempRepo({ 'a.ts': lines(1) });
  for (const command of ['', 'init', 'uninstall', 'doctor', 'show', 'log', 'ci', 'push-notes', 'review-commit', 'split', 'impact']) {
    const help = repo.run(command === '' ? ['--help'] : [command, '--help']).stdout;
    const examples = help.slice(help.indexOf('Examples:'));
    expect([
      command,
      examples.split('\n').filter((l) => l.startsWith('  $ selfreview') || l.startsWith('  $ npx') || l.startsWith('  $ yarn')).length,
    ]).toEqual([command, 2]);
    expect(help).toMatch(/Docs: docs\/[a-z-]+\.md/);
  }
});

test('a pnpm project: the missing terminal, doctor before init and the simple-git-hooks lines name pnpm exec, never npx', () => {
  repo = createTempRepo({
    'package.json': JSON.stringify({ name: 'app', private: true, packageManager: 'pnpm@9.12.0' }),
    'src/a.ts': lines(3),
  });
  linkSelfreview(repo.dir);
  // Before init, doctor's fix for the missing hooks.
  const doctor = repo.run(['doctor']);
  expect(doctor.stdout).toMatch(/Run `pnpm exec selfreview init`/);
  expect(doctor.stdout).not.toMatch(/npx/);

  // No terminal: the way on, as this project runs it (from the hook and from a shell).
  repo.stage({ 'src/a.ts': lines(5) });
  for (const env of [{}, { SELFREVIEW_HOOK: 'pre-commit' }]) {
    const review = repo.run([], { env });
    expect(review.code).toBe(1);
    expect(review.stderr).toMatch(/No terminal for the questionnaire.*run `pnpm exec selfreview` in a terminal first/);
    expect(review.stderr).not.toMatch(/npx/);
  }

  // simple-git-hooks, configured in package.json: the command that installs the printed lines.
  repo.write({
    'package.json': JSON.stringify({
      name: 'app',
      private: true,
      packageManager: 'pnpm@9.12.0',
      'simple-git-hooks': { 'pre-commit': 'pnpm exec lint-staged' },
    }),
  });
  const init = repo.run(['init']);
  expect(init.stderr).toMatch(/then run `pnpm exec simple-git-hooks`/);
  expect(`${init.stdout}${init.stderr}`).not.toMatch(/npx/);
  // doctor prints the same lines, one per line, as they are to be pasted (wevm/wagmi's setup).
  const after = repo.run(['doctor']).stdout;
  expect(after).toMatch(/^ {4}Add these lines to package\.json, then run `pnpm exec simple-git-hooks`:$/m);
  expect(after).toMatch(/^ {6}"pre-commit": "pnpm exec lint-staged && sh node_modules\/selfreview\/hooks\/hook\.sh pre-commit",$/m);
  expect(after).not.toMatch(/\\n/);
});

test('a stray lock file of another manager: init speaks the manager the scripts run', () => {
  // appwrite/console, spring 2026: bun.lock and a pnpm-lock.yaml an agent added, every script `bun run …`.
  repo = createTempRepo({
    'package.json': JSON.stringify({
      name: 'console',
      private: true,
      scripts: { build: 'bun run build.js', tests: 'bun run test:unit && bun run test:e2e', 'test:unit': 'vitest run' },
    }),
    'bun.lock': '{}\n',
    'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
    'src/a.ts': lines(3),
  });
  linkSelfreview(repo.dir);
  const init = repo.run(['init']);
  expect(init.stderr).toBe('');
  expect(init.stdout).toMatch(/`bunx selfreview doctor` checks the setup/);
  expect(init.stdout).not.toMatch(/pnpm exec|npx selfreview/);
});
