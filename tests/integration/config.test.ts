import { chmodSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { createTempRepo, lines, type TempRepo } from '../helpers/temp-repo.js';
import { reviewJson, runUnchanged } from '../helpers/review-run.js';

// Config from each of its places, validated with every problem listed once, exit 2.

let repo: TempRepo;
afterEach(() => repo?.cleanup());

const smallBudget = { budgets: { human: { lines: 5, files: 1 } } };

describe('where the config comes from', () => {
  // One staged change, each config place in turn (removed after): the impact cache stays warm.
  let shared: TempRepo;
  beforeAll(() => {
    shared = createTempRepo({ 'a.ts': lines(3) });
    shared.stage({ 'a.ts': lines(10) });
  });
  afterAll(() => shared?.cleanup());

  test.each([
    ['.selfreviewrc.json', JSON.stringify(smallBudget)],
    ['.selfreviewrc.yaml', 'budgets:\n  human:\n    lines: 5\n    files: 1\n'],
    ['.selfreviewrc.yml', 'budgets: { human: { lines: 5, files: 1 } }\n'],
    ['selfreview.config.json', JSON.stringify(smallBudget)],
    ['package.json', JSON.stringify({ name: 'x', selfreview: smallBudget })],
  ])('%s', (name, content) => {
    shared.write({ [name]: content });
    try {
      const { code, report } = reviewJson(shared);
      expect(code).toBe(1);
      expect(report.budget).toMatchObject({ lines: 5, files: 1, kind: 'human' });
      expect(report.config).toBe(name === 'package.json' ? 'package.json#selfreview' : name);
    } finally {
      rmSync(join(shared.dir, name));
    }
  });

  test('--config names a file anywhere; a package.json without the key means defaults', () => {
    repo = createTempRepo({ 'a.ts': lines(3), 'package.json': '{"name":"x"}' });
    repo.write({ 'conf/review.yaml': 'budgets:\n  human: { lines: 2 }\n' });
    repo.stage({ 'a.ts': lines(6) });
    expect(reviewJson(repo).report.budget.lines).toBe(400);
    const { code, report } = reviewJson(repo, ['--config', 'conf/review.yaml']);
    expect(code).toBe(1);
    expect(report.budget).toMatchObject({ lines: 2, files: 25 });
  });
});

describe('invalid config', () => {
  test('every problem is listed with its dotted path, exit 2, no stack', () => {
    repo = createTempRepo({ 'a.ts': lines(3) });
    repo.write({
      '.selfreviewrc.json': JSON.stringify({
        budgets: { human: { lines: -3, file: 2 }, ai: { files: 'ten' } },
        provenance: { assume: 'robot' },
        colour: true,
      }),
    });
    const result = runUnchanged(repo);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/config error: \.selfreviewrc\.json has 5 problems/);
    for (const path of ['budgets.human.lines', 'budgets.human', 'budgets.ai.files', 'provenance.assume', '(top level)']) {
      expect(result.stderr).toContain(`- ${path}:`);
    }
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test('an invalid config in each place: every problem with its dotted path, exit 2, nothing on stdout', () => {
    repo = createTempRepo({ 'a.ts': lines(3) });
    repo.stage({ 'a.ts': lines(5) });
    const bad = { budgets: { ai: { lines: 'many' }, paths: [{ match: 'docs/**', human: { hunks: 0 } }] }, exclude: 7 };
    const yaml = 'budgets:\n  ai:\n    lines: many\n  paths:\n    - match: docs/**\n      human: { hunks: 0 }\nexclude: 7\n';
    const places: Array<[string, string, string, string[]]> = [
      ['.selfreviewrc.yaml', yaml, '.selfreviewrc.yaml', []],
      ['selfreview.config.json', JSON.stringify(bad), 'selfreview.config.json', []],
      ['package.json', JSON.stringify({ name: 'x', selfreview: bad }), 'package.json#selfreview', []],
      ['conf/review.json', JSON.stringify(bad), 'conf/review.json', ['--config', 'conf/review.json']],
    ];
    for (const [file, content, display, args] of places) {
      repo.write({ [file]: content });
      const result = runUnchanged(repo, args);
      expect({ file, code: result.code, stdout: result.stdout }).toEqual({ file, code: 2, stdout: '' });
      expect(result.stderr).toContain(`config error: ${display} has 3 problems`);
      for (const path of ['budgets.ai.lines', 'budgets.paths.0.human.hunks', 'exclude']) expect(result.stderr).toContain(`\n  - ${path}: `);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      repo.git(['rm', '-q', '--cached', '--ignore-unmatch', '--', file]);
      rmSync(join(repo.dir, file));
    }
  });

  test.each([
    ['.selfreviewrc.json', '{ "budgets": ', /\.selfreviewrc\.json is not valid JSON/],
    ['.selfreviewrc.yaml', 'budgets:\n  human: [\n', /\.selfreviewrc\.yaml is not valid YAML/],
  ])('corrupt %s: one clear line', (name, content, message) => {
    repo = createTempRepo({ 'a.ts': lines(3) });
    repo.write({ [name]: content });
    const result = runUnchanged(repo);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('an unreadable config file and a missing --config file', () => {
    repo = createTempRepo({ 'a.ts': lines(3) });
    repo.write({ '.selfreviewrc.json': '{}' });
    const missing = runUnchanged(repo, ['--config', 'nope.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Config file not found: nope\.json/);
    if (process.getuid?.() === 0) return; // root reads any file: the permission case cannot be made
    chmodSync(join(repo.dir, '.selfreviewrc.json'), 0o000);
    const unreadable = runUnchanged(repo);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toMatch(/Cannot read .*\.selfreviewrc\.json/);
  });

  test('a broken symbolic link and a link loop are reported, not silently replaced by the defaults', () => {
    repo = createTempRepo({ 'a.ts': lines(3) });
    repo.stage({ 'a.ts': lines(5) });
    repo.write({ '.selfreviewrc.json': { symlink: 'shared/missing.json' } });
    const dangling = runUnchanged(repo);
    expect(dangling.code).toBe(2);
    expect(dangling.stderr).toBe(
      'selfreview: config error: Cannot read .selfreviewrc.json: it is a symbolic link to a file that does not exist.\n',
    );
    repo.write({ '.selfreviewrc.json': { symlink: '.selfreviewrc.json' } });
    const loop = runUnchanged(repo);
    expect(loop.code).toBe(2);
    expect(loop.stderr).toBe('selfreview: config error: Cannot read .selfreviewrc.json: its symbolic links loop.\n');
  });

  test('a config that is a directory is an error, not a crash', () => {
    repo = createTempRepo({ 'a.ts': lines(3), '.selfreviewrc.json/x': '1' });
    const result = runUnchanged(repo);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^selfreview: config error: Cannot read/);
  });
});

describe('budgets and exclusions from config', () => {
  test('per-path budgets measure their files as their own group', () => {
    repo = createTempRepo({ 'src/a.ts': lines(3), 'docs/guide.md': lines(3) });
    repo.write({ '.selfreviewrc.json': JSON.stringify({ budgets: { paths: [{ match: ['docs/**'], human: { lines: 1000 } }] } }) });
    repo.stage({ 'docs/guide.md': lines(700, 'doc'), 'src/a.ts': lines(50) });
    const { code, report } = reviewJson(repo);
    expect(code).toBe(0);
    expect(report.groups).toEqual([
      { label: 'all files', budget: { lines: 400, files: 25 }, files: 1, lines: 47 },
      { label: 'docs/**', budget: { lines: 1000, files: 25 }, files: 1, lines: 703 },
    ]);
    repo.stage({ 'docs/guide.md': lines(1200, 'doc') });
    const over = reviewJson(repo).report;
    expect(over.verdict).toBe('reject');
    expect(over.reasons).toEqual([expect.objectContaining({ code: 'lines-over-budget', group: 'docs/**', actual: 1203, limit: 1000 })]);
  });

  test('globs from the config reach the terminal sanitized, on rejection and on override', () => {
    repo = createTempRepo({ 'docs.md': lines(2) });
    repo.write({
      '.selfreviewrc.json': JSON.stringify({ budgets: { paths: [{ match: ['docs.md', 'x\u001b]0;pwned\u0007'], human: { lines: 5 } }] } }),
    });
    repo.stage({ 'docs.md': lines(30) });
    const rejected = runUnchanged(repo, ['--dry-run']);
    const overridden = runUnchanged(repo, ['--dry-run'], { env: { SELFREVIEW_OVERRIDE: 'hotfix for INC-7' } });
    expect([rejected.code, overridden.code]).toEqual([1, 0]);
    for (const { stdout } of [rejected, overridden]) {
      expect(stdout).toContain('over the human budget for docs.md, x\\e]0;pwned\\x07 of 5');
      expect(stdout).not.toContain('\u001b');
      expect(stdout).not.toContain('\u0007');
    }
  });

  test('a hunk budget counts hunks only when set', () => {
    repo = createTempRepo({ 'a.ts': lines(40) });
    repo.stage({ 'a.ts': lines(40).replace('line 5\n', 'five\n').replace('line 20\n', 'twenty\n').replace('line 35\n', 'x\n') });
    expect(reviewJson(repo).report.hunks).toBeUndefined();
    repo.write({ '.selfreviewrc.json': JSON.stringify({ budgets: { human: { hunks: 2 } } }) });
    const { code, report } = reviewJson(repo);
    expect(report.hunks).toBe(3);
    expect(code).toBe(1);
    expect(report.reasons[0]).toMatchObject({ code: 'hunks-over-budget', actual: 3, limit: 2 });
  });

  test("an excluded file's hunks do not count; a per-path hunk budget measures its own files", () => {
    const scattered = (count: number, edit: string) => lines(count).replace(/line (\d*0)\n/g, `${edit} $1\n`);
    repo = createTempRepo({ 'a.ts': lines(40), 'docs/guide.md': lines(40), 'package-lock.json': lines(100) });
    repo.write({
      '.selfreviewrc.json': JSON.stringify({ budgets: { human: { hunks: 2 }, paths: [{ match: 'docs/**', human: { hunks: 1 } }] } }),
    });
    // package-lock.json: 10 separate edits (10 hunks), excluded; a.ts: 2 hunks, within budget.
    repo.stage({
      'package-lock.json': scattered(100, 'bumped'),
      'a.ts': lines(40).replace('line 5\n', 'five\n').replace('line 30\n', 'thirty\n'),
    });
    const passing = reviewJson(repo);
    expect(passing.code).toBe(0);
    expect(passing.report.hunks).toBe(2);
    expect(passing.report.groups.map((g) => [g.label, g.hunks])).toEqual([['all files', 2]]);

    repo.stage({ 'docs/guide.md': scattered(40, 'reworded') });
    const { code, report } = reviewJson(repo);
    expect(code).toBe(1);
    expect(report.reasons).toEqual([expect.objectContaining({ code: 'hunks-over-budget', group: 'docs/**', actual: 4, limit: 1 })]);
    expect(runUnchanged(repo).stdout).toMatch(/docs\/\*\*: 8\/400 lines, 1\/25 files, 4\/1 hunks/);
  });

  test('provenance.assume: ai applies the AI budget to every change', () => {
    repo = createTempRepo({ 'a.ts': lines(3) });
    repo.write({ '.selfreviewrc.yaml': 'provenance:\n  assume: ai\n' });
    repo.stage({ 'a.ts': lines(250) });
    const { code, report } = reviewJson(repo);
    expect(code).toBe(1);
    expect(report.provenance).toMatchObject({ kind: 'ai', decidedBy: 'config provenance.assume=ai' });
    expect(report.budget.kind).toBe('ai');
  });
});
