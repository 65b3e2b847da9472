import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { expectCleanFailure, makeFifo, runBounded } from '../helpers/hostile.js';
import { createTempRepo, lines, type TempRepo, type WorkSnapshot } from '../helpers/temp-repo.js';

// Config and answers files that are not what they claim: devices, FIFOs, huge files, links to
// secrets. Each used to hang (2-3 GB), run out of memory, or print the secret; each must now
// end by itself with exit 2 and one line, leaving index, working tree, stash and refs as they were.

// Generous: a hang is caught by runBounded's own deadline; a loaded machine is slow.
jest.setTimeout(90_000);

let repo: TempRepo;
let before: WorkSnapshot;
const SECRET = 'GITHUB_TOKEN=ghp_s3cr3tvalue0123456789';
const outside = join(tmpdir(), `selfreview-secret-${process.pid}`);

beforeAll(() => {
  repo = createTempRepo({ 'src/a.ts': 'export const a = 1;\n', 'docs/guide.md': lines(3) });
  repo.stage({ 'docs/guide.md': lines(6) });
  writeFileSync(outside, `${SECRET}\n`);
  before = repo.snapshot();
});
afterAll(() => {
  repo?.cleanup();
  rmSync(outside, { force: true });
});
afterEach(() => {
  for (const name of ['.selfreviewrc.json', '.selfreviewrc.yaml', 'pipe', 'answers.json'])
    rmSync(join(repo.dir, name), { force: true, recursive: true });
  expect(repo.snapshot()).toEqual(before);
});

const noSecret = (text: string) => expect(text).not.toMatch(/GITHUB_TOK|ghp_|s3cr3t/);

describe('config files that are not small regular files', () => {
  test.each([
    [
      'a link to /dev/zero',
      () => symlinkSync('/dev/zero', join(repo.dir, '.selfreviewrc.json')),
      /Cannot read \.selfreviewrc\.json: it is a symbolic link to a file outside the repository\.$/m,
    ],
    [
      'a FIFO',
      () => makeFifo(join(repo.dir, '.selfreviewrc.json')),
      /Cannot read \.selfreviewrc\.json: it is a named pipe \(FIFO\), not a file\.$/m,
    ],
    [
      'a link to a FIFO in the repository',
      () => (makeFifo(join(repo.dir, 'pipe')), symlinkSync('pipe', join(repo.dir, '.selfreviewrc.yaml'))),
      /Cannot read \.selfreviewrc\.yaml: it is a named pipe \(FIFO\), not a file\.$/m,
    ],
    ['a folder', () => mkdirSync(join(repo.dir, '.selfreviewrc.json')), /Cannot read \.selfreviewrc\.json: it is a folder, not a file\.$/m],
  ])('%s: refused at once', async (_name, make, message) => {
    make();
    const run = await runBounded(repo.dir, ['--dry-run']);
    expectCleanFailure(run, 2, message);
  });

  test('--config /dev/zero and --config naming a FIFO: refused at once', async () => {
    expectCleanFailure(
      await runBounded(repo.dir, ['--config', '/dev/zero']),
      2,
      /^selfreview: config error: Cannot read \/dev\/zero: it is a device, not a file\.$/m,
    );
    makeFifo(join(repo.dir, 'pipe'));
    expectCleanFailure(
      await runBounded(repo.dir, ['--config', 'pipe']),
      2,
      /Cannot read pipe: it is a named pipe \(FIFO\), not a file\.$/m,
    );
  });

  test('a 50 MB YAML config and a 2 MB JSON glob list: refused with the limit named, no out-of-memory', async () => {
    writeFileSync(join(repo.dir, '.selfreviewrc.yaml'), `exclude:\n${'  - "generated/deep/**/*.ts"\n'.repeat(1_900_000)}`);
    expectCleanFailure(
      await runBounded(repo.dir, ['--dry-run']),
      2,
      /Cannot read \.selfreviewrc\.yaml: it is larger than the 1 MiB limit\.$/m,
    );
    rmSync(join(repo.dir, '.selfreviewrc.yaml'));
    writeFileSync(
      join(repo.dir, '.selfreviewrc.json'),
      JSON.stringify({ exclude: Array.from({ length: 80_000 }, (_, i) => `generated/${i}/**`) }),
    );
    expectCleanFailure(
      await runBounded(repo.dir, ['--dry-run']),
      2,
      /Cannot read \.selfreviewrc\.json: it is larger than the 1 MiB limit\.$/m,
    );
  });
});

