#!/usr/bin/env node
import { readFileSync, statSync } from 'node:fs';
import nodeModule from 'node:module';
import { dirname, join, resolve } from 'node:path';

// A cold run on a large repository lasts seconds: V8's optimizing compiler, by default, compiles
// a function once ~66 KB of its bytecode has run, and such a run spent ~3 s of CPU (about as much
// as its main thread) compiling on background threads that share 2 cores with the parse worker.
// Four times that budget leaves for it the functions that really run hot (docs/speed.md, round
// 39); a short run (the hook with a saved graph, a small repository) is slower with it (round
// 40). Whether this run will walk a large repository's import graph cold is guessed here, before
// anything loads, from a few stat() calls and without git: a wrong guess costs speed, never an answer.

/** An index of 16 KB lists ~150 files or more (62 bytes an entry, plus its path): the flag cost a
 * cold run 7% of its CPU on 57 files and saved 11% on 201 (docs/speed.md, round 40). */
const LARGE_INDEX_BYTES = 16_000;

const sizeOf = (file) => {
  try {
    return statSync(file).size;
  } catch {
    return -1;
  }
};

/** The git directory of the work tree around `cwd` (a `.git` folder, or a `.git` file's `gitdir:`), or null. */
function findGitDir(cwd, env) {
  if (env.GIT_DIR) return resolve(cwd, env.GIT_DIR);
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const dotGit = join(dir, '.git');
    try {
      if (statSync(dotGit).isDirectory()) return dotGit;
      const target = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1];
      return target === undefined ? null : resolve(dir, target.trim());
    } catch {
      if (dirname(dir) === dir) return null;
    }
  }
}

/** True when `cwd` is in a large repository whose import graph was never saved. */
function isLargeColdRepository(cwd = process.cwd(), env = process.env) {
  const gitDir = findGitDir(cwd, env);
  if (gitDir === null) return false;
  let commonDir = gitDir;
  try {
    // A linked work tree keeps the caches in the repository's own git directory.
    commonDir = resolve(gitDir, readFileSync(join(gitDir, 'commondir'), 'utf8').trim());
  } catch {
    // not a linked work tree
  }
  if (env.GIT_COMMON_DIR) commonDir = resolve(cwd, env.GIT_COMMON_DIR);
  const index = env.GIT_INDEX_FILE ? resolve(cwd, env.GIT_INDEX_FILE) : join(gitDir, 'index');
  return sizeOf(join(commonDir, 'selfreview', 'cache', 'graph.json')) < 0 && sizeOf(index) >= LARGE_INDEX_BYTES;
}

// A budget on node's command line is the user's and stays; `--no-impact` walks no graph.
const budget = `--interrupt-budget=${4 * 67584}`;
const isBudgetRaised =
  !process.execArgv.some((arg) => arg.startsWith('--interrupt-budget')) && !process.argv.includes('--no-impact') && isLargeColdRepository();
if (isBudgetRaised) {
  // Loaded only here: `node:v8` costs a start ~5-9 ms of CPU that most runs never use (docs/speed.md, round 44).
  (await import('node:v8')).default.setFlagsFromString(budget);
}
// Node 22.1+: V8's compile cache for every module of the CLI, which the hook starts on each
// commit. After the flags: Node keys its cache folder by them, and V8 rejects a cache made under
// other flags. Node 20 has no such switch: there the CLI runs from its one-script form with our
// own code cache (src/cli/load-cli.ts, docs/speed.md round 53).
const hasCompileCache = typeof nodeModule.enableCompileCache === 'function';
nodeModule.enableCompileCache?.();
// The CLI runs from its bundle (scripts/bundle.mjs); with --debug a stack names our source files
// (the source maps of the ES modules).
const isDebug = process.argv.includes('--debug') || process.env.SELFREVIEW_DEBUG === '1' || process.env.SELFREVIEW_DEBUG === 'true';
if (isDebug) process.setSourceMapsEnabled(true);
const { main } =
  hasCompileCache || isDebug
    ? await import('../dist/bundle/main.js')
    : (await import('../dist/bundle/load-cli.js')).loadCli(
        new URL('../dist/bundle/cli.cjs', import.meta.url),
        isBudgetRaised ? budget : '',
      );

main(process.argv).then((code) => {
  process.exitCode = code;
});
