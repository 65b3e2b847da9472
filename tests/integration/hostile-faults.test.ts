import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, jest, test } from '@jest/globals';
import { writeAnswersFor } from '../helpers/answers.js';
import { readCacheContent } from '../helpers/cache-files.js';
import { runBounded } from '../helpers/hostile.js';
import { runUnchanged } from '../helpers/review-run.js';
import { createTempRepo, lines, type TempRepo } from '../helpers/temp-repo.js';
import { withoutProgress } from '../helpers/progress.js';

// Faults around the review: no usable TMPDIR, leftovers of a killed run, parallel runs sharing
// the cache, and source nested deeper than a recursive parser can follow.

// Generous: a hang is caught by runBounded's own deadline; a loaded machine is slow.
jest.setTimeout(90_000);

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const tmpDir = (r: TempRepo) => join(r.dir, '.git', 'selfreview', 'tmp');
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+|Maximum call stack|unexpected error/);

/** A pid that is certainly not running: a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('temporary files', () => {
  test.each([
    ['missing', '/nonexistent/selfreview-tmp'],
    ['not a folder', '/dev/null'],
  ])('TMPDIR %s: the review is recorded, and nothing is left under the git directory', (_case, tmp) => {
    repo = createTempRepo({ 'docs/a.md': lines(3) });
    repo.stage({ 'docs/a.md': lines(6) });
    const answers = writeAnswersFor(repo);
    const result = runUnchanged(repo, [], { env: { TMPDIR: tmp, SELFREVIEW_ANSWERS: answers } });
    expect(withoutProgress(result.stderr)).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Review recorded/);
    expect(readdirSync(tmpDir(repo))).toEqual([]);
  });

  test("a temporary index left by a killed run is removed by the next run; a live run's is kept", () => {
    repo = createTempRepo({ 'docs/a.md': lines(3) });
    repo.stage({ 'docs/a.md': lines(6) });
    const killed = join(tmpDir(repo), `index-${deadPid()}-AbC123`);
    const live = join(tmpDir(repo), `index-${process.pid}-XyZ789`);
    for (const dir of [killed, live]) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'index'), 'DIRC');
    }
    const result = runUnchanged(repo); // no terminal: it still binds the review to the index tree
    expect(result.code).toBe(1);
    expect(existsSync(killed)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });
});

describe('the module cache under parallel runs', () => {
  test('four cold reviews at once leave one data file, the one the index names, and no temporary file', async () => {
    const tree: Record<string, string> = {};
    for (let i = 0; i < 40; i++)
      tree[`src/m${i}.ts`] = `import { v${(i + 1) % 40} } from './m${(i + 1) % 40}';\nexport const v${i} = ${i};\n`;
    repo = createTempRepo(tree);
    repo.stage({ 'src/m0.ts': `${tree['src/m0.ts']}export const extra = 1;\n` });
    const runs = await Promise.all([1, 2, 3, 4].map(() => runBounded(repo!.dir, ['--dry-run', '--json'], { deadlineMs: 120_000 })));
    for (const run of runs) {
      expect(run.isHung).toBe(false);
      expect(run.code).toBe(0);
    }
    const cache = join(repo.dir, '.git', 'selfreview', 'cache');
    const index = JSON.parse(readCacheContent(join(cache, 'modules-index.json')).toString()) as { data: string };
    expect(readdirSync(cache).sort()).toEqual([index.data, 'graph.json', 'modules-index.json', 'modules-scanned.json'].sort());
  }, 150_000);
});

describe('source nested deeper than a recursive parser follows', () => {
  const deep = {
    'src/parens.ts': `export const x = ${'('.repeat(1000)}1${')'.repeat(1000)};\n`,
    'src/arrays.ts': `export const y = ${'['.repeat(5000)}${']'.repeat(5000)};\n`,
  };

  test('the review reports a file too deep to analyse and goes on', () => {
    repo = createTempRepo({ 'src/a.ts': 'export const a = 1;\n' });
    repo.stage(deep);
    const result = runUnchanged(repo, ['--dry-run', '--json']);
    noStack(result.stderr);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { impact: { parseErrors: Array<{ path: string }> } };
    // TypeScript's parser overflows on both; the token reader (user-whole.ts) reads the 1,000
    // parentheses and gives the 5,000 arrays back to TypeScript.
    expect(report.impact.parseErrors.map((e) => e.path)).toEqual(['src/arrays.ts']);
  });

  test('selfreview ci over a commit holding them', () => {
    repo = createTempRepo({ 'src/a.ts': 'export const a = 1;\n' });
    repo.git(['tag', 'base']);
    repo.commit('deep', deep);
    const result = runUnchanged(repo, ['ci', '--base', 'base', '--format', 'json']);
    noStack(result.stderr);
    expect(result.code).toBe(1); // no review record: a finding, not a crash
    expect(JSON.parse(result.stdout)).toMatchObject({ verdict: 'fail' });
  });
});
