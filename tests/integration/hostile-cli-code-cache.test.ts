import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { writeCacheFile } from '../../src/adapters/cache/trusted-cache-file.js';
import { wrapScript } from '../../src/cli/load-cli.js';
import { expectEachDamageRebuilt, expectSameRun, runBounded, type BoundedRun } from '../helpers/hostile.js';
import { createTempRepo, PROJECT_ROOT, type TempRepo } from '../helpers/temp-repo.js';

// On Node 20 the CLI runs from one script, dist/bundle/cli.cjs, with V8's code cache kept in the
// user's cache folder (src/cli/load-cli.ts, docs/speed.md round 53). That cache is compiled code
// and V8 checks it against the script's length only: a cache compiled from an altered cli.cjs of
// the same length would run its code on every commit. Here the planted cache is real: compiled by
// this Node from a script of cli.cjs's length that writes a marker file.
// A control run shows that it does run when the file passes every check (the user's own file, its
// header naming the real script's digest: a user who can write it can run code anyway); every
// other probe must leave no marker, answer as the first run did, and rewrite the cache.

// Node 22.1+ runs the ES modules with Node's own compile cache (bin/selfreview.js): no cli.cjs cache.
const hasCompileCache = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';
const script = join(PROJECT_ROOT, 'dist', 'bundle', 'cli.cjs');
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

let base: string;
let repo: TempRepo;
let marker: string;
const MARKER = 'planted';
let first: BoundedRun;
let realKey: string;
let planted: { cachedData: Buffer; key: string };

/**
 * Compiles, in a node flagged as the CLI is here, a script of cli.cjs's length whose code writes
 * the marker file where it runs (the repository): V8 checks a cache against the length alone.
 */
function compilePlantedScript(): { cachedData: Buffer; key: string } {
  const text = readFileSync(script, 'utf8');
  const code = `require("fs").writeFileSync(${JSON.stringify(MARKER)}, "ran");`;
  const planted = `${code}/*${' '.repeat(text.length - code.length - 4)}*/`;
  expect(planted.length).toBe(text.length);
  const compile = `const vm = require('vm'); const fs = require('fs');
    process.stdout.write(new vm.Script(fs.readFileSync(0, 'utf8'), { filename: ${JSON.stringify(script)} }).createCachedData().toString('base64'));`;
  const out = spawnSync(process.execPath, ['-e', compile], { input: wrapScript(planted), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(out.status).toBe(0);
  return { cachedData: Buffer.from(out.stdout, 'base64'), key: `cli ${process.version} ${process.arch} ${sha256(planted)}` };
}

/** A run of `impact --json` with HOME at `home` and no saved graph: every run gives the first one's report. */
function run(home: string): Promise<BoundedRun> {
  rmSync(join(repo.dir, '.git', 'selfreview'), { recursive: true, force: true });
  return runBounded(repo.dir, ['impact', '--json'], { env: { HOME: home }, deadlineMs: 90_000 });
}

function newHome(): string {
  return mkdtempSync(join(base, 'home-'));
}

/** The code cache file of cli.cjs in `home` (the one the CLI writes) for a command or the review, or null. */
function cacheFileOf(home: string, role: 'command' | 'review' = 'command'): string | null {
  const dir = join(home, '.cache', 'selfreview');
  const names = existsSync(dir)
    ? readdirSync(dir).filter((name) => name.startsWith('cli-') && name.includes(`-${role}-`) && name.endsWith('.v8cache'))
    : [];
  expect(names.length).toBeLessThanOrEqual(1);
  return names.length === 0 ? null : join(dir, names[0]!);
}

function expectAsFirst(result: BoundedRun): void {
  expectSameRun(result, first, marker);
}

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'selfreview-hostile-cli-cache-'));
  realKey = `cli ${process.version} ${process.arch} ${sha256(readFileSync(script))}`;
  planted = compilePlantedScript();
  repo = createTempRepo({
    'src/a.ts': 'export function one(): number {\n  return 1;\n}\n',
    'src/b.ts': "import { one } from './a';\nexport const b = one();\n",
  });
  repo.stage({ 'src/a.ts': 'export function one(): string {\n  return "1";\n}\n' });
  marker = join(repo.dir, MARKER);
  first = await run(newHome());
}, 300_000);

