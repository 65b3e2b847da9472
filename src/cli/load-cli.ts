import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { readCacheFile, reportIgnoredCache, userCacheDir, writeCacheFile } from '../adapters/cache/trusted-cache-file.js';

// Runs the CLI's one-script form (dist/bundle/cli.cjs, scripts/bundle.mjs) with V8's code cache:
// Node 20 compiles every ES module again on each run, ~15 ms of CPU for the ~560 KB a warm
// `impact` loads, most of a hook's own start after node's (docs/speed.md, round 53). The cache is
// compiled code: it is read as typescript.ts reads TypeScript's (trusted-cache-file.ts): the
// user's own file in the user's own folder, outside any git work tree, its header naming the
// digest of the exact bytes of the script it was compiled from and of its own bytes. Anything else
// (planted, damaged, another build's) is never handed to V8: ignored with one line, and rewritten
// at the end of the run. No cache folder: the script is compiled as it loads, as main.js was.

/** What cli.cjs exports: main.ts's entry. */
export interface Cli {
  main(argv: readonly string[]): Promise<number>;
}

/** Far above what V8 writes for the whole CLI (~1-2 MB). */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * V8 takes a code cache only from a process whose flags hash the same: one file per flag set
 * (node's command line, NODE_OPTIONS, bin's own budget), so that runs under other flags never
 * reject and rewrite each other's cache. `node:v8`'s own tag would say it, but loading that
 * module costs a start more than this digest (docs/speed.md, round 44).
 */
function flagsTag(extraFlags: string): string {
  const flags = JSON.stringify([process.execArgv, process.env.NODE_OPTIONS ?? '', extraFlags]);
  return createHash('sha256').update(flags).digest('hex').slice(0, 12);
}

/**
 * The wrapper Node puts around a CommonJS module, strict as the ES modules it was built from, and
 * the script's own URL (each module's import.meta.url is a file beside it): what V8 compiles.
 */
export function wrapScript(text: string): string {
  return `(function (exports, require, module, __filename, __dirname, __bundleUrl) { 'use strict'; ${text}\n});`;
}

/**
 * The cache file of cli.cjs for this Node, named by the script's digest, the flags, and whether the
 * run is the review (switches alone: the hook's run) or another command. V8 keeps in a cache the
 * functions the run that wrote it compiled: a review's taken from an `impact` run's cache cost 7%
 * more CPU than from its own (unovis, paired; an `impact` loses nothing from the review's).
 */
function cliCacheName(digest: string, extraFlags: string, argv: readonly string[]): string {
  const role = argv.every((arg) => arg.startsWith('-')) ? 'review' : 'command';
  return `cli-${digest.slice(0, 16)}-${role}-${process.version}-${process.arch}-${flagsTag(extraFlags)}.v8cache`;
}

/** A month: another installed build of selfreview (another project's) still in use rewrites its
 * cache sooner than that only when it changes; one not run for a month is gone. */
const STALE_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Each build writes its own cache files (~1-2 MB each, per role and flag set): those of other
 * builds not written for a month are removed when this one writes, so updates do not pile them
 * up in the user's cache folder. Only our own `cli-*.v8cache` names; anything else is left.
 */
function pruneOtherBuilds(dir: string, digest: string): void {
  const own = `cli-${digest.slice(0, 16)}-`;
  for (const name of readdirSync(dir)) {
    if (!/^cli-[0-9a-f]{16}-.*\.v8cache$/.test(name) || name.startsWith(own)) continue;
    try {
      const file = join(dir, name);
      if (Date.now() - statSync(file).mtimeMs > STALE_MS) unlinkSync(file);
    } catch {
      // gone already, or not ours to remove
    }
  }
}

/** Loads cli.cjs at `url`, with its code cache when the user's cache folder holds a current one. */
export function loadCli(url: URL, extraFlags = '', argv: readonly string[] = process.argv.slice(2)): Cli {
  const file = fileURLToPath(url);
  const bytes = readFileSync(file);
  const digest = createHash('sha256').update(bytes).digest('hex');
  const source = wrapScript(bytes.toString('utf8'));
  const dir = userCacheDir();
  const cacheFile = dir === null ? null : join(dir, cliCacheName(digest, extraFlags, argv));
  // V8 checks a code cache against the source's length only: the key is the script's exact bytes.
  const key = `cli ${process.version} ${process.arch} ${digest}`;
  let cachedData: Buffer | undefined;
  if (cacheFile !== null) {
    const read = readCacheFile(cacheFile, { key, maxBytes: MAX_CACHE_BYTES, isOutsideWorkTree: true });
    if (read.kind === 'refused') reportIgnoredCache(cacheFile, read.reason);
    if (read.kind === 'hit') cachedData = read.bytes;
  }
  const script = new Script(source, { filename: file, cachedData });
  if (cacheFile !== null && (cachedData === undefined || script.cachedDataRejected === true)) {
    // Written when the run ends, with every function the run compiled (the next run's start).
    process.once('exit', () => {
      try {
        if (writeCacheFile(cacheFile, key, script.createCachedData(), { isOutsideWorkTree: true })) pruneOtherBuilds(dir!, digest);
      } catch {
        // a cache folder that cannot be written only costs speed
      }
    });
  }
  const module = { exports: {} as Cli };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, nodeModule.createRequire(file), module, file, dirname(file), url.href);
  return module.exports;
}
