import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testEnv } from '../helpers/env.js';
import { CLI, createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

// The CLI raises V8's interrupt budget for a cold run on a large repository (bin/selfreview.js): such a run spent about as much CPU compiling optimized code on V8's background
// threads as on its main thread (docs/speed.md, round 39), while a short run (the hook with a saved
// graph, a small repository) is slower with it (round 40). A preload records every flag the
// process sets, through the same `node:v8` object the CLI calls; a budget given on the command line
// is the user's and stays. V8 rejects a code cache made under other flags, so TypeScript's is kept
// one file per flag set.

const RAISED = ['--interrupt-budget=270336'];
let dir: string;
let large: TempRepo;
let small: TempRepo;

/** A repository of `count` modules, `src/m-0.ts` importing none, every other one importing it; one change staged. */
function repoOf(count: number): TempRepo {
  const tree: Record<string, string> = { 'src/m-0.ts': 'export const zero = 0;\n' };
  for (let i = 1; i < count; i++) tree[`src/m-${i}.ts`] = `import { zero } from './m-0';\nexport const n${i} = zero + ${i};\n`;
  const repo = createTempRepo(tree);
  repo.stage({ 'src/m-0.ts': 'export const zero = 1;\n' });
  return repo;
}

function flagsSet(cwd: string, nodeArgs: readonly string[] = [], env: Record<string, string> = {}, args = ['--version']): string[] {
  const out = join(dir, 'flags');
  const run = spawnSync(process.execPath, [...nodeArgs, '--require', join(dir, 'record.cjs'), CLI, ...args], {
    cwd,
    env: testEnv({ RECORD_FLAGS: out, ...env }),
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.status).toBe(0);
  return readFileSync(out, 'utf8').split('\n').filter(Boolean);
}

const saveGraph = (commonDir: string) => {
  mkdirSync(join(commonDir, 'selfreview', 'cache'), { recursive: true });
  writeFileSync(join(commonDir, 'selfreview', 'cache', 'graph.json'), '{}');
};

beforeAll(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'selfreview-v8-')));
  writeFileSync(
    join(dir, 'record.cjs'),
    `const fs = require('node:fs');
const v8 = require('node:v8');
const set = v8.setFlagsFromString;
fs.writeFileSync(process.env.RECORD_FLAGS, '');
v8.setFlagsFromString = (flags) => {
  fs.appendFileSync(process.env.RECORD_FLAGS, flags + '\\n');
  return set.call(v8, flags);
};
`,
  );
  large = repoOf(300);
  small = repoOf(20);
}, 60_000);

afterAll(() => {
  large?.cleanup();
  small?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe("the CLI's V8 flags", () => {
  test('a large repository with no saved graph: the budget is raised fourfold, from any of its folders', () => {
    rmSync(join(large.dir, '.git', 'selfreview'), { recursive: true, force: true });
    expect(flagsSet(large.dir)).toEqual(RAISED);
    expect(flagsSet(join(large.dir, 'src'))).toEqual(RAISED);
    expect(flagsSet(dir, [], { GIT_DIR: join(large.dir, '.git') })).toEqual(RAISED);
  }, 60_000);

  test("a saved graph, a small repository, no repository: V8's defaults", () => {
    saveGraph(join(large.dir, '.git'));
    try {
      expect(flagsSet(large.dir)).toEqual([]);
    } finally {
      rmSync(join(large.dir, '.git', 'selfreview'), { recursive: true, force: true });
    }
    expect(flagsSet(small.dir)).toEqual([]);
    expect(flagsSet(dir)).toEqual([]);
    // The gate alone walks no graph.
    expect(flagsSet(large.dir, [], {}, ['--dry-run', '--json', '--no-impact'])).toEqual([]);
  }, 60_000);

  test('a linked work tree: its own index, the graph its repository saved', () => {
    const linked = join(dir, 'linked');
    large.git(['worktree', 'add', '-q', '--detach', linked]);
    try {
      expect(flagsSet(linked)).toEqual(RAISED);
      saveGraph(join(large.dir, '.git'));
      expect(flagsSet(linked)).toEqual([]);
    } finally {
      large.git(['worktree', 'remove', '--force', linked]);
      rmSync(join(large.dir, '.git', 'selfreview'), { recursive: true, force: true });
    }
  }, 60_000);

  test('a budget on the command line is left alone', () => {
    expect(flagsSet(large.dir, ['--interrupt-budget=100000'])).toEqual([]);
  }, 60_000);

  test("TypeScript's code cache and the CLI's (Node 20, cli.cjs) are one file per flag set: cold and short runs keep each other's", () => {
    const home = mkdtempSync(join(dir, 'home-'));
    const cacheDir = join(home, '.cache', 'selfreview');
    const runImpact = (repo: TempRepo) => {
      rmSync(join(repo.dir, '.git', 'selfreview'), { recursive: true, force: true });
      const result = repo.run(['impact', '--json'], { env: { HOME: home }, timeoutMs: 60_000 });
      expect(result.code).toBe(0);
      expect(result.stderr).not.toMatch(/ignored the cache/);
    };
    const caches = (prefix = 'typescript-') =>
      readdirSync(cacheDir)
        .filter((name) => name.startsWith(prefix) && name.endsWith('.v8cache'))
        .map((name) => `${name} ${statSync(join(cacheDir, name)).ino}`)
        .sort();
    // A staged file with a triple-slash directive, always TypeScript's (user-whole.ts): TypeScript loads.
    for (const repo of [large, small]) repo.stage({ 'src/view.ts': '/// <reference lib="es2020" />\nexport const view = 1;\n' });
    runImpact(large);
    runImpact(small);
    const written = caches();
    expect(written).toHaveLength(2);
    const hasCompileCache = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';
    const cli = caches('cli-');
    expect(cli).toHaveLength(hasCompileCache ? 0 : 2);
    // Each run again: its own flag set's cache is taken as it is, not rewritten.
    runImpact(large);
    runImpact(small);
    expect(caches()).toEqual(written);
    expect(caches('cli-')).toEqual(cli);
  }, 120_000);
});