afterAll(() => {
  repo?.cleanup();
  rmSync(base, { recursive: true, force: true });
});

(hasCompileCache ? describe.skip : describe)('the V8 code cache of the CLI (Node 20)', () => {
  test('the first run writes it; the next reads it and leaves it as it is', async () => {
    const home = newHome();
    expectAsFirst(await run(home));
    const cacheFile = cacheFileOf(home)!;
    expect(cacheFile).not.toBeNull();
    expect(readFileSync(cacheFile).subarray(0, 200).toString('latin1')).toContain(sha256(realKey));
    const written = statSync(cacheFile);
    const again = await run(home);
    expectAsFirst(again);
    expect(again.stderr).toBe(first.stderr);
    const read = statSync(cacheFile);
    expect([read.ino, read.mtimeMs]).toEqual([written.ino, written.mtimeMs]);
    // The review (switches alone: the hook's run) keeps its own, with the functions it compiles.
    expect(cacheFileOf(home, 'review')).toBeNull();
    const review = await runBounded(repo.dir, ['--dry-run', '--json'], { env: { HOME: home }, deadlineMs: 90_000 });
    expect(review.code).toBe(0);
    expect(cacheFileOf(home, 'review')).not.toBeNull();
    expect(statSync(cacheFile).ino).toBe(written.ino);
  }, 120_000);

  test("other builds' caches are removed when this one writes its own, once not written for a month; nothing else is", async () => {
    const home = newHome();
    const dir = join(home, '.cache', 'selfreview');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const other = (digest: string, role: string) =>
      join(dir, `cli-${digest}-${role}-${process.version}-${process.arch}-0123456789ab.v8cache`);
    const [old, recent, foreign] = [other('0'.repeat(16), 'command'), other('1'.repeat(16), 'review'), join(dir, 'notes.txt')];
    for (const file of [old, recent, foreign]) writeFileSync(file, 'x', { mode: 0o600 });
    const monthAgo = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000);
    utimesSync(old, monthAgo, monthAgo);
    utimesSync(foreign, monthAgo, monthAgo);
    expectAsFirst(await run(home));
    expect(cacheFileOf(home)).not.toBeNull();
    expect([existsSync(old), existsSync(recent), existsSync(foreign)]).toEqual([false, true, true]);
  }, 120_000);

  test('control: the planted cache is real; as the user\u2019s own file with the right digests, its code runs', async () => {
    const home = newHome();
    await run(home);
    writeCacheFile(cacheFileOf(home)!, realKey, planted.cachedData, { isOutsideWorkTree: true });
    await run(home);
    expect(existsSync(marker)).toBe(true);
    rmSync(marker);
  }, 120_000);

  test('planted without our header, with the digest of its own source, or writable by others: it never runs', async () => {
    const home = newHome();
    await run(home);
    const cacheFile = cacheFileOf(home)!;
    writeFileSync(cacheFile, planted.cachedData, { mode: 0o600 });
    const bare = await run(home);
    expectAsFirst(bare);
    expect(bare.stderr).toMatch(/ignored the cache .*cli-.*\.v8cache: it is not a selfreview cache file/);
    writeCacheFile(cacheFile, planted.key, planted.cachedData, { isOutsideWorkTree: true });
    expectAsFirst(await run(home));
    // Rewritten from the real script: the next run uses it.
    expect(readFileSync(cacheFile).subarray(0, 200).toString('latin1')).toContain(sha256(realKey));
    writeCacheFile(cacheFile, realKey, planted.cachedData, { isOutsideWorkTree: true });
    chmodSync(cacheFile, 0o666);
    const writable = await run(home);
    expectAsFirst(writable);
    expect(writable.stderr).toMatch(/ignored the cache .*cli-.*writable by group or others \(mode 666\)/);
  }, 240_000);

  test('damaged (bytes flipped, cut short), a FIFO, a link to /dev/zero: no crash, no hang, the same answer', async () => {
    const home = newHome();
    await run(home);
    const cacheFile = cacheFileOf(home)!;
    await expectEachDamageRebuilt(cacheFile, [60_000, 50_000], () => run(home), expectAsFirst, /ignored the cache .*cli-.*\.v8cache/);
  }, 600_000);
});
