import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { createTempRepo, lines, type TempRepo } from '../helpers/temp-repo.js';
import { reviewJson, runUnchanged, type JsonReport } from '../helpers/review-run.js';

// Bad input gets one clear line and the right exit code: never a stack trace, never a hang.

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('where there is nothing to review', () => {
  test('not a git repository', () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'selfreview-norepo-')));
    try {
      repo = createTempRepo();
      const result = repo.run([], { cwd: dir, env: { GIT_CEILING_DIRECTORIES: tmpdir() } });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe('selfreview: Not inside a git repository: run selfreview from a repository with a staged change.\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a bare repository', () => {
    repo = createTempRepo({}, { bare: true });
    const result = repo.run();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^selfreview: This is a bare repository/);
    noStack(result.stderr);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('no git on PATH', () => {
    repo = createTempRepo({ 'a.ts': 'x\n' });
    repo.stage({ 'a.ts': 'y\n' });
    const result = runUnchanged(repo, [], { env: { PATH: '/nonexistent' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('selfreview: git was not found on PATH: install git, then try again.\n');
    const debug = runUnchanged(repo, ['--debug'], { env: { PATH: '/nonexistent' } });
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/GitError: git was not found on PATH.*\n\s+at /);
    // The CLI runs from its bundle; its source maps make the stack name our source files.
    expect(debug.stderr).toMatch(/\n\s+at .*\bsrc\/adapters\/git\/git-client\.ts:\d+:\d+/);
  });

  test('--debug adds the stack and the git commands with timings', () => {
    repo = createTempRepo({ 'a.ts': 'x\n' });
    repo.write({ '.selfreviewrc.json': '{"budgets": 3}' });
    const result = runUnchanged(repo, ['--debug']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/selfreview \+\d+ms git rev-parse .* \(\d+ms\)/);
    expect(result.stderr).toMatch(/ConfigError: \.selfreviewrc\.json has 1 problem\n\s+at /);
  });
});

describe('big and odd changes', () => {
  test('a 100,000-line staged file is measured and rejected without hanging', () => {
    repo = createTempRepo({ 'a.ts': 'x\n' });
    repo.stage({ 'huge.sql': lines(100_000, 'INSERT INTO t VALUES') });
    const before = repo.snapshot();
    // A generous bound proves "no hang"; the speed itself is npm run bench's (review --huge).
    const { code, stdout } = repo.run(['--json'], { timeoutMs: 60_000 });
    expect(repo.snapshot()).toEqual(before);
    const report = JSON.parse(stdout) as JsonReport;
    expect(code).toBe(1);
    expect(report.totals.added).toBe(100_000);
  });

  test('a change of thousands of files lists the heaviest and says how many more', () => {
    repo = createTempRepo({ 'a.ts': 'x\n' });
    const tree: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) tree[`gen/part${Math.floor(i / 100)}/f${i}.ts`] = `export const v${i} = ${i};\n`;
    repo.write(tree);
    repo.git(['add', 'gen']);
    const text = runUnchanged(repo);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/… and 2960 more files \(--json lists all\)/);
    expect(reviewJson(repo).report.files).toHaveLength(3000);
  });
});

describe('the command line', () => {
  test('--help, --version, unknown flags', () => {
    repo = createTempRepo({ 'a.ts': 'x\n' });
    repo.stage({ 'a.ts': 'y\n' });
    const help = runUnchanged(repo, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: selfreview/);
    expect(help.stdout).toMatch(/--dry-run/);
    const version = runUnchanged(repo, ['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const unknown = runUnchanged(repo, ['--frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/unknown option '--frobnicate'/);
    noStack(unknown.stderr);
  });

  test('--dry-run --json prints one document and writes nothing', () => {
    repo = createTempRepo({ 'a.ts': 'x\n' });
    repo.stage({ 'a.ts': 'y\n' });
    const { code, report } = reviewJson(repo, ['--dry-run']);
    expect(code).toBe(0);
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining(['version', 'verdict', 'reasons', 'provenance', 'budget', 'totals', 'files']),
    );
  });
});
