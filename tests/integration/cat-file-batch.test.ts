import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from '@jest/globals';
import { openCatFileBatch } from '../../src/adapters/git/cat-file-batch.js';
import { openRepository } from '../../src/adapters/git/git-client.js';
import { createLogger } from '../../src/adapters/log/logger.js';
import { testEnv } from '../helpers/env.js';
import { spawnWithoutTerminal } from '../helpers/no-terminal.js';
import { createTempRepo, lines, PROJECT_ROOT, type TempRepo } from '../helpers/temp-repo.js';

// `ci` over a range keeps one `git cat-file --batch` open for its blob and tree reads (each spawn
// of a process holding a range's graph cost ~40 ms of CPU on botpress). The answers must be the
// one-shot reader's, in order, across calls, however large a blob; and the process must never keep
// node alive.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const blobOf = (r: TempRepo, rev: string) => r.git(['rev-parse', rev]).trim();

test('answers each call in order, a large blob whole, missing and non-blob names as null', async () => {
  // ~300 KB: its body arrives in several chunks of the pipe.
  const large = lines(20000, 'a long line of the large file');
  repo = createTempRepo({ 'src/a.ts': lines(3), 'src/large.ts': large, 'src/b c.ts': 'export const b = 1\n' });
  const tree = blobOf(repo, 'HEAD^{tree}');
  const batch = openCatFileBatch(repo.dir, testEnv());
  try {
    const first = await batch.read([blobOf(repo, 'HEAD:src/a.ts'), `${tree}:src/large.ts`]);
    expect(first).toEqual([
      [blobOf(repo, 'HEAD:src/a.ts'), lines(3)],
      [blobOf(repo, 'HEAD:src/large.ts'), large],
    ]);
    const second = await Promise.all([
      batch.read([`${tree}:src/b c.ts`, `${tree}:src/none.ts`, tree]),
      batch.read(['0'.repeat(40), `${tree}:src/a.ts`]),
    ]);
    expect(second).toEqual([
      [
        [blobOf(repo, 'HEAD:src/b c.ts'), 'export const b = 1\n'],
        [`${tree}:src/none.ts`, null],
        [tree, null],
      ],
      [
        ['0'.repeat(40), null],
        [blobOf(repo, 'HEAD:src/a.ts'), lines(3)],
      ],
    ]);
    expect(await batch.read([])).toEqual([]);
  } finally {
    batch.close();
  }
});

test("the client's blob and tree reads through a batch kept open equal the one-shot ones", async () => {
  repo = createTempRepo({ 'src/a.ts': lines(3), 'src/b.ts': lines(5, 'b') });
  const tree = blobOf(repo, 'HEAD^{tree}');
  const ids = [blobOf(repo, 'HEAD:src/a.ts'), blobOf(repo, 'HEAD:src/b.ts'), '1'.repeat(40)];
  const logger = createLogger(false);
  const [kept, once] = await Promise.all([openRepository(repo.dir, logger, { keepReadsOpen: true }), openRepository(repo.dir, logger)]);
  expect(await kept.readBlobs(ids)).toEqual(await once.readBlobs(ids));
  expect(await kept.readTreeTexts(tree, ['src/a.ts', 'src/none.ts'])).toEqual(await once.readTreeTexts(tree, ['src/a.ts', 'src/none.ts']));
  expect((await kept.readBlobs(ids)).size).toBe(2);
});

test('an open batch never keeps node alive: the process exits after its last read', () => {
  repo = createTempRepo({ 'src/a.ts': lines(3) });
  const blob = blobOf(repo, 'HEAD:src/a.ts');
  const script = [
    `const { openCatFileBatch } = await import(${JSON.stringify(`${PROJECT_ROOT}/dist/adapters/git/cat-file-batch.js`)});`,
    `const batch = openCatFileBatch(process.cwd(), process.env);`,
    `const [[, text]] = await batch.read([${JSON.stringify(blob)}]);`,
    `process.stdout.write(text.split('\\n')[0]);`,
  ].join('\n');
  // Built: the suite's build step (npm test) writes dist/ first.
  execFileSync('test', ['-f', `${PROJECT_ROOT}/dist/adapters/git/cat-file-batch.js`]);
  const run = spawnWithoutTerminal('node', ['--input-type=module', '-e', script], {
    cwd: repo.dir,
    env: testEnv(),
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.error).toBeUndefined();
  expect(run.status).toBe(0);
  expect(run.stdout).toBe('line 1');
});

// A warm `impact` and review read blobs two and three times (the change model's manifests, the
// blast radius's changed files, then its manifests and tsconfigs): one cat-file for all of them,
// not one spawn each (~4 ms of a warm run's CPU a spawn; docs/speed.md, round 52). Counted as git
// is started: a `git` first on PATH that logs its subcommand and runs the real one.
test('a warm impact and a warm review read every blob through one git cat-file', () => {
  const manifest = (version: string) => `${JSON.stringify({ name: 'app', version, dependencies: { left: version } }, null, 2)}\n`;
  const tsconfig = (strict: boolean) => `${JSON.stringify({ compilerOptions: { strict, baseUrl: '.' } }, null, 2)}\n`;
  repo = createTempRepo(
    {
      'package.json': manifest('1.0.0'),
      'tsconfig.json': tsconfig(false),
      'src/a.ts': 'export function area(r: number): number {\n  return r * r;\n}\n',
      'src/b.ts': "import { area } from './a';\nexport const unit = area(1);\n",
      'src/c.js': 'module.exports = 1;\n',
    },
    { commit: true },
  );
  const bin = mkdtempSync(join(tmpdir(), 'selfreview-git-log-'));
  try {
    const log = join(bin, 'log');
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { env: testEnv(), encoding: 'utf8' }).trim();
    writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$1" >> '${log}'\nexec '${realGit}' "$@"\n`);
    chmodSync(join(bin, 'git'), 0o755);
    const env = { PATH: `${bin}:${testEnv().PATH}` };
    expect(repo.run(['impact', '--json']).code).toBe(0); // fills the saved graph
    repo.stage({
      'package.json': manifest('1.1.0'),
      'tsconfig.json': tsconfig(true),
      'src/a.ts': 'export function area(r: number, scale = 1): number {\n  return r * r * scale;\n}\n',
      'src/c.js': 'module.exports = 2;\n',
    });
    const catFiles = (args: string[]) => {
      writeFileSync(log, '');
      const run = repo.run(args, { env });
      expect(run.code).toBe(0);
      const started = readFileSync(log, 'utf8').split('\n');
      expect(started).toContain('diff-index'); // the wrapper was the git that ran
      return started.filter((name) => name === 'cat-file').length;
    };
    expect(catFiles(['impact', '--json'])).toBe(1);
    expect(catFiles(['--dry-run', '--json'])).toBe(1);
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
});