describe('nothing of a secret reaches the output', () => {
  test('a config linked to a file outside the repository is not read', async () => {
    symlinkSync(outside, join(repo.dir, '.selfreviewrc.json'));
    const run = await runBounded(repo.dir, ['--dry-run']);
    expectCleanFailure(run, 2, /outside the repository/);
    noSecret(run.stderr + run.stdout);
  });

  test('--config naming a secrets file: the parse error gives line and column, not the text', async () => {
    for (const [args, message] of [
      [['--config', outside], /is not valid JSON: line 1, column 1: invalid symbol$/m],
      [['--config', `${outside}.yaml`], /is not valid YAML: line \d+, column \d+: [a-z ]+$/m],
    ] as const) {
      if (args[1].endsWith('.yaml')) writeFileSync(args[1], `token: "${SECRET}\nother: [unclosed\n`);
      const run = await runBounded(repo.dir, [...args]);
      rmSync(`${outside}.yaml`, { force: true });
      expectCleanFailure(run, 2, message);
      noSecret(run.stderr + run.stdout);
    }
  });
});

describe('config text that used to be rejected', () => {
  test('a JSON config with a UTF-8 byte order mark is read', async () => {
    writeFileSync(join(repo.dir, '.selfreviewrc.json'), `\uFEFF${JSON.stringify({ budgets: { human: { lines: 2 } } })}`);
    const run = await runBounded(repo.dir, ['--dry-run', '--json', '--no-impact']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ config: '.selfreviewrc.json', budget: { lines: 2 } });
  });
});

describe('answers files that are not small regular files', () => {
  test.each([
    [
      'SELFREVIEW_ANSWERS naming a FIFO',
      () => (makeFifo(join(repo.dir, 'pipe')), { env: { SELFREVIEW_ANSWERS: 'pipe' }, args: [] }),
      /Cannot read the answers file pipe: it is a named pipe \(FIFO\), not a file\.$/m,
    ],
    [
      'SELFREVIEW_ANSWERS=/dev/zero',
      () => ({ env: { SELFREVIEW_ANSWERS: '/dev/zero' }, args: [] }),
      /Cannot read the answers file \/dev\/zero: it is a device, not a file\.$/m,
    ],
    [
      '--answers naming a folder',
      () => (mkdirSync(join(repo.dir, 'answers.json')), { env: {}, args: ['--answers', 'answers.json'] }),
      /Cannot read the answers file answers\.json: it is a folder, not a file\.$/m,
    ],
    [
      '--answers of 2 MB',
      () => (
        writeFileSync(join(repo.dir, 'answers.json'), JSON.stringify({ intent: 'x'.repeat(2 * 1024 * 1024) })),
        { env: {}, args: ['--answers', 'answers.json'] }
      ),
      /larger than the 1 MiB limit\.$/m,
    ],
  ])('%s: refused at once', async (_name, make, message) => {
    const { env, args } = make();
    const run = await runBounded(repo.dir, ['--no-impact', ...args], { env });
    expectCleanFailure(run, 2, message);
  });

  test('an answers file linked to a secret: a parse error does not quote it', async () => {
    symlinkSync(outside, join(repo.dir, 'answers.json'));
    const run = await runBounded(repo.dir, ['--no-impact', '--answers', 'answers.json']);
    expectCleanFailure(run, 2, /The answers file answers\.json is not valid JSON: line 1, column 1: invalid symbol$/m);
    noSecret(run.stderr + run.stdout);
  });
});

describe('an unreadable package.json', () => {
  test('a package.json that is a FIFO is refused, not waited on', async () => {
    const pkg = join(repo.dir, 'package.json');
    makeFifo(pkg);
    try {
      expectCleanFailure(await runBounded(repo.dir, ['--dry-run']), 2, /Cannot read package\.json: it is a named pipe/m);
    } finally {
      rmSync(pkg, { force: true });
    }
  });

  test('a config the user cannot read (not root)', async () => {
    if (process.getuid?.() === 0) return; // root reads any file
    writeFileSync(join(repo.dir, '.selfreviewrc.json'), '{}');
    chmodSync(join(repo.dir, '.selfreviewrc.json'), 0o000);
    expectCleanFailure(await runBounded(repo.dir, ['--dry-run']), 2, /Cannot read \.selfreviewrc\.json: permission denied\.$/m);
  });
});

describe('a hook script that is not a file', () => {
  test('init and doctor refuse a pre-commit hook that is a FIFO instead of waiting on it', async () => {
    const hook = join(repo.dir, '.git', 'hooks', 'pre-commit');
    mkdirSync(join(repo.dir, '.git', 'hooks'), { recursive: true });
    makeFifo(hook);
    try {
      for (const command of ['init', 'doctor']) {
        const run = await runBounded(repo.dir, [command]);
        expect(run.isHung).toBe(false);
        expect(run.code).not.toBe(0);
        expect(run.stderr + run.stdout).toMatch(/pre-commit: it is a named pipe/);
        expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      }
    } finally {
      rmSync(hook, { force: true });
    }
  });
});
